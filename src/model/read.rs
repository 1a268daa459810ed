//! Reading a parsed JSON tree into the wire types, with every structural problem (a
//! missing field, a string where an array belongs) collected with its JSON path.
//!
//! The reader accepts exactly what the serde derives on [`crate::model::wire`] describe;
//! a native test parses every fixture both ways and compares. Unknown fields are ignored.

use crate::model::error::{Problem, Warning};
use crate::model::json::JsonValue;
use crate::model::json_path::JsonPath;
use crate::model::wire::*;

/// Collects problems and warnings while reading.
#[derive(Default)]
pub struct WireReader {
    /// Structural problems, in document order.
    pub problems: Vec<Problem>,
    /// Things skipped, such as unknown block types.
    pub warnings: Vec<Warning>,
}

/// The fields of one JSON object and the path that leads to it.
struct Fields<'v, 'p> {
    entries: &'v [(String, JsonValue)],
    path: JsonPath<'p>,
}

impl<'v> Fields<'v, '_> {
    /// The value of `key`; JSON `null` counts as absent.
    fn get(&self, key: &str) -> Option<&'v JsonValue> {
        self.entries
            .iter()
            .find(|(name, value)| name == key && *value != JsonValue::Null)
            .map(|(_, value)| value)
    }

    fn path_of<'s>(&'s self, key: &'s str) -> JsonPath<'s> {
        self.path.field(key)
    }
}

