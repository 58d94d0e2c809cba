//! SARIF 2.1.0, for code-scanning uploads: every rule with its help, every
//! finding with its region and fixes.

use std::io::{self, Write};

use serde_json::{json, Value};

use super::Report;
use crate::diagnostic::Severity;
use crate::engine::Outcome;
use crate::engine::Pos;
use crate::rules;

pub struct Sarif;

fn region((start, end): (Pos, Pos)) -> Value {
    json!({"startLine": start.line, "startColumn": start.column, "endLine": end.line, "endColumn": end.column})
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

impl Report for Sarif {
    fn report(&self, outcome: &Outcome, out: &mut dyn Write) -> io::Result<()> {
        let rule_list: Vec<Value> = rules::ALL
            .iter()
            .map(|r| {
                let m = r.meta();
                json!({
                    "id": m.name,
                    "name": m.name,
                    "shortDescription": {"text": m.summary},
                    "help": {"text": m.doc, "markdown": m.doc},
                    "defaultConfiguration": {"level": if m.default_enabled { level(m.severity) } else { "none" }},
                })
            })
            .collect();
        let mut results = Vec::new();
        for r in &outcome.results {
            for (d, at) in r.diagnostics.iter().zip(&r.locations) {
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
                        .map(|(e, edit_at)| json!({"deletedRegion": region(*edit_at), "insertedContent": {"text": e.content}}))
                        .collect();
                    result["fixes"] = json!([{
                        "description": {"text": format!("{} fix for {}", match fix.applicability {
                            crate::diagnostic::Applicability::Safe => "safe",
                            crate::diagnostic::Applicability::Unsafe => "unsafe",
                        }, d.rule)},
                        "artifactChanges": [{"artifactLocation": {"uri": r.display_path}, "replacements": replacements}],
                    }]);
                }
                results.push(result);
            }
        }
        let doc = json!({
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
                "results": results,
            }],
        });
        serde_json::to_writer_pretty(&mut *out, &doc)?;
        writeln!(out)
    }
}
