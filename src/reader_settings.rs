//! The reader's display settings (text size, line width, theme) and how they are kept
//! between visits.
//!
//! The settings and their stored text form are plain Rust, tested natively. Storage goes
//! through `localStorage`, which a browser may refuse (private modes, sandboxed frames):
//! then the settings simply last until the page is closed.

/// The text sizes a reader can choose, in percent of the standard size. Whole numbers on
/// purpose: formatting an `f64` would pull float-printing code into the wasm (about 15 KB).
pub const TEXT_SIZES_PERCENT: [u32; 5] = [90, 100, 110, 125, 150];
/// The index of the standard text size in [`TEXT_SIZES_PERCENT`].
pub const STANDARD_TEXT_SIZE: usize = 1;
/// The key under which the settings are stored.
pub const STORAGE_KEY: &str = "lede:reader-settings";

/// How wide a line of text may grow.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum LineWidth {
    /// About 55 characters.
    Narrow,
    /// About 65 characters.
    #[default]
    Standard,
    /// About 80 characters.
    Wide,
}

impl LineWidth {
    /// Every choice, in the order offered (and of `InterfaceText::line_widths`).
    pub const ALL: [LineWidth; 3] = [LineWidth::Narrow, LineWidth::Standard, LineWidth::Wide];

    /// The stored and form value.
    pub fn as_str(self) -> &'static str {
        match self {
            LineWidth::Narrow => "narrow",
            LineWidth::Standard => "standard",
            LineWidth::Wide => "wide",
        }
    }

    fn parse(text: &str) -> Option<LineWidth> {
        LineWidth::ALL.into_iter().find(|width| width.as_str() == text)
    }
}

/// The colours of the reading view.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    /// Light or dark, following the device (`prefers-color-scheme`).
    #[default]
    System,
    /// Dark text on white.
    Light,
    /// Dark brown text on warm paper.
    Sepia,
    /// Light text on near-black.
    Dark,
}

impl Theme {
    /// Every choice, in the order offered (and of `InterfaceText::themes`).
    pub const ALL: [Theme; 4] = [Theme::System, Theme::Light, Theme::Sepia, Theme::Dark];

    /// The stored and form value.
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Sepia => "sepia",
            Theme::Dark => "dark",
        }
    }

    /// The `data-theme` attribute, absent for [`Theme::System`] so the CSS media query decides.
    pub fn data_attribute(self) -> Option<&'static str> {
        (self != Theme::System).then(|| self.as_str())
    }

    fn parse(text: &str) -> Option<Theme> {
        Theme::ALL.into_iter().find(|theme| theme.as_str() == text)
    }
}

/// Everything a reader can adjust.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReaderSettings {
    /// An index into [`TEXT_SIZES_PERCENT`].
    pub text_size: usize,
    /// How wide lines may grow.
    pub line_width: LineWidth,
    /// The colours.
    pub theme: Theme,
}

impl Default for ReaderSettings {
    fn default() -> ReaderSettings {
        ReaderSettings {
            text_size: STANDARD_TEXT_SIZE,
            line_width: LineWidth::default(),
            theme: Theme::default(),
        }
    }
}

impl ReaderSettings {
    /// The text size in percent of the standard size.
    pub fn text_percent(&self) -> u32 {
        TEXT_SIZES_PERCENT[self.text_size.min(TEXT_SIZES_PERCENT.len() - 1)]
    }

    /// One step larger, if there is one.
    pub fn larger_text(self) -> ReaderSettings {
        ReaderSettings {
            text_size: (self.text_size + 1).min(TEXT_SIZES_PERCENT.len() - 1),
            ..self
        }
    }

    /// One step smaller, if there is one.
    pub fn smaller_text(self) -> ReaderSettings {
        ReaderSettings {
            text_size: self.text_size.saturating_sub(1),
            ..self
        }
    }

    /// The stored form, such as `text=2;width=wide;theme=sepia`.
    pub fn to_storage_text(&self) -> String {
        format!(
            "text={};width={};theme={}",
            self.text_size,
            self.line_width.as_str(),
            self.theme.as_str()
        )
    }

    /// Reads the stored form. Anything unknown or damaged keeps its default, so a value
    /// written by a future version never breaks the reader.
    pub fn from_storage_text(text: &str) -> ReaderSettings {
        let mut settings = ReaderSettings::default();
        for pair in text.split(';') {
            match pair.split_once('=') {
                Some(("text", value)) => {
                    if let Some(step) = value
                        .parse()
                        .ok()
                        .filter(|step: &usize| *step < TEXT_SIZES_PERCENT.len())
                    {
                        settings.text_size = step;
                    }
                }
                Some(("width", value)) => settings.line_width = LineWidth::parse(value).unwrap_or_default(),
                Some(("theme", value)) => settings.theme = Theme::parse(value).unwrap_or_default(),
                _ => {}
            }
        }
        settings
    }

    /// The settings stored in this browser, or the defaults.
    pub fn load() -> ReaderSettings {
        storage()
            .and_then(|storage| storage.get_item(STORAGE_KEY).ok().flatten())
            .map(|text| ReaderSettings::from_storage_text(&text))
            .unwrap_or_default()
    }

    /// Reads the stored settings once in a task of its own, while the article downloads,
    /// and forgets them. A page's first use of `localStorage` opens it, which took 4 to 5 ms
    /// at 4× CPU throttling here, and that first use was inside the first render.
    pub fn open_storage_early() {
        leptos::task::spawn_local(async {
            crate::platform::frames::yield_to_browser().await;
            let _ = ReaderSettings::load();
        });
    }

    /// Stores the settings in this browser, if it allows it.
    pub fn save(&self) {
        if let Some(storage) = storage() {
            // A full or refused storage only means the settings are not remembered.
            let _ = storage.set_item(STORAGE_KEY, &self.to_storage_text());
        }
    }
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}
