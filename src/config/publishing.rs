//! The keys of `pagelint.toml` about when pages are published: `now` and the
//! `[unpublished-page]` table (README, *Configuration*).

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime};

use super::read::{ConfigError, Reader, Table};
use crate::frontmatter::{Node, NodeKind};

/// `[unpublished-page]`: what the `unpublished-page` rule reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct UnpublishedOptions {
    /// `window`: report future dates only when they are less than this many
    /// seconds ahead (the time-zone-slip case); None: any future date.
    pub window: Option<i64>,
    /// `drafts`: report drafts too (default false: a draft is left out on purpose).
    pub drafts: bool,
    /// `not-rendered`: report pages whose build options say not to render them
    /// (`build.render`, `headless`; default false: set on purpose too).
    pub not_rendered: bool,
}

/// Reads the `[unpublished-page]` table; a bad value is recorded on the
/// table's reader and leaves the default.
pub fn unpublished_options(t: &Table<'_, '_>) -> UnpublishedOptions {
    let mut options = UnpublishedOptions::default();
    if let Some(drafts) = t.bool("drafts") {
        options.drafts = drafts;
    }
    if let Some(not_rendered) = t.bool("not-rendered") {
        options.not_rendered = not_rendered;
    }
    if let Some((text, span)) = t.string("window") {
        match parse_duration(text) {
            Some(seconds) => options.window = Some(seconds),
            None => t.reader().error(ConfigError::new(
                format!("`{text}` is not a duration like \"12h\", \"3d\" or \"90m\""),
                span,
            )),
        }
    }
    options
}

/// `90m`, `12h`, `3d`, `2w` (an integer and a unit) in seconds.
pub fn parse_duration(text: &str) -> Option<i64> {
    let text = text.trim();
    let unit = text.chars().last()?;
    let n: i64 = text[..text.len() - unit.len_utf8()].trim().parse().ok()?;
    let scale = match unit {
        's' => 1,
        'm' => 60,
        'h' => 3600,
        'd' => 86_400,
        'w' => 604_800,
        _ => return None,
    };
    (n >= 0).then(|| n.checked_mul(scale)).flatten()
}

/// A moment for `now` / `--now`: RFC 3339 (`2026-12-01T08:00:00+08:00`), or a
/// date or date-time without an offset, taken as UTC (`2026-12-01`,
/// `2026-12-01T08:00:00`).
pub fn parse_now(text: &str) -> Option<DateTime<FixedOffset>> {
    let text = text.trim();
    if let Ok(d) = DateTime::parse_from_rfc3339(text) {
        return Some(d);
    }
    let utc = FixedOffset::east_opt(0)?;
    let wall = ["%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M"]
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(text, f).ok())
        .or_else(|| {
            NaiveDate::parse_from_str(text, "%Y-%m-%d")
                .ok()
                .map(|d| NaiveDateTime::new(d, NaiveTime::MIN))
        })?;
    wall.and_local_timezone(utc).single()
}

/// The `now` key: a string or a TOML date-time. None, with the mistake
/// recorded on `r`, when it is neither or does not parse.
pub fn now(r: &Reader<'_>, node: &Node) -> Option<DateTime<FixedOffset>> {
    let text = match &node.kind {
        NodeKind::String { value, .. } => value.as_str(),
        NodeKind::Datetime(value) => value.as_str(),
        _ => {
            r.wrong(node, "now", "a date-time");
            return None;
        }
    };
    let moment = parse_now(text);
    if moment.is_none() {
        r.error(ConfigError::new(
            format!("`{text}` is not a date-time like 2026-12-01T08:00:00+08:00"),
            node.span.clone(),
        ));
    }
    moment
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_and_moments() {
        assert_eq!(parse_duration("12h"), Some(43_200));
        assert_eq!(parse_duration("3d"), Some(259_200));
        assert_eq!(parse_duration("90m"), Some(5_400));
        assert_eq!(parse_duration("soon"), None);
        assert_eq!(parse_duration("-1h"), None);
        let d = parse_now("2026-12-01T08:00:00+08:00").unwrap();
        assert_eq!(d.to_rfc3339(), "2026-12-01T08:00:00+08:00");
        let d = parse_now("2026-12-01").unwrap();
        assert_eq!(d.to_rfc3339(), "2026-12-01T00:00:00+00:00");
        assert!(parse_now("tomorrow").is_none());
    }
}
