//! `unmatched-glob`: a `files` glob of a `[[schema]]` or `[[overrides]]`
//! table of `pagelint.toml` that matches no content file of a whole-site run.

use globset::GlobBuilder;

use crate::diagnostic::{Diagnostic, Fixable, Severity, Sink};
use crate::frontmatter::Span;
use crate::rules::{Context, Rule, RuleMeta};
use crate::site::Site;

/// The `unmatched-glob` rule (`rules/unmatched-glob.md`): a schema or
/// override that silently applies to nothing.
pub struct UnmatchedGlob;

static META: RuleMeta = RuleMeta {
    name: "unmatched-glob",
    summary: "a `files` glob of pagelint.toml that matches no content file",
    severity: Severity::Warning,
    default_enabled: true,
    fixable: Fixable::No,
    doc: include_str!("../../rules/unmatched-glob.md"),
};

fn unmatched(glob: &str, span: Span, what: &str, files: &[String]) -> Diagnostic {
    let d = Diagnostic::new(
        &META,
        span,
        format!("`{glob}` matches no content file, so this {what} applies to nothing"),
    )
    .label("matches nothing");
    // The usual slip: a glob relative to the content folder, not the site root.
    let rooted = files
        .iter()
        .filter_map(|f| f.split_once('/').map(|(dir, _)| dir))
        .find(|dir| matches(&format!("{dir}/{glob}"), files));
    match rooted {
        Some(dir) => d.help(format!(
            "globs are relative to the site root: did you mean `{dir}/{glob}`?"
        )),
        None => d.help("globs are relative to the site root, e.g. `content/posts/**/*.md`"),
    }
}

fn matches(glob: &str, files: &[String]) -> bool {
    GlobBuilder::new(glob)
        .literal_separator(true)
        .build()
        .map(|g| g.compile_matcher())
        .is_ok_and(|m| files.iter().any(|f| m.is_match(f)))
}

impl Rule for UnmatchedGlob {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _cx: &Context<'_>, _out: &mut Sink) {}

    fn check_config(&self, site: &Site, files: &[String], out: &mut Sink) {
        let config = &site.config;
        let schemas = config.schemas.iter().map(|s| (&s.file_globs, "schema"));
        let overrides = config.overrides.iter().map(|o| (&o.file_globs, "override"));
        for (globs, what) in schemas.chain(overrides) {
            for (glob, span) in globs {
                if !matches(glob, files) {
                    out.push(unmatched(glob, span.clone(), what, files));
                }
            }
        }
    }
}
