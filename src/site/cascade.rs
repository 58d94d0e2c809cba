//! Front matter and config `cascade`: values a section passes down to the pages below it.
//!
//! Hugo 0.123 and later (`hugolib/content_map_page_assembler.go` `getCascades` and
//! `doTransformPages`, `hugolib/page__meta.go` `setMetaPost`, `resources/page/page_matcher.go`
//! `DecodeCascadeConfig`): the cascades of every node above a page, nearest first, then the
//! site config's `cascade`; a page's own `cascade` comes before all of them. Each cascade is
//! a map or a list of maps; `target` (or the older `_target`) limits it by `path` glob,
//! `kind`, `sites.matrix.languages` (or `lang`) and `environment`; `params` holds values for
//! the page's params and any other key is a value too. A value is taken only when the page
//! (or a nearer cascade) does not set that top-level key. Before 0.123 (0.111's
//! `pageMeta.setMetadata`): only sections and the home page pass cascades, `params` is a key
//! like any other, `target` needs 0.112 (`_target` works in the list form only), the
//! config's `cascade` needs 0.112, and `path` globs match the file path with its extension.

use std::sync::Arc;

use super::hugo_glob::HugoGlob;
use super::mounts::languages_match;
use crate::frontmatter::{Entry, Node, NodeKind};
use crate::version::HugoVersion;

/// Which pages a cascade entry applies to.
#[derive(Debug, Clone, Default)]
pub struct Target {
    path: Option<HugoGlob>,
    kind: Option<HugoGlob>,
    environment: Option<HugoGlob>,
    /// Language patterns (`sites.matrix.languages`, `lang`); empty for any language.
    languages: Vec<String>,
}

/// What a page is, as a cascade target matches it.
#[derive(Debug, Clone)]
pub struct PageKey<'a> {
    /// `home`, `section`, `page`, `taxonomy` or `term`.
    pub kind: &'a str,
    /// The path a `target.path` glob is matched against: the page's base path
    /// (`/docs/install`, `/` for home) from 0.123, its file path (`/docs/install.md`) before.
    pub path: &'a str,
    /// The page's language.
    pub lang: &'a str,
    /// The build environment (`production`).
    pub environment: &'a str,
}

impl Target {
    fn matches(&self, page: &PageKey<'_>) -> bool {
        self.path.as_ref().is_none_or(|g| g.is_match(page.path))
            && self.kind.as_ref().is_none_or(|g| g.is_match(page.kind))
            && self
                .environment
                .as_ref()
                .is_none_or(|g| g.is_match(page.environment))
            && (self.languages.is_empty() || languages_match(&self.languages, page.lang))
    }
}

/// One cascade entry: the values it passes down and to which pages.
#[derive(Debug, Clone)]
pub struct CascadeEntry {
    /// Values from `params` (Hugo 0.123+), looked at before `fields`.
    pub params: Vec<Entry>,
    /// Every other key's value.
    pub fields: Vec<Entry>,
    /// Which pages it applies to.
    pub target: Target,
}

impl CascadeEntry {
    /// The value this entry gives the top-level key `key` (case-insensitive), if any.
    pub fn value(&self, key: &str) -> Option<&Node> {
        self.params
            .iter()
            .chain(&self.fields)
            .find(|e| e.key.eq_ignore_ascii_case(key))
            .map(|e| &e.value)
    }
}

/// The cascade entries one page or config defines, in order; empty when none applies.
pub type Cascade = Arc<Vec<CascadeEntry>>;

fn glob(node: Option<&Entry>) -> Option<HugoGlob> {
    let s = node?.value.as_str()?.trim();
    (!s.is_empty()).then(|| HugoGlob::new(&s.to_lowercase(), '/'))?
}

fn target_of(node: &Node) -> Target {
    let mut languages: Vec<String> = Vec::new();
    if let Some(l) = node.get("lang").and_then(|e| e.value.as_str()) {
        languages.push(l.to_lowercase());
    }
    if let Some(ls) = node.get_path("sites.matrix.languages") {
        match ls.value.as_list() {
            Some(items) => {
                languages.extend(items.iter().filter_map(Node::as_str).map(str::to_lowercase))
            }
            None => languages.extend(ls.value.as_str().map(str::to_lowercase)),
        }
    }
    Target {
        path: glob(node.get("path")),
        kind: glob(node.get("kind")),
        environment: glob(node.get("environment")),
        languages,
    }
}

