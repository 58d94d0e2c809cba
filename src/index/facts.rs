//! A page's facts: the little that the site-wide rules need of each file, gathered while the
//! file is linted so that no file is read twice and no text is kept: its URL, aliases, ids,
//! taxonomy terms, and the links that can only be checked once every page is known.

use std::borrow::Cow;

use super::env::{Env, LinkHook};
use super::urls::{kind_of, page_url, Kind, NoUrl, PageUrl};
use crate::body::{Anchors, Link, LinkSource};
use crate::document::Document;
use crate::frontmatter::hugo_meta::{self, Render};
use crate::frontmatter::{Node, NodeKind, Span};
use crate::site::published::{join, urlize};
use crate::site::{is_content_file, Site};
use crate::suppress::{self, Suppression};

/// What a link points at, as far as one page can tell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A `#fragment` of the page itself.
    SamePage,
    /// A URL path of the site (percent-decoded, no leading `/`, no query or fragment), to
    /// look up once every page is known.
    Url(String),
    /// The page a `ref`/`relref` (or the embedded link hook's `GetPage`) names by its path.
    Ref(String),
    /// A Markdown file published as it is (no link render hook resolves it): broken on the
    /// built site. The page it names, if one, by its path.
    MarkdownFile(Option<String>),
    /// A relative path that climbs above the site's root.
    ClimbsOut,
}

/// A link kept for the checks after the pass.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkFact {
    /// The destination as written, for messages.
    pub written: String,
    /// Where it is written.
    pub span: Span,
    /// What it points at.
    pub target: Target,
    /// Its fragment, percent-decoded, if it has one.
    pub fragment: Option<String>,
}

/// One taxonomy term a page lists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TermFact {
    /// The taxonomy's plural name (`tags`).
    pub taxonomy: String,
    /// The term as written.
    pub term: String,
    /// Where its value is written; `fixable` when that is exactly the term's text.
    pub span: Span,
    /// The span holds exactly the term, so it can be replaced.
    pub fixable: bool,
    /// Checked for variants: not a field whose values the schema lists (unknown-value's).
    pub checked: bool,
}

/// The facts of one page; see the module documentation.
#[derive(Debug, Clone, Default)]
pub struct PageFacts {
    /// Path relative to the site root, `/` separators.
    pub rel_path: String,
    /// Path relative to its content folder.
    pub content_path: String,
    /// Home, section or regular page.
    pub kind: Option<Kind>,
    /// Not published (`draft`, `headless`, `build.render: never`).
    pub unpublished: bool,
    /// Where it is published, if known.
    pub url: Option<PageUrl>,
    /// Its URL is not known, but it is published somewhere (so any URL may be its).
    pub url_unknown: bool,
    /// Its aliases as URL paths (`x/` or `x.html`), each with its span.
    pub aliases: Vec<(String, Span)>,
    /// Its ids, when asked for.
    pub anchors: Option<Anchors>,
    /// Its taxonomy terms.
    pub terms: Vec<TermFact>,
    /// Links to check after the pass.
    pub links: Vec<LinkFact>,
    /// For a leaf bundle, its folder as a URL path of the content (`posts/my-bundle`):
    /// where its resources are found.
    pub bundle: Option<String>,
    /// A hash of the text, to tell whether the file on disk is still what was linted.
    pub text_hash: u64,
    /// The page's suppression comments, each with the bytes of the lines it silences: the
    /// findings after the pass obey them too.
    pub suppressions: Vec<(Suppression, Span)>,
}

/// What to gather: the rules that need each part.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Wants {
    /// Every page's URL and aliases (url-collision; the others imply it).
    pub pages: bool,
    /// Links (broken-link, broken-anchor).
    pub links: bool,
    /// Ids (broken-anchor).
    pub anchors: bool,
    /// Terms (taxonomy-variant).
    pub terms: bool,
}

impl Wants {
    /// Whether anything is wanted.
    pub fn any(self) -> bool {
        self.pages || self.links || self.anchors || self.terms
    }

