//! SARIF 2.1.0, for code-scanning uploads: every rule with its help, every
//! finding with its region and fixes.

use std::io::{self, Write};

use serde_json::{json, Value};

use super::{json_stream, Report};
use crate::diagnostic::{Diagnostic, Severity};
use crate::outcome::{FileResult, Located, Pos, Totals};
use crate::rules;

pub struct Sarif;

fn region((start, end): (Pos, Pos)) -> Value {
    json!({
        "startLine": start.line,
        "startColumn": start.column,
        "endLine": end.line,
        "endColumn": end.column,
    })
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// The document around the results; `results` sorts before `tool`.
fn skeleton() -> Value {
    let rule_list: Vec<Value> = rules::ALL
        .iter()
        .map(|r| {
            let m = r.meta();
            let default = if m.default_enabled {
                level(m.severity)
            } else {
                "none"
            };
            json!({
                "id": m.name,
                "name": m.name,
                "shortDescription": {"text": m.summary},
                "help": {"text": m.doc, "markdown": m.doc},
                "defaultConfiguration": {"level": default},
            })
        })
        .collect();
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "pagelint",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://github.com/pagelint/pagelint",
                "rules": rule_list,
            }},
            "columnKind": "unicodeCodePoints",
            "results": json_stream::ARRAY_HERE,
        }],
    })
}

/// Where `results` is indented in the skeleton.
const INDENT: usize = 6;

fn result(r: &FileResult, d: &Diagnostic, at: &Located) -> Value {
    let index = rules::ALL.iter().position(|x| x.meta().name == d.rule);
    let mut message = d.message.clone();
    if let Some(help) = &d.help {
        message.push_str("\nhelp: ");
        message.push_str(help);
    }
    let location = json!({"physicalLocation": {
        "artifactLocation": {"uri": r.display_path},
        "region": region((at.start, at.end)),
    }});
    let mut result = json!({
        "ruleId": d.rule,
        "level": level(d.severity),
        "message": {"text": message},
        "locations": [location],
    });
    if let Some(i) = index {
        result["ruleIndex"] = json!(i);
    }
    if let Some(fix) = &d.fix {
        let replacements: Vec<Value> = fix
            .edits
            .iter()
            .zip(&at.edits)
            .map(|(e, edit_at)| {
                json!({
                    "deletedRegion": region(*edit_at),
                    "insertedContent": {"text": e.content},
                })
            })
            .collect();
        let applicability = match fix.applicability {
            crate::diagnostic::Applicability::Safe => "safe",
            crate::diagnostic::Applicability::Unsafe => "unsafe",
        };
        result["fixes"] = json!([{
            "description": {"text": format!("{applicability} fix for {}", d.rule)},
            "artifactChanges": [{
                "artifactLocation": {"uri": r.display_path},
                "replacements": replacements,
            }],
        }]);
    }
    result
}

impl Report for Sarif {
    fn begin(&self, out: &mut dyn Write) -> io::Result<()> {
        json_stream::begin(&skeleton(), out)
    }

    fn file(&self, index: usize, r: &FileResult, out: &mut dyn Write) -> io::Result<()> {
        for (i, (d, at)) in r.diagnostics.iter().zip(&r.locations).enumerate() {
            json_stream::element(INDENT, index == 0 && i == 0, &result(r, d, at), out)?;
        }
        Ok(())
    }

    fn end(&self, totals: &Totals, out: &mut dyn Write) -> io::Result<()> {
        json_stream::end(&skeleton(), totals.errors + totals.warnings > 0, out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_are_indented_where_the_stream_writes_them() {
        assert_eq!(json_stream::indent(&skeleton()), INDENT);
    }
}
