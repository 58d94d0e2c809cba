//! The rules: one file each, one registry. A rule is a unit struct that reads
//! the parsed document and the site and pushes diagnostics; the engine, not
//! the rule, decides whether it runs and at what severity.

use crate::config::Schema;
use crate::diagnostic::{Severity, Sink};
use crate::document::Document;
use crate::site::Site;

pub mod schema_util;

/// What the registry, the docs and the reporters know about a rule.
#[derive(Debug)]
pub struct RuleMeta {
    pub name: &'static str,
    pub summary: &'static str,
    /// The severity of its findings unless the configuration says otherwise.
    pub severity: Severity,
    /// Whether it runs when nothing selects or configures it.
    pub default_enabled: bool,
    pub fixable: bool,
    /// Its page in `rules/`, embedded.
    pub doc: &'static str,
}

/// What a rule reads.
pub struct Context<'a> {
    pub doc: &'a Document,
    pub site: &'a Site,
    /// The first `[[schema]]` whose globs match the document, if any.
    pub schema: Option<&'a Schema>,
}

pub trait Rule: Sync {
    fn meta(&self) -> &'static RuleMeta;
    fn check(&self, cx: &Context<'_>, out: &mut Sink);

    /// Findings about the site as a whole, reported against its Hugo config file.
    fn check_site(&self, _site: &Site, _out: &mut Sink) {}
}

macro_rules! registry {
    ($($module:ident :: $rule:ident),* $(,)?) => {
        $(pub mod $module;)*
        /// Every rule, in the order `pagelint rules` lists them.
        pub static ALL: &[&dyn Rule] = &[$(&$module::$rule),*];
    };
}

registry! {
    file_encoding::FileEncoding,
    frontmatter_syntax::FrontmatterSyntax,
    frontmatter_missing::FrontmatterMissing,
    duplicate_key::DuplicateKey,
    required_field::RequiredField,
    empty_field::EmptyField,
    field_type::FieldTypeRule,
    date_format::DateFormatRule,
    url_format::UrlFormat,
    unknown_value::UnknownValue,
    field_pattern::FieldPattern,
    unknown_field::UnknownField,
    broken_image::BrokenImage,
    shortcode_syntax::ShortcodeSyntax,
    shortcode_unknown::ShortcodeUnknown,
    shortcode_unbalanced::ShortcodeUnbalanced,
    shortcode_args::ShortcodeArgs,
    broken_ref::BrokenRef,
    theme_missing::ThemeMissing,
    unused_suppression::UnusedSuppression,
}

pub fn by_name(name: &str) -> Option<&'static RuleMeta> {
    ALL.iter().map(|r| r.meta()).find(|m| m.name == name)
}

pub fn names() -> impl Iterator<Item = &'static str> {
    ALL.iter().map(|r| r.meta().name)
}
