//! The rules: one file each, one registry. A rule is a unit struct that reads
//! the parsed document and the site and pushes diagnostics; the engine, not
//! the rule, decides whether it runs and at what severity.

use crate::body::shortcode_tree::{self, InnerKind, Structure};
use crate::config::Schema;
use crate::diagnostic::Sink;
use crate::document::Document;
use crate::frontmatter::hugo_meta::{PageMeta, PageSource};
use crate::frontmatter::Format;
use crate::index::{Env, PageFacts, Pages, Wants};
use crate::site::shortcodes::Known;
use crate::site::Site;
use crate::version::Behaviour;

pub mod schema_util;

pub use crate::diagnostic::RuleMeta;

/// What a rule reads.
pub struct Context<'a> {
    /// The content file being linted.
    pub doc: &'a Document,
    /// The site it belongs to: configuration and shared indexes.
    pub site: &'a Site,
    /// The first `[[schema]]` whose globs match the document, if any.
    pub schema: Option<&'a Schema>,
}

impl<'a> Context<'a> {
    /// Hugo's own metadata of the page (draft, dates, build options) as the
    /// checked release reads it, with the site's date settings; None when the
    /// page has no parsed front matter map.
    pub fn page_meta(&self) -> Option<PageMeta<'a>> {
        let fm = self.doc.front_matter()?;
        let tree = fm.tree.as_ref().ok()?;
        tree.as_map()?;
        let page = PageSource {
            tree,
            json: fm.format == Format::Json,
            base_name: base_name(&self.doc.rel_path),
        };
        Some(PageMeta::read(
            page,
            self.site.date_settings(),
            self.site.version,
        ))
    }
}

impl<'a> Context<'a> {
    /// Whether a default build renders the page: not a draft, future, expired
    /// or `render: never` page. Checks Hugo makes while rendering (shortcode
    /// templates' argument checks, `ref`, `param`) never fail on other pages.
    pub fn page_renders(&self) -> bool {
        self.page_meta()
            .is_none_or(|meta| meta.unpublished(self.site.now).is_none())
    }

    /// Whether Hugo reads the page's shortcodes at all: from 0.123 every page
    /// is parsed (so a bad or unknown shortcode in a draft fails the build);
    /// before, pages that are not rendered were dropped unread.
    pub fn page_parsed(&self) -> bool {
        self.site.version.has(Behaviour::DraftsParsed) || self.page_renders()
    }

    /// The shortcode called `name` as the page sees it (section-scoped
    /// templates count for pages under their section, Hugo 0.146 on).
    pub fn shortcode(&self, name: &str) -> Option<Known> {
        let shortcodes = self.site.shortcodes();
        if shortcodes.has_sections() {
            let page = self.site.content_path(&self.doc.rel_path);
            shortcodes.lookup_in(name, &page)
        } else {
            shortcodes.lookup(name)
        }
    }

    /// How the page's shortcode tags pair up as Hugo pairs them.
    pub fn shortcode_structure(&self) -> Structure {
        let lexed = self.doc.shortcodes();
        let inner = |name: &str| match self.shortcode(name) {
            Some(k) if k.needs_inner => InnerKind::NeedsInner,
            Some(_) => InnerKind::NoInner,
            None => InnerKind::Unknown,
        };
        shortcode_tree::analyze(&lexed.tags, &lexed.broken, &lexed.escaped, inner)
    }

    /// The inner text of shortcodes that render it as code (`highlight`, and
    /// templates passing `.Inner` to `highlight` / `transform.Highlight`), as
    /// file spans: images and links written there are code, not images.
    pub fn code_regions(&self) -> Vec<std::ops::Range<usize>> {
        let tags = &self.doc.shortcodes().tags;
        if !tags
            .iter()
            .any(|t| !t.closing && self.shortcode(&t.name).is_some_and(|k| k.code_inner))
        {
            return Vec::new();
        }
        let structure = self.shortcode_structure();
        tags.iter()
            .enumerate()
            .filter(|(_, t)| !t.closing && self.shortcode(&t.name).is_some_and(|k| k.code_inner))
            .filter_map(|(i, t)| {
                let close = structure.closed_by.get(i).copied().flatten()?;
                Some(t.span.end..tags[close].span.start)
            })
            .collect()
    }
}

/// Hugo's `ContentBaseName`: the file name without extension, or the folder's
/// name for a bundle's `index.md` / `_index.md`.
fn base_name(rel_path: &str) -> &str {
    let mut parts = rel_path.rsplit('/');
    let file = parts.next().unwrap_or(rel_path);
    let stem = file.split('.').next().unwrap_or(file);
    if stem == "index" || stem == "_index" {
        parts.next().unwrap_or(stem)
    } else {
        stem
    }
}

/// What a site-wide rule reads after the pass, for one page.
pub struct PagesContext<'a> {
    /// The site.
    pub site: &'a Site,
    /// The link rules' settings of the run.
    pub env: &'a Env,
    /// Every page, or a way to find them.
    pub pages: &'a dyn Pages,
    /// The page being checked: its facts, gathered during the pass.
    pub page: &'a PageFacts,
}

