//! The settings of Hugo's config that decide where pages and files are published: baseURL,
//! languages and their URL prefixes, `uglyURLs`, `permalinks`, path sanitising, URL rewriting
//! (`canonifyURLs`, `relativeURLs`), resource duplication across languages and the embedded
//! image render hook. Read once per run from the merged config tree
//! ([`super::HugoConfig::get`]).

use super::hugo_config::HugoConfig;
use super::permalinks::Permalinks;
use crate::frontmatter::{Node, NodeKind};
use crate::version::HugoVersion;

/// One configured language, as Hugo sorts them (`langs.Languages`: weight, then key).
#[derive(Debug, Clone)]
pub struct Language {
    /// The key under `languages`, lowercased (`en`, `zh-hans`).
    pub key: String,
    /// `weight` (0 when unset: Hugo sorts those last).
    pub weight: i64,
    /// The path of its own `baseURL` (multihost), e.g. `/fr/`; None when it has none.
    pub base_url: Option<String>,
}

/// When Hugo's embedded `render-image.html` renders Markdown images
/// (`markup.goldmark.renderHooks.image`, `config/allconfig/allconfig.go`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UseEmbedded {
    /// Even over a site's or theme's own hook (`always`).
    Always,
    /// Unless the site or a theme has its own hook (`fallback`; `enableDefault = true`).
    Fallback,
    /// Never (`never`, `auto` outside multilingual single-host sites, every release before
    /// 0.123).
    Never,
}

/// What decides URLs, for the whole site.
#[derive(Debug, Clone)]
pub struct UrlConfig {
    /// The path of `baseURL`, with a leading and a trailing `/` (`/` when it has none):
    /// where `public/` is served.
    pub base_path: String,
    /// `baseURL` as written, with a trailing `/` (for `absURL` results of our own site).
    pub base_url: String,
    /// The languages, sorted as Hugo sorts them; one (the default) when none is configured.
    pub languages: Vec<Language>,
    /// `defaultContentLanguage`, lowercased (default `en`).
    pub default_language: String,
    /// `defaultContentLanguageInSubdir`.
    pub default_in_subdir: bool,
    /// Every language has its own `baseURL`.
    pub multihost: bool,
    /// `uglyURLs = true`, or the sections of an `uglyURLs` table set to true.
    pub ugly: Ugly,
    /// The `permalinks` rules.
    pub permalinks: Permalinks,
    /// `disablePathToLower`.
    pub disable_path_to_lower: bool,
    /// `removePathAccents`.
    pub remove_path_accents: bool,
    /// `canonifyURLs`: Hugo rewrites `src="/…"` to `baseURL` + path in every page.
    pub canonify: bool,
    /// `relativeURLs`: Hugo rewrites `src="/…"` to a path relative to the page.
    pub relative: bool,
    /// `markup.goldmark.duplicateResourceFiles`.
    pub duplicate_resources: bool,
    /// When the embedded image hook applies.
    pub use_embedded: UseEmbedded,
    /// `frontmatter.date` names `:filename`: a date (and slug) from the file or folder name.
    pub date_from_filename: bool,
    /// `frontmatter.date` names `:git` or `:fileModTime` before any front matter key can set
    /// it, so dates (and date tokens of permalinks) are unknown.
    pub date_unknowable: bool,
    /// The release whose behaviour is modelled.
    pub version: HugoVersion,
}

/// `uglyURLs`: a bool, or a table of section → bool (`IsUglyURLs(section)`).
#[derive(Debug, Clone, Default)]
pub struct Ugly {
    /// The global value.
    pub all: bool,
    /// Sections set explicitly, lowercased.
    pub sections: Vec<(String, bool)>,
}

impl Ugly {
    /// Whether pages of the first-level `section` get `NAME.html` URLs.
    pub fn for_section(&self, section: &str) -> bool {
        self.sections
            .iter()
            .find(|(s, _)| s.eq_ignore_ascii_case(section))
            .map_or(self.all, |(_, v)| *v)
    }
}

fn truthy(node: Option<&Node>) -> bool {
    matches!(node.map(|n| &n.kind), Some(NodeKind::Bool(true)))
        || node
            .and_then(Node::as_str)
            .is_some_and(|s| s.eq_ignore_ascii_case("true"))
}

