//! The reader's own words (headings, buttons, advice), in the languages it speaks.
//!
//! The article brings its own language; these are the words around it. The reader's own
//! page speaks English; a widget speaks the language its snippet's `lang` attribute asks
//! for, if the reader knows it, and English otherwise. Pure Rust: every language is
//! checked natively for completeness (`tests/interface_text.rs`).

/// Every interface string, in one language.
#[derive(Debug, PartialEq, Eq)]
pub struct InterfaceText {
    /// The BCP 47 tag of these words, for `lang` attributes.
    pub language: &'static str,
    /// The summary box's heading.
    pub summary: &'static str,
    /// Before the writers' names.
    pub by: &'static str,
    /// Before the time of the last update.
    pub updated: &'static str,
    /// Before and after the reading time in minutes ("", " min read").
    pub minutes_read: (&'static str, &'static str),
    /// The section list's heading.
    pub in_this_article: &'static str,
    /// The section list's button on a phone.
    pub jump_to_section: &'static str,
    /// The display controls' button.
    pub display: &'static str,
    /// The text-size group's label.
    pub text_size: &'static str,
    /// The text-size buttons' names.
    pub smaller_text: &'static str,
    /// See `smaller_text`.
    pub larger_text: &'static str,
    /// The line-width group's label.
    pub line_width: &'static str,
    /// Narrow, standard and wide lines.
    pub line_widths: [&'static str; 3],
    /// The theme group's label.
    pub theme: &'static str,
    /// The device's theme, light, sepia and dark.
    pub themes: [&'static str; 4],
    /// The context note's heading.
    pub context: &'static str,
    /// The quote index's heading.
    pub who_said_what: &'static str,
    /// One quote, and many quotes after the number.
    pub quotes: (&'static str, &'static str),
    /// Before the reporting note.
    pub reporting_note: &'static str,
    /// The corrections list's heading.
    pub corrections: &'static str,
    /// The tag list's heading.
    pub topics: &'static str,
    /// The related articles' heading.
    pub similar_articles: &'static str,
    /// A compact widget's link to the rest of the article.
    pub continue_reading: &'static str,
    /// Said to screen readers while an article loads.
    pub loading: &'static str,
    /// The folded technical details of an error.
    pub error_details: &'static str,
    /// The retry button.
    pub try_again: &'static str,
    /// The title and advice for each kind of failure, by [`FailureKind`].
    pub failures: [(&'static str, &'static str); 8],
    /// The link that skips the page's furniture to the article.
    pub skip_to_article: &'static str,
    /// The error page's link to the reader's front article.
    pub go_to_front_article: &'static str,
    /// The tab's title while an article that does not exist is shown.
    pub article_not_found: &'static str,
    /// The tab's title while an article cannot be shown for another reason.
    pub article_unavailable: &'static str,
    /// The heading and the tab's title for an address the reader does not know.
    pub page_not_found: &'static str,
    /// Before the address that has no page.
    pub no_page_at: &'static str,
    /// The published not-found page's message, which cannot know the address.
    pub no_page_here: &'static str,
    /// Before the outlet's name in a published widget snippet's fallback link.
    pub read_the_article_on: &'static str,
    /// A paragraph's permalink's name, and a quote's.
    pub copy_link_to_paragraph: &'static str,
    /// See `copy_link_to_paragraph`.
    pub copy_link_to_quote: &'static str,
    /// What a permalink press did: the address shared, copied, or put in the address bar.
    pub link_shared: &'static str,
    /// See `link_shared`.
    pub link_copied: &'static str,
    /// See `link_shared`.
    pub link_in_address_bar: &'static str,
}

/// The kinds of failure a reader is told about, in the order of [`InterfaceText::failures`];
/// classified next to the failures themselves, in `api::error`.
pub use crate::api::FailureKind;
use crate::reader_settings::{LineWidth, Theme};

impl InterfaceText {
    /// The words for `language` (a BCP 47 tag; only its primary subtag counts), or English.
    pub fn for_language(language: &str) -> &'static InterfaceText {
        let primary = language.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
        ALL.iter()
            .copied()
            .find(|text| text.language == primary)
            .unwrap_or(&ENGLISH)
    }

    /// "3 min read", in these words.
    pub fn reading_time(&self, minutes: usize) -> String {
        format!("{}{minutes}{}", self.minutes_read.0, self.minutes_read.1)
    }

    /// "1 quote", "8 quotes", in these words.
    pub fn quote_count(&self, count: usize) -> String {
        if count == 1 {
            self.quotes.0.to_owned()
        } else {
            format!("{count}{}", self.quotes.1)
        }
    }

    /// The title and advice for a kind of failure. Matched by name, so that reordering the
    /// kinds can never give one the words of another.
    pub fn failure(&self, kind: FailureKind) -> (&'static str, &'static str) {
        let [unreachable, too_slow, server_trouble, refused, not_found, unreadable, not_allowed, misconfigured] =
            self.failures;
        match kind {
            FailureKind::Unreachable => unreachable,
            FailureKind::TooSlow => too_slow,
            FailureKind::ServerTrouble => server_trouble,
            FailureKind::Refused => refused,
            FailureKind::NotFound => not_found,
            FailureKind::Unreadable => unreadable,
            FailureKind::NotAllowed => not_allowed,
            FailureKind::Misconfigured => misconfigured,
        }
    }

    /// The name of a line width, matched by name rather than by position.
    pub fn line_width_label(&self, width: LineWidth) -> &'static str {
        let [narrow, standard, wide] = self.line_widths;
        match width {
            LineWidth::Narrow => narrow,
            LineWidth::Standard => standard,
            LineWidth::Wide => wide,
        }
    }

