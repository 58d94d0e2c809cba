//! From counts to a schema: which fields are required, of which type, with
//! which allowed values. Real sites carry mistakes, so every decision holds
//! when a few pages disagree, and those pages become the findings.

use std::collections::BTreeMap;

use super::stats::{FieldStats, Kind, SectionStats};
use crate::suggest::nearest;

/// Fewest pages a section needs for a schema of its own.
pub const MIN_PAGES: usize = 5;

/// Most distinct values a field may have to get a `values` list.
const MAX_VALUES: usize = 50;

/// A value or layout used by this many of `n` pages or fewer is taken for a
/// mistake: none below 20 pages, one from 20, then 2% of the pages.
pub fn tolerance(n: usize) -> usize {
    if n < 20 {
        0
    } else {
        (n / 50).max(1)
    }
}

/// Whether `part` of `total` is all of it but a tolerated few: 5%, and one
/// from 5 (a hand-made blog's one slip among eight dates).
fn nearly_all(part: usize, total: usize) -> bool {
    let few = tolerance(total)
        .max(total / 20)
        .max(usize::from(total >= 5));
    total > 0 && total - part.min(total) <= few
}

/// An allowed value, with the pages that use it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Value {
    /// The value as written.
    pub text: String,
    /// Pages that use it.
    pub pages: usize,
}

/// A value used too rarely to be allowed, with the common value it is
/// probably a typo of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rare {
    /// The value as written.
    pub text: String,
    /// Pages that use it.
    pub pages: usize,
    /// The nearest allowed value, when it is close enough to be a typo of it.
    pub typo_of: Option<String>,
}

/// One `[schema.fields.NAME]` table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    /// The key as most pages spell it.
    pub name: String,
    /// Pages that have it, of the section's pages.
    pub present: usize,
    /// The type most values have, unless they disagree too much.
    pub ty: Option<Kind>,
    /// Non-empty values by kind, most frequent first (for the comment).
    pub kinds: Vec<(Kind, usize)>,
    /// Nearly every page has it.
    pub required: bool,
    /// Pages where it is empty (`""` or null).
    pub empty: usize,
    /// Empty values are common enough to be meant.
    pub allow_empty: bool,
    /// A list that is never empty (but in a few pages).
    pub min_items: Option<usize>,
    /// Allowed values, when the strings come from a small set.
    pub values: Option<Vec<Value>>,
    /// Values left out of `values`.
    pub rare: Vec<Rare>,
    /// Every date carries a UTC offset: demand RFC 3339.
    pub rfc3339: bool,
    /// URL schemes besides http and https that pages use.
    pub schemes: Option<Vec<String>>,
}

/// One `[[schema]]`: a section's pages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Schema {
    /// The section's name.
    pub name: String,
    /// Globs of its pages, relative to the site root.
    pub files: Vec<String>,
    /// Globs of its section index pages, which are not like its other pages.
    pub exclude: Vec<String>,
    /// Pages counted.
    pub pages: usize,
    /// Pages whose front matter did not parse.
    pub unreadable: usize,
    /// Its fields, in the order pages first write them.
    pub fields: Vec<Field>,
}

/// The schema of a section with enough pages, or None.
pub fn schema(section: &SectionStats) -> Option<Schema> {
    if section.pages < MIN_PAGES {
        return None;
    }
    let ext = match section.extensions.as_slice() {
        [one] => one.clone(),
        many => format!("{{{}}}", many.join(",")),
    };
    let files = section
        .dirs
        .iter()
        .map(|d| format!("{}/**/*.{ext}", globset::escape(d)))
        .collect();
    let mut fields: Vec<(&usize, Field)> = section
        .fields
        .values()
        .map(|f| (&f.order, field(f, section.pages)))
        .collect();
    fields.sort_by_key(|(order, _)| **order);
    Some(Schema {
        name: section.name.clone(),
        files,
        exclude: vec![format!("**/_index.{ext}")],
        pages: section.pages,
        unreadable: section.unreadable,
        fields: fields.into_iter().map(|(_, f)| f).collect(),
    })
}

