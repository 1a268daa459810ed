//! "Who said what": every direct quote in the article, grouped by speaker.

use crate::components::interface_text;
use leptos::prelude::*;

use crate::reading::quotes::SpeakerQuotes;

/// A disclosure listing each speaker's quotes, each linking to the paragraph that holds it.
/// Renders nothing when the article quotes no one.
#[component]
pub fn QuoteIndex(
    /// The quotes grouped by speaker, in order of first appearance.
    groups: Vec<SpeakerQuotes>,
) -> impl IntoView {
    let n_quotes: usize = groups.iter().map(|group| group.quotes.len()).sum();
    if n_quotes == 0 {
        return None;
    }
    // The list is built when the reader first opens the disclosure, which hides it until
    // then. A long article quotes hundreds of times: building every link up front made the
    // last chunk of the benchmark's 5,000-paragraph article a 110 ms task at 4× CPU
    // throttling.
    let opened = RwSignal::new(false);
    let open_once = move |_| {
        if !opened.get_untracked() {
            opened.set(true);
        }
    };
    let speakers = move || opened.get().then(|| speaker_list(groups.clone()));
    let words = interface_text();
    let count = words.quote_count(n_quotes);
    Some(view! {
        <details class="lede-quote-index" data-testid="quote-index" on:toggle=open_once>
            <summary class="lede-quote-index__summary">
                {words.who_said_what} " " <span class="lede-quote-index__count">{format!("({count})")}</span>
            </summary>
            <ul class="lede-quote-index__speakers">{speakers}</ul>
        </details>
    })
}

/// Each speaker with the links to their quotes.
fn speaker_list(groups: Vec<SpeakerQuotes>) -> impl IntoView {
    groups
        .into_iter()
        .map(|group| {
            let quotes = group
                .quotes
                .into_iter()
                .map(|quote| {
                    view! {
                        <li class="lede-quote-index__quote">
                            <a href=format!("#{}", quote.block_anchor_id)><q>{quote.text}</q></a>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <li class="lede-quote-index__speaker">
                    <p class="lede-quote-index__name">
                        {group.speaker.name}
                        {group.speaker.role.map(|role| view! { <span class="lede-quote-index__role">{format!(", {role}")}</span> })}
                    </p>
                    <ul class="lede-quote-index__quotes">{quotes}</ul>
                </li>
            }
        })
        .collect_view()
}
