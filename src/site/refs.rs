//! `ref` and `relref` resolved as Hugo resolves them, in the page's language's content tree.
//!
//! Hugo: `hugolib/page__ref.go` (`lang`: another language's site, or REF_NOT_FOUND),
//! `hugolib/site.go` `refLink` (the URL's path is looked up; `outputFormat` must be one of the
//! target page's), `hugolib/pagecollections.go` `getContentNode` (a target without extension
//! gets `.md`; `…/index` tries `…/index/index.md` then `…/index.md`) and
//! `getContentNodeForRef`: relative to the page (a section's own folder, a regular page's or
//! a bundle's containing folder), then from the content root (not for `./` or `../`
//! targets), with an extension also relative to the page's real folder and the home page's,
//! and for a target without `/`, by base name (`pageReverseIndex`; two pages of that name is
//! Hugo's "ambiguous" error). Every path is reduced to a page's base path
//! (`common/paths/pathparser.go`). Pages Hugo's default build drops (draft, future, expired;
//! sections and the home page are kept for structure) are not found.
//!
//! Lookups go by path through the content map's folder listings; only a target without `/`
//! that is not found by path walks the whole content, once.

use std::path::Path;

use super::content_map::{normalize, normalize_path, page_ext, split_name};
use super::page_meta::Publish;
use super::params::PageIdent;
use super::Site;
use crate::frontmatter::Node;
use crate::version::Behaviour;

/// What Hugo makes of a ref.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RefOutcome {
    /// Found (or pagelint cannot know that it is not: a content adapter, a term page).
    Found,
    /// REF_NOT_FOUND, with Hugo's reason (`page not found`, `no site found with lang "x"`,
    /// `output format "x"`) and, for a page the default build drops, why.
    NotFound {
        /// Hugo's reason.
        reason: String,
        /// The page was found but is not built: a draft, in the future, expired.
        dropped: Option<Publish>,
    },
    /// Several pages have this base name: Hugo fails with `page reference "x" is ambiguous`.
    Ambiguous(Vec<String>),
}

/// The arguments of one `ref`/`relref` call.
#[derive(Debug, Clone, Default)]
pub struct RefArgs<'a> {
    /// `path` (or the first positional argument), as written.
    pub path: &'a str,
    /// `lang`, if given.
    pub lang: Option<&'a str>,
    /// `outputFormat` (or the second positional argument), if given.
    pub output_format: Option<&'a str>,
}

/// A ref target reduced to a page's base path, as Hugo's path parser does: normalised
/// (lowercase, spaces as hyphens), a leading `/`, a content extension and a configured
/// language suffix dropped, then a trailing `index`/`_index`. Another extension is kept (it
/// names a file, not a page).
fn ref_base(site: &Site, path: &str) -> String {
    let path = normalize(path.trim_end_matches('/'));
    let (dir, file) = path.rsplit_once('/').unwrap_or(("", &path));
    let mut segs: Vec<&str> = dir.split('/').filter(|s| !s.is_empty()).collect();
    let name = if page_ext(file).is_some() {
        let (name, _) = split_name(file, &site.hugo.languages);
        (name != "index" && name != "_index").then_some(name)
    } else {
        (!file.is_empty()).then_some(file)
    };
    segs.extend(name);
    let mut out = String::new();
    for s in segs {
        out.push('/');
        out.push_str(s);
    }
    out
}

