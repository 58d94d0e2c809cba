//! The JSON report (`--format json`; its shape is in `README.md`), for tools and CI.

use std::io::{self, Write};

use serde_json::{json, Value};

use super::Report;
use super::{groups, json_stream};
use crate::diagnostic::{Applicability, Diagnostic};
use crate::outcome::{FileResult, Located, Pos, Totals};

pub struct Json {
    /// `--statistics`: a `statistics` array of counts per rule after the findings.
    pub statistics: bool,
}

fn position((start, end): (Pos, Pos)) -> [usize; 4] {
    [start.line, start.column, end.line, end.column]
}

/// The document around the findings; the counts are known only at the end,
/// and `diagnostics` sorts before every key that holds them.
fn skeleton(totals: &Totals, statistics: bool) -> Value {
    let mut doc = json!({
        "version": 1,
        "files_checked": totals.files_checked,
        "summary": {
            "errors": totals.errors,
            "warnings": totals.warnings,
            "fixable": totals.safe_fixes,
            "unsafe_fixable": totals.unsafe_fixes,
        },
        "diagnostics": json_stream::ARRAY_HERE,
    });
    if statistics {
        let mut rows: Vec<_> = totals.by_rule.iter().collect();
        rows.sort_by(|a, b| b.1.findings.cmp(&a.1.findings).then(a.0.cmp(b.0)));
        let groups = groups::groups(totals);
        doc["statistics"] = rows
            .into_iter()
            .map(|(rule, t)| {
                let groups: Vec<Value> = groups
                    .iter()
                    .filter(|g| g.rule == *rule)
                    .map(|g| {
                        json!({
                            "field": g.subject.key,
                            "value": g.subject.value,
                            "files": g.files,
                            "findings": g.findings,
                        })
                    })
                    .collect();
                json!({
                    "rule": rule,
                    "findings": t.findings,
                    "fixable": t.safe_fixes,
                    "unsafe_fixable": t.unsafe_fixes,
                    "groups": groups,
                })
            })
            .collect();
    }
    doc
}

fn diagnostic(r: &FileResult, d: &Diagnostic, at: &Located) -> Value {
    let [line, column, end_line, end_column] = position((at.start, at.end));
    let fix = d.fix.as_ref().map(|f| {
        let edits: Vec<Value> = f
            .edits
            .iter()
            .zip(&at.edits)
            .map(|(e, edit_at)| {
                let [line, column, end_line, end_column] = position(*edit_at);
                json!({
                    "line": line,
                    "column": column,
                    "end_line": end_line,
                    "end_column": end_column,
                    "content": e.content,
                })
            })
            .collect();
        let applicability = match f.applicability {
            Applicability::Safe => "safe",
            Applicability::Unsafe => "unsafe",
        };
        json!({"applicability": applicability, "edits": edits})
    });
    json!({
        "path": r.display_path,
        "rule": d.rule,
        "severity": d.severity.as_str(),
        "message": d.message,
        "line": line,
        "column": column,
        "end_line": end_line,
        "end_column": end_column,
        "help": d.help,
        "fix": fix,
    })
}

impl Report for Json {
    fn begin(&self, out: &mut dyn Write) -> io::Result<()> {
        json_stream::begin(&skeleton(&Totals::default(), self.statistics), out)
    }

    fn file(&self, index: usize, r: &FileResult, out: &mut dyn Write) -> io::Result<()> {
        for (i, (d, at)) in r.diagnostics.iter().zip(&r.locations).enumerate() {
            json_stream::element(INDENT, index == 0 && i == 0, &diagnostic(r, d, at), out)?;
        }
        Ok(())
    }

    fn end(&self, totals: &Totals, out: &mut dyn Write) -> io::Result<()> {
        json_stream::end(
            &skeleton(totals, self.statistics),
            totals.errors + totals.warnings > 0,
            out,
        )
    }
}

/// Where `diagnostics` is indented in the skeleton.
const INDENT: usize = 2;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_skeleton_streams_the_findings_before_the_counts() {
        let counted = Totals {
            files_checked: 12,
            errors: 3,
            warnings: 4,
            safe_fixes: 5,
            ..Totals::default()
        };
        let mut before_zero = Vec::new();
        let mut before_counted = Vec::new();
        for stats in [false, true] {
            json_stream::begin(&skeleton(&Totals::default(), stats), &mut before_zero).unwrap();
            json_stream::begin(&skeleton(&counted, stats), &mut before_counted).unwrap();
            assert_eq!(before_zero, before_counted);
            assert_eq!(json_stream::indent(&skeleton(&counted, stats)), INDENT);
        }
    }
}
