//! The argument checks of Hugo's built-in shortcodes, per release, for the
//! `shortcode-args` rule: what each embedded template (`tpl/tplimpl/embedded/
//! templates/_shortcodes/`) checks with `errorf` before it renders, and
//! `[privacy]` settings that make youtube, vimeo, instagram and x render
//! nothing and check nothing.

use crate::body::Tag;
use crate::diagnostic::{Diagnostic, RuleMeta};
use crate::rules::Context;
use crate::version::Behaviour;

/// A required argument: its name, and its position when it may be given positionally.
type Required = (&'static str, Option<usize>);

/// Whether `[privacy.SERVICE] disable = true` (for `x`, also `privacy.twitter`
/// from 0.141 to 0.164, which Hugo copies to `privacy.x`).
fn disabled(cx: &Context<'_>, service: &str) -> bool {
    let on = |s: &str| cx.site.hugo.is_true(&format!("privacy.{s}.disable"));
    on(service)
        || (service == "x"
            && cx.site.version.has(Behaviour::TwitterPrivacyAppliesToX)
            && on("twitter"))
}

/// The arguments a built-in needs in the checked release, where leaving them
/// out stops the build; None when it checks nothing (or is disabled).
fn required(name: &str, cx: &Context<'_>) -> Option<&'static [Required]> {
    let v = cx.site.version;
    Some(match name {
        "youtube" if v.has(Behaviour::YoutubeNeedsId) && !disabled(cx, "youtube") => {
            &[("id", Some(0))]
        }
        "vimeo" if v.has(Behaviour::VimeoNeedsId) && !disabled(cx, "vimeo") => &[("id", Some(0))],
        "instagram" if !v.has(Behaviour::InstagramNeedsToken) && !disabled(cx, "instagram") => {
            &[("", Some(0))]
        }
        "x" | "x_simple" if !disabled(cx, "x") => &[("user", None), ("id", None)],
        "gist" => &[("user", Some(0)), ("id", Some(1))],
        "ref" | "relref" => &[("path", Some(0))],
        _ => return None,
    })
}

fn missing(meta: &'static RuleMeta, tag: &Tag, what: &str, help: String) -> Diagnostic {
    Diagnostic::new(
        meta,
        tag.span.clone(),
        format!("`{}` needs {what}", tag.name),
    )
    .label("missing argument")
    .help(help)
}

/// The findings of one built-in shortcode call. `inner` is the text between
/// its opening and closing tags, when it is closed.
pub fn check(
    meta: &'static RuleMeta,
    tag: &Tag,
    inner: Option<&str>,
    cx: &Context<'_>,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (name, position) in required(&tag.name, cx).unwrap_or_default() {
        if tag.param(name, *position).is_none() {
            let (what, how) = match (name.is_empty(), position) {
                (true, _) => (
                    "an id".to_string(),
                    format!("write {{{{< {} ID >}}}}", tag.name),
                ),
                (false, Some(p)) => (
                    format!("`{name}`"),
                    format!(
                        "write {{{{< {} {name}=\"...\" >}}}} or give it as argument {}",
                        tag.name,
                        p + 1
                    ),
                ),
                (false, None) => (
                    format!("`{name}`"),
                    format!("write {{{{< {} {name}=\"...\" >}}}}", tag.name),
                ),
            };
            out.push(missing(meta, tag, &what, how));
        }
    }
    match tag.name.as_str() {
        "instagram" => instagram_token(meta, tag, cx, &mut out),
        "qr" => qr(meta, tag, inner, &mut out),
        "highlight"
            if cx.site.version.has(Behaviour::HighlightNeedsLanguage)
                && tag.param("", Some(0)).is_none() =>
        {
            out.push(missing(
                meta,
                tag,
                "a language",
                "write {{< highlight go >}}; Hugo before 0.162 fails without one".into(),
            ));
        }
        _ => {}
    }
    out
}

/// Hugo before 0.123: `instagram` needs `services.instagram.accessToken`.
fn instagram_token(
    meta: &'static RuleMeta,
    tag: &Tag,
    cx: &Context<'_>,
    out: &mut Vec<Diagnostic>,
) {
    let v = cx.site.version;
    if !v.has(Behaviour::InstagramNeedsToken) || disabled(cx, "instagram") {
        return;
    }
    let configured = cx.site.hugo.get("services.instagram.accessToken").is_some()
        || std::env::var_os("HUGO_SERVICES_INSTAGRAM_ACCESSTOKEN").is_some();
    if !configured {
        out.push(missing(
            meta,
            tag,
            "`services.instagram.accessToken` in the Hugo config",
            "Hugo before 0.123 fails without it (or set HUGO_SERVICES_INSTAGRAM_ACCESSTOKEN); \
             or set [privacy.instagram] disable = true"
                .into(),
        ));
    }
}

/// `qr` (Hugo 0.141 on): text (or non-blank inner text), `level` one of low,
/// medium, quartile, high, `scale` an integer of at least 2.
fn qr(meta: &'static RuleMeta, tag: &Tag, inner: Option<&str>, out: &mut Vec<Diagnostic>) {
    let text = tag.param("text", None).is_some_and(|p| !p.value.is_empty());
    if !text && inner.is_none_or(|t| t.trim().is_empty()) {
        out.push(missing(
            meta,
            tag,
            "`text` or inner content",
            "write {{< qr text=\"...\" />}} or put the text between {{< qr >}} and {{< /qr >}}"
                .into(),
        ));
    }
    if let Some(level) = tag.param("level", None).filter(|p| !p.value.is_empty()) {
        if !["low", "medium", "quartile", "high"].contains(&level.value.as_str()) {
            out.push(
                Diagnostic::new(
                    meta,
                    level.span.clone(),
                    format!("`qr` level `{}` is not low, medium, quartile or high", level.value),
                )
                .label("unknown level")
                .help("Hugo fails with: The \"level\" argument ... must be one of low, medium, quartile, or high"),
            );
        }
    }
    if let Some(scale) = tag.param("scale", None).filter(|p| !p.quoted) {
        let small = scale.value.parse::<i64>().map_or_else(
            |_| {
                scale
                    .value
                    .parse::<f64>()
                    .is_ok_and(|f| f < 2.0 || f.fract() != 0.0)
            },
            |n| (0..2).contains(&n) || n < 0,
        );
        if small {
            out.push(
                Diagnostic::new(
                    meta,
                    scale.span.clone(),
                    format!("`qr` scale `{}` is not an integer of at least 2", scale.value),
                )
                .label("too small")
                .help("Hugo fails with: The \"scale\" argument ... must be an integer greater than or equal to 2"),
            );
        }
    }
}
