//! The rules for addresses, times and pictures: every URL parsed and scheme-checked,
//! every time RFC 3339, every picture with its sizes.

use crate::model::article::*;
use crate::model::json_path::JsonPath;
use crate::model::wire::*;

use super::*;

impl Validator {
    pub(super) fn optional_url(&mut self, text: Option<&str>, path: &JsonPath<'_>, url_use: UrlUse) -> Option<WebUrl> {
        self.url(text?, path, url_use)
    }

    pub(super) fn url(&mut self, text: &str, path: &JsonPath<'_>, url_use: UrlUse) -> Option<WebUrl> {
        WebUrl::parse(text, self.base.as_deref(), url_use)
            .map_err(|message| self.problem(path, message))
            .ok()
    }

    pub(super) fn timestamp(&mut self, text: &str, path: &JsonPath<'_>) -> Option<Timestamp> {
        Timestamp::parse(text)
            .map_err(|message| self.problem(path, message))
            .ok()
    }

    pub(super) fn image(&mut self, image: &WireImage, path: &JsonPath<'_>) -> Option<Image> {
        let mut sources = Vec::new();
        if image.sources.is_empty() {
            self.problem(&path.field("sources"), "must list at least one file");
        }
        if image.sources.len() > MAX_IMAGE_SOURCES {
            self.problem(
                &path.field("sources"),
                format!("must list at most {MAX_IMAGE_SOURCES} files"),
            );
        }
        let sources_path = path.field("sources");
        for (source_idx, source) in image.sources.iter().take(MAX_IMAGE_SOURCES).enumerate() {
            let source_path = sources_path.item(source_idx);
            let url = self.url(&source.url, &source_path.field("url"), UrlUse::WebResource);
            if source.width == 0 {
                self.problem(&source_path.field("width"), "must be more than 0");
            }
            if let Some(url) = url {
                sources.push(ImageSource {
                    url,
                    width: source.width,
                });
            }
        }
        sources.sort_by_key(|source| source.width);
        for (dimension, value) in [("width", image.width), ("height", image.height)] {
            if value == 0 {
                self.problem(&path.field(dimension), "must be more than 0");
            }
        }
        let caption = image
            .caption
            .as_ref()
            .and_then(|caption| self.inline(caption, &path.field("caption")));
        let credit = self.optional_text(image.credit.as_deref(), &path.field("credit"));
        if sources.is_empty() || image.width == 0 || image.height == 0 {
            return None;
        }
        Some(Image {
            sources,
            width: image.width,
            height: image.height,
            alt: image.alt.trim().to_owned(),
            caption,
            credit,
        })
    }
}
