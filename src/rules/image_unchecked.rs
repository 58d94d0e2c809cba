//! `image-unchecked`: a render hook or image shortcode of the site or a theme whose logic
//! pagelint cannot read, so the images it rendered were not checked. One warning per
//! template, after every file was checked, saying how many.

use std::path::PathBuf;

use crate::diagnostic::{Diagnostic, Fixable, Severity, Sink};
use crate::rules::{Context, Rule, RuleMeta, TemplateFinding};
use crate::site::Site;

/// The `image-unchecked` rule (`rules/image-unchecked.md`).
pub struct ImageUnchecked;

static META: RuleMeta = RuleMeta {
    name: "image-unchecked",
    summary: "images rendered by a template whose lookups pagelint cannot read",
    severity: Severity::Warning,
    default_enabled: true,
    fixable: Fixable::No,
    doc: include_str!("../../rules/image-unchecked.md"),
};

/// The span of the template's first `<img`, else its first line.
fn img_span(text: &str) -> std::ops::Range<usize> {
    match text.find("<img") {
        Some(i) => i..i + 4,
        None => 0..text.find('\n').unwrap_or(text.len()),
    }
}

impl Rule for ImageUnchecked {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _cx: &Context<'_>, _out: &mut Sink) {}

    fn check_after_run(&self, site: &Site, out: &mut Vec<TemplateFinding>) {
        for (hook, count) in site.render_hooks().unchecked() {
            let (images, were) = if count == 1 {
                ("image", "was")
            } else {
                ("images", "were")
            };
            let d = Diagnostic::new(
                &META,
                img_span(&hook.text),
                format!("{count} {images} rendered by this template {were} not checked"),
            )
            .label("pagelint cannot tell which file this `src` names")
            .help(
                "pagelint reads hooks that look the destination up with \
                .Page.Resources.Get/GetMatch or resources.Get and otherwise write it \
                as-is (or through relURL/absURL); this one builds `src` another way, so its \
                images are not reported as broken",
            );
            out.push(TemplateFinding {
                path: PathBuf::from(&hook.path),
                text: hook.text.clone(),
                diagnostic: d,
            });
        }
    }
}