    /// Both sets of wants.
    pub fn union(self, other: Wants) -> Wants {
        Wants {
            pages: self.pages || other.pages,
            links: self.links || other.links,
            anchors: self.anchors || other.anchors,
            terms: self.terms || other.terms,
        }
    }
}

/// A 64-bit hash of a file's text.
pub fn text_hash(text: &str) -> u64 {
    use std::hash::BuildHasher;
    rustc_hash::FxBuildHasher.hash_one(text)
}

/// Gathers the facts of a parsed page.
pub fn gather(doc: &Document, site: &Site, env: &Env, wants: Wants) -> PageFacts {
    let content_path = site.content_path(&doc.rel_path).to_string();
    let tree = doc.tree();
    let kind = kind_of(&content_path);
    let broken = doc.front_matter().is_some() && tree.is_none();
    let placed = page_url(
        site,
        &doc.rel_path,
        tree,
        &env.urls,
        site.version.at_least(135),
    );
    let url_unknown = !broken && placed == Err(NoUrl::Unknown);
    let url = placed.ok().filter(|_| !broken);
    let bundle = (kind == Kind::Page && doc.is_leaf_bundle()).then(|| {
        let dir = content_path.rsplit_once('/').map_or("", |(d, _)| d);
        dir.split('/').map(urlize).collect::<Vec<_>>().join("/")
    });
    let mut facts = PageFacts {
        rel_path: doc.rel_path.clone(),
        content_path,
        kind: Some(kind),
        unpublished: tree.is_some_and(|t| unpublished(t, site)),
        // A multilingual site's aliases are per language (under its prefix): not placed yet.
        // With `disableAliases`, Hugo writes none (`hugolib/site_render.go`).
        aliases: tree
            .filter(|_| !env.urls.multilingual && !site.hugo.is_true("disableAliases"))
            .map(aliases)
            .unwrap_or_default(),
        bundle,
        text_hash: text_hash(&doc.text),
        url,
        url_unknown,
        suppressions: suppressions(doc),
        ..PageFacts::default()
    };
    // An alias naming the page's own URL publishes nothing over it (hugodocs has them).
    if let Some(own) = &facts.url {
        facts.aliases.retain(|(a, _)| *a != own.path);
    }
    if wants.terms || wants.links {
        facts.terms = tree.map(|t| terms(doc, t, site, env)).unwrap_or_default();
    }
    if wants.anchors {
        facts.anchors = Some(anchors(doc, site, env));
    }
    if wants.links {
        facts.links = links(doc, site, env, &facts);
    }
    facts
}

/// The suppression comments and the bytes of the lines each silences.
fn suppressions(doc: &Document) -> Vec<(Suppression, Span)> {
    if !doc.text.contains("pagelint") {
        return Vec::new();
    }
    let lines = doc.lines();
    let byte = |line: usize| {
        if line >= lines.line_count() {
            doc.text.len()
        } else {
            lines.line_start(line)
        }
    };
    suppress::parse(doc)
        .into_iter()
        .map(|s| {
            let bytes = byte(s.lines.start)..byte(s.lines.end);
            (s, bytes)
        })
        .collect()
}

/// The page's ids, unknown when a shortcode it calls may write ids of its own.
fn anchors(doc: &Document, site: &Site, env: &Env) -> Anchors {
    let mut a = doc.anchors(&env.ids).clone();
    if a.unknown.is_some() || doc.shortcodes().tags.is_empty() {
        return a;
    }
    let templates = env.templates();
    let known = site.shortcodes();
    let writes_ids = |name: &str| {
        matches!(name, "highlight" | "qr")
            || templates.id_shortcodes.contains(name)
            || known.lookup(name).is_none()
    };
    if doc
        .shortcodes()
        .tags
        .iter()
        .any(|t| !t.closing && writes_ids(&t.name))
    {
        a.unknown = Some("a shortcode on the page may write ids");
    }
    a
}

/// Whether the page publishes nothing: a draft, or build options (`build.render: never`,
/// `headless`) that write no page, as the checked release reads them (the front matter tree
/// already holds YAML 1.1 or 1.2 values as that release parses them).
fn unpublished(tree: &Node, site: &Site) -> bool {
    hugo_meta::draft(tree).value || hugo_meta::build(tree, site.version).render == Render::Never
}