/// The path of a URL (`https://h/blog` → `/blog/`), with leading and trailing `/`.
pub fn url_path(url: &str) -> String {
    let rest = match url.find("://") {
        Some(i) => &url[i + 3..],
        None => url.strip_prefix("//").unwrap_or(url),
    };
    let path = match rest.find('/') {
        Some(i) if url.contains("://") || url.starts_with("//") => &rest[i..],
        Some(_) => rest,
        None if url.contains("://") => "/",
        None => rest,
    };
    let path = path.split(['?', '#']).next().unwrap_or("");
    let trimmed = path.trim_matches('/');
    if trimmed.is_empty() {
        "/".to_string()
    } else {
        format!("/{trimmed}/")
    }
}

impl UrlConfig {
    /// Reads the settings from the merged config, for Hugo `version`.
    pub fn new(hugo: &HugoConfig, version: HugoVersion) -> UrlConfig {
        let s = |k: &str| hugo.get(k).and_then(Node::as_str).map(str::trim);
        let b = |k: &str| hugo.is_true(k);
        let base_url = s("baseURL").unwrap_or("/");
        let default_language = s("defaultContentLanguage").unwrap_or("en").to_lowercase();
        let languages = languages(hugo, &default_language);
        let multihost = languages.len() > 1 && languages.iter().all(|l| l.base_url.is_some());
        let ugly = match hugo.get("uglyURLs").map(|n| &n.kind) {
            Some(NodeKind::Map(entries)) => Ugly {
                all: false,
                sections: entries
                    .iter()
                    .map(|e| (e.key.to_lowercase(), truthy(Some(&e.value))))
                    .collect(),
            },
            _ => Ugly {
                all: b("uglyURLs"),
                sections: Vec::new(),
            },
        };
        let duplicate_resources = b("markup.goldmark.duplicateResourceFiles");
        let use_embedded = use_embedded(hugo, version, &languages, multihost, duplicate_resources);
        let (date_from_filename, date_unknowable) = date_sources(hugo);
        UrlConfig {
            base_path: url_path(base_url),
            base_url: format!("{}/", base_url.trim_end_matches('/')),
            default_language,
            default_in_subdir: b("defaultContentLanguageInSubdir"),
            multihost,
            ugly,
            permalinks: Permalinks::from_config(hugo.get("permalinks"), version),
            disable_path_to_lower: b("disablePathToLower"),
            remove_path_accents: b("removePathAccents"),
            canonify: b("canonifyURLs"),
            relative: b("relativeURLs"),
            duplicate_resources,
            use_embedded,
            date_from_filename,
            date_unknowable,
            version,
            languages,
        }
    }

    /// Whether the site has several languages.
    pub fn multilingual(&self) -> bool {
        self.languages.len() > 1
    }

    /// The configured language a file-name suffix names (`fr` of `a.fr.md`), if any.
    pub fn language_named(&self, suffix: &str) -> Option<&str> {
        self.languages
            .iter()
            .find(|l| l.key.eq_ignore_ascii_case(suffix))
            .map(|l| l.key.as_str())
    }

    /// The URL prefix of a language's pages, without slashes (`fr`), empty for none:
    /// `/LANG/` for every language but the default, and for the default too with
    /// `defaultContentLanguageInSubdir`; none in multihost sites (each language has its host).
    pub fn language_prefix<'a>(&'a self, lang: &'a str) -> &'a str {
        if self.multihost || !self.multilingual() && !self.default_in_subdir {
            return "";
        }
        if lang == self.default_language && !self.default_in_subdir {
            return "";
        }
        lang
    }

    /// Where `public/` is served for `lang`: the language's own baseURL path in multihost
    /// sites, else the site's.
    pub fn base_path_of<'a>(&'a self, lang: &str) -> &'a str {
        if self.multihost {
            if let Some(p) = self
                .languages
                .iter()
                .find(|l| l.key == lang)
                .and_then(|l| l.base_url.as_deref())
            {
                return p;
            }
        }
        &self.base_path
    }

    /// Whether resources of a bundle are copied to every language that has the page (Hugo
    /// before 0.123 always; since then with `duplicateResourceFiles` or multihost).
    pub fn duplicates_resources(&self) -> bool {
        !self.version.at_least(123) || self.duplicate_resources || self.multihost
    }
}

