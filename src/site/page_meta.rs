//! What other pages' front matter says, as far as the linted page depends on it: another
//! page's `cascade` and whether Hugo's default build publishes it (draft, future, expired).
//!
//! Hugo: `resources/page/pagemeta/page_frontmatter.go` (the date keys and their aliases:
//! publish date ← `publishDate`, `pubdate`, `published`, `date`; expiry ← `expiryDate`,
//! `unpublishdate`), `hugolib/site.go` `shouldBuild` (a draft, a publish date in the future or
//! an expiry date in the past is not built without `-D`, `-F`, `-E`), `published: false`
//! meaning draft.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use rustc_hash::FxHashMap;

use crate::frontmatter::{self, Node, NodeKind};
use crate::version::HugoVersion;

/// Whether Hugo's default build (`hugo`, no `-D`/`-F`/`-E`) publishes a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Publish {
    /// Built (or pagelint cannot tell that it is not).
    Yes,
    /// `draft: true` or `published: false`.
    Draft,
    /// Its publish date is more than a day ahead.
    Future,
    /// Its expiry date is more than a day past.
    Expired,
}

impl Publish {
    /// A short reason for messages: `a draft`, `dated in the future`, `expired`.
    pub fn reason(self) -> &'static str {
        match self {
            Publish::Yes => "published",
            Publish::Draft => "a draft",
            Publish::Future => "dated in the future",
            Publish::Expired => "expired",
        }
    }
}

/// Front matter trees of content files read on demand, each at most once per run.
#[derive(Debug, Default)]
pub struct FrontMatters {
    read: Mutex<FxHashMap<PathBuf, Option<Arc<Node>>>>,
}

impl FrontMatters {
    /// The parsed front matter of the file at `path`; None when it cannot be read or has
    /// none that parses.
    pub fn get(&self, path: &Path, version: HugoVersion) -> Option<Arc<Node>> {
        if let Some(t) = self
            .read
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(path)
        {
            return t.clone();
        }
        let tree = std::fs::read(path).ok().and_then(|bytes| {
            let text = String::from_utf8_lossy(&bytes);
            frontmatter::split(&text, version)
                .front_matter
                .and_then(|fm| fm.tree.ok())
                .map(Arc::new)
        });
        self.read
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(path.to_path_buf(), tree.clone());
        tree
    }
}

/// Go's `cast.ToBool` of a front matter value: booleans, `strconv.ParseBool` strings, non-zero
/// numbers. None when it is not a boolean to Hugo.
pub fn to_bool(node: &Node) -> Option<bool> {
    match &node.kind {
        NodeKind::Bool(b) => Some(*b),
        NodeKind::Int(i) => Some(*i != 0),
        NodeKind::String { value, .. } => match value.as_str() {
            "1" | "t" | "T" | "TRUE" | "true" | "True" => Some(true),
            "0" | "f" | "F" | "FALSE" | "false" | "False" => Some(false),
            _ => None,
        },
        _ => None,
    }
}

/// A front matter date as UTC, when pagelint can read it for sure: a TOML datetime, Unix
/// seconds, or a string starting `YYYY-MM-DD` (with an optional `THH:MM:SS` and offset) that
/// Hugo also parses. Dates without a zone are taken as UTC; callers allow a day's slack.
pub fn date_of(node: &Node) -> Option<DateTime<Utc>> {
    let s = match &node.kind {
        NodeKind::Int(secs) => return DateTime::from_timestamp(*secs, 0),
        NodeKind::Datetime(s) => s.as_str(),
        NodeKind::String { value, .. } if frontmatter::hugo_date::hugo_parses(value) => value,
        _ => return None,
    };
    if let Ok(d) = DateTime::parse_from_rfc3339(&s.replace(' ', "T")) {
        return Some(d.with_timezone(&Utc));
    }
    let head = s.get(..19).unwrap_or(s).replace(' ', "T");
    if let Ok(d) = NaiveDateTime::parse_from_str(&head, "%Y-%m-%dT%H:%M:%S") {
        return Some(d.and_utc());
    }
    let day = NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok()?;
    Some(day.and_hms_opt(0, 0, 0)?.and_utc())
}

/// Whether Hugo's default build publishes a page whose (effective) front matter values are
/// given by `get` (lowercase key → value; the page's own, then its cascades). Dates within a
/// day of `now` count as published: the site's time zone is not modelled.
pub fn publish_state(get: &dyn Fn(&str) -> Option<Node>, now: DateTime<Utc>) -> Publish {
    if get("draft").as_ref().and_then(to_bool) == Some(true)
        || get("published").as_ref().and_then(to_bool) == Some(false)
    {
        return Publish::Draft;
    }
    let slack = chrono::Duration::days(1);
    let first_date = |keys: &[&str]| keys.iter().find_map(|k| get(k).as_ref().and_then(date_of));
    if let Some(d) = first_date(&["publishdate", "pubdate", "published", "date"]) {
        if d > now + slack {
            return Publish::Future;
        }
    }
    if let Some(d) = first_date(&["expirydate", "unpublishdate"]) {
        if d < now - slack {
            return Publish::Expired;
        }
    }
    Publish::Yes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::frontmatter::yaml;

    fn state(fm: &str) -> Publish {
        let tree = yaml::parse(fm).unwrap();
        let now = DateTime::parse_from_rfc3339("2026-06-01T12:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        publish_state(&|k| tree.get(k).map(|e| e.value.clone()), now)
    }

    #[test]
    fn default_build() {
        assert_eq!(state("title: a"), Publish::Yes);
        assert_eq!(state("draft: true"), Publish::Draft);
        assert_eq!(state("Draft: \"true\""), Publish::Draft);
        assert_eq!(state("published: false"), Publish::Draft);
        assert_eq!(state("date: 2030-01-01"), Publish::Future);
        assert_eq!(state("date: 2026-06-02"), Publish::Yes, "within a day");
        assert_eq!(
            state("date: 2020-01-01\npublishDate: 2030-01-01"),
            Publish::Future
        );
        assert_eq!(
            state("expiryDate: 2020-01-01T10:00:00+02:00"),
            Publish::Expired
        );
        assert_eq!(
            state("date: 2030-13-45"),
            Publish::Yes,
            "unreadable: assume built"
        );
        assert_eq!(state("date: 1999-01-01"), Publish::Yes);
    }
}
