//! What the address bar means.

use super::*;

#[test]
fn routes_map_paths_to_articles_and_refuse_anything_that_is_not_a_slug() {
    assert_eq!(Route::from_path("/"), Route::Home);
    assert_eq!(Route::Home.article_location(), Some(ArticleLocation::Default));
    assert_eq!(
        Slug::parse(DEFAULT_ARTICLE_ID),
        Ok(Slug::from_literal(DEFAULT_ARTICLE_ID)),
        "the default id literal is a slug"
    );
    let slug = |text: &str| Slug::parse(text).unwrap_or_else(|error| panic!("{error}"));
    assert_eq!(
        Route::from_path("/articles/initial-plan-criticism"),
        Route::Article(slug("initial-plan-criticism"))
    );
    assert_eq!(
        Route::from_path("/articles/initial-plan-criticism/"),
        Route::Article(slug("initial-plan-criticism"))
    );
    assert_eq!(
        Route::from_path("/articles/..%2Fsecret"),
        Route::NotFound("/articles/..%2Fsecret".to_owned())
    );
    assert_eq!(Route::from_path("/elsewhere"), Route::NotFound("/elsewhere".to_owned()));
    assert_eq!(Route::Article(slug("a-b")).path(), "/articles/a-b");
    let source = Route::from_location("/", "?src=https%3A%2F%2Fpartner.example%2Fa.json&x=1");
    assert_eq!(source, Route::Source("https://partner.example/a.json".to_owned()));
    assert_eq!(source.path(), "/?src=https%3A%2F%2Fpartner.example%2Fa.json");
    assert_eq!(Route::from_location("/", "?src="), Route::Home);
    assert_eq!(
        Route::from_location("/articles/a-b", "?src=https%3A%2F%2Fx.example%2F"),
        Route::Article(slug("a-b"))
    );
}
