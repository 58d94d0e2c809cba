//! Where a page is published: its URL path from its file path and front matter.
//!
//! This is the link rules' own small stand-in for the published-site model that is being
//! built in `site/` (permalinks with every token, languages, cascades): it answers through
//! the one function [`page_url`], which will call that model when it lands. What it knows:
//! the content path (urlized as Hugo's `MakePathSanitized`), `url`, `slug`, `[permalinks]`
//! per section with the tokens `:year :month :monthname :day :weekday :weekdayname :yearday
//! :section :sections :title :slug :filename :slugorfilename :contentbasename
//! :slugorcontentbasename`, and `uglyURLs`. What it does not know makes the URL unknown
//! (`None`), and an unknown URL never gives a finding: a multilingual site, another token, a
//! date Hugo reads in a layout other than `YYYY-MM-DD...`.

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

/// The page's date as Hugo's `:year`, `:month`, `:day` see it: `date`, else `publishDate`
/// (`pubdate`, `published`), else `lastmod` (`modified`), else year 1. A value Hugo cannot
/// read fails the build since 0.135; a layout this stand-in does not read is unknown.
fn date_parts(fm: Option<&Node>, fails: bool) -> Result<(i32, u32, u32), NoUrl> {
    match date_value(fm) {
        Some(parts) => Ok(parts),
        None if fm.is_some_and(date_unreadable) && fails => Err(NoUrl::Nowhere),
        None if fm.is_some_and(date_unreadable) => Ok((1, 1, 1)),
        None => Err(NoUrl::Unknown),
    }
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

fn date_value(fm: Option<&Node>) -> Option<(i32, u32, u32)> {
    const KEYS: &[&str] = &[
        "date",
        "publishdate",
        "pubdate",
        "published",
        "lastmod",
        "modified",
    ];
    let Some(value) = KEYS
        .iter()
        .find_map(|k| fm.and_then(|t| t.get(k)).map(|e| &e.value))
    else {
        return Some((1, 1, 1));
    };
    let text = match &value.kind {
        NodeKind::String { value, .. } if hugo_date::hugo_parses(value) => value.as_str(),
        NodeKind::Datetime(s) => s.as_str(),
        NodeKind::Int(secs) => {
            let d = chrono::DateTime::from_timestamp(*secs, 0)?.date_naive();
            return Some((
                chrono::Datelike::year(&d),
                chrono::Datelike::month(&d),
                chrono::Datelike::day(&d),
            ));
        }
        _ => return None,
    };
    let b = text.as_bytes();
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    Some((
        text[0..4].parse().ok()?,
        text[5..7].parse().ok()?,
        text[8..10].parse().ok()?,
    ))
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
        let truthy = |k: &str| {
            matches!(
                site.hugo.get(k).map(|n| &n.kind),
                Some(NodeKind::Bool(true))
            )
        };
        UrlConfig {
            permalinks,
            ugly: truthy("uglyURLs"),
            keep_case: truthy("disablePathToLower"),
            multilingual: site.hugo.languages.list.len() > 1,
        }
    }
}

/// Where the page `content_path` (relative to its content folder) with front matter `fm` is
/// published, or why it has no URL here. `fails`: the Hugo release fails the build on a
/// date it cannot read (0.135 and later).
pub fn page_url(
    content_path: &str,
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
    let kind = kind_of(content_path);
    if let Some((url, span)) = fm_str(fm, "url") {
        if url.contains("://") || url.starts_with("//") {
            return Err(NoUrl::Nowhere);
        }
        return Ok(PageUrl {
            path: url_value(url),
            set_at: Some(span),
        });
    }
    let (dir, file) = content_path.rsplit_once('/').unwrap_or(("", content_path));
    let stem = file.split('.').next().unwrap_or(file);
    let lower = !cfg.keep_case;
    let dir_url: Vec<String> = dir
        .split('/')
        .filter(|s| !s.is_empty())
        .map(|s| sanitize(s, lower))
        .collect();
    if kind != Kind::Page {
        let mut path = dir_url.join("/");
        if !path.is_empty() {
            path.push('/');
        }
        return Ok(PageUrl { path, set_at: None });
    }
    let slug = fm_str(fm, "slug");
    let section = dir.split('/').next().unwrap_or("").to_lowercase();
    if let Some((_, pattern)) = cfg
        .permalinks
        .iter()
        .find(|(s, _)| *s == section && !dir.is_empty())
    {
        let path = expand(pattern, content_path, fm, cfg, fails)?;
        return Ok(PageUrl {
            path,
            set_at: slug.map(|(_, s)| s),
        });
    }
    let leaf = stem == "index";
    let mut parts = dir_url;
    let last = match (&slug, leaf) {
        (Some((s, _)), true) => {
            parts.pop();
            sanitize(s, lower)
        }
        (Some((s, _)), false) => sanitize(s, lower),
        (None, true) => parts.pop().unwrap_or_default(),
        (None, false) => sanitize(stem, lower),
    };
    let mut path = parts.join("/");
    if !path.is_empty() {
        path.push('/');
    }
    path.push_str(&last);
    path.push_str(if cfg.ugly && !leaf { ".html" } else { "/" });
    Ok(PageUrl {
        path,
        set_at: slug.map(|(_, s)| s),
    })
}