/// Reads one value; `None` only after reporting a problem with it.
type ReadFn<T> = fn(&mut WireReader, &JsonValue, &JsonPath<'_>) -> Option<T>;

impl WireReader {
    fn problem(&mut self, path: &JsonPath<'_>, message: String) {
        self.problems.push(Problem {
            path: path.to_string(),
            message,
        });
    }

    fn wrong_kind(&mut self, path: &JsonPath<'_>, expected: &str, found: &JsonValue) {
        self.problem(path, format!("expected {expected}, found {}", found.kind_name()));
    }

    fn object<'v, 'p>(&mut self, value: &'v JsonValue, path: &JsonPath<'p>) -> Option<Fields<'v, 'p>> {
        match value {
            JsonValue::Object(entries) => Some(Fields { entries, path: *path }),
            other => {
                self.wrong_kind(path, "an object", other);
                None
            }
        }
    }

    fn required<T: Default>(
        &mut self,
        fields: &Fields<'_, '_>,
        key: &str,
        read: impl FnOnce(&mut Self, &JsonValue, &JsonPath<'_>) -> Option<T>,
    ) -> T {
        let path = fields.path_of(key);
        match fields.get(key) {
            Some(value) => read(self, value, &path).unwrap_or_default(),
            None => {
                self.problem(&path, "is required".to_owned());
                T::default()
            }
        }
    }

    fn optional<T>(
        &mut self,
        fields: &Fields<'_, '_>,
        key: &str,
        read: impl FnOnce(&mut Self, &JsonValue, &JsonPath<'_>) -> Option<T>,
    ) -> Option<T> {
        let value = fields.get(key)?;
        read(self, value, &fields.path_of(key))
    }

    fn list<T: Default>(&mut self, fields: &Fields<'_, '_>, key: &str, read: ReadFn<T>) -> Vec<T> {
        self.optional(fields, key, move |reader, value, path| {
            Some(reader.array(value, path, read))
        })
        .unwrap_or_default()
    }

    /// Reads every item of an array. An item that cannot be read (its problem is reported)
    /// leaves an empty stand-in in its place rather than a gap: the items after it keep
    /// their index, so the validator's problems with them name their true JSON path. The
    /// stand-in never reaches a reader, since a document with a reported problem is refused.
    fn array<T: Default>(&mut self, value: &JsonValue, path: &JsonPath<'_>, read: ReadFn<T>) -> Vec<T> {
        match value {
            JsonValue::Array(items) => items
                .iter()
                .enumerate()
                .map(|(item_idx, item)| read(self, item, &path.item(item_idx)).unwrap_or_default())
                .collect(),
            other => {
                self.wrong_kind(path, "an array", other);
                Vec::new()
            }
        }
    }

    fn string(&mut self, value: &JsonValue, path: &JsonPath<'_>) -> Option<String> {
        match value {
            JsonValue::String(text) => Some(text.clone()),
            other => {
                self.wrong_kind(path, "a string", other);
                None
            }
        }
    }

    fn whole_number(&mut self, value: &JsonValue, path: &JsonPath<'_>) -> Option<u32> {
        match value {
            JsonValue::Number(text) => {
                let parsed = text.parse::<u32>().ok();
                if parsed.is_none() {
                    self.problem(path, format!("{text} is not a whole number from 0 to 4294967295"));
                }
                parsed
            }
            other => {
                self.wrong_kind(path, "a whole number", other);
                None
            }
        }
    }

    /// Reads a whole article document.
    pub fn article(&mut self, value: &JsonValue) -> WireArticle {
        let Some(fields) = self.object(value, &JsonPath::Root) else {
            return empty_article();
        };
        WireArticle {
            schema_version: self.required(&fields, "schema_version", Self::string),
            id: self.required(&fields, "id", Self::string),
            url: self.optional(&fields, "url", Self::string),
            language: self.optional(&fields, "language", Self::string),
            direction: self.optional(&fields, "direction", Self::string),
            outlet: self.required(&fields, "outlet", Self::outlet),
            category: self.required(&fields, "category", Self::category),
            headline: self.required(&fields, "headline", Self::string),
            summary: self.required(&fields, "summary", Self::inline),
            dateline: self.optional(&fields, "dateline", Self::string),
            byline: self.list(&fields, "byline", Self::person),
            published: self.required(&fields, "published", Self::string),
            updated: self.optional(&fields, "updated", Self::string),
            lead_image: self.optional(&fields, "lead_image", Self::image),
            body: self.required(&fields, "body", |reader, value, path| {
                Some(reader.array(value, path, Self::section))
            }),
            context: self.optional(&fields, "context", Self::inline),
            credits: self.list(&fields, "credits", Self::credit),
            corrections: self.list(&fields, "corrections", Self::correction),
            related: self.list(&fields, "related", Self::related),
            tags: self.list(&fields, "tags", Self::string),
        }
    }

    fn outlet(&mut self, value: &JsonValue, path: &JsonPath<'_>) -> Option<WireOutlet> {
        let fields = self.object(value, path)?;
        Some(WireOutlet {
            name: self.required(&fields, "name", Self::string),
            url: self.optional(&fields, "url", Self::string),
            logo: self.optional(&fields, "logo", Self::image),
        })
    }

    fn category(&mut self, value: &JsonValue, path: &JsonPath<'_>) -> Option<WireCategory> {
        let fields = self.object(value, path)?;
        Some(WireCategory {
            name: self.required(&fields, "name", Self::string),
            url: self.optional(&fields, "url", Self::string),
        })
    }

    fn person(&mut self, value: &JsonValue, path: &JsonPath<'_>) -> Option<WirePerson> {
        let fields = self.object(value, path)?;
        Some(WirePerson {
            name: self.required(&fields, "name", Self::string),
            role: self.optional(&fields, "role", Self::string),
            source: self.optional(&fields, "source", Self::string),
        })
    }

    fn image(&mut self, value: &JsonValue, path: &JsonPath<'_>) -> Option<WireImage> {
        let fields = self.object(value, path)?;
        Some(self.image_fields(&fields))
    }

    fn image_fields(&mut self, fields: &Fields<'_, '_>) -> WireImage {
        WireImage {
            sources: self.required(fields, "sources", |reader, value, path| {
                Some(reader.array(value, path, Self::image_source))
            }),
            width: self.required(fields, "width", Self::whole_number),
            height: self.required(fields, "height", Self::whole_number),
            alt: self.required(fields, "alt", Self::string),
            caption: self.optional(fields, "caption", Self::inline),
            credit: self.optional(fields, "credit", Self::string),
        }
    }

    fn image_source(&mut self, value: &JsonValue, path: &JsonPath<'_>) -> Option<WireImageSource> {
        let fields = self.object(value, path)?;
        Some(WireImageSource {
            url: self.required(&fields, "url", Self::string),
            width: self.required(&fields, "width", Self::whole_number),
        })
    }

    fn inline(&mut self, value: &JsonValue, path: &JsonPath<'_>) -> Option<WireInline> {
        match value {
            JsonValue::String(text) => Some(WireInline(vec![WireRun {
                text: text.clone(),
                ..WireRun::default()
            }])),
            JsonValue::Array(_) => Some(WireInline(self.array(value, path, Self::run))),
            other => {
                self.wrong_kind(path, "a string or an array of runs", other);
                None
            }
        }
    }

    fn run(&mut self, value: &JsonValue, path: &JsonPath<'_>) -> Option<WireRun> {
        if let JsonValue::String(text) = value {
            return Some(WireRun {
                text: text.clone(),
                ..WireRun::default()
            });
        }
        let JsonValue::Object(_) = value else {
            self.wrong_kind(path, "a string or a run object", value);
            return None;
        };
        let fields = self.object(value, path)?;
        Some(WireRun {
            text: self.required(&fields, "text", Self::string),
            marks: self.list(&fields, "marks", Self::string),
            href: self.optional(&fields, "href", Self::string),
            quote: self.optional(&fields, "quote", Self::person),
        })
    }

    fn section(&mut self, value: &JsonValue, path: &JsonPath<'_>) -> Option<WireSection> {
        let fields = self.object(value, path)?;
        Some(WireSection {
            id: self.optional(&fields, "id", Self::string),
            heading: self.required(&fields, "heading", Self::string),
            blocks: self.required(&fields, "blocks", |reader, value, path| {
                Some(reader.array(value, path, Self::block))
            }),
        })
    }

    fn block(&mut self, value: &JsonValue, path: &JsonPath<'_>) -> Option<WireBlock> {
        let fields = self.object(value, path)?;
        // A missing or non-string type is a problem, reported here; an empty or unknown
        // one is a block this reader does not know, skipped with a warning.
        let block_type = match fields.get("type") {
            Some(JsonValue::String(block_type)) => block_type.as_str(),
            Some(other) => {
                self.wrong_kind(&fields.path_of("type"), "a string", other);
                return None;
            }
            None => {
                self.problem(&fields.path_of("type"), "is required".to_owned());
                return None;
            }
        };
        let id = self.optional(&fields, "id", Self::string);
        let block = match block_type {
            "paragraph" => WireBlock::Paragraph {
                id,
                text: self.required(&fields, "text", Self::inline),
            },
            "subheading" => WireBlock::Subheading {
                id,
                text: self.required(&fields, "text", Self::string),
            },
            "quote" => WireBlock::Quote {
                id,
                text: self.required(&fields, "text", Self::inline),
                speaker: self.required(&fields, "speaker", |reader, value, path| reader.person(value, path)),
            },
            "pull_quote" => WireBlock::PullQuote {
                id,
                text: self.required(&fields, "text", Self::string),
                speaker: self.optional(&fields, "speaker", Self::person),
            },
            "list" => WireBlock::List {
                id,
                style: self.required(&fields, "style", Self::string),
                items: self.required(&fields, "items", |reader, value, path| {
                    Some(reader.array(value, path, Self::inline))
                }),
            },
            "figure" => WireBlock::Figure {
                id,
                image: self.image_fields(&fields),
            },
            "fact_box" => WireBlock::FactBox {
                id,
                title: self.required(&fields, "title", Self::string),
                blocks: self.required(&fields, "blocks", |reader, value, path| {
                    Some(reader.array(value, path, Self::block))
                }),
            },
            "divider" => WireBlock::Divider { id },
            "link_card" => WireBlock::LinkCard {
                id,
                url: self.required(&fields, "url", Self::string),
                title: self.required(&fields, "title", Self::string),
                description: self.optional(&fields, "description", Self::string),
            },
            _ => WireBlock::Unknown,
        };
        Some(block)
    }

    fn credit(&mut self, value: &JsonValue, path: &JsonPath<'_>) -> Option<WireCredit> {
        let fields = self.object(value, path)?;
        Some(WireCredit {
            name: self.required(&fields, "name", Self::string),
            kind: self.required(&fields, "kind", Self::string),
        })
    }

    fn correction(&mut self, value: &JsonValue, path: &JsonPath<'_>) -> Option<WireCorrection> {
        let fields = self.object(value, path)?;
        Some(WireCorrection {
            time: self.required(&fields, "time", Self::string),
            text: self.required(&fields, "text", Self::inline),
        })
    }

    fn related(&mut self, value: &JsonValue, path: &JsonPath<'_>) -> Option<WireRelated> {
        let fields = self.object(value, path)?;
        Some(WireRelated {
            id: self.optional(&fields, "id", Self::string),
            url: self.optional(&fields, "url", Self::string),
            headline: self.required(&fields, "headline", Self::string),
            summary: self.optional(&fields, "summary", Self::string),
            category: self.optional(&fields, "category", Self::string),
            published: self.optional(&fields, "published", Self::string),
            image: self.optional(&fields, "image", Self::image),
        })
    }
}

fn empty_article() -> WireArticle {
    WireArticle {
        schema_version: String::new(),
        id: String::new(),
        url: None,
        language: None,
        direction: None,
        outlet: WireOutlet::default(),
        category: WireCategory::default(),
        headline: String::new(),
        summary: WireInline::default(),
        dateline: None,
        byline: Vec::new(),
        published: String::new(),
        updated: None,
        lead_image: None,
        body: Vec::new(),
        context: None,
        credits: Vec::new(),
        corrections: Vec::new(),
        related: Vec::new(),
        tags: Vec::new(),
    }
}
