//! One content file as Hugo publishes it: its kind, whether it is a bundle, the languages it
//! is published in and its URL in each (from its own front matter and the config only).
//!
//! Hugo: `hugolib/page__paths.go` (`createTargetPathDescriptor`), `common/paths/pathparser.go`
//! (bundles, identifiers), `resources/page/pagemeta/page_frontmatter.go` (dates).

use std::path::Path;

use chrono::NaiveDate;

use super::content_files::{is_page_name, ContentRoot};
use super::page_url::{PageUrl, UrlInputs};
use super::permalinks::{Kind, PageDate, PageFacts};
use super::url_config::UrlConfig;
use crate::frontmatter::{Node, NodeKind};

/// What a page's URL reads from its own front matter.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OwnFacts {
    /// `title`.
    pub title: Option<String>,
    /// `slug`.
    pub slug: Option<String>,
    /// `url`.
    pub url: Option<String>,
    /// The date of the date chain (`date`, `publishDate`, `pubDate`, `published`, `lastmod`,
    /// `modified`): None when absent.
    pub date: Option<PageDate>,
}

/// The keys Hugo reads a page's date from, in order (`pagemeta` default `date` chain).
const DATE_KEYS: &[&str] = &[
    "date",
    "publishdate",
    "pubdate",
    "published",
    "lastmod",
    "modified",
];

/// A date value's calendar date: `YYYY-MM-DD…` strings and TOML datetimes, integers as Unix
/// seconds; Unknown for other forms (Hugo parses more layouts than are read here).
fn date_of(node: &Node) -> Option<PageDate> {
    let s = match &node.kind {
        NodeKind::String { value, .. } => value.trim(),
        NodeKind::Datetime(s) => s.as_str(),
        NodeKind::Int(i) => {
            return Some(
                chrono::DateTime::from_timestamp(*i, 0)
                    .map_or(PageDate::Unknown, |d| PageDate::Known(d.date_naive())),
            )
        }
        NodeKind::Null => return None,
        _ => return Some(PageDate::Unknown),
    };
    if s.is_empty() {
        return None;
    }
    Some(
        s.get(..10)
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
            .map_or(PageDate::Unknown, PageDate::Known),
    )
}

impl OwnFacts {
    /// Reads the facts from a front matter tree (None: no front matter).
    pub fn read(tree: Option<&Node>) -> OwnFacts {
        let Some(tree) = tree else {
            return OwnFacts::default();
        };
        let s = |k: &str| {
            tree.get(k)
                .and_then(|e| e.value.as_str())
                .map(str::trim)
                .filter(|v| !v.is_empty())
                .map(str::to_string)
        };
        OwnFacts {
            title: s("title"),
            slug: s("slug"),
            url: s("url"),
            date: DATE_KEYS
                .iter()
                .find_map(|k| tree.get(k).and_then(|e| date_of(&e.value))),
        }
    }
}

/// One language version of a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Instance {
    /// The language key.
    pub lang: String,
    /// Its URL; None when pagelint cannot know it.
    pub url: Option<PageUrl>,
}

/// A content file as a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageModel {
    /// Its path in the content tree (`posts/p/index.fr.md`).
    pub logical: String,
    /// Index of its content root, None when outside every root.
    pub root: Option<usize>,
    /// Its kind.
    pub kind: Kind,
    /// The logical folder whose files are its resources (a leaf bundle's or a branch's
    /// folder), None for a plain page.
    pub bundle_dir: Option<String>,
    /// A leaf bundle (`index.*`): resources below it at any depth.
    pub leaf: bool,
    /// The languages it is published in, with its URL in each.
    pub instances: Vec<Instance>,
}

/// A file name split as Hugo's path parser splits it: base, language identifier, extension.
pub struct NameParts<'a> {
    /// The name without language and extension (`index`, `hello`).
    pub base: &'a str,
    /// The configured language its name carries, if any.
    pub lang: Option<&'a str>,
}

/// Splits `name.LANG.ext`, LANG counting only when `config` has it.
pub fn name_parts<'a>(name: &'a str, config: &'a UrlConfig) -> NameParts<'a> {
    let stem = name.rsplit_once('.').map_or(name, |(s, _)| s);
    if let Some((base, lang)) = stem.rsplit_once('.') {
        if let Some(l) = config.language_named(lang) {
            return NameParts {
                base,
                lang: Some(l),
            };
        }
    }
    NameParts {
        base: stem,
        lang: None,
    }
}

/// The languages of a file: its name's language, else its root's, else the default.
pub fn file_langs(
    name_lang: Option<&str>,
    root: Option<&ContentRoot>,
    config: &UrlConfig,
) -> Vec<String> {
    if let Some(l) = name_lang {
        return vec![l.to_string()];
    }
    match root {
        Some(r) if !r.langs.is_empty() => r
            .langs
            .iter()
            .filter(|l| config.languages.iter().any(|c| &c.key == *l))
            .cloned()
            .collect(),
        _ => vec![config.default_language.clone()],
    }
}

