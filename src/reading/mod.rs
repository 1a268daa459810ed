//! What the reader shows and in what order, as plain Rust that renders nowhere: the
//! layout choices of the reader's page and of a widget.

pub mod layout;
