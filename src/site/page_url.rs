//! A page's URL and where its resources are published, as Hugo computes them
//! (`resources/page/page_paths.go` `CreateTargetPaths` for the HTML output format, fed as
//! `hugolib/page__paths.go` `createTargetPathDescriptor` feeds it), and Hugo's sanitising of
//! URL path elements (`common/paths/path.go` `Sanitize`, `helpers/path.go`
//! `MakePathSanitized`).
//!
//! Paths here are *site paths*: below the root that `public/` is served at, with a leading
//! `/` and no baseURL path (`/fr/posts/p/`).

use super::permalinks::{Kind, PageFacts};
use super::url_config::UrlConfig;

/// Hugo's `paths.Sanitize` (spaces and runs of whitespace become one `-`; only letters,
/// digits, marks and `./\_#+~-@` and `%XX` stay), then accents removed with
/// `removePathAccents` and lowercased unless `disablePathToLower` (`MakePathSanitized`).
pub fn sanitize(s: &str, keep_case: bool, remove_accents: bool) -> String {
    let bytes = s.as_bytes();
    let allowed = |i: usize, c: char| {
        c != ' '
            && (c.is_alphanumeric()
                || matches!(c, '.' | '/' | '\\' | '_' | '#' | '+' | '~' | '-' | '@')
                || is_mark(c)
                || (c == '%'
                    && i + 2 < bytes.len()
                    && bytes[i + 1].is_ascii_hexdigit()
                    && bytes[i + 2].is_ascii_hexdigit()))
    };
    let mut out = String::with_capacity(s.len());
    let (mut hyphen_pending, mut was_hyphen) = (false, false);
    for (i, c) in s.char_indices() {
        if allowed(i, c) {
            was_hyphen = c == '-';
            if hyphen_pending && !was_hyphen {
                out.push('-');
            }
            hyphen_pending = false;
            out.push(c);
        } else if !out.is_empty() && !was_hyphen && c.is_whitespace() {
            hyphen_pending = true;
        }
    }
    if remove_accents {
        out = out.chars().map(strip_accent).collect();
    }
    if keep_case {
        out
    } else {
        out.to_lowercase()
    }
}

/// Combining marks (the Unicode blocks of general category M that real titles use).
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05BD | 0x0610..=0x061A
        | 0x064B..=0x065F | 0x0900..=0x0903 | 0x093A..=0x094F | 0x3099..=0x309A
        | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// The letter without its accent, for the Latin-1 and Latin Extended-A letters
/// (`text.RemoveAccentsString` decomposes and drops marks); others unchanged.
fn strip_accent(c: char) -> char {
    const FROM: &str = concat!(
        "ÀÁÂÃÄÅàáâãäåÈÉÊËèéêëÌÍÎÏìíîïÒÓÔÕÖ",
        "òóôõöÙÚÛÜùúûüÝýÿÑñÇçŠšŽžČčĆćŘřĎďŤťŇňĚěŮů"
    );
    const TO: &str = "AAAAAAaaaaaaEEEEeeeeIIIIiiiiOOOOOoooooUUUUuuuuYyyNnCcSsZzCcCcRrDdTtNnEeUu";
    FROM.chars()
        .position(|f| f == c)
        .and_then(|i| TO.chars().nth(i))
        .unwrap_or(c)
}

/// Where a page is published, in site paths.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageUrl {
    /// The page's link: `/posts/p/`, `/posts/a.html`, `/fr/`.
    pub link: String,
    /// The folder its resources are published in, with a trailing `/`: `/posts/p/`; for an
    /// ugly `/posts/p.html` it is `/posts/p/` too (Hugo's `SubResourceBaseLink`).
    pub resources: String,
}

/// What decides one page's URL, besides [`PageFacts`].
#[derive(Debug, Clone, Default)]
pub struct UrlInputs<'a> {
    /// The page's folder in the content tree without the bundle folder: for
    /// `posts/p/index.md` and `posts/x.md` it is `posts` (Hugo's `ContainerDir`).
    pub container_dir: &'a str,
    /// The base name: a bundle's folder name, a file's name without language and extension.
    pub base_name: &'a str,
    /// Whether the page is a leaf bundle (`index.*`).
    pub leaf_bundle: bool,
    /// `url` from front matter.
    pub url: Option<&'a str>,
    /// The language.
    pub lang: &'a str,
}

