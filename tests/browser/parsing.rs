//! Parsing in the browser: URLs with the browser's own parser, and article documents.

use super::*;

// In the browser, URLs are parsed by the browser's own `URL` rather than the `url` crate
// (src/whatwg_url.rs): the same checks must hold on this side too.
#[wasm_bindgen_test]
fn the_browsers_url_parser_enforces_the_same_schemes_and_refusals_as_the_url_crate() {
    use lede::model::web_url::{UrlUse, WebUrl};
    assert!(WebUrl::parse("data:text/html,<script>alert(1)</script>", None, UrlUse::Link).is_err());
    assert!(WebUrl::parse("JaVaScRiPt:alert(1)", None, UrlUse::Link).is_err());
    assert!(WebUrl::parse("https://", None, UrlUse::Link).is_err());
    assert!(WebUrl::parse("mailto:desk@outlet.example", None, UrlUse::WebResource).is_err());
    assert!(WebUrl::parse("mailto:", None, UrlUse::Link).is_err());
    let relative = WebUrl::parse("/relative/path", None, UrlUse::Link).expect_err("no base");
    assert!(relative.contains("is relative"), "{relative}");
    let look_alike = WebUrl::parse("https://раураl.com/login", None, UrlUse::Link).expect_err("a non-ASCII host");
    assert!(look_alike.contains("international domain name"), "{look_alike}");
    assert!(
        WebUrl::parse("https://xn--80ak6aa92e.com/", None, UrlUse::Link).is_ok(),
        "punycode as written is fine"
    );
    let resolved = WebUrl::parse(
        "images/lead.jpg",
        Some("https://outlet.example/articles/a.json"),
        UrlUse::WebResource,
    )
    .expect("a relative reference with a base");
    assert_eq!(resolved.as_str(), "https://outlet.example/articles/images/lead.jpg");
    assert_eq!(
        WebUrl::parse("HTTPS://Outlet.Example/News", None, UrlUse::Link).map(|url| url.to_string()),
        Ok("https://outlet.example/News".to_owned())
    );
}

// Regression: a host outside ASCII passed in the browser whenever `xn--` appeared anywhere
// in the URL, where natively it was refused. The same table runs natively
// (tests/url_vectors.rs); here the browser's own URL parser does the work.
#[wasm_bindgen_test]
fn every_url_vector_has_its_expected_outcome_in_the_browser() {
    let failures = url_vectors::failures();
    assert!(failures.is_empty(), "{} of the vectors differ:\n{}", failures.len(), failures.join("\n"));
}

// Regression: a UTF-8 byte-order mark before a valid article failed it with "line 1 column
// 1: expected a value". The reader's fetch decodes the bytes itself, keeping the mark.
#[wasm_bindgen_test]
fn an_article_with_a_leading_byte_order_mark_is_read_in_the_browser() {
    let text = format!("\u{feff}{SEED_JSON}");
    let parsed = parse_article(&text, "articles/zelensky-kushner-witkoff-call.json").expect("the mark is ignored");
    assert_eq!(parsed.article.id.as_str(), "zelensky-kushner-witkoff-call");
}
