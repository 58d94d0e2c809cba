//! The cascades that reach a page: its own, each node's above it in its language's content
//! tree (nearest first), then the site config's. Each node's cascade is read once per run,
//! on first need, so a single file from an editor reads only its ancestors.
//!
//! Hugo: `hugolib/content_map_page_assembler.go` (`getCascades`, the longest prefix of the
//! page's path; `doTransformPages` prepends each node's cascade), `hugolib/page__meta.go`
//! (`setMetaPost`: a page's own cascade first). Hugo 0.111 (`pageMeta.setMetadata`): sections
//! and the home page only, no config cascade.

use std::sync::{Arc, Mutex};

use rustc_hash::FxHashMap;

use super::cascade::{self, Cascade};
use super::content_map::split_name;
use super::params::PageIdent;
use super::Site;
use crate::frontmatter::Node;

/// Each node's own cascade, by (language, base path).
#[derive(Debug, Default)]
pub struct NodeCascades {
    read: Mutex<FxHashMap<(String, String), Cascade>>,
    config: Mutex<FxHashMap<String, Cascade>>,
}

impl Site {
    /// The cascade the node at `base` in `lang` defines (empty when there is no such page, no
    /// cascade, or, before Hugo 0.123, the page is not a section or home page).
    fn node_cascade(&self, lang: &str, base: &str) -> Cascade {
        let key = (lang.to_string(), base.to_string());
        let cache = &self.node_cascades.read;
        if let Some(c) = cache.lock().unwrap_or_else(|e| e.into_inner()).get(&key) {
            return c.clone();
        }
        let entries = self
            .content
            .page(lang, base)
            .filter(|p| {
                let name = p.placement.logical.rsplit('/').next().unwrap_or("");
                let stem = split_name(name, &self.hugo.languages).0.to_lowercase();
                self.version.at_least(123) || stem == "_index"
            })
            .and_then(|p| self.front_matters.get(&p.path, self.version))
            .map(|tree| cascade::of_tree(&tree, self.version))
            .unwrap_or_default();
        let c = Arc::new(entries);
        cache
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(key, c.clone());
        c
    }

    /// The site config's `cascade` and the page's language's own (Hugo 0.112 and later).
    fn config_cascade(&self, lang: &str) -> Cascade {
        let cache = &self.node_cascades.config;
        if let Some(c) = cache.lock().unwrap_or_else(|e| e.into_inner()).get(lang) {
            return c.clone();
        }
        let mut entries = Vec::new();
        if self.version.at_least(112) {
            entries = cascade::of_tree(&self.hugo.tree, self.version);
            if let Some(l) = self.hugo.tree.get_path(&format!("languages.{lang}")) {
                entries.extend(cascade::of_tree(&l.value, self.version));
            }
        }
        let c = Arc::new(entries);
        cache
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(lang.to_string(), c.clone());
        c
    }

    /// Every cascade that can reach `page` (whose own front matter is `own`), nearest first:
    /// its own (any page from Hugo 0.123, else a section's or the home page's), each node
    /// above it up to the home page, then the config's. Targets are matched at lookup.
    pub fn cascades_for(&self, page: &PageIdent, own: Option<&Node>) -> Vec<Cascade> {
        let mut out = Vec::new();
        if page.is_branch() || self.version.at_least(123) {
            if let Some(own) = own {
                out.push(Arc::new(cascade::of_tree(own, self.version)));
            }
        }
        let mut base = page.base.as_str();
        while !base.is_empty() {
            base = base.rsplit_once('/').map_or("", |(parent, _)| parent);
            out.push(self.node_cascade(&page.lang, base));
        }
        out.push(self.config_cascade(&page.lang));
        out.retain(|c| !c.is_empty());
        out
    }
}
