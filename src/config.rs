//! The reader's configuration, `lede.config.json` beside `index.html`: where articles come
//! from, which article `/` opens, and which other origins `?src=` may load from.
//!
//! Plain Rust, read with the article format's strict JSON reader and tested natively. An
//! outlet edits the file in `dist/` without rebuilding the app.

use crate::model::json::{parse_json, JsonValue};
use crate::model::slug::Slug;

/// The article `/` opens when the configuration does not name one: the seed article.
pub const DEFAULT_ARTICLE_ID: &str = "zelensky-kushner-witkoff-call";

/// Where the configuration is served, relative to the app's origin.
pub const CONFIG_PATH: &str = "/lede.config.json";

/// The reader's configuration; [`ReaderConfig::default`] is what applies without a file.
#[derive(Clone, Debug, PartialEq)]
pub struct ReaderConfig {
    /// Where `{id}.json` files are, absolute or relative to the page, ending in `/`.
    pub articles_base_url: String,
    /// The article `/` opens.
    pub default_article: Slug,
    /// Addresses for particular articles, overriding the base URL.
    pub article_urls: Vec<(Slug, String)>,
    /// Origins (`https://outlet.example`) that `?src=` may load an article from.
    pub allowed_source_origins: Vec<String>,
}

impl Default for ReaderConfig {
    fn default() -> ReaderConfig {
        ReaderConfig {
            articles_base_url: "/articles/".to_owned(),
            default_article: Slug::from_literal(DEFAULT_ARTICLE_ID),
            article_urls: Vec::new(),
            allowed_source_origins: Vec::new(),
        }
    }
}

impl ReaderConfig {
    /// Reads the configuration file's text. Missing fields keep their defaults; a wrong
    /// one is an error naming the field, lowercase.
    pub fn parse(text: &str) -> Result<ReaderConfig, String> {
        let value = parse_json(text)
            .map_err(|error| format!("line {} column {}: {}", error.line, error.column, error.message))?;
        let JsonValue::Object(fields) = value else {
            return Err("expected an object".to_owned());
        };
        let mut config = ReaderConfig::default();
        for (key, value) in fields {
            match (key.as_str(), value) {
                ("articles_base_url", JsonValue::String(url)) => {
                    config.articles_base_url = if url.ends_with('/') { url } else { format!("{url}/") };
                }
                ("default_article", JsonValue::String(id)) => {
                    config.default_article =
                        Slug::parse(&id).map_err(|message| format!("default_article: {message}"))?;
                }
                ("article_urls", JsonValue::Object(entries)) => {
                    for (id, url) in entries {
                        let slug = Slug::parse(&id).map_err(|message| format!("article_urls: {message}"))?;
                        let JsonValue::String(url) = url else {
                            return Err(format!("article_urls.{id}: expected a string"));
                        };
                        config.article_urls.push((slug, url));
                    }
                }
                ("allowed_source_origins", JsonValue::Array(origins)) => {
                    for (origin_idx, origin) in origins.into_iter().enumerate() {
                        let JsonValue::String(origin) = origin else {
                            return Err(format!("allowed_source_origins[{origin_idx}]: expected a string"));
                        };
                        config.allowed_source_origins.push(normalized_origin(&origin).ok_or_else(|| {
                            format!("allowed_source_origins[{origin_idx}]: \"{origin}\" is not an origin such as \"https://outlet.example\"")
                        })?);
                    }
                }
                ("articles_base_url" | "default_article" | "article_urls" | "allowed_source_origins", other) => {
                    return Err(format!("{key}: {} is the wrong kind of value", other.kind_name()));
                }
                _ => {}
            }
        }
        Ok(config)
    }

    /// The address of the article `article_id`: its own if configured, otherwise under the
    /// base URL.
    pub fn article_url(&self, article_id: &Slug) -> String {
        match self.article_urls.iter().find(|(id, _)| id == article_id) {
            Some((_, url)) => url.clone(),
            None => format!("{}{article_id}.json", self.articles_base_url),
        }
    }

    /// True if and only if `url` is an absolute `http` or `https` address whose origin is on
    /// the allow-list.
    pub fn allows_source(&self, url: &str) -> bool {
        web_origin(url).is_some_and(|origin| self.allowed_source_origins.contains(&origin))
    }

    /// True if and only if the reader may show the article at `url`, an address taken from
    /// the reader's own URL (`/?src=`, or the widget frame's `embed.html?src=`): one on the
    /// reader's own origin, `reader_origin`, or on an origin the configuration allows.
    /// Every page that takes an article address from its URL asks this, through
    /// `api::resolve_location`, so nobody can show their text under the reader's address.
    pub fn allows_article_address(&self, url: &str, reader_origin: &str) -> bool {
        web_origin(url).is_some_and(|origin| origin == reader_origin || self.allowed_source_origins.contains(&origin))
    }
}

/// The origin of `url` if it is an absolute `http` or `https` address.
fn web_origin(url: &str) -> Option<String> {
    let parsed = crate::platform::url::parse_url(url, None).ok()?;
    matches!(parsed.scheme.as_str(), "https" | "http").then_some(parsed.origin)
}

fn normalized_origin(text: &str) -> Option<String> {
    let parsed = crate::platform::url::parse_url(text, None).ok()?;
    let is_bare_origin = matches!(parsed.scheme.as_str(), "https" | "http")
        && matches!(parsed.path.as_str(), "" | "/")
        && !parsed.has_query;
    is_bare_origin.then_some(parsed.origin)
}