    /// The name of a theme, matched by name rather than by position.
    pub fn theme_label(&self, theme: Theme) -> &'static str {
        let [device, light, sepia, dark] = self.themes;
        match theme {
            Theme::System => device,
            Theme::Light => light,
            Theme::Sepia => sepia,
            Theme::Dark => dark,
        }
    }

    /// Every string of this language, for checks of completeness. The fields are named one
    /// by one, without `..`: a new field is a compile error here until it is listed, so no
    /// test can miss a word.
    pub fn every_string(&self) -> Vec<&'static str> {
        let InterfaceText {
            language: _,
            summary,
            by,
            updated,
            minutes_read,
            in_this_article,
            jump_to_section,
            display,
            text_size,
            smaller_text,
            larger_text,
            line_width,
            line_widths,
            theme,
            themes,
            context,
            who_said_what,
            quotes,
            reporting_note,
            corrections,
            topics,
            similar_articles,
            continue_reading,
            loading,
            error_details,
            try_again,
            failures,
            skip_to_article,
            go_to_front_article,
            article_not_found,
            article_unavailable,
            page_not_found,
            no_page_at,
            no_page_here,
            read_the_article_on,
            copy_link_to_paragraph,
            copy_link_to_quote,
            link_shared,
            link_copied,
            link_in_address_bar,
        } = *self;
        let mut strings = vec![
            summary,
            by,
            updated,
            minutes_read.1,
            in_this_article,
            jump_to_section,
            display,
            text_size,
            smaller_text,
            larger_text,
            line_width,
            theme,
            context,
            who_said_what,
            quotes.0,
            quotes.1,
            reporting_note,
            corrections,
            topics,
            similar_articles,
            continue_reading,
            loading,
            error_details,
            try_again,
            skip_to_article,
            go_to_front_article,
            article_not_found,
            article_unavailable,
            page_not_found,
            no_page_at,
            no_page_here,
            read_the_article_on,
            copy_link_to_paragraph,
            copy_link_to_quote,
            link_shared,
            link_copied,
            link_in_address_bar,
        ];
        strings.extend(line_widths);
        strings.extend(themes);
        for (title, advice) in failures {
            strings.extend([title, advice]);
        }
        strings
    }
}

/// Every language the interface speaks.
pub const ALL: [&InterfaceText; 3] = [&ENGLISH, &FRENCH, &GERMAN];

