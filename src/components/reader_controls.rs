//! The reader's display controls: text size, line width and theme.

use crate::components::interface_text;
use leptos::prelude::*;

use crate::components::markup::Markup;
use crate::reader_settings::{LineWidth, ReaderSettings, Theme, TEXT_SIZES_PERCENT};
use crate::platform::surface::ReaderSurface;

/// A "Display" disclosure with buttons for the text size and radio groups for the line
/// width and the theme. Every change goes to `settings` at once and, on the reader's own
/// page, is remembered in this browser.
#[component]
pub fn ReaderControls(
    /// The settings to show and change.
    settings: RwSignal<ReaderSettings>,
) -> impl IntoView {
    // The storage of a widget's host page belongs to the host: a widget forgets.
    let remembers = ReaderSurface::current().is_page();
    let change = move |apply: &dyn Fn(&mut ReaderSettings)| {
        settings.update(|current| apply(current));
        if remembers {
            settings.get_untracked().save();
        }
    };
    let words = interface_text();
    let size_label = move || format!("{}%", settings.get().text_percent());
    let is_smallest = move || settings.get().text_size == 0;
    let is_largest = move || settings.get().text_size + 1 == TEXT_SIZES_PERCENT.len();
    // The panel is hidden until the reader opens it, so it is built just after the first
    // paint, out of the task that puts the article on screen.
    let panel_built = RwSignal::new(false);
    crate::platform::frames::after_next_paint(move || {
        let _ = panel_built.try_set(true);
    });
    let panel = move || {
        panel_built.get().then(|| {
            let mut markup = Markup::new();
            markup
                .open_with_class("div", "lede-reader-controls__panel")
                .open_with_class("div", "lede-reader-controls__group")
                .attribute("role", "group")
                .attribute("aria-labelledby", "lede-reader-controls-size")
                .open_with_class("span", "lede-reader-controls__legend")
                .attribute("id", "lede-reader-controls-size")
                .text(words.text_size)
                .close()
                .view(text_size_button("A−", words.smaller_text, is_smallest, move || change(&|s| *s = s.smaller_text())))
                .view(view! { <output class="lede-reader-controls__value" aria-live="polite">{size_label}</output> }.into_any())
                .view(text_size_button("A+", words.larger_text, is_largest, move || change(&|s| *s = s.larger_text())))
                .close()
                .open_with_class("fieldset", "lede-reader-controls__group")
                .open_with_class("legend", "lede-reader-controls__legend")
                .text(words.line_width)
                .close();
            write_radio_choices(
                &mut markup,
                "lede-line-width",
                &LineWidth::ALL,
                LineWidth::as_str,
                move |width| words.line_width_label(width),
                move |width| settings.get().line_width == width,
                move |width| change(&move |s| s.line_width = width),
            );
            markup
                .close()
                .open_with_class("fieldset", "lede-reader-controls__group")
                .open_with_class("legend", "lede-reader-controls__legend")
                .text(words.theme)
                .close();
            write_radio_choices(
                &mut markup,
                "lede-theme",
                &Theme::ALL,
                Theme::as_str,
                move |theme| words.theme_label(theme),
                move |theme| settings.get().theme == theme,
                move |theme| change(&move |s| s.theme = theme),
            );
            markup.close().close();
            markup
        })
    };
    view! {
        <details class="lede-reader-controls" data-testid="reader-controls">
            <summary class="lede-reader-controls__summary">{words.display}</summary>
            {panel}
        </details>
    }
}

/// A text-size step button. The glyph is decoration; the words are the button's accessible
/// name, visually hidden (WCAG 2.5.3: the visible label must be part of the name).
fn text_size_button(
    glyph: &'static str,
    name: &'static str,
    is_disabled: impl Fn() -> bool + Send + Sync + 'static,
    on_press: impl Fn() + Send + Sync + 'static,
) -> AnyView {
    view! {
        <button class="lede-reader-controls__step" type="button" disabled=is_disabled on:click=move |_| on_press()>
            <span aria-hidden="true">{glyph}</span>
            <span class="lede-visually-hidden">{name}</span>
        </button>
    }
    .into_any()
}

/// Writes one radio button per choice, labelled, checked while `is_chosen` says so, calling
/// `choose` when picked.
fn write_radio_choices<T: Copy + Send + Sync + 'static>(
    markup: &mut Markup,
    name: &'static str,
    choices: &[T],
    value: fn(T) -> &'static str,
    label: impl Fn(T) -> &'static str + Copy + Send + Sync + 'static,
    is_chosen: impl Fn(T) -> bool + Copy + Send + Sync + 'static,
    choose: impl Fn(T) + Copy + Send + Sync + 'static,
) {
    for &choice in choices {
        markup
            .open_with_class("label", "lede-reader-controls__choice")
            .view(
                view! {
                    <input
                        type="radio"
                        name=name
                        value=value(choice)
                        prop:checked=move || is_chosen(choice)
                        on:change=move |_| choose(choice)
                    />
                }
                .into_any(),
            )
            .text(label(choice))
            .close();
    }
}
