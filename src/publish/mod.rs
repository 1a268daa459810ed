//! Publishing: an article rendered natively, with the components the browser uses, into a
//! complete HTML page that reads, ranks, unfurls and prints before any script runs. The
//! app takes the page over once its wasm has arrived (decision 015).
//!
//! A published page is the reader's own page (`index.html`, as Trunk built it, which this
//! module calls the shell) with three things filled in: the `<html>` element's language
//! and direction, a `<head>` that describes the article, and the reading view, rendered
//! as the app renders it when everything is shown, in place of the loading placeholder.
//! Every string goes through the renderer's escaping or [`escape_attribute`]; nothing in
//! an article can add an element, attribute or script.
//!
//! This is the top floor for the `ssr` build, like `embed` for the browser: nothing
//! imports it. The `lede` command (cli/) drives it over a folder of articles.

pub mod feeds;

use std::sync::Arc;

use leptos::prelude::*;

use crate::components::{ArticleView, BodyChunks, ErrorState, PublishedSiteOrigin, ReadingState};
use crate::model::slug::Slug;
use crate::model::Article;
use crate::platform::surface::ReaderSurface;
use crate::platform::takeover::{OPENING_ATTRIBUTE, PUBLISHED_ATTRIBUTE};
use crate::pages::OWNER_ATTRIBUTE;
use crate::reader_settings::ReaderSettings;
use crate::reading::chunks::{published_extent, rendering_chunks, PublishedExtent};
use crate::reading::head::head_tags;
use crate::reading::json_ld::news_article_json_ld;
use crate::reading::layout::{ArticleExtent, ArticleViewLayout, BodyRendering};
use crate::routing::{article_path, ArticleNavigation};


/// The stylesheet a published page adds for readers without scripts, beside the reader's
/// own files (`style/noscript.css`).
pub const NOSCRIPT_STYLESHEET: &str = "noscript.css";

/// What every published page's head opens with, as the reader's own page does.
const PAGE_HEAD_START: &str = "<meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><meta name=\"color-scheme\" content=\"light dark\">";

/// The reader's page as Trunk built it: what a published page keeps of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AppShell {
    /// The head's links and scripts: the stylesheet, the start-up script, the wasm and its
    /// glue, each with the name and integrity hash of this build.
    assets: String,
    /// The same, with the start-up script loaded by [`START_AFTER_FIRST_PAINT_SCRIPT`]
    /// once the page has painted: the head of an article's published page.
    assets_starting_after_first_paint: String,
    /// The head's stylesheet links alone: the head of a page without scripts.
    stylesheets: String,
}

/// The inline script of an article's published page that loads the app's start-up script
/// (named by its own `data-lede-start` attribute) once the page has painted its first
/// content, and not before: a request that starts before the first paint competes with
/// it, and Lighthouse's simulated mobile load counts it on the way to the LCP. Its text
/// never changes with the build, so a Content Security Policy allows it by one hash
/// (docs/configuration.md).
pub const START_AFTER_FIRST_PAINT_SCRIPT: &str = include_str!("start_after_first_paint.js").trim_ascii_end();

impl AppShell {
    /// Reads the shell from the text of the built `index.html`. Refuses a page that was
    /// published already, whose assets would carry a first article's description.
    pub fn from_index_html(index_html: &str) -> Result<AppShell, String> {
        if index_html.contains(PUBLISHED_ATTRIBUTE) {
            return Err("the shell is a published page, not the reader's built index.html".to_owned());
        }
        let after_title = index_html
            .find("</title>")
            .map(|at| at + "</title>".len())
            .ok_or("the shell has no <title>")?;
        let head_end = index_html[after_title..]
            .find("</head>")
            .map(|at| after_title + at)
            .ok_or("the shell has no </head> after its <title>")?;
        let head = &index_html[after_title..head_end];
        if !head.contains(".wasm") {
            return Err("the shell's head names no wasm: is it Trunk's release build?".to_owned());
        }
        let assets = without_preloads(head);
        let (start_tag, start_address) = start_up_script(&assets)
            .ok_or("the shell's head has no start-up script <script type=\"module\" src=\"…\"></script>")?;
        let start_after_first_paint = format!(
            "<script data-lede-start=\"{}\">{START_AFTER_FIRST_PAINT_SCRIPT}</script>",
            escape_attribute(start_address)
        );
        let assets_starting_after_first_paint = assets.replacen(start_tag, &start_after_first_paint, 1);
        let stylesheets = tags(&assets, "<link")
            .filter(|tag| tag_attributes(tag).any(|attribute| matches!(attribute, "rel=stylesheet" | "rel=\"stylesheet\"")))
            .collect();
        Ok(AppShell {
            assets,
            assets_starting_after_first_paint,
            stylesheets,
        })
    }