fn entry_of(map: &[Entry], version: HugoVersion, listed: bool) -> CascadeEntry {
    let new = version.at_least(123);
    let mut entry = CascadeEntry {
        params: Vec::new(),
        fields: Vec::new(),
        target: Target::default(),
    };
    for e in map {
        let key = e.key.to_lowercase();
        let is_target = key == "_target" && listed || key == "target" && version.at_least(112);
        if is_target || (key == "_target" && new) {
            entry.target = target_of(&e.value);
        } else if key == "params" && new {
            entry
                .params
                .extend(e.value.as_map().unwrap_or_default().iter().cloned());
        } else {
            entry.fields.push(e.clone());
        }
    }
    entry
}

/// Decodes a `cascade` value (a map, or a list of maps) as Hugo `version` does.
pub fn decode(node: &Node, version: HugoVersion) -> Vec<CascadeEntry> {
    match &node.kind {
        NodeKind::Map(map) => vec![entry_of(map, version, false)],
        NodeKind::List(items) => items
            .iter()
            .filter_map(Node::as_map)
            .map(|m| entry_of(m, version, true))
            .filter(|e| !e.params.is_empty() || !e.fields.is_empty())
            .collect(),
        _ => Vec::new(),
    }
}

/// The `cascade` of a front matter or config tree, decoded.
pub fn of_tree(tree: &Node, version: HugoVersion) -> Vec<CascadeEntry> {
    tree.get("cascade")
        .map(|e| decode(&e.value, version))
        .unwrap_or_default()
}

/// The first value for the top-level `key` among `cascades` (nearest first) whose target
/// matches `page`.
pub fn lookup<'a>(cascades: &'a [Cascade], key: &str, page: &PageKey<'_>) -> Option<&'a Node> {
    cascades
        .iter()
        .flat_map(|c| c.iter())
        .filter(|e| e.target.matches(page))
        .find_map(|e| e.value(key))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::frontmatter::yaml;

    const NEW: HugoVersion = HugoVersion::new(0, 160, 0);
    const OLD: HugoVersion = HugoVersion::new(0, 111, 0);

    fn page<'a>(path: &'a str, lang: &'a str) -> PageKey<'a> {
        PageKey {
            kind: "page",
            path,
            lang,
            environment: "production",
        }
    }

    fn find(yaml_text: &str, version: HugoVersion, key: &str, p: &PageKey<'_>) -> Option<String> {
        let tree = yaml::parse(yaml_text).unwrap();
        let c: Cascade = Arc::new(of_tree(&tree, version));
        lookup(&[c], key, p).map(|n| match &n.kind {
            NodeKind::String { value, .. } => value.clone(),
            other => format!("{other:?}"),
        })
    }

    #[test]
    fn old_and_new_forms() {
        let p = page("/docs/a", "en");
        let old_form = "cascade:\n  version: v3.6\n";
        assert_eq!(find(old_form, NEW, "version", &p).as_deref(), Some("v3.6"));
        assert_eq!(find(old_form, OLD, "version", &p).as_deref(), Some("v3.6"));
        let new_form = "cascade:\n  params:\n    product: Widget\n";
        assert_eq!(
            find(new_form, NEW, "product", &p).as_deref(),
            Some("Widget")
        );
        assert_eq!(
            find(new_form, OLD, "product", &p),
            None,
            "0.111: params is a key"
        );
        assert!(find(new_form, OLD, "params", &p).is_some());
    }

    #[test]
    fn targets() {
        let list = concat!(
            "cascade:\n",
            "  - {params: {v: docs}, target: {path: '/docs/**'}}\n",
            "  - {params: {v: fr}, target: {sites: {matrix: {languages: [fr]}}}}\n",
            "  - {params: {v: sec}, target: {kind: section}}\n",
            "  - {params: {v: dev}, target: {environment: development}}\n",
            "  - {params: {v: any}}\n",
        );
        let v = |p: &PageKey<'_>| find(list, NEW, "v", p);
        assert_eq!(v(&page("/docs/a/b", "en")).as_deref(), Some("docs"));
        assert_eq!(v(&page("/blog/a", "fr")).as_deref(), Some("fr"));
        let mut s = page("/blog", "en");
        s.kind = "section";
        assert_eq!(v(&s).as_deref(), Some("sec"));
        assert_eq!(v(&page("/blog/a", "en")).as_deref(), Some("any"));
        let old = "cascade:\n  - {v: x, _target: {path: '/docs/**'}}\n";
        assert_eq!(
            find(old, OLD, "v", &page("/docs/a.md", "en")).as_deref(),
            Some("x")
        );
        assert_eq!(find(old, OLD, "v", &page("/blog/a.md", "en")), None);
        let map_target = "cascade:\n  v: x\n  _target: {path: '/docs/**'}\n";
        assert!(find(map_target, OLD, "v", &page("/blog/a.md", "en")).is_some());
        assert!(find(map_target, NEW, "v", &page("/blog/a", "en")).is_none());
    }
}
