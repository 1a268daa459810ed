//! The block-level elements of an article body that take more than a line to map: lists,
//! block quotations and pull quotes, pictures, and embeds (which become link cards).

use crate::model::wire::{WireBlock, WireImage, WireImageSource, WireInline, WirePerson};

use super::html::{plain_text, HtmlNode, Mapping, MAX_DEPTH};
use super::runs::{collapse_white_space, Runs, Style};

/// The smallest width and height, in pixels, of a picture that becomes a figure.
const MIN_PICTURE_PIXELS: u32 = 48;

impl Mapping<'_, '_> {
    pub(super) fn list_items<N: HtmlNode>(&mut self, list: &N, items: &mut Vec<WireInline>, depth: usize) {
        for item in list.children() {
            if item.element_name().as_deref() != Some("li") {
                continue;
            }
            let mut runs = Runs::default();
            let mut nested = Vec::new();
            for child in item.children() {
                match child.element_name().as_deref() {
                    Some("ul" | "ol") => nested.push(child),
                    _ => self.inline(&child, Style::default(), &mut runs, depth + 1),
                }
            }
            if let Some(text) = runs.finish() {
                items.push(text);
            }
            if !nested.is_empty() {
                self.notes.guessed(self.source.field, "a nested list became items of the list around it");
            }
            for nested_list in nested {
                if depth < MAX_DEPTH {
                    self.list_items(&nested_list, items, depth + 1);
                }
            }
        }
    }

    pub(super) fn blockquote<N: HtmlNode>(&mut self, node: &N, depth: usize) {
        let mut speaker = None;
        let mut runs = Runs::default();
        for child in node.children() {
            match child.element_name().as_deref() {
                Some("cite" | "footer") => speaker = self.short(&speaker_name(&plain_text(&child))),
                _ => {
                    runs.separate();
                    self.inline(&child, Style::default(), &mut runs, depth + 1);
                }
            }
        }
        let Some(text) = runs.finish() else { return };
        match speaker {
            Some(name) => self.push(WireBlock::Quote {
                id: None,
                text,
                speaker: WirePerson { name, role: None, source: None },
            }),
            None => {
                self.notes.guessed(self.source.field, "a block quotation that names no speaker became a paragraph");
                self.push(WireBlock::Paragraph { id: None, text });
            }
        }
    }

    pub(super) fn pull_quote<N: HtmlNode>(&mut self, node: &N, depth: usize) {
        let quotation = descendants_named(node, "blockquote", depth);
        let Some(quotation) = quotation.first() else { return };
        let mut text = String::new();
        let mut speaker = None;
        for child in quotation.children() {
            match child.element_name().as_deref() {
                Some("cite" | "footer") => speaker = self.short(&speaker_name(&plain_text(&child))),
                _ => {
                    text.push(' ');
                    text.push_str(&plain_text(&child));
                }
            }
        }
        let Some(text) = self.short(&text) else { return };
        self.push(WireBlock::PullQuote {
            id: None,
            text,
            speaker: speaker.map(|name| WirePerson { name, role: None, source: None }),
        });
    }

    /// An embed (a video, a post elsewhere) becomes a card linking to it: no third-party
    /// script or frame runs in an article.
    pub(super) fn embed<N: HtmlNode>(&mut self, node: &N) {
        let wrapper_text = plain_text(node);
        let address = wrapper_text
            .split_whitespace()
            .find(|word| word.starts_with("https://") || word.starts_with("http://"))
            .map(str::to_owned)
            .or_else(|| first_link(node, 0));
        let Some(url) = address.and_then(|address| self.web_url(&address)) else {
            self.notes.dropped(self.source.field, "an embed without an address to link to");
            return;
        };
        let provider = node
            .attribute("class")
            .unwrap_or_default()
            .split_whitespace()
            .find_map(|class| class.strip_prefix("is-provider-"))
            .map(|provider| provider.replace('-', " "));
        let title = match provider {
            Some(provider) => format!("On {provider}"),
            None => crate::platform::url::parse_url(&url, None)
                .ok()
                .and_then(|parsed| parsed.origin.split_once("://").map(|(_, host)| host.to_owned()))
                .unwrap_or_else(|| url.clone()),
        };
        let title = self.short(&title).unwrap_or_else(|| url.clone());
        self.notes.guessed(self.source.field, format!("an embed of {url} became a link card"));
        self.push(WireBlock::LinkCard { id: None, url, title, description: None });
    }

    pub(super) fn figure<N: HtmlNode>(&mut self, picture: &N, caption: Option<WireInline>) -> Option<WireBlock> {
        let Some(source) = picture.attribute("src").and_then(|source| self.web_url(&source)) else {
            self.notes.dropped(self.source.field, "a picture without an http(s) address");
            return None;
        };
        let size = |name: &str| picture.attribute(name).and_then(|value| value.trim().parse::<u32>().ok()).filter(|value| *value > 0);
        let (Some(width), Some(height)) = (size("width"), size("height")) else {
            self.notes.dropped(self.source.field, format!("the picture {source}, whose width and height the source does not give (the reader reserves its space)"));
            return None;
        };
        // A tracking pixel or an icon is not a picture of the story.
        if width < MIN_PICTURE_PIXELS || height < MIN_PICTURE_PIXELS {
            self.notes.dropped(self.source.field, format!("the picture {source}, {width}×{height} pixels: a tracking pixel or an icon"));
            return None;
        }
        let mut sources = srcset(&picture.attribute("srcset").unwrap_or_default())
            .into_iter()
            .filter_map(|(address, width)| Some(WireImageSource { url: self.web_url(&address)?, width }))
            .take(16)
            .collect::<Vec<_>>();
        if sources.is_empty() {
            sources.push(WireImageSource { url: source, width });
        }
        let alt = picture.attribute("alt").map(|alt| collapse_white_space(&alt)).unwrap_or_default();
        Some(WireBlock::Figure {
            id: None,
            image: WireImage { sources, width, height, alt, caption, credit: None },
        })
    }
}

/// The elements named `name` under `node`, in document order, down to the depth limit.
pub(super) fn descendants_named<N: HtmlNode>(node: &N, name: &str, depth: usize) -> Vec<N> {
    let mut found = Vec::new();
    for child in node.children() {
        if child.element_name().as_deref() == Some(name) {
            found.push(child);
        } else if depth < MAX_DEPTH {
            found.extend(descendants_named(&child, name, depth + 1));
        }
    }
    found
}

fn first_link<N: HtmlNode>(node: &N, depth: usize) -> Option<String> {
    for child in node.children() {
        if child.element_name().as_deref() == Some("a") {
            if let Some(href) = child.attribute("href") {
                return Some(href);
            }
        }
        if depth < MAX_DEPTH {
            if let Some(found) = first_link(&child, depth + 1) {
                return Some(found);
            }
        }
    }
    None
}

/// A speaker's name from a citation such as "— Jane Doe".
fn speaker_name(citation: &str) -> String {
    citation.trim_start_matches(['—', '–', '-', ' ']).trim().to_owned()
}

/// The `(address, width)` candidates of a `srcset` with width descriptors.
fn srcset(value: &str) -> Vec<(String, u32)> {
    value
        .split(',')
        .filter_map(|candidate| {
            let mut parts = candidate.split_whitespace();
            let address = parts.next()?;
            let width = parts.next()?.strip_suffix('w')?.parse::<u32>().ok().filter(|width| *width > 0)?;
            Some((address.to_owned(), width))
        })
        .collect()
}

pub(super) fn is_slug(text: &str) -> bool {
    crate::model::slug::Slug::parse(text).is_ok()
}
