//! House rule 5 for the messages readers and outlets see: lowercase, no trailing period,
//! and naming the address they are about.
#![cfg(not(target_arch = "wasm32"))]

use lede::api::FetchError;
use lede::model::parse_article;

const URL: &str = "https://outlet.example/articles/x.json";

#[test]
fn every_fetch_error_message_is_lowercase_has_no_trailing_period_and_names_the_url() {
    let article_error = parse_article("{", URL).err().map(FetchError::Article);
    let errors = [
        FetchError::Network { url: URL.to_owned(), detail: "network error".to_owned() },
        FetchError::NotFound { url: URL.to_owned() },
        FetchError::TimedOut { url: URL.to_owned(), seconds: 10 },
        FetchError::NotJson { url: URL.to_owned(), content_type: "text/html".to_owned() },
        FetchError::NotJson { url: URL.to_owned(), content_type: String::new() },
        FetchError::Server { url: URL.to_owned(), status: 503 },
    ]
    .into_iter()
    .chain(article_error);
    for error in errors {
        let message = error.to_string();
        assert!(message.contains(URL), "names the url: {message}");
        assert!(!message.ends_with('.'), "no trailing period: {message}");
        let first = message.chars().next().unwrap_or('a');
        assert!(!first.is_uppercase(), "starts lowercase: {message}");
    }
}