    /// The shell's stylesheet links.
    pub fn stylesheets(&self) -> &str {
        &self.stylesheets
    }
}

/// The tags in `html` that open with `opening` (such as `<link`), whole.
fn tags<'a>(html: &'a str, opening: &'a str) -> impl Iterator<Item = &'a str> + 'a {
    html.match_indices(opening)
        .filter_map(move |(start, _)| html[start..].find('>').map(|length| &html[start..=start + length]))
}

/// The attributes of `tag` as written (`name=value`), split at white space.
fn tag_attributes(tag: &str) -> impl Iterator<Item = &str> {
    tag.split(|character: char| character.is_whitespace() || character == '>')
        .map(|attribute| attribute.trim_end_matches('/'))
}

/// The start-up script's whole tag in `head` and its address, as `tools/post-build.mjs`
/// writes it: `<script type="module" src="…"></script>`.
fn start_up_script(head: &str) -> Option<(&str, &str)> {
    const OPENING: &str = "<script type=\"module\" src=\"";
    const CLOSING: &str = "\"></script>";
    let start = head.find(OPENING)?;
    let address_start = start + OPENING.len();
    let address_length = head[address_start..].find(CLOSING)?;
    let address = &head[address_start..address_start + address_length];
    Some((&head[start..address_start + address_length + CLOSING.len()], address))
}

/// `head` without its `<link rel="preload">` and `<link rel="modulepreload">` tags. On a
/// published page the app is not on the way to the first paint: its files are fetched
/// by the start-up script after that paint, and a preload would make them compete with
/// the page's own stylesheet and images.
fn without_preloads(head: &str) -> String {
    let mut kept = head.to_owned();
    for tag in tags(head, "<link") {
        let is_preload = tag_attributes(tag)
            .any(|attribute| matches!(attribute, "rel=preload" | "rel=\"preload\"" | "rel=modulepreload" | "rel=\"modulepreload\""));
        if is_preload {
            kept = kept.replacen(tag, "", 1);
        }
    }
    kept
}

/// The address of `article`'s published page on `site` (written without a trailing slash).
pub fn article_page_url(site: &str, article: &Article) -> String {
    format!("{site}{}", crate::routing::article_page_path(&article.id))
}

/// The published page of `article`, whose address is `page_url` (absolute), as a complete
/// HTML document: the whole article, or for a long one its opening and a link to
/// [`whole_article_page_html`] ([`published_extent`]). The app takes it over.
pub fn article_page_html(article: &Arc<Article>, shell: &AppShell, page_url: &str) -> String {
    let extent = published_extent(&article.sections);
    let opening_attribute = match extent {
        PublishedExtent::Whole => String::new(),
        PublishedExtent::Opening => format!(" {OPENING_ATTRIBUTE}"),
    };
    let head = article_page_head(article, page_url, &format!(
        "{assets}<noscript><link rel=\"stylesheet\" href=\"/{NOSCRIPT_STYLESHEET}\"></noscript>",
        assets = shell.assets_starting_after_first_paint,
    ));
    format!(
        "<!doctype html><html lang=\"{language}\" dir=\"{direction}\"><head>{head}</head><body><div id=\"lede-app\" class=\"lede-app\" {PUBLISHED_ATTRIBUTE}=\"{id}\"{opening_attribute}>{view}</div></body></html>",
        language = escape_attribute(&article.language),
        direction = article.direction.as_html_dir(),
        id = escape_attribute(article.id.as_str()),
        view = article_view_html(article, &site_origin_of(page_url), extent),
    )
}

/// The page of the whole of a long article, whose own page (`page_url`, absolute) holds
/// its opening: every section, for readers without scripts and for crawlers, who follow
/// the opening's "Continue reading" link. No script: a reader with scripts is on the
/// article's own page, where the app renders the rest. Its canonical address is the
/// article's page.
pub fn whole_article_page_html(article: &Arc<Article>, shell: &AppShell, page_url: &str) -> String {
    // The stylesheet for readers without scripts applies to everyone here: nothing on
    // this page runs, so nothing that needs the app is offered.
    let head = article_page_head(article, page_url, &format!(
        "{stylesheets}<link rel=\"stylesheet\" href=\"/{NOSCRIPT_STYLESHEET}\">",
        stylesheets = shell.stylesheets(),
    ));
    format!(
        "<!doctype html><html lang=\"{language}\" dir=\"{direction}\"><head>{head}</head><body><div id=\"lede-app\" class=\"lede-app\" {PUBLISHED_ATTRIBUTE}=\"{id}\">{view}</div></body></html>",
        language = escape_attribute(&article.language),
        direction = article.direction.as_html_dir(),
        id = escape_attribute(article.id.as_str()),
        view = article_view_html(article, &site_origin_of(page_url), PublishedExtent::Whole),
    )
}