impl UrlConfig {
    /// Sanitises one path element as this site does.
    pub fn urlize(&self, s: &str) -> String {
        sanitize(s, self.disable_path_to_lower, self.remove_path_accents)
    }

    /// The page's URL and resource folder; None when it depends on what pagelint cannot know
    /// (a date from git, a token naming another page).
    pub fn page_url(&self, facts: &PageFacts<'_>, inputs: &UrlInputs<'_>) -> Option<PageUrl> {
        let prefix = self.language_prefix(inputs.lang);
        let mut url = inputs
            .url
            .map(str::trim)
            .filter(|u| !u.is_empty())
            .map(str::to_string);
        if let Some(u) = &url {
            if u.contains(':') && self.version.at_least(131) {
                let expanded = self.permalinks.expand(u, facts, &|s| self.urlize(s))?;
                url = Some(percent_decode(&expanded));
            }
        }
        let expanded = match self.permalinks.pattern_for(facts.kind, facts.path) {
            Some(pattern) => {
                let e = self
                    .permalinks
                    .expand(pattern, facts, &|s| self.urlize(s))?;
                Some(clean(&percent_decode(&e)))
            }
            None => None,
        };
        let ugly = self.ugly.for_section(facts.section);
        let b = Builder {
            config: self,
            facts,
            inputs,
            url: url.as_deref(),
            expanded: expanded.as_deref().filter(|e| !e.is_empty() && *e != "/"),
            ugly,
            prefix,
        };
        Some(b.build())
    }
}

fn percent_decode(s: &str) -> String {
    percent_encoding::percent_decode_str(s)
        .decode_utf8_lossy()
        .into_owned()
}

/// Go's `path.Clean` for an absolute path (the result starts with `/`).
fn clean(p: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for seg in p.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    format!("/{}", parts.join("/"))
}

struct Builder<'a> {
    config: &'a UrlConfig,
    facts: &'a PageFacts<'a>,
    inputs: &'a UrlInputs<'a>,
    url: Option<&'a str>,
    expanded: Option<&'a str>,
    ugly: bool,
    prefix: &'a str,
}

