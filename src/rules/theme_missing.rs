//! `theme-missing`: a theme or module the Hugo config names that is not on
//! disk, reported once per run against the Hugo config file.

use crate::diagnostic::{Diagnostic, Fixable, Severity, Sink};
use crate::rules::{Context, Rule, RuleMeta};
use crate::site::Site;

/// The `theme-missing` rule (`rules/theme-missing.md`).
pub struct ThemeMissing;

static META: RuleMeta = RuleMeta {
    name: "theme-missing",
    summary: "a theme or module the Hugo config names is not on disk",
    severity: Severity::Warning,
    default_enabled: true,
    fixable: Fixable::No,
    doc: include_str!("../../rules/theme-missing.md"),
};

impl Rule for ThemeMissing {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _cx: &Context<'_>, _out: &mut Sink) {}

    fn check_site(&self, site: &Site, file: usize, out: &mut Sink) {
        for theme in site
            .hugo
            .themes
            .iter()
            .filter(|t| !t.present() && t.named.file == file)
        {
            let dir = theme.dir.strip_prefix(&site.root).unwrap_or(&theme.dir);
            out.push(
                Diagnostic::new(
                    &META,
                    theme.named.span.clone(),
                    format!("theme or module `{}` is not on disk", theme.name),
                )
                .label(format!("no folder {}", dir.display()))
                .help(
                    "its shortcodes and static files are unknown, so pagelint \
                        does not report shortcodes or site-absolute images as \
                        missing; run `git submodule update --init` or `hugo mod \
                        vendor`",
                ),
            );
        }
    }
}