/// Hugo's basic path normalisation (`NormalizePathStringBasic`): lowercase, spaces as `-`.
fn normalize(s: &str, keep_case: bool) -> String {
    let s = s.replace(' ', "-");
    if keep_case {
        s
    } else {
        s.to_lowercase()
    }
}

/// What building a model needs besides the file's own facts.
pub struct ModelInputs<'a> {
    /// The site's URL settings.
    pub config: &'a UrlConfig,
    /// The taxonomies' plural names.
    pub taxonomies: &'a [String],
    /// Whether a logical folder (below the first level) is a section: has an `_index.*`.
    pub is_section: &'a dyn Fn(&str) -> bool,
}

/// The date and slug Hugo's `:filename` handler takes from `2023-03-01-hello`.
fn filename_date(name: &str) -> Option<(NaiveDate, &str)> {
    let date = NaiveDate::parse_from_str(name.get(..10)?, "%Y-%m-%d").ok()?;
    let rest = name[10..].trim_start_matches(['-', '_']);
    Some((date, rest))
}

impl PageModel {
    /// The model of the content file at `logical` (in root `root`) with front matter `facts`.
    pub fn build(
        logical: &str,
        root: Option<(usize, &ContentRoot)>,
        langs: Option<Vec<String>>,
        facts: &OwnFacts,
        inputs: &ModelInputs<'_>,
    ) -> PageModel {
        let config = inputs.config;
        let (dir, file) = logical.rsplit_once('/').unwrap_or(("", logical));
        let parts = name_parts(file, config);
        let is_page = is_page_name(file, config.version);
        let leaf = is_page && parts.base.eq_ignore_ascii_case("index");
        let branch = is_page && parts.base.eq_ignore_ascii_case("_index");
        let keep_case = config.disable_path_to_lower;
        let segments: Vec<&str> = dir.split('/').filter(|s| !s.is_empty()).collect();
        let norm_dir: Vec<String> = segments.iter().map(|s| normalize(s, keep_case)).collect();
        let kind = kind_of(branch, &norm_dir, inputs.taxonomies);
        let (container, base_name) = if leaf || branch {
            let (c, b) = dir.rsplit_once('/').unwrap_or(("", dir));
            (c, b)
        } else {
            (dir, parts.base)
        };
        let mut path = String::new();
        for s in &norm_dir {
            path.push('/');
            path.push_str(s);
        }
        if !leaf && !branch {
            path.push('/');
            path.push_str(&normalize(parts.base, keep_case));
        }
        let sections = current_sections(&segments, &norm_dir, branch, inputs);
        let (date, slug) = date_and_slug(facts, config, if leaf { base_name } else { parts.base });
        let page_facts = PageFacts {
            kind,
            path: &path,
            section: norm_dir.first().map_or("", String::as_str),
            sections: &sections,
            title: facts.title.as_deref(),
            slug: slug.as_deref(),
            date,
            filename: if branch {
                ""
            } else if leaf {
                base_name
            } else {
                parts.base
            },
            content_base_name: if leaf || branch {
                base_name
            } else {
                parts.base
            },
        };
        let langs = langs.unwrap_or_else(|| file_langs(parts.lang, root.map(|(_, r)| r), config));
        let container = container.to_string();
        let instances = langs
            .into_iter()
            .map(|lang| {
                let url_inputs = UrlInputs {
                    container_dir: &container,
                    base_name: if leaf || branch {
                        base_name
                    } else {
                        parts.base
                    },
                    leaf_bundle: leaf,
                    url: facts.url.as_deref(),
                    lang: &lang,
                };
                let url = config.page_url(&page_facts, &url_inputs);
                Instance { lang, url }
            })
            .collect();
        PageModel {
            logical: logical.to_string(),
            root: root.map(|(i, _)| i),
            kind,
            bundle_dir: (leaf || branch).then(|| dir.to_string()),
            leaf,
            instances,
        }
    }

    /// The instance in `lang`, if the page is published in it.
    pub fn instance(&self, lang: &str) -> Option<&Instance> {
        self.instances.iter().find(|i| i.lang == lang)
    }
}

/// A page's kind from its place: `_index` at the root is the home page, below a taxonomy's
/// folder a taxonomy or a term, else a section; any other page is a regular page.
fn kind_of(branch: bool, norm_dir: &[String], taxonomies: &[String]) -> Kind {
    if !branch {
        return Kind::Page;
    }
    match (norm_dir.len(), norm_dir.first()) {
        (0, _) => Kind::Home,
        (1, Some(t)) if taxonomies.contains(t) => Kind::Taxonomy,
        (2, Some(t)) if taxonomies.contains(t) => Kind::Term,
        _ => Kind::Section,
    }
}

