//! Hugo's four page dates, read from front matter through its date chains.
//!
//! Hugo's `FrontMatterHandler` (`resources/page/pagemeta/page_frontmatter.go`)
//! sets each of a page's four dates from a chain of front matter keys and
//! special sources, by default:
//!
//! | date | chain |
//! |---|---|
//! | `date` | date, publishdate, pubdate, published, lastmod, modified |
//! | `lastmod` | :git, lastmod, modified, date, publishdate, pubdate, published |
//! | `publishDate` | publishdate, pubdate, published, date |
//! | `expiryDate` | expirydate, unpublishdate |
//!
//! The site's `[frontmatter]` table replaces a chain (`:default` stands for
//! the default one), and `DecodeFrontMatterConfig` always adds a key's aliases
//! after it (`lastmod` brings `modified`, `publishdate` brings `pubdate` and
//! `published`, `expirydate` brings `unpublishdate`).
//!
//! Each chain tries its sources in order and stops at the first that gives a
//! date (`newChainedFrontMatterFieldHandler`): a key missing from the page is
//! skipped, and so are `""` and null from Hugo 0.136. From 0.135 a key whose
//! value does not parse logs an ERROR (the build fails) and the chain goes on;
//! before 0.135 it was skipped silently. So a key after one that parses is
//! never read, and a key in no chain is a plain parameter.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime};

use super::hugo_date::{self, GoTime};
use super::tree::{Entry, Node, NodeKind};
use crate::version::{Behaviour, HugoVersion};

/// One of a page's four dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateKind {
    /// `.Date`
    Date,
    /// `.Lastmod`
    Lastmod,
    /// `.PublishDate`: a page is future (not published) while it is after now.
    PublishDate,
    /// `.ExpiryDate`: a page is expired (not published) once it is before now.
    ExpiryDate,
}

/// The chains of the four dates, as Hugo's `DecodeFrontMatterConfig` builds
/// them: lower-cased, `:default` expanded, aliases added, no duplicates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateChains {
    /// The chain of `.Date`.
    pub date: Vec<String>,
    /// The chain of `.Lastmod`.
    pub lastmod: Vec<String>,
    /// The chain of `.PublishDate`.
    pub publish_date: Vec<String>,
    /// The chain of `.ExpiryDate`.
    pub expiry_date: Vec<String>,
}

const DEFAULT_DATE: &[&str] = &["date", "publishdate", "lastmod"];
const DEFAULT_LASTMOD: &[&str] = &[":git", "lastmod", "date", "publishdate"];
const DEFAULT_PUBLISH: &[&str] = &["publishdate", "date"];
const DEFAULT_EXPIRY: &[&str] = &["expirydate"];

/// Hugo's `dateFieldAliases`.
fn aliases(key: &str) -> &'static [&'static str] {
    match key {
        "lastmod" => &["modified"],
        "publishdate" => &["pubdate", "published"],
        "expirydate" => &["unpublishdate"],
        _ => &[],
    }
}

impl Default for DateChains {
    fn default() -> Self {
        DateChains::from_config(None)
    }
}

impl DateChains {
    /// The chains for a site whose Hugo config has `frontmatter` (the
    /// `[frontmatter]` table, keys `date`, `lastmod`, `publishDate`,
    /// `expiryDate`, each a list of keys or one key), or the defaults.
    pub fn from_config(frontmatter: Option<&Node>) -> DateChains {
        let configured = |name: &str| -> Option<Vec<String>> {
            let value = &frontmatter?.get(name)?.value;
            Some(match &value.kind {
                NodeKind::List(items) => items
                    .iter()
                    .filter_map(|i| i.as_str().map(str::to_lowercase))
                    .collect(),
                NodeKind::String { value, .. } => {
                    value.split_whitespace().map(str::to_lowercase).collect()
                }
                _ => Vec::new(),
            })
        };
        let chain = |name: &str, default: &[&str]| -> Vec<String> {
            let values = configured(name).unwrap_or_else(|| vec![":default".to_string()]);
            let mut out: Vec<String> = Vec::new();
            for v in values {
                let expanded: Vec<String> = if v == ":default" {
                    default.iter().map(|s| s.to_string()).collect()
                } else {
                    vec![v]
                };
                for key in expanded {
                    let with_aliases = aliases(&key).iter().map(|a| a.to_string());
                    for k in std::iter::once(key.clone()).chain(with_aliases) {
                        if !out.contains(&k) {
                            out.push(k);
                        }
                    }
                }
            }
            out
        };
        DateChains {
            date: chain("date", DEFAULT_DATE),
            lastmod: chain("lastmod", DEFAULT_LASTMOD),
            publish_date: chain("publishdate", DEFAULT_PUBLISH),
            expiry_date: chain("expirydate", DEFAULT_EXPIRY),
        }
    }

