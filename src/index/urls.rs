//! Where a page is published: its URL path from its file path and front matter.
//!
//! The link rules read page URLs through the one function [`page_url`], which asks the
//! published-site model ([`Site::page_model`]: permalinks with every token, `slug`, `url`,
//! `uglyURLs`, `disablePathToLower`) and adds what publishes nothing (a date Hugo cannot
//! read, a `url` with a scheme). What the model cannot know makes the URL unknown, and an
//! unknown URL never gives a finding; a multilingual site is not placed yet (its pages would
//! need one URL per language in the index). Also here: Hugo's path sanitising for the URLs
//! links are compared with, and the kind of a content file.

use crate::frontmatter::{hugo_date, Node, NodeKind, Span};
use crate::site::Site;

/// What kind of page a content file is (Hugo's `page.Kind*`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The home page (`_index.md` at the content root).
    Home,
    /// A section's list page (`_index.md` in a folder).
    Section,
    /// A regular page (any other file, a leaf bundle's `index.md` included).
    Page,
}

/// A page's published URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageUrl {
    /// The URL path, percent-decoded, without the leading `/`: `posts/a/` (a folder, with
    /// its `index.html`), `posts/a.html` (`uglyURLs`), or empty for the home page.
    pub path: String,
    /// Where the front matter sets it (`url` or `slug`), for reports.
    pub set_at: Option<Span>,
}

/// The kind of a content file from its name.
pub fn kind_of(content_path: &str) -> Kind {
    let (dir, file) = content_path.rsplit_once('/').unwrap_or(("", content_path));
    let stem = file.split('.').next().unwrap_or(file);
    match (stem, dir.is_empty()) {
        ("_index", true) => Kind::Home,
        ("_index", false) => Kind::Section,
        _ => Kind::Page,
    }
}

/// Hugo's `paths.Sanitize` then lower-casing (`helpers.MakePathSanitized`, without
/// `removePathAccents`): spaces between kept characters become one `-`, characters other
/// than letters, digits, marks and `._~+#@-/\` and `%XX` are dropped.
pub fn sanitize(s: &str, to_lower: bool) -> String {
    let mut out = String::with_capacity(s.len());
    let (mut prepend, mut was_hyphen) = (false, false);
    let bytes = s.as_bytes();
    for (i, c) in s.char_indices() {
        let allowed = c != ' ' && allowed_path_char(c, bytes, i);
        if allowed {
            was_hyphen = c == '-';
            if prepend && !was_hyphen {
                out.push('-');
            }
            prepend = false;
            out.push(c);
        } else if !out.is_empty() && !was_hyphen && c.is_whitespace() {
            prepend = true;
        }
    }
    if to_lower {
        out.to_lowercase()
    } else {
        out
    }
}

/// `paths.isAllowedPathCharacter` (`common/paths/path.go`).
fn allowed_path_char(c: char, bytes: &[u8], i: usize) -> bool {
    c.is_alphanumeric()
        || matches!(c, '.' | '/' | '\\' | '_' | '#' | '+' | '~' | '-' | '@')
        || is_mark(c)
        || (c == '%'
            && bytes.get(i + 1).is_some_and(u8::is_ascii_hexdigit)
            && bytes.get(i + 2).is_some_and(u8::is_ascii_hexdigit))
}

/// Combining marks of the common blocks (Go's `unicode.IsMark`, approximately).
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x300..=0x36F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF
        | 0xFE20..=0xFE2F | 0x3099..=0x309A)
}

fn fm_str<'a>(fm: Option<&'a Node>, key: &str) -> Option<(&'a str, Span)> {
    let e = fm?.get(key)?;
    let s = e.value.as_str()?.trim();
    (!s.is_empty()).then(|| (s, e.value.span.clone()))
}

/// Why a page has no URL here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoUrl {
    /// Hugo fails the build on this page (a date it cannot read): it is published nowhere.
    Nowhere,
    /// This model cannot tell where Hugo puts it.
    Unknown,
}

/// Whether the first date key present holds something Hugo cannot read as a date.
fn date_unreadable(tree: &Node) -> bool {
    const KEYS: &[&str] = &[
        "date",
        "publishdate",
        "pubdate",
        "published",
        "lastmod",
        "modified",
    ];
    KEYS.iter()
        .find_map(|k| tree.get(k))
        .is_some_and(|e| match &e.value.kind {
            NodeKind::String { value, .. } => !value.is_empty() && !hugo_date::hugo_parses(value),
            NodeKind::Bool(_) | NodeKind::Float(_) | NodeKind::List(_) | NodeKind::Map(_) => true,
            _ => false,
        })
}

