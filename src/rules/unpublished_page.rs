//! `unpublished-page`: a page that a default production build (`hugo` with no
//! flags) leaves out, with the reason and, for a future or expired page, the
//! moment that changes: a draft, a `build` that does not render it, a publish
//! date after now, an expiry date before now. Also a `cascade` that makes the
//! pages it reaches drafts, future or expired.
//!
//! Now is `--now`, else `now` in `pagelint.toml`, else the real time. Dates
//! without an offset are in the site's `timeZone`, as Hugo reads them.

use chrono::{DateTime, FixedOffset};

use crate::config::publishing::UnpublishedOptions;
use crate::diagnostic::{Diagnostic, Severity, Sink};
use crate::frontmatter::date_chains::Resolved;
use crate::frontmatter::hugo_meta::{PageMeta, PageSource, Render, Unpublished};
use crate::frontmatter::{Node, NodeKind};
use crate::rules::{Context, Rule, RuleMeta};

/// The `unpublished-page` rule (`rules/unpublished-page.md`).
pub struct UnpublishedPage;

static META: RuleMeta = RuleMeta {
    name: "unpublished-page",
    summary:
        "a page that `hugo` leaves out: future or expired (drafts and unrendered pages when asked)",
    severity: Severity::Warning,
    default_enabled: true,
    fixable: crate::diagnostic::Fixable::No,
    doc: include_str!("../../rules/unpublished-page.md"),
};

/// `2026-12-01 08:00 +08:00` (seconds shown when not zero).
pub fn moment(at: DateTime<FixedOffset>) -> String {
    let time = if at.format("%S").to_string() == "00" {
        at.format("%Y-%m-%d %H:%M %:z")
    } else {
        at.format("%Y-%m-%d %H:%M:%S %:z")
    };
    time.to_string()
}

/// `in 3 hours`, `2 days ago`: the time from `now` to `at` in the largest unit
/// it reaches, rounded to the nearest whole one.
pub fn relative(at: DateTime<FixedOffset>, now: DateTime<FixedOffset>) -> String {
    let secs = (at - now).num_seconds();
    let n = secs.unsigned_abs();
    let (size, unit) = [
        (365 * 86_400, "year"),
        (30 * 86_400, "month"),
        (7 * 86_400, "week"),
        (86_400, "day"),
        (3_600, "hour"),
        (60, "minute"),
        (1, "second"),
    ]
    .into_iter()
    .find(|&(size, _)| n >= size)
    .unwrap_or((1, "second"));
    let count = (n + size / 2) / size;
    let plural = if count == 1 { "" } else { "s" };
    if secs >= 0 {
        format!("in {count} {unit}{plural}")
    } else {
        format!("{count} {unit}{plural} ago")
    }
}

fn entry_span(resolved: &Resolved<'_>, fallback: std::ops::Range<usize>) -> std::ops::Range<usize> {
    resolved
        .entry
        .map_or(fallback, |e| e.key_span.start..e.value.span.end)
}

/// The finding for one reason, or None when the options leave it out.
fn finding(
    why: Unpublished<'_>,
    now: DateTime<FixedOffset>,
    options: UnpublishedOptions,
    whose: &str,
    fallback: std::ops::Range<usize>,
) -> Option<Diagnostic> {
    let (span, message, label, help) = match why {
        Unpublished::Draft(draft) => {
            if !options.drafts {
                return None;
            }
            let span = draft
                .entry
                .map_or(fallback, |e| e.key_span.start..e.value.span.end);
            let key = draft.entry.map_or("draft", |e| e.key.as_str());
            (
                span,
                format!("{whose} a draft (`{key}`): `hugo` without --buildDrafts leaves it out"),
                "a draft",
                "set `draft: false` to publish it (reported because `drafts = true` under \
                 [unpublished-page] in pagelint.toml asks for drafts)"
                    .to_string(),
            )
        }
        Unpublished::NotRendered(build) => {
            if !options.not_rendered {
                return None;
            }
            let span = build
                .entry
                .map_or(fallback, |e| e.key_span.start..e.value.span.end);
            let how = if build.render == Render::Link {
                "link"
            } else {
                "never"
            };
            (
                span,
                format!("{whose} not rendered (`render: {how}`): Hugo writes no page for it"),
                "not rendered",
                "remove the build option to publish it".to_string(),
            )
        }
        Unpublished::Future(p) => {
            let at = p.at?;
            let ahead = (at - now).num_seconds();
            if options.window.is_some_and(|w| ahead >= w) {
                return None;
            }
            (
                entry_span(&p, fallback),
                format!(
                    "{whose} published from {}, {}: `hugo` before then leaves it out",
                    moment(at),
                    relative(at, now)
                ),
                "in the future",
                "a date later than intended (a time-zone slip?) hides the page until then; \
                 `hugo --buildFuture` publishes it anyway"
                    .to_string(),
            )
        }
        Unpublished::Expired(e) => {
            let at = e.at?;
            (
                entry_span(&e, fallback),
                format!(
                    "{whose} expired on {}, {}: `hugo` leaves it out",
                    moment(at),
                    relative(at, now)
                ),
                "expired",
                "remove the expiry date to publish it; `hugo --buildExpired` publishes it anyway"
                    .to_string(),
            )
        }
    };
    Some(
        Diagnostic::new(&META, span, message)
            .label(label)
            .help(help),
    )
}

/// The `cascade` maps of a section page: their values reach the pages below.
fn cascades(tree: &Node) -> Vec<&Node> {
    match tree.get("cascade").map(|e| &e.value.kind) {
        Some(NodeKind::Map(_)) => vec![&tree.get("cascade").expect("found").value],
        Some(NodeKind::List(items)) => items.iter().filter(|i| i.as_map().is_some()).collect(),
        _ => Vec::new(),
    }
}

impl Rule for UnpublishedPage {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        let Some(meta) = cx.page_meta() else { return };
        let options = cx.site.config.unpublished;
        let fallback = cx
            .doc
            .front_matter()
            .map_or(0..0, |fm| fm.delimiter.clone());
        if let Some(why) = meta.unpublished(cx.site.now) {
            out.extend(finding(
                why,
                cx.site.now,
                options,
                "this page is",
                fallback.clone(),
            ));
        }
        let Some(tree) = cx.doc.tree() else { return };
        for cascade in cascades(tree) {
            let page = PageSource::new(cascade, "");
            let meta = PageMeta::read(page, cx.site.date_settings(), cx.site.version);
            if let Some(why) = meta.unpublished(cx.site.now) {
                let whose = "every page this cascade reaches is";
                out.extend(finding(
                    why,
                    cx.site.now,
                    options,
                    whose,
                    cascade.span.clone(),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(s).unwrap()
    }

    #[test]
    fn moments_and_distances() {
        let now = at("2026-12-01T05:00:00+08:00");
        assert_eq!(
            moment(at("2026-12-01T08:00:00+08:00")),
            "2026-12-01 08:00 +08:00"
        );
        assert_eq!(
            moment(at("2026-12-01T08:00:05Z")),
            "2026-12-01 08:00:05 +00:00"
        );
        assert_eq!(relative(at("2026-12-01T08:00:00+08:00"), now), "in 3 hours");
        assert_eq!(relative(at("2026-12-01T06:00:00+08:00"), now), "in 1 hour");
        assert_eq!(relative(at("2026-11-29T05:00:00+08:00"), now), "2 days ago");
        assert_eq!(relative(at("2000-01-01T00:00:00Z"), now), "27 years ago");
        assert_eq!(
            relative(at("2026-12-01T05:00:30+08:00"), now),
            "in 30 seconds"
        );
    }
}