/// Hugo's alias target path (`hugolib/alias.go` `targetPathAlias`): cleaned, no leading
/// `/`, a folder unless it names an `.html` file.
pub fn alias_path(alias: &str) -> Option<String> {
    let cleaned = super::clean_path(alias.trim());
    if cleaned.is_empty() || cleaned.starts_with("..") || alias.contains("://") {
        return None;
    }
    Some(if cleaned.ends_with(".html") {
        cleaned
    } else {
        format!("{cleaned}/")
    })
}

fn aliases(tree: &Node) -> Vec<(String, Span)> {
    let Some(e) = tree.get("aliases") else {
        return Vec::new();
    };
    let items: Vec<&Node> = match &e.value.kind {
        NodeKind::List(items) => items.iter().collect(),
        NodeKind::String { .. } => vec![&e.value],
        _ => Vec::new(),
    };
    items
        .into_iter()
        .filter_map(|n| Some((alias_path(n.as_str()?)?, n.span.clone())))
        .collect()
}

fn terms(doc: &Document, tree: &Node, site: &Site, env: &Env) -> Vec<TermFact> {
    let schema = site.config.schema_for(&doc.rel_path);
    let mut out = Vec::new();
    for taxonomy in &env.taxonomies {
        // A field whose values the schema lists is unknown-value's to check.
        let checked = schema
            .and_then(|s| s.field(taxonomy))
            .is_none_or(|f| f.values.is_none());
        let Some(e) = tree.get(taxonomy) else {
            continue;
        };
        let items: Vec<&Node> = match &e.value.kind {
            NodeKind::List(items) => items.iter().collect(),
            NodeKind::String { .. } => vec![&e.value],
            _ => Vec::new(),
        };
        for n in items {
            let Some(term) = n.as_str() else { continue };
            let literal = n.literal_span(&doc.text);
            out.push(TermFact {
                taxonomy: taxonomy.clone(),
                term: term.to_string(),
                fixable: literal.is_some(),
                span: literal.unwrap_or_else(|| n.span.clone()),
                checked,
            });
        }
    }
    out
}

/// Whether a destination is another scheme or host (`https:`, `mailto:`, `//`).
pub fn is_external(dest: &str) -> bool {
    if dest.starts_with("//") {
        return true;
    }
    let end = dest.find([':', '/', '?', '#']).unwrap_or(0);
    end > 0
        && dest.as_bytes()[end] == b':'
        && dest[..end].starts_with(|c: char| c.is_ascii_alphabetic())
        && dest[..end]
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

fn decode(s: &str) -> Cow<'_, str> {
    percent_encoding::percent_decode_str(s).decode_utf8_lossy()
}

/// The page's links that are checked after the pass.
fn links(doc: &Document, site: &Site, env: &Env, facts: &PageFacts) -> Vec<LinkFact> {
    let mut out = Vec::new();
    for link in doc.links(&env.ids) {
        if let Some(f) = link_fact(link, site, env, facts) {
            out.push(f);
        }
    }
    out
}