impl Builder<'_> {
    /// `CreateTargetPaths` for HTML (`index.html`), returning the link and the resource folder.
    fn build(&self) -> PageUrl {
        let kind = self.facts.kind;
        let mut els: Vec<String> = Vec::new();
        let mut suffix = ".html".to_string();
        let mut upper = 0;
        let mut use_prefix = true;
        let mut is_ugly = self.ugly;
        let base_same_as_type =
            !self.inputs.leaf_bundle && kind == Kind::Page && self.inputs.base_name == "index";
        let index_ugly_kind =
            matches!(kind, Kind::Home | Kind::Section | Kind::Taxonomy) && is_ugly;
        if self.expanded.is_none() && base_same_as_type {
            is_ugly = true;
        }
        let mut url = self.url.map(|u| {
            if u.contains("..") {
                clean(u)
            } else {
                u.to_string()
            }
        });
        if kind == Kind::Home {
            url = None;
        }
        if kind != Kind::Page && url.is_none() && !self.facts.path.is_empty() {
            els.push(self.expanded.unwrap_or(self.facts.path).to_string());
        }
        if let Some(u) = &url {
            els.extend(u.split('/').filter(|s| !s.is_empty()).map(str::to_string));
            let has_dot = u.contains('.');
            if u.ends_with('/') || !has_dot {
                els.push("index.html".into());
            } else if let Some(dot) = u.rfind('.') {
                suffix = u[dot..].to_string();
            }
            if els.last().is_some_and(|l| l == "index.html") {
                upper = 1;
            }
            // A relative `url` gets the language prefix; an absolute one does not.
            use_prefix = !u.starts_with('/') && !u.starts_with(&format!("/{}", self.prefix));
        } else if kind == Kind::Page {
            match self.expanded {
                Some(e) => els.push(e.to_string()),
                None => {
                    if !self.inputs.container_dir.is_empty() {
                        els.push(self.inputs.container_dir.to_string());
                    }
                    els.push(self.facts.slug_or(self.inputs.base_name).to_string());
                }
            }
            if is_ugly {
                concat_last(&mut els, &suffix);
            } else {
                els.push("index.html".into());
                upper = 1;
            }
        } else {
            let old_ugly = !self.config.version.at_least(123) && is_ugly && kind != Kind::Home;
            if old_ugly {
                concat_last(&mut els, &suffix);
            } else {
                els.push("index.html".into());
                if !index_ugly_kind {
                    upper = 1;
                }
            }
        }
        if url.is_none() {
            for el in &mut els {
                *el = self.config.urlize(el);
            }
        }
        let prefix = if use_prefix { self.prefix } else { "" };
        self.finish(&els, upper, &suffix, prefix)
    }

    /// The link and the resource folder from the path elements (`Link`, `LinkDir`).
    fn finish(&self, els: &[String], upper: usize, suffix: &str, prefix: &str) -> PageUrl {
        let join = |els: &[String]| {
            let mut s = String::new();
            for el in els {
                if !s.ends_with('/') && !el.starts_with('/') {
                    s.push('/');
                }
                s.push_str(el);
            }
            s
        };
        let mut link = join(&els[..els.len() - upper.min(els.len())]);
        if upper > 0 && !link.ends_with('/') {
            link.push('/');
        }
        let mut dir = join(els);
        let last = els.last().map_or("", String::as_str);
        if last.starts_with("index.") {
            dir = match dir.rfind('/') {
                Some(i) => dir[..i].to_string(),
                None => String::new(),
            };
        } else if let Some(d) = dir.strip_suffix(suffix) {
            dir = d.to_string();
        }
        let with_prefix = |s: &str| {
            if prefix.is_empty() {
                s.to_string()
            } else {
                format!("/{prefix}{s}")
            }
        };
        if !self.config.version.at_least(123) && self.url.is_some() && !last.starts_with("index.") {
            // Before 0.123 a `url` naming a file put the resources beside it.
            dir = match dir.rfind('/') {
                Some(i) => dir[..i].to_string(),
                None => String::new(),
            };
        }
        let mut resources = with_prefix(dir.trim_end_matches('/'));
        resources.push('/');
        let link = with_prefix(&link);
        PageUrl {
            link: if link.is_empty() { "/".into() } else { link },
            resources,
        }
    }
}

fn concat_last(els: &mut Vec<String>, suffix: &str) {
    match els.last_mut() {
        Some(last) if !last.is_empty() => {
            let trimmed = last.trim_end_matches('/').to_string();
            *last = trimmed + suffix;
        }
        _ => els.push(suffix.to_string()),
    }
}