/// English, the default.
pub const ENGLISH: InterfaceText = InterfaceText {
    language: "en",
    summary: "Summary",
    by: "By ",
    updated: " · Updated ",
    minutes_read: ("", " min read"),
    in_this_article: "In this article",
    jump_to_section: "Jump to section",
    display: "Display",
    text_size: "Text size",
    smaller_text: "Smaller text",
    larger_text: "Larger text",
    line_width: "Line width",
    line_widths: ["Narrow", "Standard", "Wide"],
    theme: "Theme",
    themes: ["Device", "Light", "Sepia", "Dark"],
    context: "Context",
    who_said_what: "Who said what",
    quotes: ("1 quote", " quotes"),
    reporting_note: "Reporting note: ",
    corrections: "Corrections and updates",
    topics: "Topics",
    similar_articles: "Similar articles",
    continue_reading: "Continue reading",
    loading: "Loading the article…",
    error_details: "Details for the outlet's developers",
    try_again: "Try again",
    failures: [
        (
            "The article could not be reached",
            "Check your connection, then try again.",
        ),
        (
            "The article is taking too long",
            "The news server did not answer in time. Try again in a moment.",
        ),
        (
            "The news server had a problem",
            "This is not your connection. Try again in a moment.",
        ),
        ("The news server refused the article", "This is not your connection."),
        (
            "Article not found",
            "The address may be mistyped, or the article may have been removed.",
        ),
        (
            "This article cannot be shown",
            "The news server sent something that is not a readable article. The details below can help its developers.",
        ),
        (
            "This article address is not allowed",
            "This reader shows only articles from the sources its outlet has chosen.",
        ),
        (
            "This reader is not set up correctly",
            "Its configuration file has a mistake. The details below can help the outlet's developers.",
        ),
    ],
    skip_to_article: "Skip to the article",
    go_to_front_article: "Go to the front article",
    article_not_found: "Article not found",
    article_unavailable: "Article unavailable",
    page_not_found: "Page not found",
    no_page_at: "there is no page at ",
    no_page_here: "there is no page at this address",
    read_the_article_on: "Read the article on",
    copy_link_to_paragraph: "Copy link to this paragraph",
    copy_link_to_quote: "Copy link to this quote",
    link_shared: "Link shared",
    link_copied: "Link copied",
    link_in_address_bar: "Link is in the address bar",
};

/// French.
pub const FRENCH: InterfaceText = InterfaceText {
    language: "fr",
    summary: "En bref",
    by: "Par ",
    updated: " · Mis à jour ",
    minutes_read: ("", " min de lecture"),
    in_this_article: "Dans cet article",
    jump_to_section: "Aller à la section",
    display: "Affichage",
    text_size: "Taille du texte",
    smaller_text: "Texte plus petit",
    larger_text: "Texte plus grand",
    line_width: "Largeur des lignes",
    line_widths: ["Étroite", "Normale", "Large"],
    theme: "Thème",
    themes: ["Appareil", "Clair", "Sépia", "Sombre"],
    context: "Contexte",
    who_said_what: "Qui a dit quoi",
    quotes: ("1 citation", " citations"),
    reporting_note: "Note de la rédaction : ",
    corrections: "Corrections et mises à jour",
    topics: "Sujets",
    similar_articles: "Articles similaires",
    continue_reading: "Lire la suite",
    loading: "Chargement de l'article…",
    error_details: "Détails pour les développeurs du média",
    try_again: "Réessayer",
    failures: [
        ("L'article est injoignable", "Vérifiez votre connexion, puis réessayez."),
        (
            "L'article met trop de temps à arriver",
            "Le serveur n'a pas répondu à temps. Réessayez dans un instant.",
        ),
        (
            "Le serveur a rencontré un problème",
            "Votre connexion n'est pas en cause. Réessayez dans un instant.",
        ),
        ("Le serveur a refusé l'article", "Votre connexion n'est pas en cause."),
        (
            "Article introuvable",
            "L'adresse est peut-être erronée, ou l'article a été retiré.",
        ),
        (
            "Cet article ne peut pas être affiché",
            "Le serveur a envoyé autre chose qu'un article lisible. Les détails ci-dessous aideront ses développeurs.",
        ),
        (
            "Cette adresse d'article n'est pas autorisée",
            "Ce lecteur n'affiche que les articles des sources choisies par son média.",
        ),
        (
            "Ce lecteur est mal configuré",
            "Son fichier de configuration contient une erreur. Les détails ci-dessous aideront les développeurs du média.",
        ),
    ],
    skip_to_article: "Aller à l'article",
    go_to_front_article: "Aller à l'article de une",
    article_not_found: "Article introuvable",
    article_unavailable: "Article indisponible",
    page_not_found: "Page introuvable",
    no_page_at: "Il n'y a pas de page à l'adresse ",
    no_page_here: "Il n'y a pas de page à cette adresse",
    read_the_article_on: "Lire l'article sur",
    copy_link_to_paragraph: "Copier le lien vers ce paragraphe",
    copy_link_to_quote: "Copier le lien vers cette citation",
    link_shared: "Lien partagé",
    link_copied: "Lien copié",
    link_in_address_bar: "Le lien est dans la barre d'adresse",
};

