//! An article body built from a source whose structure is a list of elements (ANS's
//! content elements): sections start at second-level headings.

use crate::model::wire::{WireBlock, WireSection};

use super::Notes;

/// Sections as they are built: a heading starts one.
pub(super) struct Body {
    sections: Vec<WireSection>,
    current: WireSection,
}

impl Body {
    pub(super) fn new(first_heading: &str) -> Body {
        Body { sections: Vec::new(), current: WireSection { id: None, heading: first_heading.to_owned(), blocks: Vec::new() } }
    }

    pub(super) fn heading(&mut self, heading: String) {
        let finished = std::mem::replace(&mut self.current, WireSection { id: None, heading, blocks: Vec::new() });
        if !finished.blocks.is_empty() {
            self.sections.push(finished);
        }
    }

    pub(super) fn push(&mut self, block: WireBlock) {
        self.current.blocks.push(block);
    }

    pub(super) fn finish(mut self, notes: &mut Notes) -> Vec<WireSection> {
        if self.current.blocks.is_empty() {
            if !self.sections.is_empty() || self.current.heading.is_empty() {
                notes.dropped("content_elements", format!("the heading \"{}\", which nothing followed", self.current.heading));
            }
        } else {
            self.sections.push(self.current);
        }
        self.sections
    }
}
