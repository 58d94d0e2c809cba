//! Hugo's own page metadata, read from front matter as a given Hugo release
//! reads it: whether the page is a draft, its four dates, its build options,
//! and so whether a default production build (`hugo` with no flags) publishes
//! it.
//!
//! This is the one place that answers "does Hugo publish this page?": the
//! `unpublished-page` rule reports it, `date-format` and `hugo-field` report
//! the values Hugo cannot read, and `ref` resolution can ask it whether a
//! target exists (Hugo's REF_NOT_FOUND for draft, future and expired pages).
//!
//! ```
//! # use pagelint::frontmatter::{yaml, hugo_meta::{PageMeta, PageSource, Unpublished}};
//! # use pagelint::frontmatter::date_chains::DateSettings;
//! # use pagelint::version::HugoVersion;
//! let tree = yaml::parse("title: x\ndraft: true\n").unwrap();
//! let page = PageSource::new(&tree, "x");
//! let meta = PageMeta::read(page, &DateSettings::default(), HugoVersion::LATEST);
//! let now = chrono::DateTime::parse_from_rfc3339("2026-12-01T00:00:00Z").unwrap();
//! assert!(matches!(meta.unpublished(now), Some(Unpublished::Draft(_))));
//! ```
//!
//! Sources: `hugolib/page__meta.go` (`setMetaPostParams`: `draft`, `published`,
//! `build`/`_build`, `headless`), `resources/page/pagemeta/pagemeta.go`
//! (`DecodeBuildConfig`), `resources/page/pagemeta/page_frontmatter.go` (dates,
//! see [`super::date_chains`]), and the checks of `IsFuture` / `IsExpired`.
//! What this does not model: `cascade` from ancestor sections (a draft or
//! date cascaded onto the page is not seen here), `:git` dates, and
//! `--buildDrafts` / `--buildFuture` / `--buildExpired` (a default build).

use chrono::{DateTime, FixedOffset};

use super::date_chains::{self, DateSettings, DateSource, PageDates, Resolved};
use super::tree::{Entry, Node, NodeKind};
use crate::version::{Behaviour, HugoVersion};

/// A page's front matter, and what Hugo needs besides it.
#[derive(Debug, Clone, Copy)]
pub struct PageSource<'t> {
    /// The front matter map.
    pub tree: &'t Node,
    /// JSON front matter (Go decodes every number as a float).
    pub json: bool,
    /// The file's base name without extension (the bundle folder's name for
    /// `index.md`), for the `:filename` date source.
    pub base_name: &'t str,
}

impl<'t> PageSource<'t> {
    /// A YAML or TOML front matter `tree` of a file named `base_name`.
    pub fn new(tree: &'t Node, base_name: &'t str) -> Self {
        PageSource {
            tree,
            json: false,
            base_name,
        }
    }
}

/// The `draft` flag as Hugo reads it.
#[derive(Debug, Clone, Copy, Default)]
pub struct Draft<'t> {
    /// Whether Hugo takes the page for a draft.
    pub value: bool,
    /// The key that decided it: `draft`, else a boolean `published`.
    pub entry: Option<&'t Entry>,
}

/// `render` of the build options (`DecodeBuildConfig`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Render {
    /// Rendered (the default, and any value Hugo does not know).
    #[default]
    Always,
    /// Not rendered: `never` or `false`.
    Never,
    /// Not rendered, but with a permalink: `link`.
    Link,
}

/// The build options as Hugo reads them.
#[derive(Debug, Clone, Copy, Default)]
pub struct Build<'t> {
    /// Whether and how the page is rendered.
    pub render: Render,
    /// The key that set it: `build`, `_build` or `headless`.
    pub entry: Option<&'t Entry>,
}