/// German.
pub const GERMAN: InterfaceText = InterfaceText {
    language: "de",
    summary: "Zusammenfassung",
    by: "Von ",
    updated: " · Aktualisiert ",
    minutes_read: ("", " Min. Lesezeit"),
    in_this_article: "In diesem Artikel",
    jump_to_section: "Zum Abschnitt",
    display: "Darstellung",
    text_size: "Schriftgröße",
    smaller_text: "Kleinere Schrift",
    larger_text: "Größere Schrift",
    line_width: "Zeilenbreite",
    line_widths: ["Schmal", "Normal", "Breit"],
    theme: "Farbschema",
    themes: ["Gerät", "Hell", "Sepia", "Dunkel"],
    context: "Hintergrund",
    who_said_what: "Wer was sagte",
    quotes: ("1 Zitat", " Zitate"),
    reporting_note: "Hinweis der Redaktion: ",
    corrections: "Korrekturen und Aktualisierungen",
    topics: "Themen",
    similar_articles: "Ähnliche Artikel",
    continue_reading: "Weiterlesen",
    loading: "Der Artikel wird geladen…",
    error_details: "Details für die Entwickler des Mediums",
    try_again: "Erneut versuchen",
    failures: [
        (
            "Der Artikel ist nicht erreichbar",
            "Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.",
        ),
        (
            "Der Artikel braucht zu lange",
            "Der Server hat nicht rechtzeitig geantwortet. Versuchen Sie es gleich noch einmal.",
        ),
        (
            "Der Server hatte ein Problem",
            "Das liegt nicht an Ihrer Verbindung. Versuchen Sie es gleich noch einmal.",
        ),
        (
            "Der Server hat den Artikel verweigert",
            "Das liegt nicht an Ihrer Verbindung.",
        ),
        (
            "Artikel nicht gefunden",
            "Die Adresse ist vielleicht falsch, oder der Artikel wurde entfernt.",
        ),
        (
            "Dieser Artikel kann nicht angezeigt werden",
            "Der Server hat keinen lesbaren Artikel geschickt. Die Details unten helfen seinen Entwicklern.",
        ),
        (
            "Diese Artikeladresse ist nicht erlaubt",
            "Dieser Reader zeigt nur Artikel aus den Quellen, die sein Medium gewählt hat.",
        ),
        (
            "Dieser Reader ist falsch eingerichtet",
            "Seine Konfigurationsdatei enthält einen Fehler. Die Details unten helfen den Entwicklern des Mediums.",
        ),
    ],
    skip_to_article: "Zum Artikel springen",
    go_to_front_article: "Zum Aufmacher",
    article_not_found: "Artikel nicht gefunden",
    article_unavailable: "Artikel nicht verfügbar",
    page_not_found: "Seite nicht gefunden",
    no_page_at: "Unter dieser Adresse gibt es keine Seite: ",
    no_page_here: "Unter dieser Adresse gibt es keine Seite",
    read_the_article_on: "Den Artikel lesen bei",
    copy_link_to_paragraph: "Link zu diesem Absatz kopieren",
    copy_link_to_quote: "Link zu diesem Zitat kopieren",
    link_shared: "Link geteilt",
    link_copied: "Link kopiert",
    link_in_address_bar: "Der Link steht in der Adressleiste",
};