/// The origin of `page_url`, whose addresses a published page writes from their path.
fn site_origin_of(page_url: &str) -> String {
    crate::platform::url::parse_url(page_url, None).map(|url| url.origin).unwrap_or_default()
}

/// The head of an article's published page at `page_url`: its description, then `assets`.
fn article_page_head(article: &Article, page_url: &str, assets: &str) -> String {
    let mut head = String::new();
    head.push_str(PAGE_HEAD_START);
    head.push_str(&format!("<title>{}</title>", escape_text(&article.headline)));
    for tag in head_tags(article, page_url) {
        let Some(value) = tag.value else { continue };
        head.push_str(&format!(
            "<{element} {OWNER_ATTRIBUTE} {key_attribute}=\"{key}\" {value_attribute}=\"{value}\">",
            element = tag.kind.element(),
            key_attribute = tag.kind.key_attribute(),
            key = escape_attribute(tag.key),
            value_attribute = tag.kind.value_attribute(),
            value = escape_attribute(&value),
        ));
    }
    // The JSON-LD escapes `<`, `>`, `&` and the two line separators inside its strings, so
    // it can never close its script element.
    head.push_str(&format!(
        "<script {OWNER_ATTRIBUTE} type=\"application/ld+json\">{}</script>",
        news_article_json_ld(article, page_url)
    ));
    head.push_str("<link rel=\"alternate\" type=\"application/atom+xml\" href=\"/feed.xml\">");
    head.push_str(assets);
    head
}

/// The reading view of `article` as HTML, as the app renders it on the reader's page with
/// everything shown (the sections `extent` holds, the notes, the related articles).
/// Addresses on `site_origin` are written from their path (see [`PublishedSiteOrigin`]).
pub fn article_view_html(article: &Arc<Article>, site_origin: &str, extent: PublishedExtent) -> String {
    let owner = Owner::new();
    owner.with(|| {
        provide_context(PublishedSiteOrigin(site_origin.to_owned()));
        let layout = ArticleViewLayout {
            body_rendering: BodyRendering::AllAtOnce,
            extent: match extent {
                PublishedExtent::Whole => ArticleExtent::Full,
                PublishedExtent::Opening => ArticleExtent::Opening,
            },
            ..ArticleViewLayout::default()
        };
        let parts: Arc<[_]> = rendering_chunks(&article.sections).into();
        let switches = (0..parts.len())
            .map(|index| RwSignal::new(extent == PublishedExtent::Whole || index == 0))
            .collect();
        let reading = static_reading_state(parts, switches);
        let navigation = static_navigation();
        let article = Arc::clone(article);
        view! { <ArticleView article=article navigation=navigation layout=layout reading=reading /> }.to_html()
    })
}

/// The reading state of a rendering with nothing to do after it: the chunks `switches`
/// turns on are shown, and the settings are the defaults.
fn static_reading_state(parts: Arc<[Vec<crate::reading::chunks::SectionPart>]>, switches: Vec<RwSignal<bool>>) -> ReadingState {
    ReadingState {
        settings: RwSignal::new(ReaderSettings::default()),
        body: BodyChunks {
            parts,
            switches,
            first_paint_done: RwSignal::new(true),
            masthead_shown: RwSignal::new(true),
        },
        progress_bar: NodeRef::new(),
        on_click: Callback::new(|_| {}),
        show_all_sections: Callback::new(|()| {}),
    }
}

/// Related articles as plain links to their published pages; opening and loading ahead
/// are the app's, once it has taken over.
fn static_navigation() -> ArticleNavigation {
    ArticleNavigation {
        open: Callback::new(|_: Slug| {}),
        prefetch: Callback::new(|_: Slug| {}),
        href: Callback::new(|article_id: Slug| article_path(&article_id)),
        leave: None,
    }
}

/// The attribute of a published frame page's widget element: its children are the
/// article rendered in the widget's layout, shown until the widget has loaded
/// (`src/embed/embed.js`, `style/embed.css`).
pub const PRERENDERED_WIDGET_ATTRIBUTE: &str = "data-lede-prerendered";

