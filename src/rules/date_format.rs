//! `date-format`: a date Hugo cannot read in one of its own date keys, where
//! the checked release stops the build on it; a date in a `datetime` field
//! that Hugo's parser rejects; or a date not in the field's configured
//! `format`.
//!
//! Hugo's own date keys are read exactly as Hugo reads them
//! ([`crate::frontmatter::date_chains`]): only the keys a date chain reaches
//! (a chain stops at its first date; `[frontmatter]` adds and removes keys),
//! every value type (a bool, float, list, map or blank string fails; an
//! integer is Unix seconds), also inside `cascade`. Before Hugo 0.135 such a
//! value was silently skipped and the build went on: nothing is reported then.

use crate::config::{DateFormat, FieldType};
use crate::diagnostic::{Diagnostic, Edit, Fix, Fixable, Severity, Sink};
use crate::frontmatter::date_chains::{self, DateSource, Invalid, InvalidDate};
use crate::frontmatter::hugo_date::{self, is_rfc3339_with_offset, GoTime};
use crate::frontmatter::{Entry, Node, NodeKind};
use crate::rules::schema_util::checked_fields;
use crate::rules::{Context, Rule, RuleMeta};

/// The `date-format` rule (`rules/date-format.md`).
pub struct DateFormatRule;

static META: RuleMeta = RuleMeta {
    name: "date-format",
    summary: "a date Hugo cannot read, or not in the configured format",
    severity: Severity::Error,
    default_enabled: true,
    fixable: Fixable::Unsafe,
    doc: include_str!("../../rules/date-format.md"),
};

const FATAL_SINCE: &str = "Hugo 0.135 and later stop the build on it";

fn unparsable(entry: &Entry, value: &str) -> Diagnostic {
    Diagnostic::new(
        &META,
        entry.value.span.clone(),
        format!("`{}` is not a date Hugo can parse: `{value}`", entry.key),
    )
    .label(range_hint(value).unwrap_or("not a date"))
    .subject(&entry.key, None)
    .help(format!(
        "write an RFC 3339 date such as 2025-05-13T23:30:17+08:00 or 2025-05-13; \
         {FATAL_SINCE}"
    ))
}

/// A Hugo date key whose value is not a date at all.
fn invalid_hugo_date(invalid: &InvalidDate<'_>, text: &str) -> Diagnostic {
    let entry = invalid.entry;
    let value = &entry.value;
    match (invalid.why, &value.kind) {
        (Invalid::Unparsable, NodeKind::String { value: s, .. }) => unparsable(entry, s),
        (Invalid::Blank, _) => Diagnostic::new(
            &META,
            value.span.clone(),
            format!("`{}` is blank, not a date", entry.key),
        )
        .label("blank")
        .subject(&entry.key, None)
        .help(format!("give it a date or remove the key; {FATAL_SINCE}")),
        _ if entry.key.eq_ignore_ascii_case("published") => published_not_a_date(entry, text),
        _ => Diagnostic::new(
            &META,
            value.span.clone(),
            format!(
                "`{}` is a {}, not a date",
                entry.key,
                value_type(value, invalid)
            ),
        )
        .label("not a date")
        .subject(&entry.key, None)
        .help(format!(
            "Hugo reads `{}` as a date: write a date such as 2025-05-13 (a quoted \
             string, or an integer of Unix seconds); {FATAL_SINCE}",
            entry.key
        )),
    }
}

/// `published: true|false`: Jekyll's habit; Hugo reads `published` as a date.
fn published_not_a_date(entry: &Entry, text: &str) -> Diagnostic {
    let d = Diagnostic::new(
        &META,
        entry.value.span.clone(),
        format!(
            "`{}` is a {}, not a date: Hugo reads `published` as a publish date",
            entry.key,
            entry.value.type_name()
        ),
    )
    .label("not a date")
    .help(format!(
        "to keep a page out of the site write `draft: true`, else remove `published`; \
         {FATAL_SINCE}"
    ));
    match published_fix(entry, text) {
        Some(fix) => d.fix(fix),
        None => d,
    }
}

/// `published: false` → `draft: true` and `published: true` → `draft: false`
/// (unsafe: the intent is clear, the key changes).
fn published_fix(entry: &Entry, text: &str) -> Option<Fix> {
    let NodeKind::Bool(published) = entry.value.kind else {
        return None;
    };
    let written = text.get(entry.value.span.clone())?;
    if written != "true" && written != "false" {
        return None;
    }
    Some(Fix {
        applicability: crate::diagnostic::Applicability::Unsafe,
        edits: vec![
            Edit {
                span: entry.key_span.clone(),
                content: "draft".into(),
            },
            Edit {
                span: entry.value.span.clone(),
                content: (!published).to_string(),
            },
        ],
    })
}

