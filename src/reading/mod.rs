//! What the reader shows and in what order, as plain Rust that renders nowhere and is
//! tested natively: the section list, "who said what", the byline and reading time, the
//! order of a long body's rendering, the page's JSON-LD, the layout choices of the
//! reader's page and of a widget, and the validation report of the `debug` option.
//! Components only render what these build.

pub mod bylines;
pub mod chunks;
pub mod head;
pub mod json_ld;
pub mod layout;
pub mod navigation;
pub mod quotes;
pub mod validation_report;
