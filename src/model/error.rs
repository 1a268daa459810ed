//! Why an article could not be read, and what was skipped in one that could, in words an
//! outlet's developer can act on.
//!
//! Every message is lowercase, has no trailing period, and names the article's source
//! (its URL or file name). Validation problems carry the JSON path of the value, for
//! example `body[1].blocks[0].text[2].href: scheme "javascript" is not allowed`.

use std::fmt;

/// One thing wrong with an article, at a JSON path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Where in the document, such as `body[0].heading`; empty for the whole document.
    pub path: String,
    /// What is wrong, lowercase, without a trailing period.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            formatter.write_str(&self.message)
        } else {
            write!(formatter, "{}: {}", self.path, self.message)
        }
    }
}

/// Something an outlet's developer should know that did not stop the article: a block of
/// an unknown type skipped, a mark ignored. Raised by the reader and the validator alike.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    /// Where in the document.
    pub path: String,
    /// What was skipped or assumed, lowercase.
    pub message: String,
}

/// Why an article document was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ArticleError {
    /// The document is bigger than the reader accepts.
    TooLarge {
        /// Where the document came from.
        source: String,
        /// Its size in bytes.
        n_bytes: usize,
        /// The limit in bytes.
        limit: usize,
    },
    /// The document is not JSON, or its JSON does not have the article's shape.
    Syntax {
        /// Where the document came from.
        source: String,
        /// What serde_json said, with line and column.
        message: String,
    },
    /// The document has the right shape but breaks rules of the format.
    Invalid {
        /// Where the document came from.
        source: String,
        /// Every problem found, in document order.
        problems: Vec<Problem>,
    },
}

impl ArticleError {
    /// The individual problems, for a collapsible list in the error view.
    pub fn problems(&self) -> Vec<String> {
        match self {
            ArticleError::Invalid { problems, .. } => problems.iter().map(|p| p.to_string()).collect(),
            ArticleError::Syntax { message, .. } => vec![message.clone()],
            ArticleError::TooLarge { .. } => vec![self.to_string()],
        }
    }

    /// The first `limit` of [`ArticleError::problems`], and a last line that counts the
    /// rest, if any: what a page shows, since a hostile document can have a problem in
    /// every few bytes, and tens of thousands of list items would freeze it.
    pub fn listed_problems(&self, limit: usize) -> Vec<String> {
        match self {
            ArticleError::Invalid { problems, .. } => {
                let mut listed: Vec<String> = problems.iter().take(limit).map(|p| p.to_string()).collect();
                if problems.len() > limit {
                    listed.push(format!("and {} more problems", problems.len() - limit));
                }
                listed
            }
            other => other.problems(),
        }
    }
}

/// How many problems the one-line message of an invalid article names; the rest are counted.
pub const MAX_PROBLEMS_IN_MESSAGE: usize = 20;

impl fmt::Display for ArticleError {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ArticleError::TooLarge { source, n_bytes, limit } => write!(
                formatter,
                "article {source} is {n_bytes} bytes, more than the limit of {limit} bytes"
            ),
            ArticleError::Syntax { source, message } => {
                write!(formatter, "article {source} is not valid article json: {message}")
            }
            ArticleError::Invalid { source, problems } => {
                write!(formatter, "article {source} breaks the article format")?;
                for problem in problems.iter().take(MAX_PROBLEMS_IN_MESSAGE) {
                    write!(formatter, "; {problem}")?;
                }
                if problems.len() > MAX_PROBLEMS_IN_MESSAGE {
                    write!(formatter, "; and {} more problems", problems.len() - MAX_PROBLEMS_IN_MESSAGE)?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for ArticleError {}

/// `text` in double quotes for a message, shortened if long: messages may quote hostile
/// input, and a 50,000-character run should not become a 50,000-character message.
pub fn quoted(text: &str) -> String {
    const MAX_QUOTED_CHARS: usize = 60;
    if text.chars().count() > MAX_QUOTED_CHARS {
        let shortened: String = text.chars().take(MAX_QUOTED_CHARS).collect();
        format!("\"{shortened}…\"")
    } else {
        format!("\"{text}\"")
    }
}