/// Joins and cleans slash paths as Go's `path.Join`.
fn join(base: &str, rel: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for seg in base.split('/').chain(rel.split('/')) {
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

/// The name Hugo's reverse index keys a ref without `/` by: a bundle's folder for
/// `x/index.md` (impossible without `/`), else the file name without extension and language.
fn ref_name(site: &Site, file: &str) -> String {
    let file = normalize(file);
    if page_ext(&file).is_some() {
        split_name(&file, &site.hugo.languages).0.to_string()
    } else {
        file
    }
}

impl Site {
    /// Resolves a ref written on `page` (whose file is `from`, its front matter `own`).
    pub fn resolve_ref(&self, page: &PageIdent, from: &Path, args: &RefArgs<'_>) -> RefOutcome {
        let lang = match args.lang.filter(|l| !l.is_empty()) {
            None => page.lang.as_str(),
            Some(l) if self.hugo.languages.is_enabled(l) => l,
            Some(l) => return not_found(format!("no site found with lang {l:?}")),
        };
        let raw = args.path.split(['#', '?']).next().unwrap_or("");
        let decoded = percent_encoding::percent_decode_str(raw).decode_utf8_lossy();
        let target = decoded.replace('\\', "/");
        let target = target.trim_end_matches('/');
        if args.path.trim().is_empty() || raw.is_empty() && !args.path.is_empty() {
            return RefOutcome::Found; // Only a fragment: no lookup.
        }
        let base = match self.find_page(page, from, lang, target) {
            Ok(Some(base)) => base,
            Ok(None) => return not_found("page not found".into()),
            Err(outcome) => return outcome,
        };
        if let Some(of) = args.output_format.filter(|f| !f.is_empty()) {
            if !self.has_output_format(lang, &base, of) {
                return not_found(format!("output format {of:?}"));
            }
        }
        RefOutcome::Found
    }

    /// The base path of the page `target` names in `lang`; `Ok(None)` when none; `Err` for an
    /// outcome decided on the way (a dropped page, an ambiguous name).
    fn find_page(
        &self,
        page: &PageIdent,
        from: &Path,
        lang: &str,
        target: &str,
    ) -> Result<Option<String>, RefOutcome> {
        let r = if target.is_empty() { "/" } else { target };
        let has_ext = r.rsplit('/').next().is_some_and(|last| last.contains('.'));
        let tries: Vec<(bool, String)> = if has_ext {
            vec![(true, r.to_string())]
        } else if r == "/" {
            vec![(false, "/_index.md".into())]
        } else if r.ends_with("/index") {
            vec![(false, format!("{r}/index.md")), (false, format!("{r}.md"))]
        } else {
            vec![(false, format!("{r}.md"))]
        };
        for (had_ext, r) in &tries {
            if let Some(base) = self.find_for_ref(page, from, lang, *had_ext, target, r)? {
                return Ok(Some(base));
            }
        }
        // Before 0.123, `/name` was looked up by name too (`shouldDoSimpleLookup`).
        let slashes = target.matches('/').count();
        let by_name = slashes == 0
            || (!self.version.at_least(123) && slashes == 1 && target.starts_with('/'));
        if !by_name || target.starts_with('.') {
            return Ok(None);
        }
        let name = ref_name(self, target.trim_start_matches('/'));
        let found = self.content.pages_named(lang, &name);
        // A root section without `_index` has no file and is always built.
        let built: Vec<String> = found
            .into_iter()
            .filter(|b| self.page_state(lang, b).is_none_or(|s| s == Publish::Yes))
            .collect();
        match built.len() {
            0 => Ok(None),
            1 => Ok(built.into_iter().next()),
            _ => Err(RefOutcome::Ambiguous(built)),
        }
    }

    /// Hugo's `getContentNodeForRef` for one form `r` of the target `in_ref`, by path.
    fn find_for_ref(
        &self,
        page: &PageIdent,
        from: &Path,
        lang: &str,
        had_ext: bool,
        in_ref: &str,
        r: &str,
    ) -> Result<Option<String>, RefOutcome> {
        if !r.starts_with('/') {
            let logical_dir = match page.logical.rsplit_once('/') {
                Some((d, _)) => format!("/{d}"),
                None => "/".into(),
            };
            let file = page.logical.rsplit('/').next().unwrap_or("");
            let stem = split_name(file, &self.hugo.languages).0.to_lowercase();
            let leaf = stem == "index";
            let base_dir = if page.is_branch() || (had_ext && r.starts_with("../")) || !leaf {
                logical_dir
            } else {
                join(&logical_dir, "..")
            };
            if let Some(b) = self.lookup(lang, &ref_base(self, &join(&base_dir, r)))? {
                return Ok(Some(b));
            }
            if had_ext {
                let dir = from.parent().unwrap_or(Path::new(""));
                if let Some(b) = self.lookup_file(lang, &dir.join(in_ref))? {
                    return Ok(Some(b));
                }
            }
        }
        if r.starts_with('.') {
            return Ok(None);
        }
        if let Some(b) = self.lookup(lang, &ref_base(self, r))? {
            return Ok(Some(b));
        }
        if had_ext {
            if let Some(home) = self.content.page(lang, "") {
                let dir = home.path.parent().unwrap_or(Path::new("")).to_path_buf();
                if let Some(b) =
                    self.lookup_file(lang, &dir.join(in_ref.trim_start_matches('/')))?
                {
                    return Ok(Some(b));
                }
            }
        }
        Ok(None)
    }

    /// The page of a real file (a target relative to a page's folder on disk), in `lang`.
    fn lookup_file(&self, lang: &str, file: &Path) -> Result<Option<String>, RefOutcome> {
        let file = normalize_path(file);
        let Some(f) = self.content.file(&file) else {
            return Ok(None);
        };
        match f.placements.iter().find(|p| p.lang == lang) {
            Some(p) => {
                let base = super::content_map::base_path(&p.logical, &self.hugo.languages);
                self.lookup(lang, &base)
            }
            None => Ok(None),
        }
    }

    /// Whether a page with this base path exists in `lang` (`Ok(Some(base))`), as Hugo's page
    /// tree holds it: a content file, the home page, a root section without `_index`, a
    /// taxonomy; a page under a content adapter (`_content.gotmpl`) or a taxonomy term is
    /// taken as found. A page the default build drops is an `Err`.
    fn lookup(&self, lang: &str, base: &str) -> Result<Option<String>, RefOutcome> {
        if base.is_empty() || base == "/" {
            return Ok(Some(String::new()));
        }
        match self.page_state(lang, base) {
            Some(Publish::Yes) => return Ok(Some(base.to_string())),
            Some(dropped) => {
                return Err(RefOutcome::NotFound {
                    reason: "page not found".into(),
                    dropped: Some(dropped),
                })
            }
            None => {}
        }
        let segs: Vec<&str> = base.split('/').filter(|s| !s.is_empty()).collect();
        // A taxonomy or term page exists unless `disableKinds` removes that kind, which
        // Hugo heeds for refs from 0.123 (before, the ref still resolved).
        let kind = if segs.len() == 1 { "taxonomy" } else { "term" };
        let taxonomy = self
            .hugo
            .taxonomies
            .iter()
            .any(|t| Some(&t.as_str()) == segs.first())
            && !(self.version.has(Behaviour::RefDisabledTaxonomyNotFound)
                && self.kind_disabled(kind));
        if (segs.len() == 1 && self.content.has_section(lang, segs[0]))
            || (taxonomy && segs.len() <= 2)
            || self.under_content_adapter(lang, &segs)
        {
            return Ok(Some(base.to_string()));
        }
        Ok(None)
    }

    /// Whether the config's `disableKinds` lists `kind` (Hugo compares them lowercased).
    fn kind_disabled(&self, kind: &str) -> bool {
        let kinds = self
            .hugo
            .get("disableKinds")
            .map(super::languages::str_list);
        kinds.is_some_and(|k| k.iter().any(|k| k.eq_ignore_ascii_case(kind)))
    }

    /// Whether the default build keeps the page at `base` in `lang` (None: no such file).
    /// From Hugo 0.123 sections and the home page are always kept, for the structure; before,
    /// a section the build drops takes every page below it along.
    fn page_state(&self, lang: &str, base: &str) -> Option<Publish> {
        let found = self.content.page(lang, base)?;
        let ident = self
            .page_idents_of(&found.path)
            .into_iter()
            .find(|p| p.lang == lang)?;
        let new = self.version.at_least(123);
        if !new {
            let mut above = base;
            while let Some((parent, _)) = above.rsplit_once('/') {
                above = parent;
                if above.is_empty() {
                    break;
                }
                let dropped = self.page_state(lang, above).filter(|s| *s != Publish::Yes);
                if dropped.is_some() {
                    return dropped;
                }
            }
        }
        if ident.is_branch() && new {
            return Some(Publish::Yes);
        }
        let own = self.front_matters.get(&found.path, self.version);
        Some(self.publish_state(&ident, own.as_deref()))
    }

    /// [`Site::page_idents`] of an absolute path.
    fn page_idents_of(&self, abs: &Path) -> Vec<PageIdent> {
        let rel = self
            .relative(abs)
            .unwrap_or_else(|| abs.to_string_lossy().into_owned());
        self.page_idents(&rel)
    }

    /// Whether a folder on the path to `segs` holds a content adapter (`_content.gotmpl`),
    /// whose pages pagelint cannot know.
    fn under_content_adapter(&self, lang: &str, segs: &[&str]) -> bool {
        (0..segs.len()).any(|n| {
            let logical = segs[..n].join("/");
            self.content
                .content_lookup(lang, &logical)
                .iter()
                .any(|d| d.join("_content.gotmpl").is_file())
        })
    }

    /// Whether the page at `base` in `lang` has the output format `name`: its front matter's
    /// `outputs`, else the config's `outputs.<kind>`, else Hugo's defaults (HTML for pages;
    /// HTML and RSS for home, sections, taxonomies and terms).
    fn has_output_format(&self, lang: &str, base: &str, name: &str) -> bool {
        let Some(found) = self.content.page(lang, base) else {
            return true; // A page without a file (a root section): Hugo's defaults.
        };
        let Some(ident) = self.page_idents_of(&found.path).into_iter().next() else {
            return true;
        };
        let own = self.front_matters.get(&found.path, self.version);
        let listed = |n: Option<&Node>| -> Option<Vec<String>> {
            let n = n?;
            let items: Vec<String> = match n.as_list() {
                Some(items) => items
                    .iter()
                    .filter_map(Node::as_str)
                    .map(str::to_lowercase)
                    .collect(),
                None => vec![n.as_str()?.to_lowercase()],
            };
            Some(items)
        };
        let outputs = listed(
            own.as_deref()
                .and_then(|o| o.get("outputs"))
                .map(|e| &e.value),
        )
        .or_else(|| listed(self.hugo.get(&format!("outputs.{}", ident.kind))))
        .unwrap_or_else(|| match ident.kind {
            "page" => vec!["html".into()],
            _ => vec!["html".into(), "rss".into()],
        });
        outputs.iter().any(|o| o.eq_ignore_ascii_case(name))
    }
}

fn not_found(reason: String) -> RefOutcome {
    RefOutcome::NotFound {
        reason,
        dropped: None,
    }
}

#[cfg(test)]
#[path = "refs_tests.rs"]
mod tests;
