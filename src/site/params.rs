//! Params as Hugo's `{{< param KEY >}}` sees them: the page's params (its front matter, its
//! `params` map, the cascades above it), then the site's params for the page's language.
//!
//! Hugo: `tpl/tplimpl/embedded/templates/_shortcodes/param.html` (`$.Page.Param KEY`, and
//! `with`: a false, 0, empty or missing value is "not found"), `hugolib/page.go`
//! `(*pageState).Param` → `resources/resource/params.go` `Param` → `common/hmaps/params.go`
//! `GetNestedParam` (the whole key in page then site params, then the dotted path in page
//! then site params; the first that exists wins, even when false), `hugolib/page__meta.go`
//! `setMetaPost`/`setMetaPostParams` (front matter, then cascades for missing keys, then the
//! front matter's `params` map over them, from 0.123), `config/allconfig` (each language's
//! `params` over the root's).

use std::path::Path;

use super::cascade::{self, Cascade, PageKey};
use super::config_load::merge;
use super::content_map::{base_path, split_name};
use super::page_meta::{publish_state, Publish};
use super::Site;
use crate::frontmatter::{Node, NodeKind};

/// A content file as one language's page: what params and cascades depend on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageIdent {
    /// The language.
    pub lang: String,
    /// The page's base path (`/docs/install`; empty for home).
    pub base: String,
    /// The file's logical path in the language's content tree.
    pub logical: String,
    /// `home`, `section`, `taxonomy`, `term` or `page`.
    pub kind: &'static str,
}

impl PageIdent {
    /// Whether the page is a branch (home, section, taxonomy, term): an `_index` file.
    pub fn is_branch(&self) -> bool {
        self.kind != "page"
    }
}

/// Where a param's value was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParamOrigin {
    /// The page's own front matter.
    Page,
    /// A cascade of the page, a section above it or the site config.
    Cascade,
    /// The site's params (config, theme, module, language).
    Site,
}

/// What `{{< param KEY >}}` finds on a page.
#[derive(Debug, Clone, PartialEq)]
pub enum ParamLookup {
    /// A value; Hugo prints it when it is truthy and fails with `Param "KEY" not found` when
    /// it is false, 0, empty or null.
    Found {
        /// Whether Go's `with` takes it.
        truthy: bool,
        /// Where it came from.
        origin: ParamOrigin,
    },
    /// No value anywhere: Hugo fails.
    Missing,
}

/// Go template truth: false for false, 0, "", null and empty lists and maps.
pub fn truthy(node: &Node) -> bool {
    match &node.kind {
        NodeKind::Null => false,
        NodeKind::Bool(b) => *b,
        NodeKind::Int(i) => *i != 0,
        NodeKind::Float(f) => *f != 0.0,
        NodeKind::String { value, .. } => !value.is_empty(),
        NodeKind::Datetime(_) => true,
        NodeKind::List(items) => !items.is_empty(),
        NodeKind::Map(entries) => !entries.is_empty(),
    }
}

/// The page kind of a logical `_index` path's base: home, a taxonomy list, a term, a section.
fn branch_kind(base: &str, taxonomies: &[String]) -> &'static str {
    let segs: Vec<&str> = base.split('/').filter(|s| !s.is_empty()).collect();
    match segs.as_slice() {
        [] => "home",
        [t] if taxonomies.iter().any(|x| x == t) => "taxonomy",
        [t, _] if taxonomies.iter().any(|x| x == t) => "term",
        _ => "section",
    }
}

impl Site {
    /// The pages a content file is (one per language it is placed in, see
    /// [`Site::content_file`]); for a file no content mount holds (standard input named
    /// outside the content), one page of the default language at its site-relative path.
    pub fn page_idents(&self, rel_path: &str) -> Vec<PageIdent> {
        let langs = &self.hugo.languages;
        let placements: Vec<(String, String)> = match self.content_file(Path::new(rel_path)) {
            Some(f) => f
                .placements
                .into_iter()
                .map(|p| (p.lang, p.logical))
                .collect(),
            None => vec![(langs.default.clone(), rel_path.to_string())],
        };
        let mut out: Vec<PageIdent> = Vec::new();
        for (lang, logical) in placements {
            if out.iter().any(|p| p.lang == lang) {
                continue;
            }
            let base = base_path(&logical, langs);
            let file = logical.rsplit('/').next().unwrap_or(&logical);
            let stem = split_name(file, langs).0.to_lowercase();
            let kind = if stem == "_index" {
                branch_kind(&base, &self.hugo.taxonomies)
            } else {
                "page"
            };
            out.push(PageIdent {
                lang,
                base,
                logical,
                kind,
            });
        }
        out
    }

