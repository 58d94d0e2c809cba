//! The JSON report of spec §6, for tools and CI.

use std::io::{self, Write};

use serde_json::{json, Value};

use super::Report;
use crate::diagnostic::{Applicability, Severity};
use crate::engine::Outcome;
use crate::engine::Pos;

pub struct Json;

fn position((start, end): (Pos, Pos)) -> [usize; 4] {
    [start.line, start.column, end.line, end.column]
}

impl Report for Json {
    fn report(&self, outcome: &Outcome, out: &mut dyn Write) -> io::Result<()> {
        let mut diagnostics = Vec::new();
        for r in &outcome.results {
            for (d, at) in r.diagnostics.iter().zip(&r.locations) {
                let [line, column, end_line, end_column] = position((at.start, at.end));
                let fix = d.fix.as_ref().map(|f| {
                    let edits: Vec<Value> = f
                                                .edits
                        .iter()
                        .zip(&at.edits)
                        .map(|(e, edit_at)| {
                            let [line, column, end_line, end_column] = position(*edit_at);
                            json!({"line": line, "column": column, "end_line": end_line, "end_column": end_column, "content": e.content})
                        })
                        .collect();
                    let applicability = match f.applicability {
                        Applicability::Safe => "safe",
                        Applicability::Unsafe => "unsafe",
                    };
                    json!({"applicability": applicability, "edits": edits})
                });
                diagnostics.push(json!({
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
                }));
            }
        }
        let doc = json!({
            "version": 1,
            "files_checked": outcome.files_checked,
            "summary": {
                "errors": outcome.count(Severity::Error),
                "warnings": outcome.count(Severity::Warning),
                "fixable": outcome.fixable(),
            },
            "diagnostics": diagnostics,
        });
        serde_json::to_writer_pretty(&mut *out, &doc)?;
        writeln!(out)
    }
}