    /// Whether a front matter key (any case) is in a chain: Hugo reads it as a date.
    pub fn is_date_key(&self, key: &str) -> bool {
        let key = key.to_lowercase();
        self.all().any(|(_, chain)| chain.contains(&key))
    }

    fn all(&self) -> impl Iterator<Item = (DateKind, &Vec<String>)> {
        [
            (DateKind::Date, &self.date),
            (DateKind::Lastmod, &self.lastmod),
            (DateKind::PublishDate, &self.publish_date),
            (DateKind::ExpiryDate, &self.expiry_date),
        ]
        .into_iter()
    }
}

/// What the site's Hugo config says about reading dates.
#[derive(Debug, Clone, Default)]
pub struct DateSettings {
    /// The four chains.
    pub chains: DateChains,
    /// `timeZone`: where a date without an offset is. None: UTC.
    pub time_zone: Option<chrono_tz::Tz>,
    /// `enableGitInfo = true`: `:git` in a chain may give the date.
    pub git_info: bool,
}

impl DateSettings {
    /// The offset of the site's time zone at the wall clock time `wall` (UTC
    /// when no `timeZone` is set).
    pub fn offset_at(&self, wall: NaiveDateTime) -> FixedOffset {
        use chrono::{Offset, TimeZone};
        match self.time_zone {
            None => FixedOffset::east_opt(0).expect("zero offset"),
            Some(tz) => tz
                .offset_from_local_datetime(&wall)
                .earliest()
                .map_or_else(|| tz.offset_from_utc_datetime(&wall).fix(), |o| o.fix()),
        }
    }
}

/// Why Hugo cannot read a date key's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Invalid {
    /// A string that no layout parses.
    Unparsable,
    /// A string of only blanks (always), or `""` / null (Hugo 0.135 only).
    Blank,
    /// A value of a type that is never a date: a bool, a float, a list, a map
    /// (and in JSON front matter, any number, which Go decodes as a float).
    WrongType,
}

/// A front matter key a chain read and could not use.
#[derive(Debug, Clone)]
pub struct InvalidDate<'t> {
    /// The key and its value.
    pub entry: &'t Entry,
    /// Why.
    pub why: Invalid,
    /// Whether it stops the build (Hugo 0.135 and later); before, the key is
    /// silently skipped.
    pub fatal: bool,
}

/// A date a chain settled on.
#[derive(Debug, Clone, Copy)]
pub struct Resolved<'t> {
    /// The instant, when pagelint knows it (not for `:git` or `:fileModTime`).
    pub at: Option<DateTime<FixedOffset>>,
    /// The front matter key that gave it; None for `:git`, `:filename`, `:fileModTime`.
    pub entry: Option<&'t Entry>,
}

/// A page's four dates as Hugo reads them, and the keys it could not read.
#[derive(Debug, Clone, Default)]
pub struct PageDates<'t> {
    /// `.Date`.
    pub date: Option<Resolved<'t>>,
    /// `.Lastmod`.
    pub lastmod: Option<Resolved<'t>>,
    /// `.PublishDate`.
    pub publish_date: Option<Resolved<'t>>,
    /// `.ExpiryDate`.
    pub expiry_date: Option<Resolved<'t>>,
    /// Each key some chain read and could not parse, once, in source order.
    pub invalid: Vec<InvalidDate<'t>>,
}

/// What a page is, for the date chains: where its dates live and its file name.
#[derive(Debug, Clone, Copy)]
pub struct DateSource<'t> {
    /// The front matter map.
    pub tree: &'t Node,
    /// JSON front matter: every number is a float to Go.
    pub json: bool,
    /// The file's base name without extension, or the bundle's folder name for
    /// `index.md`, for `:filename`.
    pub base_name: &'t str,
}

