//! The reader's display settings and their stored form.


#[test]
fn reader_settings_survive_their_stored_form_and_damaged_values_fall_back_to_defaults() {
    use lede::reader_settings::{LineWidth, ReaderSettings, Theme};
    let chosen = ReaderSettings {
        text_size: 3,
        line_width: LineWidth::Wide,
        theme: Theme::Sepia,
    };
    assert_eq!(chosen.to_storage_text(), "text=3;width=wide;theme=sepia");
    assert_eq!(ReaderSettings::from_storage_text(&chosen.to_storage_text()), chosen);
    assert_eq!(
        ReaderSettings::from_storage_text("text=99;width=huge;theme=neon;future=1"),
        ReaderSettings::default()
    );
    assert_eq!(ReaderSettings::from_storage_text(""), ReaderSettings::default());
    let largest = (0..10).fold(ReaderSettings::default(), |settings, _| settings.larger_text());
    assert_eq!(largest.text_percent(), 150);
    assert_eq!(ReaderSettings::default().larger_text().text_percent(), 110);
    let smallest = (0..10).fold(ReaderSettings::default(), |settings, _| settings.smaller_text());
    assert_eq!(smallest.text_percent(), 90);
}