/// The site's settings this model reads, from Hugo's config.
#[derive(Debug, Clone, Default)]
pub struct UrlConfig {
    /// `[permalinks]` for regular pages: section name (lower-cased) and pattern.
    pub permalinks: Vec<(String, String)>,
    /// `uglyURLs = true`.
    pub ugly: bool,
    /// `disablePathToLower = true`.
    pub keep_case: bool,
    /// More than one language: this stand-in does not place pages then.
    pub multilingual: bool,
}

impl UrlConfig {
    /// Reads the settings from the site's Hugo config.
    pub fn of(site: &Site) -> UrlConfig {
        let mut permalinks = Vec::new();
        if let Some(map) = site.hugo.get("permalinks").and_then(Node::as_map) {
            for e in map {
                if let Some(p) = e.value.as_str() {
                    permalinks.push((e.key.to_lowercase(), p.to_string()));
                } else if e.key.eq_ignore_ascii_case("page") {
                    for p in e.value.as_map().unwrap_or_default() {
                        if let Some(pat) = p.value.as_str() {
                            permalinks.push((p.key.to_lowercase(), pat.to_string()));
                        }
                    }
                }
            }
        }
        let truthy = |k: &str| site.hugo.is_true(k);
        UrlConfig {
            permalinks,
            ugly: truthy("uglyURLs"),
            keep_case: truthy("disablePathToLower"),
            multilingual: site.hugo.languages.list.len() > 1,
        }
    }
}

/// Where the content file `rel_path` (site-relative; `content_path` relative to its content
/// folder) with front matter `fm` is published, as the published-site model places it
/// ([`Site::page_model`]), or why it has no URL here. What this module adds: a page whose
/// date Hugo cannot read fails the build (0.135 and later), and a `url` with a scheme
/// publishes nothing, so links to either are broken; a multilingual site is not placed yet.
pub fn page_url(
    site: &Site,
    rel_path: &str,
    fm: Option<&Node>,
    cfg: &UrlConfig,
    fails: bool,
) -> Result<PageUrl, NoUrl> {
    if cfg.multilingual {
        return Err(NoUrl::Unknown);
    }
    if fails && fm.is_some_and(date_unreadable) {
        return Err(NoUrl::Nowhere);
    }
    let url = fm_str(fm, "url");
    if url
        .as_ref()
        .is_some_and(|(u, _)| u.contains("://") || u.starts_with("//"))
    {
        return Err(NoUrl::Nowhere);
    }
    let model = site.page_model(rel_path, fm);
    let link = model
        .instances
        .first()
        .and_then(|i| i.url.as_ref())
        .ok_or(NoUrl::Unknown)?;
    Ok(PageUrl {
        path: link.link.trim_start_matches('/').to_string(),
        set_at: url.or_else(|| fm_str(fm, "slug")).map(|(_, s)| s),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::frontmatter::yaml;

    fn url(path: &str, fm: &str) -> Result<String, NoUrl> {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join(path);
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(&file, format!("---\n{fm}\n---\n")).unwrap();
        std::fs::write(dir.path().join("hugo.toml"), "title = 'T'\n").unwrap();
        let options = crate::site::LoadOptions {
            config: None,
            isolated: true,
            version: None,
            known_rules: &[],
        };
        let site = Site::load(dir.path().to_path_buf(), &options).unwrap();
        let tree = yaml::parse(fm).unwrap();
        let cfg = UrlConfig::of(&site);
        page_url(&site, path, Some(&tree), &cfg, true).map(|u| u.path)
    }

    #[test]
    fn the_model_places_pages_and_this_module_what_publishes_nothing() {
        assert_eq!(
            url("content/posts/My Post.md", "a: 1").unwrap(),
            "posts/my-post/"
        );
        let slug = url("content/posts/b/index.md", "slug: Hi There").unwrap();
        assert_eq!(slug, "posts/hi-there/");
        assert_eq!(url("content/posts/_index.md", "a: 1").unwrap(), "posts/");
        assert_eq!(
            url("content/about.md", "url: /x/y.html").unwrap(),
            "x/y.html"
        );
        let bad_date = url("content/posts/a.md", "date: yesterday");
        assert_eq!(bad_date, Err(NoUrl::Nowhere));
        let external = url("content/a.md", "url: https://example.com/a/");
        assert_eq!(external, Err(NoUrl::Nowhere));
    }

    #[test]
    fn sanitize_as_hugo() {
        assert_eq!(sanitize("Open AI", true), "open-ai");
        assert_eq!(sanitize("a - b", true), "a-b");
        assert_eq!(sanitize("C++ tips!", false), "C++-tips");
        assert_eq!(sanitize("  x  ", true), "x");
    }
}
