//! `hugo-field`: a value of one of Hugo's own front matter keys that the
//! checked Hugo release refuses (an error: the build stops) or silently
//! misreads (a warning: `draft: yes` is a published page from Hugo 0.152).
//! Applied to every page with no configuration; each check names the Hugo
//! release that changed it (see [`crate::version::Behaviour`]).
//!
//! Hugo's date keys are `date-format`'s; pages that are drafts, future,
//! expired or not rendered are `unpublished-page`'s.

use crate::diagnostic::{Diagnostic, Severity, Sink};
use crate::frontmatter::hugo_meta::parse_bool;
use crate::frontmatter::{Entry, Node, NodeKind};
use crate::rules::{Context, Rule, RuleMeta};
use crate::site::Site;
use crate::version::{Behaviour, HugoVersion};

mod values;

/// The `hugo-field` rule (`rules/hugo-field.md`).
pub struct HugoField;

static META: RuleMeta = RuleMeta {
    name: "hugo-field",
    summary: "a value of Hugo's own front matter keys that Hugo refuses or misreads",
    severity: Severity::Error,
    default_enabled: true,
    fixable: crate::diagnostic::Fixable::Unsafe,
    doc: include_str!("../../../rules/hugo-field.md"),
};

/// An error: Hugo stops the build on this value.
fn fatal(span: std::ops::Range<usize>, message: String, help: String) -> Diagnostic {
    Diagnostic::new(&META, span, message)
        .label("Hugo stops the build here")
        .help(help)
}

/// A warning: Hugo builds, but reads the value otherwise than written.
fn misread(span: std::ops::Range<usize>, message: String, help: String) -> Diagnostic {
    Diagnostic::new(&META, span, message)
        .label("misread by Hugo")
        .help(help)
        .severity(Severity::Warning)
}

/// Words YAML 1.1 (Hugo up to 0.151) reads as true.
fn yaml11_true(s: &str) -> bool {
    matches!(
        s,
        "y" | "Y" | "yes" | "Yes" | "YES" | "on" | "On" | "ON" | "true" | "True" | "TRUE"
    )
}

/// Words YAML 1.1 reads as false.
fn yaml11_false(s: &str) -> bool {
    matches!(s, "n" | "N" | "no" | "No" | "NO" | "off" | "Off" | "OFF")
}

/// `draft` holding a string that `cast.ToBool` reads as false although it
/// says yes (`"yes"`, or from Hugo 0.152 a plain `yes`, `on`, `y`): the page
/// is published. `whose` says what the draft flag applies to.
fn draft_misread(entry: &Entry, v: HugoVersion, whose: &str) -> Option<Diagnostic> {
    let NodeKind::String { value, quoted } = &entry.value.kind else {
        return None;
    };
    if parse_bool(value).is_some() || yaml11_false(value) {
        return None;
    }
    let message = if !quoted && yaml11_true(value) && v.has(Behaviour::GoccyYaml) {
        format!(
            "Hugo ≥ 0.152 reads `{value}` as a string, and a string other than true or \
             false as false: {whose} published, not a draft"
        )
    } else {
        format!(
            "`draft` is the string `{value}`, which Hugo reads as false: {whose} published, \
             not a draft"
        )
    };
    let d = misread(
        entry.value.span.clone(),
        message,
        "write `draft: true` (or `false`)".into(),
    );
    Some(d.fix(crate::diagnostic::Fix::unsafe_(
        entry.value.span.clone(),
        if yaml11_true(value) { "true" } else { "false" },
    )))
}

/// `url` and `aliases` with `http://` or `https://` (`setMetaPostParams`).
fn urls(entry: &Entry, key: &str, out: &mut Sink) {
    let items: Vec<&Node> = match &entry.value.kind {
        NodeKind::List(items) => items.iter().collect(),
        _ => vec![&entry.value],
    };
    for item in items {
        let Some(s) = item.as_str() else { continue };
        if s.starts_with("http://") || s.starts_with("https://") {
            let what = if key == "url" { "URLs" } else { "aliases" };
            let after_scheme = s.split_once("://").map_or(s, |(_, rest)| rest);
            let path = after_scheme.find('/').map_or("/", |i| &after_scheme[i..]);
            out.push(fatal(
                item.span.clone(),
                format!(
                    "`{}` is an absolute URL: Hugo does not support {what} with a scheme",
                    entry.key
                ),
                format!(
                    "write the path alone, `{path}`; Hugo fails with: http* {what} not supported"
                ),
            ));
        }
    }
}

/// A value that must be a map (`build`, `_build`, `params`): a string, number,
/// bool or list stops the build; null does where `null_fatal`.
fn must_be_map(entry: &Entry, null_fatal: bool, help: &str, out: &mut Sink) {
    let bad = match entry.value.kind {
        NodeKind::Map(_) => false,
        NodeKind::Null => null_fatal,
        _ => true,
    };
    if bad {
        out.push(fatal(
            entry.value.span.clone(),
            format!(
                "`{}` must be a map of settings, not a {}",
                entry.key,
                entry.value.type_name()
            ),
            help.to_string(),
        ));
    }
}

fn check_entry(entry: &Entry, cx: &Context<'_>, has_underscore_build: bool, out: &mut Sink) {
    let v = cx.site.version;
    match entry.key.to_lowercase().as_str() {
        "draft" => out.extend(draft_misread(entry, v, "this page is")),
        key @ ("url" | "aliases") => urls(entry, key, out),
        "build" if v.has(Behaviour::BuildOptionsKey) && !has_underscore_build => must_be_map(
            entry,
            false,
            "Hugo 0.123 and later read `build` as the build options (`render`, `list`, \
             `publishResources`); put a parameter of your own under `params`",
            out,
        ),
        "_build" if v.has(Behaviour::UnderscoreBuildFatal) => out.push(fatal(
            entry.key_span.clone(),
            "`_build` was removed in Hugo 0.160 (deprecated since 0.145)".into(),
            "rename it to `build`".into(),
        )),
        "_build" => must_be_map(entry, false, "`_build` holds the build options", out),
        "params" if v.has(Behaviour::ParamsMap) => must_be_map(
            entry,
            v.has(Behaviour::NullParamsFatal),
            "Hugo 0.123 and later merge `params` into the page's parameters: give it a map, \
             or remove it",
            out,
        ),
        "cascade" => values::cascade(entry, v, out),
        "markup" => values::markup(entry, cx.site, out),
        "outputs" => values::outputs(entry, cx.site, out),
        key @ ("kind" | "lang" | "path") => values::kind_lang_path(entry, key, v, out),
        _ => {}
    }
}

impl Rule for HugoField {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        values::content_file(cx, out);
        let Some(entries) = cx.doc.tree().and_then(Node::as_map) else {
            return;
        };
        let has_underscore_build = entries.iter().any(|e| e.key.eq_ignore_ascii_case("_build"));
        for entry in entries {
            check_entry(entry, cx, has_underscore_build, out);
        }
    }

    fn check_site(&self, site: &Site, file: usize, out: &mut Sink) {
        values::site_config(site, file, out);
    }
}
