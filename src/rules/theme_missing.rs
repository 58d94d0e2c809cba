//! `theme-missing`: a theme or module the Hugo config names that is not on
//! disk, reported once per run against the Hugo config file.

use crate::diagnostic::{Diagnostic, Fixable, Severity, Sink};
use crate::rules::{Context, Rule, RuleMeta};
use crate::site::themes::{Component, State};
use crate::site::{Site, Unchecked};

/// The `theme-missing` rule (`rules/theme-missing.md`).
pub struct ThemeMissing;

static META: RuleMeta = RuleMeta {
    name: "theme-missing",
    summary: "a theme or module the Hugo config names is not on disk (or is empty)",
    severity: Severity::Warning,
    default_enabled: true,
    fixable: Fixable::No,
    doc: include_str!("../../rules/theme-missing.md"),
};

/// "12 shortcode calls and 40 site-absolute images were not checked", from the counts the
/// run gathered; None when nothing was skipped.
fn unchecked(site: &Site) -> Option<String> {
    let kinds = [
        (Unchecked::Shortcode, "shortcode call", "shortcode calls"),
        (
            Unchecked::Image,
            "site-absolute image",
            "site-absolute images",
        ),
        (Unchecked::Param, "`param` key", "`param` keys"),
        (Unchecked::Ref, "`ref` target", "`ref` targets"),
    ];
    let parts: Vec<String> = kinds
        .iter()
        .filter_map(|(k, one, many)| {
            let n = site.unchecked.get(*k);
            (n > 0).then(|| format!("{n} {}", if n == 1 { one } else { many }))
        })
        .collect();
    let list = match parts.as_slice() {
        [] => return None,
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    };
    let verb = if parts.len() == 1 && list.starts_with("1 ") {
        "was"
    } else {
        "were"
    };
    Some(format!("{list} {verb} not checked"))
}

fn finding(site: &Site, theme: &Component) -> Diagnostic {
    let dir = theme.dir.strip_prefix(&site.root).unwrap_or(&theme.dir);
    let (message, label, cause) = match theme.state {
        State::Empty => (
            format!("theme or module `{}` is an empty folder", theme.name),
            format!("{} holds no layouts, config or content", dir.display()),
            "a git submodule that was never checked out is such a folder: run `git \
                submodule update --init --recursive`"
                .to_string(),
        ),
        _ => (
            format!("theme or module `{}` is not on disk", theme.name),
            format!("no folder {}", dir.display()),
            "run `git submodule update --init --recursive`, `hugo mod get` or `hugo mod \
                vendor`; pagelint finds a theme under `themesDir` (from the Hugo config, not \
                a --themesDir flag), `_vendor/`, Hugo's module cache or a module replacement"
                .to_string(),
        ),
    };
    let what = unchecked(site)
        .map(|u| format!("{u}: "))
        .unwrap_or_default();
    Diagnostic::new(&META, theme.named.span.clone(), message)
        .label(label)
        .help(format!(
            "{what}its shortcodes, params, static files and content are unknown, so pagelint \
                reports none of them as missing; {cause}"
        ))
}

/// Whether the site has any template: a file in a layouts folder of the project or of a
/// present theme or module.
fn has_layouts(site: &Site) -> bool {
    let mut dirs = vec![site.root.join("layouts")];
    for t in site.hugo.themes.iter().filter(|t| t.present()) {
        for m in t.mounts.iter().filter(|m| m.component() == "layouts") {
            dirs.push(t.dir.join(&m.source));
        }
    }
    let mut stack = dirs;
    while let Some(d) = stack.pop() {
        let Ok(read) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in read.flatten() {
            match e.file_type() {
                Ok(t) if t.is_dir() => stack.push(e.path()),
                Ok(_) => return true,
                Err(_) => {}
            }
        }
    }
    false
}

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
            out.push(finding(site, theme));
        }
        let main = site.hugo.project_files > 0 && file == 0;
        if main && site.hugo.themes.is_empty() && !has_layouts(site) {
            let text = &site.hugo.files[0].text;
            let first_line = 0..text.find(['\n', '\r']).unwrap_or(text.len());
            out.push(
                Diagnostic::new(
                    &META,
                    first_line,
                    "the site has no layouts and no theme: Hugo will publish no pages",
                )
                .label("no theme named here, and layouts/ has no template")
                .help(
                    "Hugo renders pages with templates from layouts/ or a theme; name a theme \
                        (`theme = \"name\"`) or add layouts/_default/single.html",
                ),
            );
        }
    }
}
