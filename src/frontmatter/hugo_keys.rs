//! The front matter keys Hugo itself predefines, and what it does with each
//! (after Hugo's documentation of front matter fields, and
//! `hugolib/page__meta.go` `setMetaPre`/`setMetaPost`): for the language
//! server's hover, and so that a closed schema accepts them. Keys match
//! ignoring case, as Hugo lowercases them.

/// (key, what Hugo does with it).
const KEYS: &[(&str, &str)] = &[
    ("aliases", "A list of URLs (relative to the site root) that redirect to this page."),
    ("build", "How the page is built: `list` (`always`, `local`, `never`), `render` (`always`, `link`, `never`) and `publishResources`."),
    ("cascade", "Front matter values that the page's descendants inherit, optionally targeted with `target` (or `_target` before 0.123)."),
    ("date", "The date of the page, usually its creation date; `.Date`. Hugo fails the build on a date it cannot parse (0.136 and later)."),
    ("description", "The page's description, usually for the `<meta name=\"description\">` tag; `.Description`."),
    ("draft", "If `true`, the page is not rendered unless Hugo runs with `--buildDrafts`."),
    ("expirydate", "The date after which the page is no longer published (unless Hugo runs with `--buildExpired`); `.ExpiryDate`."),
    ("headless", "On a leaf bundle's `index.md`: `true` makes the bundle headless, its page never rendered (0.122 and later: use `build`)."),
    ("iscjklanguage", "Whether the content is Chinese, Japanese or Korean, so that word counts and summaries work."),
    ("keywords", "A list of keywords, usually for the `<meta name=\"keywords\">` tag; `.Keywords`."),
    ("lastmod", "The date the page was last changed; `.Lastmod`."),
    ("layout", "The template Hugo uses to render the page, instead of the one its type and kind choose."),
    ("linktitle", "A shorter title for links and menus; `.LinkTitle`."),
    ("markup", "The content's markup format when the file extension does not say: `markdown`, `asciidoc`, `html`, `org`, `pandoc` or `rst`."),
    ("menus", "The menu or menus the page is an entry of, with optional `name`, `weight`, `parent`, `identifier` and `pre`/`post`."),
    ("menu", "The menu or menus the page is an entry of (alias of `menus`)."),
    ("outputs", "The output formats to render the page in, e.g. `[\"html\", \"json\"]`."),
    ("params", "Custom values, read in templates with `.Params`. Keys outside the predefined ones are custom params too."),
    ("publishdate", "The date the page is published; before it, the page is not rendered unless Hugo runs with `--buildFuture`; `.PublishDate`."),
    ("pubdate", "Alias of `publishDate`."),
    ("published", "Alias of `publishDate`."),
    ("modified", "Alias of `lastmod`."),
    ("unpublishdate", "Alias of `expiryDate`."),
    ("resources", "Metadata (`name`, `title`, `params`) for the page bundle's resources, matched by `src` globs."),
    ("sitemap", "This page's sitemap settings: `changefreq`, `priority` and `disable`."),
    ("slug", "The last segment of the page's URL, instead of the file name."),
    ("summary", "The page's summary, instead of the one Hugo derives from the content; `.Summary`."),
    ("title", "The page's title; `.Title`."),
    ("translationkey", "Links the page to its translations that have the same key."),
    ("type", "The content type, which chooses the templates; by default the top-level section."),
    ("url", "The page's whole URL path from the site root, instead of the one Hugo derives."),
    ("weight", "The page's position in lists: lower weights come first; 0 means unweighted."),
];

/// What Hugo does with `key`, if it is one of its predefined keys.
pub fn meaning(key: &str) -> Option<&'static str> {
    let lower = key.to_ascii_lowercase();
    KEYS.iter().find(|(k, _)| *k == lower).map(|(_, m)| *m)
}

/// Keys Hugo reads that have no entry in the hover table: its deprecated or
/// release-bound keys (`_build`; `kind`, `lang` and `path`, which some
/// releases refuse: `hugo-field` says when) and the media lists its embedded
/// Open Graph, Twitter and schema templates read.
const OTHER_KEYS: &[&str] = &[
    "_build", "kind", "lang", "path", "images", "videos", "audio",
];

/// Whether `key` belongs to Hugo (not to a user's schema): one of its
/// predefined keys, or the plural name of one of the site's taxonomies
/// (`taxonomies`, lowercased; Hugo's default `tags` and `categories` when the
/// config has none).
pub fn is_hugo_key(key: &str, taxonomies: &[String]) -> bool {
    let lower = key.to_ascii_lowercase();
    KEYS.iter().any(|(k, _)| *k == lower)
        || OTHER_KEYS.contains(&lower.as_str())
        || taxonomies.contains(&lower)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hugo_keys_in_any_case_and_the_sites_taxonomies() {
        let taxonomies = vec!["tags".to_string(), "series".to_string()];
        assert!(is_hugo_key("Weight", &taxonomies));
        assert!(is_hugo_key("lastmod", &taxonomies));
        assert!(is_hugo_key("series", &taxonomies));
        assert!(!is_hugo_key("categories", &taxonomies));
        assert!(!is_hugo_key("source_url", &taxonomies));
    }
}