/// A lint rule: a unit struct listed in [`ALL`], shared by every worker.
pub trait Rule: Sync {
    /// The rule's name, default severity, summary and documentation page.
    fn meta(&self) -> &'static RuleMeta;

    /// Pushes the rule's findings about one document into `out`. Whether the
    /// rule runs, at what severity, and which findings suppressions drop is
    /// decided by the `select` module.
    fn check(&self, cx: &Context<'_>, out: &mut Sink);

    /// Findings about the site as a whole, reported against one of its config files:
    /// `site.hugo.files[file]`, whose text the spans point into. Called after every content
    /// file of the run was linted, once per config file.
    fn check_site(&self, _site: &Site, _file: usize, _out: &mut Sink) {}

    /// Findings about `pagelint.toml`, with spans into its text, given the
    /// site-relative paths of every content file of a whole-site run.
    fn check_config(&self, _site: &Site, _files: &[String], _out: &mut Sink) {}

    /// Findings on templates, known only once every file was checked (what the run saw).
    fn check_after_run(&self, _site: &Site, _out: &mut Vec<TemplateFinding>) {}

    /// What a site-wide rule needs gathered of every page during the pass; nothing for a
    /// rule that reads only the page it checks.
    fn wants(&self) -> Wants {
        Wants::default()
    }

    /// A site-wide rule's findings on one page, once every page's facts are known (after
    /// the pass, or with the pages looked up one by one when only a few files are checked).
    /// Spans are into the page's text, as `check`'s are.
    fn check_pages(&self, _cx: &PagesContext<'_>, _out: &mut Sink) {}
}

/// A finding on a file that is not content (a template), with the file's text.
#[derive(Debug)]
pub struct TemplateFinding {
    /// The file, absolute.
    pub path: std::path::PathBuf,
    /// Its text, for the report's snippet.
    pub text: String,
    /// The finding, with a span into `text`.
    pub diagnostic: crate::diagnostic::Diagnostic,
}

// Declared here, not inside a macro, so that rustfmt and tools see every rule file.
pub mod broken_anchor;
pub mod broken_image;
pub mod broken_link;
pub mod broken_ref;
pub mod date_format;
pub mod duplicate_key;
pub mod empty_field;
pub mod field_pattern;
pub mod field_type;
pub mod file_encoding;
pub mod frontmatter_missing;
pub mod frontmatter_syntax;
pub mod hugo_field;
pub mod image_unchecked;
pub mod required_field;
pub mod shortcode_args;
mod shortcode_builtins;
pub mod shortcode_syntax;
pub mod shortcode_unbalanced;
pub mod shortcode_unknown;
pub mod taxonomy_variant;
pub mod theme_missing;
pub mod unknown_field;
pub mod unknown_value;
pub mod unmatched_glob;
pub mod unpublished_page;
pub mod unused_suppression;
pub mod url_collision;
pub mod url_format;

/// Every rule, in the order `pagelint rules` lists them.
pub static ALL: &[&dyn Rule] = &[
    &file_encoding::FileEncoding,
    &frontmatter_syntax::FrontmatterSyntax,
    &frontmatter_missing::FrontmatterMissing,
    &duplicate_key::DuplicateKey,
    &required_field::RequiredField,
    &empty_field::EmptyField,
    &field_type::FieldTypeRule,
    &date_format::DateFormatRule,
    &hugo_field::HugoField,
    &url_format::UrlFormat,
    &unknown_value::UnknownValue,
    &field_pattern::FieldPattern,
    &unknown_field::UnknownField,
    &broken_image::BrokenImage,
    &image_unchecked::ImageUnchecked,
    &shortcode_syntax::ShortcodeSyntax,
    &shortcode_unknown::ShortcodeUnknown,
    &shortcode_unbalanced::ShortcodeUnbalanced,
    &shortcode_args::ShortcodeArgs,
    &broken_ref::BrokenRef,
    &unpublished_page::UnpublishedPage,
    &broken_link::BrokenLink,
    &broken_anchor::BrokenAnchor,
    &url_collision::UrlCollision,
    &taxonomy_variant::TaxonomyVariant,
    &theme_missing::ThemeMissing,
    &unmatched_glob::UnmatchedGlob,
    &unused_suppression::UnusedSuppression,
];

/// The rule called `name`, if there is one.
pub fn by_name(name: &str) -> Option<&'static RuleMeta> {
    ALL.iter().map(|r| r.meta()).find(|m| m.name == name)
}

/// Every rule's name, in registry order.
pub fn names() -> &'static [&'static str] {
    static NAMES: std::sync::LazyLock<Vec<&'static str>> =
        std::sync::LazyLock::new(|| ALL.iter().map(|r| r.meta().name).collect());
    &NAMES
}
