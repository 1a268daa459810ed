//! A timestamp shown in the reader's words: through the browser's `Intl` in the app, in a
//! fixed zone on a published page.

use leptos::prelude::*;

use crate::components::markup::Markup;
use crate::model::timestamp::Timestamp;

/// How a time is written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TimeStyle {
    /// "December 6, 2025 at 7:30 PM".
    #[default]
    Absolute,
    /// "3 hours ago", with the absolute time as its tooltip.
    Relative,
}

/// A `<time>` element with a machine-readable `datetime` and a localized label.
///
/// Rendered natively for a published page, it writes the absolute time in a fixed zone
/// (see [`crate::platform::intl`]): a static page cannot know how long ago it is read.
#[component]
pub fn FormattedTime(
    /// The moment to show.
    timestamp: Timestamp,
    /// The BCP 47 language to format it in, usually the article's.
    #[prop(into)]
    language: String,
    /// Absolute or relative to now.
    #[prop(optional)]
    style: TimeStyle,
) -> impl IntoView {
    let mut markup = Markup::new();
    write_formatted_time(&mut markup, &timestamp, &language, style);
    markup
}

/// Writes the markup of [`FormattedTime`], for the components that show times.
pub fn write_formatted_time(markup: &mut Markup, timestamp: &Timestamp, language: &str, style: TimeStyle) {
    let absolute = format_timestamp(timestamp, language);
    let relative = match style {
        TimeStyle::Absolute => None,
        TimeStyle::Relative => crate::platform::intl::now_ms()
            .and_then(|now_ms| format_relative(timestamp, language, now_ms)),
    };
    markup.open("time").owned_attribute("datetime", timestamp.to_string());
    let label = match relative {
        Some(relative) => {
            markup.owned_attribute("title", absolute);
            relative
        }
        None => absolute,
    };
    markup.owned_text(label).close();
}

/// Formats `timestamp` relative to `now_ms` (milliseconds since the epoch) in `language`,
/// such as "3 hours ago" or "yesterday", in the largest unit that is at least one.
pub fn format_relative(timestamp: &Timestamp, language: &str, now_ms: f64) -> Option<String> {
    let then_ms = crate::platform::intl::epoch_ms(timestamp.as_str())?;
    let (value, unit) = relative_value_and_unit((then_ms - now_ms) / 1000.0);
    crate::platform::intl::format_relative(value, unit, language)
}

/// The rounded value and `Intl.RelativeTimeFormat` unit for a difference in seconds.
pub fn relative_value_and_unit(seconds: f64) -> (f64, &'static str) {
    const UNITS: [(f64, &str); 7] = [
        (60.0, "second"),
        (60.0, "minute"),
        (24.0, "hour"),
        (7.0, "day"),
        (30.0 / 7.0, "week"),
        (12.0, "month"),
        (f64::INFINITY, "year"),
    ];
    let mut value = seconds;
    for (size, unit) in UNITS {
        if value.abs() < size {
            return (value.round(), unit);
        }
        value /= size;
    }
    (value.round(), "year")
}

/// Formats `timestamp` as a long date and short time in `language`, such as
/// "December 6, 2025 at 7:30 PM". Falls back to the timestamp itself when it cannot be
/// formatted.
pub fn format_timestamp(timestamp: &Timestamp, language: &str) -> String {
    crate::platform::intl::format_date_time(timestamp.as_str(), language).unwrap_or_else(|| timestamp.to_string())
}