/// What one link points at; None for what needs no check (external, a published file, a
/// destination a custom hook rewrites, a relative one of a page whose URL is unknown).
fn link_fact(link: &Link, site: &Site, env: &Env, facts: &PageFacts) -> Option<LinkFact> {
    let dest = link.dest.trim();
    let (path, fragment) = match dest.split_once('#') {
        Some((p, f)) => (p, Some(decode(f).into_owned()).filter(|f| !f.is_empty())),
        None => (dest, None),
    };
    let fact = |target| LinkFact {
        written: dest.to_string(),
        span: link.span.clone(),
        target,
        fragment: fragment.clone(),
    };
    if let LinkSource::Ref { .. } = link.source {
        return match path {
            "" => fragment.as_ref().map(|_| fact(Target::SamePage)),
            p => fragment.as_ref().map(|_| fact(Target::Ref(p.to_string()))),
        };
    }
    if dest.is_empty() || is_external(dest) || env.hook == LinkHook::Custom {
        return None;
    }
    let path = path.split('?').next().unwrap_or("");
    if path.is_empty() {
        return fragment.as_ref().map(|_| fact(Target::SamePage));
    }
    if env.hook == LinkHook::Embedded && link.source == LinkSource::Markdown {
        if let Some(target) = embedded_hook(path, site, facts) {
            return target.map(fact);
        }
    }
    let decoded = decode(path);
    let relative = !decoded.starts_with('/');
    let base = match &facts.url {
        Some(u) => url_dir(&u.path),
        None if relative => return None,
        None => String::new(),
    };
    let Some(mut url) = join(&base, &decoded) else {
        return Some(fact(Target::ClimbsOut));
    };
    if decoded.ends_with('/') && !url.is_empty() {
        url.push('/');
    }
    let published = site.published();
    if published.contains(&url) || published.contains(url.trim_end_matches('/')) {
        return None;
    }
    if is_content_file(std::path::Path::new(&url)) {
        let page = content_target(&decoded, facts, site);
        return Some(fact(Target::MarkdownFile(page)));
    }
    Some(fact(Target::Url(url)))
}

/// What Hugo's embedded link hook makes of a Markdown link's path: `Some(Some(target))` a
/// page found by `GetPage`, `Some(None)` a resource (nothing to check), None: written as is.
fn embedded_hook(path: &str, site: &Site, facts: &PageFacts) -> Option<Option<Target>> {
    let path = path.strip_prefix("./").unwrap_or(path);
    let decoded = decode(path);
    if content_target(&decoded, facts, site).is_some() {
        return Some(Some(Target::Ref(decoded.into_owned())));
    }
    let resource = facts.bundle.is_some() && bundle_file(site, &facts.rel_path, &decoded, false);
    let asset = site
        .root
        .join("assets")
        .join(decoded.trim_start_matches('/'));
    (resource || asset.is_file()).then_some(None)
}

/// Whether the leaf bundle of the page at `rel_path` (site-relative) holds a file at `rest`
/// (a path below the bundle folder): a page resource, which Hugo publishes below the page's
/// URL (the model of `site/resources.rs`). With `exact`, letter case as written (a
/// browser's URL); else names match as `Resources.Get` matches them (Hugo's
/// `resources/resource.go`: case and language ignored).
pub fn bundle_file(site: &Site, rel_path: &str, rest: &str, exact: bool) -> bool {
    let page = site.page_model(rel_path, None);
    site.resources()
        .files_named(&page, rest)
        .iter()
        .any(|f| !exact || f.rel == rest.trim_start_matches('/'))
}

/// The content path of the page a path names the way `GetPage` and `ref` find pages:
/// from the content root with a leading `/`, else beside the page, else from the root.
fn content_target(path: &str, facts: &PageFacts, site: &Site) -> Option<String> {
    let published = site.published();
    let lower = path.to_lowercase();
    let dir = facts.content_path.rsplit_once('/').map_or("", |(d, _)| d);
    let candidates = [join(&dir.to_lowercase(), &lower), join("", &lower)];
    candidates
        .into_iter()
        .flatten()
        .find(|c| published.has_page(c))
}

/// The folder of a page's URL, where its relative links resolve: `posts/a/` for
/// `posts/a/`, `posts/` for `posts/a.html`.
pub fn url_dir(url: &str) -> String {
    if url.is_empty() || url.ends_with('/') {
        url.to_string()
    } else {
        url.rsplit_once('/')
            .map_or(String::new(), |(d, _)| format!("{d}/"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn externals_and_aliases() {
        for e in ["https://a", "mailto:x@y", "//cdn/x", "tel:+1"] {
            assert!(is_external(e), "{e}");
        }
        for i in ["/a/b", "a/b:c", "../x", "#f", "x.md"] {
            assert!(!is_external(i), "{i}");
        }
        assert_eq!(alias_path("/old/path").as_deref(), Some("old/path/"));
        assert_eq!(alias_path("old.html").as_deref(), Some("old.html"));
        assert_eq!(alias_path("/"), None);
        assert_eq!(url_dir("posts/a.html"), "posts/");
    }
}