/// Why a default build does not publish a page.
#[derive(Debug, Clone, Copy)]
pub enum Unpublished<'t> {
    /// A draft (`draft`, or `published: false` before Hugo 0.135).
    Draft(Draft<'t>),
    /// Its publish date is after now.
    Future(Resolved<'t>),
    /// Its expiry date is before now.
    Expired(Resolved<'t>),
    /// Its build options say not to render it.
    NotRendered(Build<'t>),
}

/// Hugo's own metadata of one page.
#[derive(Debug, Clone)]
pub struct PageMeta<'t> {
    /// The draft flag.
    pub draft: Draft<'t>,
    /// The four dates, and the date keys Hugo could not read.
    pub dates: PageDates<'t>,
    /// The build options.
    pub build: Build<'t>,
}

impl<'t> PageMeta<'t> {
    /// Reads the metadata of `page` as `version` of Hugo does with the site's
    /// date `settings`.
    pub fn read(page: PageSource<'t>, settings: &DateSettings, version: HugoVersion) -> Self {
        let source = DateSource {
            tree: page.tree,
            json: page.json,
            base_name: page.base_name,
        };
        PageMeta {
            draft: draft(page.tree),
            dates: date_chains::read(source, settings, version),
            build: build(page.tree, version),
        }
    }

    /// Why a default build at `now` does not publish the page, if it does not:
    /// a draft first, then render options, then future, then expired.
    pub fn unpublished(&self, now: DateTime<FixedOffset>) -> Option<Unpublished<'t>> {
        if self.draft.value {
            return Some(Unpublished::Draft(self.draft));
        }
        if self.build.render != Render::Always {
            return Some(Unpublished::NotRendered(self.build));
        }
        if let Some(p) = self
            .dates
            .publish_date
            .filter(|p| p.at.is_some_and(|at| at > now))
        {
            return Some(Unpublished::Future(p));
        }
        self.dates
            .expiry_date
            .filter(|e| e.at.is_some_and(|at| at < now))
            .map(Unpublished::Expired)
    }
}

/// spf13/cast's `ToBoolE`: the value, or None where cast fails (Hugo then
/// takes false for `draft`, and ignores `published`).
pub fn cast_bool(node: &Node) -> Option<bool> {
    match &node.kind {
        NodeKind::Bool(b) => Some(*b),
        NodeKind::Null => Some(false),
        NodeKind::Int(i) => Some(*i != 0),
        NodeKind::String { value, .. } => parse_bool(value),
        _ => None,
    }
}

/// Go's `strconv.ParseBool`.
pub fn parse_bool(s: &str) -> Option<bool> {
    match s {
        "1" | "t" | "T" | "TRUE" | "true" | "True" => Some(true),
        "0" | "f" | "F" | "FALSE" | "false" | "False" => Some(false),
        _ => None,
    }
}

/// `draft` through `cast.ToBool`, else `published` (`draft = !published`) when
/// cast reads it as a bool (a date string is not).
pub fn draft(tree: &Node) -> Draft<'_> {
    if let Some(entry) = tree.get("draft") {
        return Draft {
            value: cast_bool(&entry.value).unwrap_or(false),
            entry: Some(entry),
        };
    }
    match tree.get("published") {
        Some(entry) => match cast_bool(&entry.value) {
            Some(published) if !matches!(entry.value.kind, NodeKind::Null) => Draft {
                value: !published,
                entry: Some(entry),
            },
            _ => Draft::default(),
        },
        None => Draft::default(),
    }
}

/// The build options: `_build` (until 0.123 the only key; honoured, with a
/// deprecation, until 0.160), else `build` from 0.123; `headless: true` also
/// turns rendering off. A value that is not a map is a build error from 0.123
/// (see `hugo-field`), and renders as usual here.
pub fn build(tree: &Node, version: HugoVersion) -> Build<'_> {
    let options = tree.get("_build").or_else(|| {
        version
            .has(Behaviour::BuildOptionsKey)
            .then(|| tree.get("build"))
            .flatten()
    });
    if let Some(entry) = options {
        if let Some(render) = entry.value.get("render") {
            let render = match &render.value.kind {
                NodeKind::String { value, .. } => match value.as_str() {
                    "never" | "0" => Render::Never,
                    "link" => Render::Link,
                    _ => Render::Always,
                },
                NodeKind::Bool(false) | NodeKind::Int(0) => Render::Never,
                _ => Render::Always,
            };
            if render != Render::Always {
                return Build {
                    render,
                    entry: Some(entry),
                };
            }
        }
    }
    match tree.get("headless") {
        Some(entry) if cast_bool(&entry.value) == Some(true) => Build {
            render: Render::Never,
            entry: Some(entry),
        },
        _ => Build::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::frontmatter::yaml::{self, Dialect};

    fn meta_of(text: &str, version: &str) -> Option<&'static str> {
        let v: HugoVersion = version.parse().unwrap();
        let tree = Box::leak(Box::new(yaml::parse_as(text, Dialect::of(v)).unwrap()));
        let meta = PageMeta::read(PageSource::new(tree, "case"), &DateSettings::default(), v);
        let now = DateTime::parse_from_rfc3339("2026-12-01T00:00:00Z").unwrap();
        meta.unpublished(now).map(|u| match u {
            Unpublished::Draft(_) => "draft",
            Unpublished::Future(_) => "future",
            Unpublished::Expired(_) => "expired",
            Unpublished::NotRendered(_) => "not rendered",
        })
    }

    #[test]
    fn drafts_as_each_release_reads_them() {
        assert_eq!(meta_of("draft: true", "0.168"), Some("draft"));
        assert_eq!(meta_of("draft: \"true\"", "0.168"), Some("draft"));
        assert_eq!(meta_of("draft: yes", "0.151"), Some("draft"));
        assert_eq!(meta_of("draft: yes", "0.152"), None);
        assert_eq!(meta_of("draft: \"yes\"", "0.111"), None);
        assert_eq!(meta_of("draft: no", "0.111"), None);
        assert_eq!(meta_of("published: false", "0.111"), Some("draft"));
        assert_eq!(meta_of("published: 2020-01-01", "0.111"), None);
    }

    #[test]
    fn dates_and_build_options() {
        assert_eq!(meta_of("date: 2999-01-01", "0.168"), Some("future"));
        assert_eq!(meta_of("expirydate: 2000-01-01", "0.168"), Some("expired"));
        assert_eq!(meta_of("date: 99999999999", "0.111"), Some("future"));
        assert_eq!(meta_of("build:\n  render: never", "0.111"), None);
        assert_eq!(
            meta_of("build:\n  render: never", "0.123"),
            Some("not rendered")
        );
        assert_eq!(
            meta_of("_build:\n  render: never", "0.111"),
            Some("not rendered")
        );
        assert_eq!(meta_of("headless: true", "0.168"), Some("not rendered"));
        assert_eq!(
            meta_of("date: 2999-01-01T10:00:00+99:99", "0.111"),
            Some("future")
        );
    }
}