impl PageFacts<'_> {
    /// The slug if set, else `base`.
    fn slug_or<'s>(&'s self, base: &'s str) -> &'s str {
        self.slug
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .unwrap_or(base)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::site::permalinks::PageDate;

    #[test]
    fn sanitizes_as_hugo() {
        assert_eq!(
            sanitize("What's New? (Part 1)", false, false),
            "whats-new-part-1"
        );
        assert_eq!(sanitize("Other, Page!", false, false), "other-page");
        assert_eq!(sanitize("Café Crème", false, false), "café-crème");
        assert_eq!(sanitize("Café Crème", false, true), "cafe-creme");
        assert_eq!(sanitize("My  Folder", true, false), "My-Folder");
        assert_eq!(sanitize("a%20b", false, false), "a%20b");
        assert_eq!(sanitize(" lead", false, false), "lead");
    }

    fn config(toml: &str) -> UrlConfig {
        let h = crate::site::HugoConfig {
            tree: crate::frontmatter::toml::parse(toml).unwrap(),
            ..Default::default()
        };
        UrlConfig::new(&h, crate::version::HugoVersion::minor(160))
    }

    fn url(
        c: &UrlConfig,
        kind: Kind,
        path: &str,
        inputs: UrlInputs<'_>,
        slug: Option<&str>,
    ) -> PageUrl {
        let section = path.trim_start_matches('/').split('/').next().unwrap_or("");
        let facts = PageFacts {
            kind,
            path,
            section,
            sections: &[],
            title: Some("T"),
            slug,
            date: PageDate::Zero,
            filename: inputs.base_name,
            content_base_name: inputs.base_name,
        };
        c.page_url(&facts, &inputs).unwrap()
    }

    fn page<'a>(dir: &'a str, base: &'a str, leaf: bool) -> UrlInputs<'a> {
        UrlInputs {
            container_dir: dir,
            base_name: base,
            leaf_bundle: leaf,
            url: None,
            lang: "en",
        }
    }

    #[test]
    fn pretty_ugly_and_url() {
        let c = config("");
        let u = url(&c, Kind::Page, "/posts/p", page("posts", "p", true), None);
        assert_eq!(
            (u.link.as_str(), u.resources.as_str()),
            ("/posts/p/", "/posts/p/")
        );
        let u = url(
            &c,
            Kind::Page,
            "/my-folder/some-page",
            page("My Folder", "Some Page", false),
            Some("Nice Slug"),
        );
        assert_eq!(u.link, "/my-folder/nice-slug/");
        let u = url(&c, Kind::Section, "/posts", page("", "posts", false), None);
        assert_eq!(
            (u.link.as_str(), u.resources.as_str()),
            ("/posts/", "/posts/")
        );
        let u = url(&c, Kind::Home, "", page("", "", false), None);
        assert_eq!((u.link.as_str(), u.resources.as_str()), ("/", "/"));
        let ugly = config("uglyURLs = true");
        let u = url(
            &ugly,
            Kind::Page,
            "/posts/b",
            page("posts", "b", true),
            None,
        );
        assert_eq!(
            (u.link.as_str(), u.resources.as_str()),
            ("/posts/b.html", "/posts/b/")
        );
        let u = url(
            &ugly,
            Kind::Section,
            "/posts",
            page("", "posts", false),
            None,
        );
        assert_eq!(u.link, "/posts/index.html");
        let mut i = page("url", "fb", true);
        i.url = Some("/fpage.html");
        let u = url(&c, Kind::Page, "/url/fb", i, None);
        assert_eq!(
            (u.link.as_str(), u.resources.as_str()),
            ("/fpage.html", "/fpage/")
        );
        let mut i = page("url", "b", true);
        i.url = Some("/elsewhere/");
        let u = url(&c, Kind::Page, "/url/b", i, None);
        assert_eq!(
            (u.link.as_str(), u.resources.as_str()),
            ("/elsewhere/", "/elsewhere/")
        );
    }

    #[test]
    fn language_prefixes() {
        let c = config(concat!(
            "defaultContentLanguage = \"en\"\n",
            "[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n"
        ));
        let mut i = page("posts", "p", true);
        i.lang = "fr";
        let u = url(&c, Kind::Page, "/posts/p", i.clone(), None);
        assert_eq!(u.link, "/fr/posts/p/");
        i.url = Some("x/rel/");
        assert_eq!(
            url(&c, Kind::Page, "/posts/p", i.clone(), None).link,
            "/fr/x/rel/"
        );
        i.url = Some("/x/abs/");
        assert_eq!(
            url(&c, Kind::Page, "/posts/p", i.clone(), None).link,
            "/x/abs/"
        );
        i.lang = "en";
        i.url = None;
        assert_eq!(url(&c, Kind::Page, "/posts/p", i, None).link, "/posts/p/");
        let sub = config("defaultContentLanguageInSubdir = true\n[languages.en]\n[languages.fr]\n");
        assert_eq!(
            url(&sub, Kind::Home, "", page("", "", false), None).link,
            "/en/"
        );
    }
}
