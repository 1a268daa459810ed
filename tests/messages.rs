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
        FetchError::Network {
            url: URL.to_owned(),
            detail: "network error".to_owned(),
        },
        FetchError::NotFound { url: URL.to_owned() },
        FetchError::TimedOut {
            url: URL.to_owned(),
            seconds: 10,
        },
        FetchError::NotJson {
            url: URL.to_owned(),
            content_type: "text/html".to_owned(),
        },
        FetchError::NotJson {
            url: URL.to_owned(),
            content_type: String::new(),
        },
        FetchError::Server {
            url: URL.to_owned(),
            status: 503,
        },
        FetchError::TooLarge {
            url: URL.to_owned(),
            announced_bytes: None,
        },
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

#[test]
fn only_network_failures_and_busy_or_failing_servers_are_tried_again() {
    let server = |status| FetchError::Server {
        url: URL.to_owned(),
        status,
    };
    for status in [408, 429, 500, 502, 503, 504] {
        assert!(server(status).is_transient(), "{status} is worth another try");
    }
    for status in [400, 401, 403, 501] {
        assert!(!server(status).is_transient(), "{status} will not change by waiting");
    }
    assert!(FetchError::Network {
        url: URL.to_owned(),
        detail: String::new()
    }
    .is_transient());
    assert!(!FetchError::NotFound { url: URL.to_owned() }.is_transient());
    assert!(
        !FetchError::TimedOut {
            url: URL.to_owned(),
            seconds: 10
        }
        .is_transient(),
        "the reader already waited"
    );
    assert!(!FetchError::NotJson {
        url: URL.to_owned(),
        content_type: "text/html".to_owned()
    }
    .is_transient());
}

#[test]
fn retries_back_off_from_300_ms_and_honour_a_short_retry_after() {
    use lede::api::retry_delay_ms;
    assert_eq!(retry_delay_ms(0, None), Some(300));
    assert_eq!(retry_delay_ms(1, None), Some(600));
    assert_eq!(
        retry_delay_ms(0, Some("2")),
        Some(2000),
        "the server's longer wait wins"
    );
    assert_eq!(retry_delay_ms(1, Some("0")), Some(600), "never faster than the backoff");
    assert_eq!(
        retry_delay_ms(0, Some("120")),
        None,
        "too long to keep a reader waiting"
    );
    assert_eq!(
        retry_delay_ms(0, Some("Wed, 21 Oct 2015 07:28:00 GMT")),
        Some(300),
        "an http date falls back to the backoff"
    );
}

#[test]
fn a_document_announced_as_too_big_is_refused_with_its_size() {
    let message = FetchError::TooLarge {
        url: URL.to_owned(),
        announced_bytes: Some(3_000_000),
    }
    .to_string();
    assert_eq!(
        message,
        format!("{URL} is 3000000 bytes, more than the limit of 2097152 bytes for an article")
    );
    let message = FetchError::TooLarge {
        url: URL.to_owned(),
        announced_bytes: None,
    }
    .to_string();
    assert_eq!(
        message,
        format!("{URL} is more than the limit of 2097152 bytes for an article; reading stopped there")
    );
}
