//! Where a value sits in an article document, such as `body[3].blocks[2].text`, for the
//! messages of the reader and the validator.
//!
//! A path is built up on the stack as they descend, one borrowed step per level, and
//! written out as text only when a problem or warning is reported. A long article has tens
//! of thousands of values and, usually, no problem: formatting every value's path as the
//! code passed it cost an allocation and a trip through the formatting machinery each,
//! about a third of the time it took to read and validate a 2 MB article.

use std::fmt;

/// The path from the document's root to one value. Each step borrows the path of its
/// parent, so a path lives only as long as the descent that made it.
#[derive(Clone, Copy, Debug)]
pub enum JsonPath<'parent> {
    /// The document itself; written as nothing.
    Root,
    /// A field of an object: `parent.key`, or `key` at the root.
    Field(&'parent JsonPath<'parent>, &'parent str),
    /// An item of an array: `parent[index]`.
    Item(&'parent JsonPath<'parent>, usize),
}

impl<'parent> JsonPath<'parent> {
    /// The path of the field `key` of the object at this path.
    pub fn field(&'parent self, key: &'parent str) -> JsonPath<'parent> {
        JsonPath::Field(self, key)
    }

    /// The path of the item at `index` of the array at this path.
    pub fn item(&'parent self, index: usize) -> JsonPath<'parent> {
        JsonPath::Item(self, index)
    }
}

impl fmt::Display for JsonPath<'_> {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            JsonPath::Root => Ok(()),
            JsonPath::Field(JsonPath::Root, key) => formatter.write_str(key),
            JsonPath::Field(parent, key) => write!(formatter, "{parent}.{key}"),
            JsonPath::Item(parent, index) => write!(formatter, "{parent}[{index}]"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::JsonPath;

    #[test]
    fn a_path_is_written_as_fields_joined_by_dots_and_items_in_brackets() {
        let root = JsonPath::Root;
        let body = root.field("body");
        let section = body.item(3);
        let blocks = section.field("blocks");
        let block = blocks.item(2);
        let text = block.field("text");
        assert_eq!(text.to_string(), "body[3].blocks[2].text");
        assert_eq!(root.to_string(), "");
        assert_eq!(root.item(0).to_string(), "[0]");
    }
}
