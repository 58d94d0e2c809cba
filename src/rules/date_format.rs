//! `date-format`: a date Hugo cannot parse, in a `datetime` field or one of
//! Hugo's own date keys, or a date not in the field's configured `format`.

use crate::config::{DateFormat, FieldType};
use crate::diagnostic::{Diagnostic, Fixable, Severity, Sink};
use crate::frontmatter::hugo_date::{hugo_parses, is_rfc3339_with_offset};
use crate::frontmatter::{Entry, NodeKind};
use crate::rules::schema_util::checked_fields;
use crate::rules::{Context, Rule, RuleMeta};

/// The `date-format` rule (`rules/date-format.md`).
pub struct DateFormatRule;

static META: RuleMeta = RuleMeta {
    name: "date-format",
    summary: "a date Hugo cannot parse, or not in the configured format",
    severity: Severity::Error,
    default_enabled: true,
    fixable: Fixable::No,
    doc: include_str!("../../rules/date-format.md"),
};

/// Hugo's own date keys and their aliases (page_frontmatter.go); checked on
/// every page, since Hugo 0.136 and later fail the build on them.
const HUGO_DATE_KEYS: &[&str] = &[
    "date",
    "publishdate",
    "pubdate",
    "published",
    "lastmod",
    "modified",
    "expirydate",
    "unpublishdate",
];

fn unparsable(entry: &Entry, value: &str) -> Diagnostic {
    Diagnostic::new(
        &META,
        entry.value.span.clone(),
        format!("`{}` is not a date Hugo can parse: `{value}`", entry.key),
    )
    .label(range_hint(value).unwrap_or("not a date"))
    .subject(&entry.key, None)
    .help(
        "write an RFC 3339 date such as 2025-05-13T23:30:17+08:00 or \
            2025-05-13; Hugo 0.111 silently uses 0001-01-01 instead, \
            0.136 and later stop the build",
    )
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

impl Rule for DateFormatRule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        let Some(tree) = cx.doc.tree() else { return };
        let mut checked: Vec<(&Entry, DateFormat)> = Vec::new();
        if let Some(schema) = cx.schema {
            for (field, entry) in checked_fields(schema, tree) {
                if field.ty == Some(FieldType::Datetime) {
                    checked.push((entry, field.format));
                }
            }
        }
        for entry in tree.as_map().unwrap_or_default() {
            let hugo_key = HUGO_DATE_KEYS
                .iter()
                .any(|k| k.eq_ignore_ascii_case(&entry.key));
            if hugo_key && !checked.iter().any(|(e, _)| std::ptr::eq(*e, entry)) {
                checked.push((entry, DateFormat::Hugo));
            }
        }
        checked.sort_by_key(|(e, _)| e.key_span.start);
        for (entry, format) in checked {
            match &entry.value.kind {
                NodeKind::String { value, .. } if !value.trim().is_empty() => {
                    if !hugo_parses(value) {
                        out.push(unparsable(entry, value));
                    } else if format == DateFormat::Rfc3339 && !is_rfc3339_with_offset(value) {
                        out.push(not_rfc3339(entry, value));
                    }
                }
                NodeKind::Datetime(value)
                    if format == DateFormat::Rfc3339 && !is_rfc3339_with_offset(value) =>
                {
                    out.push(not_rfc3339(entry, value));
                }
                _ => {}
            }
        }
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