/// Reads a page's dates as `version` of Hugo does with `settings`.
pub fn read<'t>(
    page: DateSource<'t>,
    settings: &DateSettings,
    version: HugoVersion,
) -> PageDates<'t> {
    let mut dates = PageDates::default();
    for (kind, chain) in settings.chains.all() {
        let resolved = run_chain(chain, page, settings, version, &mut dates.invalid);
        match kind {
            DateKind::Date => dates.date = resolved,
            DateKind::Lastmod => dates.lastmod = resolved,
            DateKind::PublishDate => dates.publish_date = resolved,
            DateKind::ExpiryDate => dates.expiry_date = resolved,
        }
    }
    dates.invalid.sort_by_key(|i| i.entry.key_span.start);
    dates
}

fn run_chain<'t>(
    chain: &[String],
    page: DateSource<'t>,
    settings: &DateSettings,
    version: HugoVersion,
    invalid: &mut Vec<InvalidDate<'t>>,
) -> Option<Resolved<'t>> {
    let fatal = version.has(Behaviour::DatesValidated);
    for source in chain {
        match source.as_str() {
            ":git" if settings.git_info => {
                return Some(Resolved {
                    at: None,
                    entry: None,
                })
            }
            ":filemodtime" => {
                return Some(Resolved {
                    at: None,
                    entry: None,
                })
            }
            ":filename" if filename_date(page.base_name) => {
                return Some(Resolved {
                    at: None,
                    entry: None,
                })
            }
            s if s.starts_with(':') => continue,
            key => {
                let Some(entry) = page.tree.get(key) else {
                    continue;
                };
                match read_value(&entry.value, page.json, settings, version) {
                    Read::Date(at) => {
                        return Some(Resolved {
                            at,
                            entry: Some(entry),
                        })
                    }
                    Read::Skip => continue,
                    Read::Invalid(why) => {
                        if !invalid.iter().any(|i| std::ptr::eq(i.entry, entry)) {
                            invalid.push(InvalidDate { entry, why, fatal });
                        }
                    }
                }
            }
        }
    }
    None
}

enum Read {
    /// A date (its instant when pagelint can tell).
    Date(Option<DateTime<FixedOffset>>),
    /// Not a date, and not an error: the chain goes on.
    Skip,
    /// Not a date: an error from 0.135, a silent skip before.
    Invalid(Invalid),
}

/// cast's `ToTimeInDefaultLocationE` on one value (`newDateFieldHandler`).
fn read_value(value: &Node, json: bool, settings: &DateSettings, version: HugoVersion) -> Read {
    let blank = || {
        if version.has(Behaviour::BlankDatesSkipped) || !version.has(Behaviour::DatesValidated) {
            Read::Skip
        } else {
            Read::Invalid(Invalid::Blank)
        }
    };
    match &value.kind {
        NodeKind::Null => blank(),
        NodeKind::String { value: s, .. } if s.is_empty() => blank(),
        NodeKind::String { value: s, .. } if s.trim().is_empty() => Read::Invalid(Invalid::Blank),
        NodeKind::String { value: s, .. } => match hugo_date::parse(s, GoTime::of(version)) {
            Some(d) => Read::Date(Some(d.instant(|wall| settings.offset_at(wall)))),
            None => Read::Invalid(Invalid::Unparsable),
        },
        NodeKind::Int(_) if json => Read::Invalid(Invalid::WrongType),
        NodeKind::Int(i) => Read::Date(hugo_date::unix(*i)),
        NodeKind::Datetime(s) => Read::Date(toml_datetime(s, settings)),
        NodeKind::Bool(_) | NodeKind::Float(_) | NodeKind::List(_) | NodeKind::Map(_) => {
            Read::Invalid(Invalid::WrongType)
        }
    }
}