fn value_type(value: &Node, invalid: &InvalidDate<'_>) -> &'static str {
    match value.kind {
        NodeKind::Int(_) if invalid.why == Invalid::WrongType => "number (a float to Go in JSON)",
        _ => value.type_name(),
    }
}

fn not_rfc3339(entry: &Entry, value: &str) -> Diagnostic {
    Diagnostic::new(
        &META,
        entry.value.span.clone(),
        format!(
            "`{}` is not RFC 3339 with a UTC offset: `{value}`",
            entry.key
        ),
    )
    .label("no offset or not RFC 3339")
    .subject(&entry.key, None)
    .help("the schema asks for `format = \"rfc3339\"`: write it like 2025-05-13T23:30:17+08:00")
}

/// Says which part of a `YYYY-MM-DD[Thh:mm:ss]` value is out of range.
fn range_hint(value: &str) -> Option<&'static str> {
    let b = value.as_bytes();
    let num = |r: std::ops::Range<usize>| -> Option<u32> { value.get(r)?.parse().ok() };
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let (year, month, day) = (num(0..4)?, num(5..7)?, num(8..10)?);
    if !(1..=12).contains(&month) {
        return Some("there is no such month");
    }
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ][month as usize - 1];
    if day == 0 || day > days {
        return Some("there is no such day in that month");
    }
    if b.len() >= 16 && (num(11..13)? > 23 || num(14..16)? > 59) {
        return Some("there is no such time of day");
    }
    None
}

/// The maps whose date keys Hugo reads: the front matter itself, and each
/// `cascade` map (with its `params`), whose values the pages it reaches read.
fn date_maps(tree: &Node) -> Vec<&Node> {
    let mut maps = vec![tree];
    if let Some(cascade) = tree.get("cascade") {
        let items: Vec<&Node> = match &cascade.value.kind {
            NodeKind::Map(_) => vec![&cascade.value],
            NodeKind::List(items) => items.iter().collect(),
            _ => Vec::new(),
        };
        for item in items.into_iter().filter(|i| i.as_map().is_some()) {
            maps.push(item);
            if let Some(params) = item.get("params").filter(|p| p.value.as_map().is_some()) {
                maps.push(&params.value);
            }
        }
    }
    maps
}

impl DateFormatRule {
    /// Hugo's own date keys: the invalid values the date chains meet, where
    /// the checked release stops the build on them.
    fn check_hugo_keys(cx: &Context<'_>, schema_checked: &[&Entry], out: &mut Sink) {
        let Some(fm) = cx.doc.front_matter() else {
            return;
        };
        let Ok(tree) = &fm.tree else { return };
        for map in date_maps(tree) {
            let source = DateSource {
                tree: map,
                json: fm.format == crate::frontmatter::Format::Json,
                base_name: "",
            };
            let dates = date_chains::read(source, cx.site.date_settings(), cx.site.version);
            for invalid in dates.invalid.iter().filter(|i| i.fatal) {
                if !schema_checked
                    .iter()
                    .any(|e| std::ptr::eq(*e, invalid.entry))
                {
                    out.push(invalid_hugo_date(invalid, &cx.doc.text));
                }
            }
        }
    }
}

impl Rule for DateFormatRule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        let Some(tree) = cx.doc.tree() else { return };
        let go = GoTime::of(cx.site.version);
        let mut schema_checked: Vec<&Entry> = Vec::new();
        if let Some(schema) = cx.schema {
            for (field, entry) in checked_fields(schema, tree) {
                if field.ty != Some(FieldType::Datetime) {
                    continue;
                }
                schema_checked.push(entry);
                match &entry.value.kind {
                    NodeKind::String { value, .. } if !value.trim().is_empty() => {
                        if hugo_date::parse(value, go).is_none() {
                            out.push(unparsable(entry, value));
                        } else if field.format == DateFormat::Rfc3339
                            && !is_rfc3339_with_offset(value)
                        {
                            out.push(not_rfc3339(entry, value));
                        }
                    }
                    NodeKind::Datetime(value)
                        if field.format == DateFormat::Rfc3339
                            && !is_rfc3339_with_offset(value) =>
                    {
                        out.push(not_rfc3339(entry, value));
                    }
                    _ => {}
                }
            }
        }
        Self::check_hugo_keys(cx, &schema_checked, out);
    }
}

#[cfg(test)]
mod tests {
    use super::range_hint;

    #[test]
    fn hints() {
        assert_eq!(
            range_hint("2025-02-30"),
            Some("there is no such day in that month")
        );
        assert_eq!(
            range_hint("2025-13-05T10:00:00+08:00"),
            Some("there is no such month")
        );
        assert_eq!(
            range_hint("2025-05-13T25:30:17+08:00"),
            Some("there is no such time of day")
        );
        assert_eq!(range_hint("2024-02-29"), None);
        assert_eq!(range_hint("13/05/2025"), None);
    }
}
