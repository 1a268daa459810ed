//! Apple News Markdown turned into HTML for the importers' HTML mapping, in linear time.

/// Apple News Markdown (paragraphs, `**strong**`, `*emphasis*` or `_emphasis_`,
/// `[links](address)` and `-`, `*` or `1.` lists) as HTML for the HTML mapping. Text is
/// escaped first, so nothing in it becomes markup but what Markdown says.
pub(super) fn markdown_to_html(markdown: &str) -> String {
    let mut html = String::new();
    let mut list: Option<&str> = None;
    for line in markdown.lines() {
        let trimmed = line.trim();
        let item = trimmed
            .strip_prefix("- ")
            .or_else(|| trimmed.strip_prefix("* "))
            .map(|item| ("ul", item))
            .or_else(|| {
                let (number, rest) = trimmed.split_once(". ")?;
                number.chars().all(|digit| digit.is_ascii_digit()).then_some(("ol", rest))
            });
        match item {
            Some((kind, item)) => {
                if list != Some(kind) {
                    if let Some(open) = list {
                        html.push_str(&format!("</{open}>"));
                    }
                    html.push_str(&format!("<{kind}>"));
                    list = Some(kind);
                }
                html.push_str(&format!("<li>{}</li>", markdown_inline(item)));
            }
            None => {
                if let Some(open) = list.take() {
                    html.push_str(&format!("</{open}>"));
                }
                if !trimmed.is_empty() {
                    html.push_str(&format!("<p>{}</p>", markdown_inline(trimmed)));
                }
            }
        }
    }
    if let Some(open) = list {
        html.push_str(&format!("</{open}>"));
    }
    html
}

/// How far ahead of a `[` a Markdown link's `](address)` is looked for, in characters.
const MARKDOWN_LINK_WINDOW: usize = 2_000;

fn markdown_inline(text: &str) -> String {
    let escaped = text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;");
    let mut html = String::with_capacity(escaped.len());
    let mut rest = escaped.as_str();
    let (mut strong, mut emphasis) = (false, false);
    while let Some(character) = rest.chars().next() {
        if let Some(after) = rest.strip_prefix("**") {
            html.push_str(if strong { "</strong>" } else { "<strong>" });
            strong = !strong;
            rest = after;
        } else if character == '*' || character == '_' {
            html.push_str(if emphasis { "</em>" } else { "<em>" });
            emphasis = !emphasis;
            rest = &rest[1..];
        } else if character == '[' {
            // A link is looked for within the next characters only, so that text with many
            // brackets takes linear time.
            let window = rest.char_indices().nth(MARKDOWN_LINK_WINDOW).map_or(rest.len(), |(end, _)| end);
            let link = rest[1..window].split_once("](").and_then(|(words, after)| {
                let (address, _) = after.split_once(')')?;
                (!words.contains('[')).then_some((words, address, 1 + words.len() + 2 + address.len() + 1))
            });
            match link {
                Some((words, address, length)) => {
                    html.push_str(&format!("<a href=\"{address}\">{words}</a>"));
                    rest = &rest[length..];
                }
                None => {
                    html.push('[');
                    rest = &rest[1..];
                }
            }
        } else {
            html.push(character);
            rest = &rest[character.len_utf8()..];
        }
    }
    html
}
