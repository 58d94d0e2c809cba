//! Suppression comments: `<!-- pagelint-disable-next-line RULE -->`,
//! `<!-- pagelint-disable RULE -->` ... `<!-- pagelint-enable RULE -->` in
//! the body, and `# pagelint: ignore[RULE]` at the end of a front matter line.
//! A rule name is always required.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::document::Document;
use crate::frontmatter::Span;

static HTML: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"<!--\s*pagelint-(disable-next-line|disable|enable)\b([^>]*?)\s*-->")
        .expect("valid regex")
});
static FRONT_MATTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"#\s*pagelint:\s*ignore\[([^\]\r\n]*)\]\s*$").expect("valid regex")
});

/// A suppression: a `disable-next-line` or `ignore[...]` comment, or one
/// rule's `disable` ... `enable` region (to the end of the file when never
/// enabled again).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suppression {
    /// The comment, where an unused or malformed suppression is reported.
    pub span: Span,
    /// The rule names it lists, as written (unknown names included); empty
    /// when it names none.
    pub rules: Vec<String>,
    /// 0-based lines whose findings it silences.
    pub lines: Range<usize>,
}

fn rule_list(text: &str) -> Vec<String> {
    text.split([',', ' ', '\t'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// Every suppression of the document, in source order.
pub fn parse(doc: &Document) -> Vec<Suppression> {
    let text = &doc.text;
    let lines = doc.lines();
    let mut out = Vec::new();
    if let Some(fm) = doc.front_matter() {
        let end = doc.split.body.start.min(text.len());
        let first = lines.line_of(fm.delimiter.start);
        let last = lines.line_of(end);
        for line in first..=last.min(lines.line_count() - 1) {
            let span = lines.line_span(text, line);
            if span.start >= end {
                break;
            }
            if let Some(c) = FRONT_MATTER.captures(&text[span.clone()]) {
                let m = c.get(0).map_or(0..0, |m| m.range());
                out.push(Suppression {
                    span: span.start + m.start..span.start + m.end,
                    rules: rule_list(&c[1]),
                    lines: line..line + 1,
                });
            }
        }
    }
    let body = doc.split.body.clone();
    if !text[body.clone()].contains("pagelint-") {
        return out;
    }
    // Open `disable` regions: (rule, comment span, first line).
    let mut open: Vec<(String, Span, usize)> = Vec::new();
    for c in HTML.captures_iter(&text[body.clone()]) {
        let m = c.get(0).map_or(0..0, |m| m.range());
        let span = body.start + m.start..body.start + m.end;
        let rules = rule_list(&c[2]);
        let line = lines.line_of(span.start);
        match &c[1] {
            "disable-next-line" => out.push(Suppression {
                span,
                rules,
                lines: line + 1..line + 2,
            }),
            "disable" => open.extend(rules.into_iter().map(|r| (r, span.clone(), line))),
            _ => {
                for rule in rules {
                    if let Some(i) = open.iter().rposition(|(r, _, _)| *r == rule) {
                        let (r, s, from) = open.remove(i);
                        out.push(Suppression {
                            span: s,
                            rules: vec![r],
                            lines: from..line + 1,
                        });
                    }
                }
            }
        }
    }
    let end = lines.line_count();
    out.extend(open.into_iter().map(|(r, s, from)| Suppression {
        span: s,
        rules: vec![r],
        lines: from..end,
    }));
    out.sort_by_key(|s| s.span.start);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::version::HugoVersion;

    fn suppressions(text: &str) -> Vec<(Vec<String>, Range<usize>)> {
        let doc = Document::parse(
            "content/a.md".into(),
            text.as_bytes().to_vec(),
            HugoVersion::LATEST,
        );
        parse(&doc)
            .into_iter()
            .map(|s| (s.rules, s.lines))
            .collect()
    }

    #[test]
    fn body_and_front_matter_comments() {
        let text = concat!(
            "---\ntitle: \"\" # pagelint: ignore[empty-field]\n---\n",
            "<!-- pagelint-disable-next-line broken-image -->\n![](x.png)\n",
            "<!-- pagelint-disable shortcode-unknown, broken-image -->\na\n",
            "<!-- pagelint-enable shortcode-unknown -->\n",
        );
        let s = suppressions(text);
        assert_eq!(s[0], (vec!["empty-field".to_string()], 1..2));
        assert_eq!(s[1], (vec!["broken-image".to_string()], 4..5));
        assert_eq!(s[2], (vec!["shortcode-unknown".to_string()], 5..8));
        assert_eq!(s[3].0, ["broken-image"]);
        assert_eq!(s[3].1.start, 5);
    }

    #[test]
    fn a_rule_name_is_required() {
        assert_eq!(
            suppressions("<!-- pagelint-disable-next-line -->\n")[0].0,
            Vec::<String>::new()
        );
    }
}
