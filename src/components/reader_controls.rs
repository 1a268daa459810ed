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
    let mut markup = Markup::new();
    write_reader_controls(&mut markup, settings);
    markup
}

/// Writes [`ReaderControls`] into `markup`.
pub fn write_reader_controls(markup: &mut Markup, settings: RwSignal<ReaderSettings>) {
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
                .close();
            write_text_size_button(&mut markup, "A−", words.smaller_text, is_smallest, move || change(&|s| *s = s.smaller_text()));
            markup
                .open_with_class("output", "lede-reader-controls__value")
                .attribute("aria-live", "polite")
                .live_text(size_label)
                .close();
            write_text_size_button(&mut markup, "A+", words.larger_text, is_largest, move || change(&|s| *s = s.larger_text()));
            markup
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
    markup
        .open_with_class("details", "lede-reader-controls")
        .attribute("data-testid", "reader-controls")
        .open_with_class("summary", "lede-reader-controls__summary")
        .text(words.display)
        .close()
        .view(panel.into_any())
        .close();
}

/// Writes a text-size step button. The glyph is decoration; the words are the button's
/// accessible name, visually hidden (WCAG 2.5.3: the visible label must be part of the name).
fn write_text_size_button(
    markup: &mut Markup,
    glyph: &'static str,
    name: &'static str,
    is_disabled: impl Fn() -> bool + Send + Sync + 'static,
    on_press: impl Fn() + Send + Sync + 'static,
) {
    markup
        .open_with_class("button", "lede-reader-controls__step")
        .attribute("type", "button")
        .live_attribute("disabled", move || is_disabled().then(String::new))
        .on("click", move |_| on_press())
        .open("span")
        .attribute("aria-hidden", "true")
        .text(glyph)
        .close()
        .open_with_class("span", "lede-visually-hidden")
        .text(name)
        .close()
        .close();
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
            .open("input")
            .attribute("type", "radio")
            .attribute("name", name)
            .attribute("value", value(choice))
            .live_property("checked", move || is_chosen(choice))
            .on("change", move |_| choose(choice))
            .close()
            .text(label(choice))
            .close();
    }
}
