//! A widget's page: the article a snippet points at, shown inside the widget, and what
//! happened to it, told to the loader so that it can tell the host page.

use leptos::either::EitherOf3;
use leptos::prelude::*;

use crate::api::{absolute_url, fetch_article, prefetch_article_at, SourceFormat};
use crate::components::LoadingState;
use crate::pages::ReadingView;
use crate::reading::layout::{
    sibling_article_url, AddressChooser, ArticleViewLayout, BodyRendering, EmbedOptions, NavigateTarget,
};
use crate::interface_text::InterfaceText;
use crate::model::slug::Slug;
use crate::pages::article_load::ArticleLoad;
use crate::pages::article_page::{failed_load_view, validation_report_view};
use crate::reading::validation_report::ValidationReportRequested;
use crate::routing::{ArticleLocation, ArticleNavigation};

/// What a widget tells its loader, which turns it into a DOM event on the host element.
#[derive(Clone, Debug, PartialEq)]
pub enum WidgetEvent {
    /// The article is shown (`lede:load`).
    Loaded {
        /// The article's headline.
        headline: String,
        /// The address of its JSON.
        url: String,
    },
    /// The article could not be shown (`lede:error`).
    Failed {
        /// The kind of failure, such as `not-found` or `invalid-article`.
        reason: &'static str,
        /// The exact message, naming the address.
        message: String,
    },
    /// The reader followed a link to another article (`lede:navigate`).
    Navigated {
        /// Where to: the outlet's page for the article, or its JSON inside the widget.
        url: String,
        /// True if the widget shows it itself; false if the host page should go there.
        inside: bool,
    },
}

/// Loads the widget's article and shows it, then follows related articles as the snippet
/// asks: inside the widget, or out to the outlet's own page (the default).
#[component]
pub fn EmbeddedArticlePage(
    /// The snippet's options.
    options: EmbedOptions,
    /// Where the widget's events go.
    report: Callback<WidgetEvent>,
) -> impl IntoView {
    // The widget's own words are in the language its snippet asks for.
    provide_context(InterfaceText::for_language(&options.interface_language));
    let first_url = absolute_url(&options.source);
    let current_url = RwSignal::new(first_url.clone());
    let is_first_article = RwSignal::new(true);
    let layout = ArticleViewLayout {
        extent: options.extent,
        related: options.related,
        widget_theme: options.theme,
        // The host page's address and scroll position are the host's, never the widget's.
        body_rendering: BodyRendering::InChunks,
    };
    let open_inside = move |url: String| {
        report.run(WidgetEvent::Navigated {
            url: url.clone(),
            inside: true,
        });
        is_first_article.set(false);
        current_url.set(url);
    };
    let navigate = options.navigate;
    let chooser = options.chooser;
    // Only the snippet's own article is in the format its `format` attribute names; a
    // related article is looked for beside it as Lede's `{id}.json`.
    let source_format = options.format;
    let location_of = move |url: String, format: SourceFormat| location_chosen_by(chooser, url, format);
    let navigation = ArticleNavigation {
        open: Callback::new(move |article_id: Slug| {
            let url = sibling_article_url(&current_url.get_untracked(), &article_id);
            if navigate == NavigateTarget::Widget {
                open_inside(url);
                return;
            }
            // The related entry names only an id; the outlet's page for it is in the
            // article itself, which the card has usually prefetched by now.
            leptos::task::spawn_local(async move {
                match fetch_article(location_of(url.clone(), SourceFormat::Lede)).await {
                    Ok(parsed) => match &parsed.article.canonical_url {
                        Some(canonical) => report.run(WidgetEvent::Navigated {
                            url: canonical.to_string(),
                            inside: false,
                        }),
                        None => open_inside(url),
                    },
                    // Inside, the widget explains the failure where the reader is looking.
                    Err(_) => open_inside(url),
                }
            });
        }),
        prefetch: Callback::new(move |article_id: Slug| {
            let url = sibling_article_url(&current_url.get_untracked(), &article_id);
            prefetch_article_at(location_of(url, SourceFormat::Lede));
        }),
        href: Callback::new(move |article_id: Slug| sibling_article_url(&current_url.get_untracked(), &article_id)),
        leave: Some(Callback::new(move |url: String| {
            report.run(WidgetEvent::Navigated { url, inside: false })
        })),
    };
    // A new article is a new view with its own resource: moving on drops the old one,
    // which aborts its request if it is still under way.
    move || {
        let url = current_url.get();
        let is_first = is_first_article.get_untracked();
        let format = if url == first_url { source_format } else { SourceFormat::Lede };
        let location = location_of(url.clone(), format);
        view! { <EmbeddedArticle url=url location=location is_first=is_first layout=layout navigation=navigation report=report /> }
    }
}

/// One article in a widget: loading, shown, or why not.
#[component]
fn EmbeddedArticle(
    url: String,
    location: ArticleLocation,
    is_first: bool,
    layout: ArticleViewLayout,
    navigation: ArticleNavigation,
    report: Callback<WidgetEvent>,
) -> impl IntoView {
    let article = ArticleLoad::new(location, false);
    crate::platform::effects::run_effect(move || {
        let event = article.with(|state| match state {
            None => None,
            Some(Ok(parsed)) => {
                for warning in &parsed.warnings {
                    leptos::logging::warn!("article {}: {}: {}", parsed.article.id, warning.path, warning.message);
                }
                Some(WidgetEvent::Loaded {
                    headline: parsed.article.headline.clone(),
                    url: url.clone(),
                })
            }
            Some(Err(error)) => Some(WidgetEvent::Failed {
                reason: error.reason(),
                message: error.to_string(),
            }),
        });
        if let Some(event) = event {
            report.run(event);
        }
    });
    move || match article.get() {
        // The snippet's fallback link stands in while the first article loads.
        None if is_first => None,
        // Distinct variants, so that one state's elements are never rebuilt into another's
        // (see the same match in `ArticlePage`).
        None => Some(EitherOf3::A(view! { <LoadingState /> })),
        Some(Ok(parsed)) => {
            let validation_report = validation_report_view(&parsed, use_context::<ValidationReportRequested>().as_ref());
            Some(EitherOf3::B(view! {
                {validation_report}
                <ReadingView article=parsed.article navigation=navigation layout=layout />
            }))
        }
        Some(Err(error)) => Some(EitherOf3::C(failed_load_view(&error, article))),
    }
}

/// Where the article at `url` (the snippet's, or a related one beside it) comes from, as
/// the API resolves it: checked against the allow-list when the address came from the
/// reader's own URL.
fn location_chosen_by(chooser: AddressChooser, url: String, format: SourceFormat) -> ArticleLocation {
    match chooser {
        AddressChooser::HostPage => ArticleLocation::Embedded(url, format),
        AddressChooser::ReaderAddress => ArticleLocation::Source(url, format),
    }
}