    /// The site's params for `lang`: the config's `params` (with what themes and modules add)
    /// and `languages.<lang>.params` over them.
    pub fn site_params(&self, lang: &str) -> &Node {
        let all = self.site_params.get_or_init(|| {
            let root = self.hugo.params.clone().unwrap_or_default();
            self.hugo
                .languages
                .list
                .iter()
                .map(|l| {
                    let mut p = root.clone();
                    if let Some(own) = &l.params {
                        merge(&mut p, own.clone());
                    }
                    (l.key.clone(), p)
                })
                .collect()
        });
        static EMPTY: std::sync::OnceLock<Node> = std::sync::OnceLock::new();
        all.get(lang)
            .unwrap_or_else(|| EMPTY.get_or_init(Node::default))
    }

    /// How a cascade target sees `page`.
    fn page_key<'a>(&'a self, page: &'a PageIdent, path: &'a str) -> PageKey<'a> {
        PageKey {
            kind: page.kind,
            path,
            lang: &page.lang,
            environment: &self.hugo.environment,
        }
    }

    /// The path a cascade's `target.path` glob matches: the base path (`/` for home) from
    /// Hugo 0.123, the lowercased file path before.
    fn target_path(&self, page: &PageIdent) -> String {
        if self.version.at_least(123) {
            if page.base.is_empty() {
                "/".into()
            } else {
                page.base.clone()
            }
        } else {
            format!("/{}", page.logical.to_lowercase())
        }
    }

    /// The value the page's params give the top-level `key`: the front matter's `params`
    /// map (0.123+), its top-level keys, then the cascades (nearest first).
    fn page_value<'a>(
        &self,
        own: Option<&'a Node>,
        cascades: &'a [Cascade],
        key_of: &PageKey<'_>,
        key: &str,
    ) -> Option<(&'a Node, ParamOrigin)> {
        if let Some(own) = own {
            if self.version.at_least(123) {
                if let Some(v) = own.get("params").and_then(|p| p.value.get(key)) {
                    return Some((&v.value, ParamOrigin::Page));
                }
            }
            if let Some(v) = own.get(key) {
                return Some((&v.value, ParamOrigin::Page));
            }
        }
        cascade::lookup(cascades, key, key_of).map(|v| (v, ParamOrigin::Cascade))
    }

    /// What `{{< param key >}}` finds on `page`, whose own front matter is `own`.
    pub fn param(&self, page: &PageIdent, own: Option<&Node>, key: &str) -> ParamLookup {
        let cascades = self.cascades_for(page, own);
        let path = self.target_path(page);
        let key_of = self.page_key(page, &path);
        let site = self.site_params(&page.lang);
        let found = |v: &Node, origin| ParamLookup::Found {
            truthy: truthy(v),
            origin,
        };
        // The whole key first, in page then site params (GetNestedParam).
        if let Some((v, o)) = self.page_value(own, &cascades, &key_of, key) {
            return found(v, o);
        }
        if let Some(v) = site.get(key) {
            return found(&v.value, ParamOrigin::Site);
        }
        let Some((first, rest)) = key.split_once('.') else {
            return ParamLookup::Missing;
        };
        if let Some((top, o)) = self.page_value(own, &cascades, &key_of, first) {
            if let Some(v) = top.get_path(rest) {
                return found(&v.value, o);
            }
        }
        match site.get_path(key) {
            Some(v) => found(&v.value, ParamOrigin::Site),
            None => ParamLookup::Missing,
        }
    }
}

impl Site {
    /// Whether Hugo's default build publishes `page` (own front matter `own`): its draft and
    /// date keys, from the front matter or a cascade (see [`super::page_meta::publish_state`]).
    pub fn publish_state(&self, page: &PageIdent, own: Option<&Node>) -> Publish {
        let cascades = self.cascades_for(page, own);
        let path = self.target_path(page);
        let key_of = self.page_key(page, &path);
        let get = |k: &str| -> Option<Node> {
            own.and_then(|o| o.get(k))
                .map(|e| e.value.clone())
                .or_else(|| cascade::lookup(&cascades, k, &key_of).cloned())
        };
        // The run's moment (`--now`, `now` in pagelint.toml, else the clock), as every rule.
        publish_state(&get, self.now.to_utc())
    }
}

#[cfg(test)]
#[path = "params_tests.rs"]
mod tests;
