//! The section list: one item per section, with the anchor its link jumps to.

use crate::model::article::Article;

/// One entry of the section navigation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SectionNavItem {
    /// The section's anchor id, without `#`.
    pub anchor_id: String,
    /// The section heading.
    pub label: String,
}

/// The section navigation: one item per section, in reading order.
pub fn section_nav_items(article: &Article) -> Vec<SectionNavItem> {
    article
        .sections
        .iter()
        .map(|section| SectionNavItem {
            anchor_id: section.id.to_string(),
            label: section.heading.clone(),
        })
        .collect()
}