/// `languages`, sorted by weight (0 last) then key; the default language alone when none is
/// configured. `disableLanguages` are left out.
fn languages(hugo: &HugoConfig, default: &str) -> Vec<Language> {
    let disabled: Vec<String> = hugo
        .get("disableLanguages")
        .and_then(Node::as_list)
        .map(|l| {
            l.iter()
                .filter_map(Node::as_str)
                .map(str::to_lowercase)
                .collect()
        })
        .unwrap_or_default();
    let mut out: Vec<Language> = hugo
        .get("languages")
        .and_then(Node::as_map)
        .unwrap_or(&[])
        .iter()
        .filter(|e| !disabled.contains(&e.key.to_lowercase()))
        .map(|e| Language {
            key: e.key.to_lowercase(),
            weight: match e.value.get("weight").map(|w| &w.value.kind) {
                Some(NodeKind::Int(i)) => *i,
                _ => 0,
            },
            base_url: e
                .value
                .get("baseURL")
                .and_then(|b| b.value.as_str())
                .map(url_path),
        })
        .collect();
    if out.is_empty() {
        out.push(Language {
            key: default.to_string(),
            weight: 0,
            base_url: None,
        });
    }
    out.sort_by(|a, b| {
        let w = |l: &Language| if l.weight == 0 { i64::MAX } else { l.weight };
        w(a).cmp(&w(b)).then_with(|| a.key.cmp(&b.key))
    });
    out
}

/// The embedded image hook's mode: `useEmbedded` (0.148+), else `enableDefault`, else `auto`,
/// which is `fallback` for multilingual single-host sites without duplicated resources.
fn use_embedded(
    hugo: &HugoConfig,
    version: HugoVersion,
    languages: &[Language],
    multihost: bool,
    duplicate: bool,
) -> UseEmbedded {
    if !version.at_least(123) {
        return UseEmbedded::Never;
    }
    let key = "markup.goldmark.renderHooks.image";
    let mode = hugo
        .get(&format!("{key}.useEmbedded"))
        .and_then(Node::as_str)
        .filter(|_| version.at_least(148))
        .map(str::to_lowercase);
    let enable = hugo
        .get(&format!("{key}.enableDefault"))
        .map(|n| truthy(Some(n)));
    match (mode.as_deref(), enable) {
        (Some("always"), _) => UseEmbedded::Always,
        (Some("fallback"), _) => UseEmbedded::Fallback,
        (Some("never"), _) => UseEmbedded::Never,
        (_, Some(true)) => UseEmbedded::Fallback,
        (_, Some(false)) => UseEmbedded::Never,
        _ if languages.len() > 1 && !multihost && !duplicate => UseEmbedded::Fallback,
        _ => UseEmbedded::Never,
    }
}

/// From `frontmatter.date`: whether `:filename` gives dates, and whether a date may come from
/// git or the file's time (unknowable here) before any front matter key.
fn date_sources(hugo: &HugoConfig) -> (bool, bool) {
    let Some(list) = hugo.get("frontmatter.date").and_then(Node::as_list) else {
        return (false, false);
    };
    let names: Vec<String> = list
        .iter()
        .filter_map(Node::as_str)
        .map(str::to_lowercase)
        .collect();
    let filename = names.iter().any(|n| n == ":filename");
    let unknowable = names
        .first()
        .is_some_and(|n| n == ":git" || n == ":filemodtime");
    (filename, unknowable)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_paths() {
        assert_eq!(url_path("https://example.org/"), "/");
        assert_eq!(url_path("https://example.org"), "/");
        assert_eq!(url_path("https://example.org/blog"), "/blog/");
        assert_eq!(url_path("https://example.org/a/b/?x"), "/a/b/");
        assert_eq!(url_path("/"), "/");
        assert_eq!(url_path("/docs/"), "/docs/");
    }
}
