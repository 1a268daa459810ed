//! "Who said what": every direct quote in the article, grouped by speaker.

use crate::components::interface_text;
use leptos::prelude::*;

use crate::components::markup::Markup;
use crate::reading::quotes::SpeakerQuotes;

/// A disclosure listing each speaker's quotes, each linking to the paragraph that holds it.
/// Renders nothing when the article quotes no one.
#[component]
pub fn QuoteIndex(
    /// The quotes grouped by speaker, in order of first appearance.
    groups: Vec<SpeakerQuotes>,
) -> impl IntoView {
    let mut markup = Markup::new();
    write_quote_index(&mut markup, groups);
    markup
}

/// Writes [`QuoteIndex`] into `markup`: nothing when the article quotes no one.
pub fn write_quote_index(markup: &mut Markup, groups: Vec<SpeakerQuotes>) {
    let n_quotes: usize = groups.iter().map(|group| group.quotes.len()).sum();
    if n_quotes == 0 {
        return;
    }
    // The list is built when the reader first opens the disclosure, which hides it until
    // then. A long article quotes hundreds of times: building every link up front made the
    // last chunk of the benchmark's 5,000-paragraph article a 110 ms task at 4× CPU
    // throttling.
    let opened = RwSignal::new(false);
    let open_once = move || {
        if !opened.get_untracked() {
            opened.set(true);
        }
    };
    let speakers = move || opened.get().then(|| speaker_list(groups.clone()));
    let words = interface_text();
    let count = words.quote_count(n_quotes);
    let mut contents = Markup::new();
    contents
        .open_with_class("summary", "lede-quote-index__summary")
        .text(words.who_said_what)
        .text(" ")
        .open_with_class("span", "lede-quote-index__count")
        .owned_text(format!("({count})"))
        .close()
        .close()
        .open_with_class("ul", "lede-quote-index__speakers")
        .view(speakers.into_any())
        .close();
    markup
        .open_with_class("details", "lede-quote-index")
        .attribute("data-testid", "quote-index")
        .on("toggle", move |_| open_once());
    markup.append(contents);
    markup.close();
}

/// Each speaker with the links to their quotes.
fn speaker_list(groups: Vec<SpeakerQuotes>) -> Markup {
    let mut markup = Markup::new();
    for group in groups {
        markup
            .open_with_class("li", "lede-quote-index__speaker")
            .open_with_class("p", "lede-quote-index__name")
            .owned_text(group.speaker.name);
        if let Some(role) = group.speaker.role {
            markup
                .open_with_class("span", "lede-quote-index__role")
                .owned_text(format!(", {role}"))
                .close();
        }
        markup.close().open_with_class("ul", "lede-quote-index__quotes");
        for quote in group.quotes {
            markup
                .open_with_class("li", "lede-quote-index__quote")
                .open("a")
                .owned_attribute("href", format!("#{}", quote.block_anchor_id))
                .open("q")
                .owned_text(quote.text)
                .close()
                .close()
                .close();
        }
        markup.close().close();
    }
    markup
}