/// A `url` front matter value as a URL path: cleaned, without the leading `/`; a folder
/// (with its `index.html`) unless it names a file.
fn url_value(url: &str) -> String {
    let cleaned = super::clean_path(url);
    let last = cleaned.rsplit('/').next().unwrap_or("");
    if cleaned.is_empty() || url.ends_with('/') || !last.contains('.') {
        if cleaned.is_empty() {
            String::new()
        } else {
            format!("{cleaned}/")
        }
    } else {
        cleaned
    }
}

/// A permalink pattern expanded for one page (`resources/page/permalinks.go`).
fn expand(
    pattern: &str,
    content_path: &str,
    fm: Option<&Node>,
    cfg: &UrlConfig,
    fails: bool,
) -> Result<String, NoUrl> {
    let lower = !cfg.keep_case;
    let (dir, file) = content_path.rsplit_once('/').unwrap_or(("", content_path));
    let stem = file.split('.').next().unwrap_or(file);
    let filename = if stem == "index" {
        dir.rsplit('/').next().unwrap_or(dir)
    } else {
        stem
    };
    let slug = fm_str(fm, "slug").map(|(s, _)| sanitize(s, lower));
    let title = || sanitize(fm_str(fm, "title").map_or("", |(s, _)| s), lower);
    let mut out = String::new();
    let mut rest = pattern;
    while let Some(i) = rest.find(':') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let n = after
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(after.len());
        let token = &after[..n];
        if after[n..].starts_with('[') {
            return Err(NoUrl::Unknown);
        }
        let date = || date_parts(fm, fails);
        let value = match token {
            "year" => date()?.0.to_string(),
            "month" => format!("{:02}", date()?.1),
            "day" => format!("{:02}", date()?.2),
            "monthname" | "weekday" | "weekdayname" | "yearday" => {
                let (y, m, d) = date()?;
                let day = chrono::NaiveDate::from_ymd_opt(y, m, d).ok_or(NoUrl::Unknown)?;
                date_token(token, day)
            }
            "section" => dir.split('/').next().unwrap_or("").to_string(),
            "sections" => dir.to_string(),
            "title" => title(),
            "slug" => slug.clone().unwrap_or_else(title),
            "filename" => sanitize(filename, lower),
            "slugorfilename" => slug.clone().unwrap_or_else(|| sanitize(filename, lower)),
            "contentbasename" => sanitize(filename, lower),
            "slugorcontentbasename" => slug.clone().unwrap_or_else(|| sanitize(filename, lower)),
            _ => return Err(NoUrl::Unknown),
        };
        out.push_str(&value);
        rest = &after[n..];
    }
    out.push_str(rest);
    let cleaned = super::clean_path(&out);
    Ok(if cleaned.is_empty() {
        String::new()
    } else if cfg.ugly {
        format!("{cleaned}.html")
    } else {
        format!("{cleaned}/")
    })
}

fn date_token(token: &str, day: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    match token {
        "monthname" => day.format("%B").to_string(),
        "weekday" => day.weekday().num_days_from_sunday().to_string(),
        "weekdayname" => day.format("%A").to_string(),
        _ => day.ordinal().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::frontmatter::yaml;

    fn url(path: &str, fm: &str, cfg: &UrlConfig) -> Option<String> {
        let tree = yaml::parse(fm).unwrap();
        page_url(path, Some(&tree), cfg, true).ok().map(|u| u.path)
    }

    #[test]
    fn paths_slugs_and_urls() {
        let cfg = UrlConfig::default();
        assert_eq!(
            url("posts/My Post.md", "a: 1", &cfg).unwrap(),
            "posts/my-post/"
        );
        assert_eq!(
            url("posts/b/index.md", "slug: Hi There", &cfg).unwrap(),
            "posts/hi-there/"
        );
        assert_eq!(url("posts/_index.md", "a: 1", &cfg).unwrap(), "posts/");
        assert_eq!(url("_index.md", "a: 1", &cfg).unwrap(), "");
        assert_eq!(url("about.md", "url: /x/y", &cfg).unwrap(), "x/y/");
        assert_eq!(url("about.md", "url: /x/y.html", &cfg).unwrap(), "x/y.html");
    }

    #[test]
    fn permalinks() {
        let cfg = UrlConfig {
            permalinks: vec![("posts".into(), "/:year/:month/:slug/".into())],
            ..UrlConfig::default()
        };
        let fm = "title: 中文 標題\ndate: 2023-03-05T10:00:00+08:00";
        assert_eq!(url("posts/a.md", fm, &cfg).unwrap(), "2023/03/中文-標題/");
        let fm = "slug: x\ndate: 2023-03-05";
        assert_eq!(url("posts/a/index.md", fm, &cfg).unwrap(), "2023/03/x/");
        assert_eq!(url("posts/a.md", "slug: x\ndate: yesterday", &cfg), None);
        assert_eq!(url("about.md", "slug: x", &cfg).unwrap(), "x/");
    }

    #[test]
    fn sanitize_as_hugo() {
        assert_eq!(sanitize("Open AI", true), "open-ai");
        assert_eq!(sanitize("a - b", true), "a-b");
        assert_eq!(sanitize("C++ tips!", false), "C++-tips");
        assert_eq!(sanitize("  x  ", true), "x");
    }
}