fn field(stats: &FieldStats, pages: usize) -> Field {
    let ty = field_type(stats);
    let mut kinds: Vec<(Kind, usize)> = stats.kinds.iter().map(|(k, n)| (*k, *n)).collect();
    kinds.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let lists = stats.kinds.get(&Kind::List).copied().unwrap_or(0);
    let (values, rare) = match ty {
        Some(Kind::String) => values(&stats.strings),
        Some(Kind::List) => values(&stats.items),
        _ => (None, Vec::new()),
    };
    Field {
        name: stats.name().to_string(),
        present: stats.present,
        ty,
        kinds,
        required: pages - stats.present.min(pages) <= tolerance(pages),
        empty: stats.empty,
        allow_empty: !nearly_all(stats.present - stats.empty, stats.present),
        min_items: (ty == Some(Kind::List) && lists > 0 && stats.empty_lists <= tolerance(lists))
            .then_some(1),
        values,
        rare,
        rfc3339: ty == Some(Kind::Datetime)
            && stats.dates > 0
            && stats.dates_with_offset == stats.dates,
        schemes: if ty == Some(Kind::Url) {
            schemes(stats)
        } else {
            None
        },
    }
}

/// The type nearly every non-empty value has; None when they disagree.
fn field_type(stats: &FieldStats) -> Option<Kind> {
    let n = |k: Kind| stats.kinds.get(&k).copied().unwrap_or(0);
    let total = stats.values();
    let numbers = n(Kind::Int) + n(Kind::Float);
    // A string field takes numbers too (Hugo converts them).
    let strings = n(Kind::String) + n(Kind::Url) + n(Kind::Datetime) + numbers;
    [
        (n(Kind::Datetime), Kind::Datetime),
        (n(Kind::Url), Kind::Url),
        (n(Kind::Bool), Kind::Bool),
        (n(Kind::Int), Kind::Int),
        (numbers, Kind::Float),
        (strings, Kind::String),
        (n(Kind::List), Kind::List),
        (n(Kind::Map), Kind::Map),
    ]
    .into_iter()
    .find(|(count, _)| nearly_all(*count, total))
    .map(|(_, kind)| kind)
}

/// Allowed values when the strings come from a small set, and the values
/// left out because too few pages use them.
fn values(strings: &BTreeMap<String, usize>) -> (Option<Vec<Value>>, Vec<Rare>) {
    let uses: usize = strings.values().sum();
    // Hugo files `News` and `news` under one taxonomy term: the rarer of two
    // values that differ only in case is a typo of the other, however many use it.
    let case_variant = |s: &str, n: usize| {
        strings
            .iter()
            .any(|(t, m)| *m > n && t.to_lowercase() == s.to_lowercase())
    };
    // A value on at most 1% of the uses that is within did-you-mean of one
    // used ten times as often is a typo of it, however many pages copied it.
    let near_variant = |s: &str, n: usize| {
        n * 100 <= uses
            && nearest(
                s,
                strings
                    .iter()
                    .filter(|(t, m)| **m >= 10 * n && t.as_str() != s)
                    .map(|(t, _)| t.as_str()),
            )
            .is_some()
    };
    let common =
        |s: &str, n: usize| n >= 2 && n * 100 >= uses && !case_variant(s, n) && !near_variant(s, n);
    let allowed: Vec<Value> = strings
        .iter()
        .filter(|(s, n)| common(s, **n))
        .map(|(s, n)| Value {
            text: s.clone(),
            pages: *n,
        })
        .collect();
    let common_uses: usize = allowed.iter().map(|v| v.pages).sum();
    let rare: Vec<Rare> = strings
        .iter()
        .filter(|(s, n)| !common(s, **n))
        .map(|(s, n)| Rare {
            text: s.clone(),
            pages: *n,
            typo_of: nearest(s, allowed.iter().map(|v| v.text.as_str())).map(str::to_string),
        })
        .collect();
    let unexplained: usize = rare
        .iter()
        .filter(|r| r.typo_of.is_none())
        .map(|r| r.pages)
        .sum();
    let small_set = uses >= 10
        && !allowed.is_empty()
        && allowed.len() <= MAX_VALUES
        && common_uses >= 3 * allowed.len()
        && unexplained <= tolerance(uses).max(2);
    if !small_set {
        return (None, Vec::new());
    }
    let mut allowed = allowed;
    allowed.sort_by(|a, b| b.pages.cmp(&a.pages).then(a.text.cmp(&b.text)));
    let mut rare = rare;
    rare.sort_by(|a, b| b.pages.cmp(&a.pages).then(a.text.cmp(&b.text)));
    (Some(allowed), rare)
}