/// A TOML date-time as written: an offset date-time is that instant; a local
/// date-time or date is a wall clock time in the site's time zone; a local
/// time has no date (None).
fn toml_datetime(s: &str, settings: &DateSettings) -> Option<DateTime<FixedOffset>> {
    if let Ok(d) = DateTime::parse_from_rfc3339(&s.replace(' ', "T")) {
        return Some(d);
    }
    let wall = NaiveDateTime::parse_from_str(&s.replace(' ', "T"), "%Y-%m-%dT%H:%M:%S%.f")
        .or_else(|_| NaiveDateTime::parse_from_str(&s.replace(' ', "T"), "%Y-%m-%dT%H:%M"))
        .ok()
        .or_else(|| {
            let date = NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()?;
            Some(NaiveDateTime::new(date, NaiveTime::MIN))
        })?;
    let offset = settings.offset_at(wall);
    Some(wall.and_local_timezone(offset).single()?.fixed_offset())
}

/// Whether a file name starts with a date `:filename` takes (`2025-05-13-slug`).
fn filename_date(base: &str) -> bool {
    base.get(..10)
        .is_some_and(|d| hugo_date::parse(d, GoTime::GO_1_19).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::frontmatter::yaml;

    fn chains(toml: &str) -> DateChains {
        let tree = crate::frontmatter::toml::parse(toml).unwrap();
        DateChains::from_config(tree.get("frontmatter").map(|e| &e.value))
    }

    #[test]
    fn default_chains_have_the_aliases() {
        let c = DateChains::default();
        assert_eq!(
            c.date,
            [
                "date",
                "publishdate",
                "pubdate",
                "published",
                "lastmod",
                "modified"
            ]
        );
        assert_eq!(
            c.publish_date,
            ["publishdate", "pubdate", "published", "date"]
        );
        assert_eq!(c.expiry_date, ["expirydate", "unpublishdate"]);
        assert!(c.is_date_key("PubDate"));
        assert!(!c.is_date_key("mydate"));
    }

    #[test]
    fn configured_chains_keep_aliases() {
        let c =
            chains("[frontmatter]\ndate = [\"mydate\", \":default\"]\nlastmod = [\"lastmod\"]\n");
        assert_eq!(c.date[0], "mydate");
        assert!(c.date.contains(&"published".to_string()));
        assert_eq!(c.lastmod, ["lastmod", "modified"]);
        let c = chains("[frontmatter]\nlastmod = [\":fileModTime\"]\n");
        assert!(!c.is_date_key("lastmod") || c.date.contains(&"lastmod".to_string()));
    }

    fn read_yaml(yaml_text: &str, version: &str) -> (Vec<String>, Option<String>) {
        let tree = yaml::parse(yaml_text).unwrap();
        let v: HugoVersion = version.parse().unwrap();
        let source = DateSource {
            tree: &tree,
            json: false,
            base_name: "case",
        };
        let dates = read(source, &DateSettings::default(), v);
        let invalid = dates
            .invalid
            .iter()
            .filter(|i| i.fatal)
            .map(|i| i.entry.key.clone())
            .collect();
        let publish = dates
            .publish_date
            .and_then(|r| r.at)
            .map(|d| d.to_rfc3339());
        (invalid, publish)
    }

    #[test]
    fn a_chain_stops_at_its_first_date() {
        let (bad, _) = read_yaml("lastmod: 2020-01-01\nmodified: nonsense\n", "0.168");
        assert!(bad.is_empty());
        let (bad, _) = read_yaml("date: 2020-01-01\nlastmod: nonsense\n", "0.168");
        assert_eq!(bad, ["lastmod"]);
        let (bad, publish) = read_yaml("publishdate: nonsense\ndate: 2999-01-01\n", "0.111");
        assert!(bad.is_empty());
        assert_eq!(publish.as_deref(), Some("2999-01-01T00:00:00+00:00"));
    }

    #[test]
    fn value_types() {
        for (text, bad_at_168) in [
            ("date: true", true),
            ("date: 1.5", true),
            ("date: [2020-01-01]", true),
            ("date: {a: 1}", true),
            ("date: \" \"", true),
            ("date: \"\"", false),
            ("date:", false),
            ("date: 20230102", false),
        ] {
            let (bad, _) = read_yaml(text, "0.168");
            assert_eq!(!bad.is_empty(), bad_at_168, "{text}");
            let (bad, _) = read_yaml(text, "0.111");
            assert!(bad.is_empty(), "{text}");
        }
        let (bad, _) = read_yaml("date: \"\"", "0.135");
        assert_eq!(bad, ["date"]);
    }
}