/// The date and slug a page's URL uses: its front matter's, or the file name's with
/// `:filename` (`2023-03-01-hello`), or unknown with `:git`/`:fileModTime` first.
fn date_and_slug(facts: &OwnFacts, config: &UrlConfig, name: &str) -> (PageDate, Option<String>) {
    let mut date = facts.date.unwrap_or(PageDate::Zero);
    let mut slug = facts.slug.clone();
    if config.date_unknowable {
        date = PageDate::Unknown;
    } else if config.date_from_filename {
        if let Some((d, rest)) = filename_date(name) {
            date = PageDate::Known(d);
            if slug.is_none() && !rest.is_empty() {
                slug = Some(rest.to_string());
            }
        }
    }
    (date, slug)
}

/// The current section's path entries: a branch's own folders; for a regular page, its
/// folders up to the deepest one that is a section (the first level always is).
fn current_sections(
    segments: &[&str],
    norm: &[String],
    branch: bool,
    inputs: &ModelInputs<'_>,
) -> Vec<String> {
    if branch || segments.is_empty() {
        return norm.to_vec();
    }
    let mut depth = 1;
    for d in (2..=segments.len()).rev() {
        if (inputs.is_section)(&segments[..d].join("/")) {
            depth = d;
            break;
        }
    }
    norm[..depth].to_vec()
}

/// Whether a folder listing names a branch bundle's page (`_index.*`).
pub fn has_branch_index<'a>(names: impl IntoIterator<Item = &'a str>, config: &UrlConfig) -> bool {
    names.into_iter().any(|n| {
        is_page_name(n, config.version) && name_parts(n, config).base.eq_ignore_ascii_case("_index")
    })
}

/// Whether a folder listing names a leaf bundle's page (`index.*`).
pub fn has_leaf_index<'a>(names: impl IntoIterator<Item = &'a str>, config: &UrlConfig) -> bool {
    names.into_iter().any(|n| {
        is_page_name(n, config.version) && name_parts(n, config).base.eq_ignore_ascii_case("index")
    })
}

/// The file name of a path, for messages.
pub fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(toml: &str) -> UrlConfig {
        let h = crate::site::HugoConfig {
            tree: crate::frontmatter::toml::parse(toml).unwrap(),
            ..Default::default()
        };
        UrlConfig::new(&h, crate::version::HugoVersion::minor(160))
    }

    fn model(c: &UrlConfig, logical: &str, fm: &str) -> PageModel {
        let tree = crate::frontmatter::yaml::parse(fm).unwrap();
        let facts = OwnFacts::read(Some(&tree));
        let no = |_: &str| false;
        let inputs = ModelInputs {
            config: c,
            taxonomies: &["tags".to_string()],
            is_section: &no,
        };
        PageModel::build(logical, None, None, &facts, &inputs)
    }

    fn link(m: &PageModel) -> &str {
        &m.instances[0].url.as_ref().unwrap().link
    }

    #[test]
    fn urls_from_permalinks_and_front_matter() {
        let c = config(concat!(
            "[permalinks]\nposts = \"/:year/:month/:slug/\"\n",
            "blog = \"/:section/:year/:month/:day/:slug/\"\n",
            "docs = \"/:sections[1:]/:filename/\"\n"
        ));
        assert_eq!(
            link(&model(
                &c,
                "posts/hello.md",
                "date: 2024-05-01\nslug: hello\n"
            )),
            "/2024/05/hello/"
        );
        assert_eq!(
            link(&model(&c, "posts/nodate.md", "title: No Date Here\n")),
            "/1/01/no-date-here/"
        );
        let m = model(
            &c,
            "blog/2023-03-01-hello/index.md",
            "date: 2023-03-01T10:00:00+02:00\nslug: hello\n",
        );
        assert_eq!(
            m.instances[0].url.as_ref().unwrap().resources,
            "/blog/2023/03/01/hello/"
        );
        assert_eq!(link(&model(&c, "docs/a/b/page.md", "title: P\n")), "/page/");
        assert_eq!(
            link(&model(&c, "docs/a/bundle/index.md", "title: B\n")),
            "/bundle/"
        );
        assert_eq!(
            link(&model(&c, "posts/_index.md", "title: Posts\n")),
            "/posts/"
        );
        assert_eq!(
            model(&c, "tags/go/_index.md", "title: Go\n").kind,
            Kind::Term
        );
        assert_eq!(
            link(&model(&c, "Up/Bundle Two/index.md", "title: x\n")),
            "/up/bundle-two/"
        );
    }

    #[test]
    fn languages_from_names() {
        let c = config(concat!(
            "defaultContentLanguage = \"en\"\n",
            "[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n"
        ));
        let m = model(&c, "posts/p/index.fr.md", "title: P\n");
        assert_eq!(m.instances[0].lang, "fr");
        assert_eq!(link(&m), "/fr/posts/p/");
        let m = model(&c, "posts/a.de.md", "title: P\n");
        assert_eq!(link(&m), "/posts/a.de/");
    }
}