/// The widget's frame page for `article` (`articles/{id}/frame/index.html`): the frame page
/// `embed.html` with the article already in it, in the widget's layout with its default
/// options, so that a widget in iframe mode shows text before the wasm arrives
/// (docs/embedding.md). The widget's loader opens it instead of `embed.html` for an
/// article of the reader's own site with no options; the widget replaces the text once
/// it has loaded. A long article's frame holds its opening, the widget the rest.
pub fn article_frame_page_html(article: &Arc<Article>, shell: &AppShell, page_url: &str) -> String {
    let site_origin = site_origin_of(page_url);
    let owner = Owner::new();
    let view = owner.with(|| {
        provide_context(PublishedSiteOrigin(site_origin));
        provide_context(ReaderSurface::PublishedWidget);
        let parts: Arc<[_]> = rendering_chunks(&article.sections).into();
        let is_whole = published_extent(&article.sections) == PublishedExtent::Whole;
        let switches = (0..parts.len()).map(|index| RwSignal::new(is_whole || index == 0)).collect();
        let reading = static_reading_state(parts, switches);
        let navigation = static_navigation();
        let layout = ArticleViewLayout {
            body_rendering: BodyRendering::AllAtOnce,
            ..ArticleViewLayout::default()
        };
        let article = Arc::clone(article);
        view! { <ArticleView article=article navigation=navigation layout=layout reading=reading /> }.to_html()
    });
    format!(
        "<!doctype html><html lang=\"{language}\" dir=\"{direction}\" data-lede-frame><head>{PAGE_HEAD_START}<meta name=\"robots\" content=\"noindex\"><title>{title}</title><link rel=\"icon\" href=\"data:,\">{stylesheets}<link rel=\"stylesheet\" href=\"/embed-frame.css\"><script type=\"module\" src=\"/embed.js\"></script></head><body><lede-article data-lede-frame {PRERENDERED_WIDGET_ATTRIBUTE}><div class=\"lede-app\">{view}</div></lede-article></body></html>",
        language = escape_attribute(&article.language),
        direction = article.direction.as_html_dir(),
        title = escape_text(&article.headline),
        stylesheets = shell.stylesheets(),
    )
}

/// The site's not-found page (`404.html`, which static hosts serve for addresses no file
/// answers): the app's not-found message in a complete page. With scripts, the app
/// starts from it as from the reader's own page and shows what the address asks for.
pub fn not_found_page_html(shell: &AppShell) -> String {
    let owner = Owner::new();
    let view = owner.with(|| {
        let words = crate::components::interface_text();
        view! {
            <ErrorState title=words.page_not_found message=words.no_page_here details=Vec::new() retry=None />
        }
        .to_html()
    });
    let words = crate::components::interface_text();
    format!(
        "<!doctype html><html lang=\"en\"><head>{PAGE_HEAD_START}<title>{title}</title><meta name=\"robots\" content=\"noindex\">{assets}</head><body><div id=\"lede-app\" class=\"lede-app\">{view}</div></body></html>",
        title = escape_text(words.page_not_found),
        assets = shell.assets,
    )
}

/// A ready-to-paste widget snippet for `article` (`docs/embedding.md`), whose fallback is
/// the article's own kicker, headline, summary and a link to its page: a host page shows
/// the story even with scripts blocked, and the widget replaces it when it starts.
/// `site` is the reader's address (where `embed.js` and the articles are), without a
/// trailing slash; `page_url` the article's page.
pub fn widget_snippet_html(article: &Article, site: &str, page_url: &str) -> String {
    let page = escape_attribute(page_url);
    format!(
        "<script type=\"module\" src=\"{embed}\"></script>\n<lede-article src=\"{source}\">\n  <p>{kicker}</p>\n  <h2><a href=\"{page}\">{headline}</a></h2>\n  <p>{summary}</p>\n  <p><a href=\"{page}\">{read_on} {outlet}</a></p>\n</lede-article>\n",
        embed = escape_attribute(&format!("{site}/embed.js")),
        source = escape_attribute(&format!("{site}/articles/{}.json", article.id)),
        kicker = escape_text(&article.category.name),
        headline = escape_text(&article.headline),
        summary = escape_text(&article.summary.plain_text()),
        read_on = escape_text(crate::components::interface_text().read_the_article_on),
        outlet = escape_text(&article.outlet.name),
    )
}

/// `text` escaped for an HTML text node.
pub fn escape_text(text: &str) -> String {
    html_escape::encode_text(text).into_owned()
}

/// `text` escaped for a double-quoted HTML attribute value.
pub fn escape_attribute(text: &str) -> String {
    html_escape::encode_double_quoted_attribute(text).into_owned()
}