/// The schemes a URL field allows, when pages use others than http and https.
fn schemes(stats: &FieldStats) -> Option<Vec<String>> {
    let uses: usize = stats.schemes.values().sum();
    let used: Vec<String> = stats
        .schemes
        .iter()
        .filter(|(s, n)| matches!(s.as_str(), "http" | "https") || **n > tolerance(uses))
        .map(|(s, _)| s.clone())
        .collect();
    if used.iter().all(|s| s == "http" || s == "https") {
        return None;
    }
    let mut all: Vec<String> = vec!["http".into(), "https".into()];
    all.extend(used.into_iter().filter(|s| s != "http" && s != "https"));
    Some(all)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tolerance_grows_with_the_pages() {
        assert_eq!(tolerance(5), 0);
        assert_eq!(tolerance(19), 0);
        assert_eq!(tolerance(20), 1);
        assert_eq!(tolerance(300), 6);
        assert_eq!(tolerance(1000), 20);
    }

    fn strings(pairs: &[(&str, usize)]) -> BTreeMap<String, usize> {
        pairs.iter().map(|(v, n)| (v.to_string(), *n)).collect()
    }

    #[test]
    fn a_value_used_once_is_a_suspected_typo() {
        let s = strings(&[
            ("News", 400),
            ("Reviews", 300),
            ("Guides", 297),
            ("Newz", 1),
        ]);
        let (values, rare) = values(&s);
        let values: Vec<_> = values.unwrap().into_iter().map(|v| v.text).collect();
        assert_eq!(values, ["News", "Reviews", "Guides"]);
        assert_eq!(rare[0].typo_of.as_deref(), Some("News"));
    }

    #[test]
    fn a_near_variant_ten_times_rarer_is_a_typo() {
        let s = strings(&[
            ("AI 產業動態", 389),
            ("AI 技術解析", 383),
            ("AI 産業動態", 6),
        ]);
        let (values, rare) = values(&s);
        assert_eq!(values.unwrap().len(), 2);
        assert_eq!(rare[0].typo_of.as_deref(), Some("AI 產業動態"));
        // Not when it is used often enough to be meant.
        let s = strings(&[("Go", 150), ("Git", 15), ("Rust", 100)]);
        assert_eq!(super::values(&s).0.unwrap().len(), 3);
    }

    #[test]
    fn a_case_variant_is_a_typo_however_many_use_it() {
        let s = strings(&[("News", 400), ("Reviews", 300), ("news", 30)]);
        let (values, rare) = values(&s);
        assert_eq!(values.unwrap().len(), 2);
        assert_eq!(rare[0].text, "news");
        assert_eq!(rare[0].typo_of.as_deref(), Some("News"));
    }

    #[test]
    fn an_open_set_gets_no_values() {
        let pairs: Vec<(String, usize)> = (0..40).map(|i| (format!("tag{i}"), 1)).collect();
        let refs: Vec<(&str, usize)> = pairs.iter().map(|(s, n)| (s.as_str(), *n)).collect();
        assert_eq!(values(&strings(&refs)).0, None);
    }
}
