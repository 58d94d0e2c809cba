//! JUnit XML: a test case per checked file, a failure per finding.

use std::collections::HashMap;
use std::io::{self, Write};

use super::Report;
use crate::outcome::{FileResult, Outcome};

pub struct Junit;

fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Characters XML 1.0 cannot hold at all.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

impl Report for Junit {
    fn streams(&self) -> bool {
        false
    }

    /// Never called: a JUnit report is written whole, by `report`.
    fn file(&self, _index: usize, _result: &FileResult, _out: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }

    fn report(&self, outcome: &Outcome, out: &mut dyn Write) -> io::Result<()> {
        let by_path: HashMap<&str, &FileResult> = outcome
            .results
            .iter()
            .map(|r| (r.display_path.as_str(), r))
            .collect();
        let mut paths: Vec<&str> = outcome.checked.iter().map(String::as_str).collect();
        for r in &outcome.results {
            if !outcome.checked.contains(&r.display_path) {
                paths.push(&r.display_path);
            }
        }
        paths.sort_unstable();
        // JUnit counts failed test cases: one per file with findings.
        let failures = outcome.results.len();
        writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
        writeln!(
            out,
            r#"<testsuites name="pagelint" tests="{}" failures="{failures}" errors="0">"#,
            paths.len()
        )?;
        writeln!(
            out,
            concat!(
                r#"  <testsuite name="pagelint" tests="{}" failures="{}" "#,
                r#"errors="0" skipped="0">"#
            ),
            paths.len(),
            failures
        )?;
        for path in paths {
            let name = xml(path);
            match by_path.get(path) {
                None => writeln!(out, r#"    <testcase name="{name}" classname="{name}"/>"#)?,
                Some(r) => {
                    writeln!(out, r#"    <testcase name="{name}" classname="{name}">"#)?;
                    for (d, at) in r.diagnostics.iter().zip(&r.locations) {
                        let (line, col) = (at.start.line, at.start.column);
                        let body = format!(
                            "{path}:{line}:{col}: {}[{}] {}",
                            d.severity, d.rule, d.message
                        );
                        let help = d
                            .help
                            .as_deref()
                            .map(|h| format!("\nhelp: {h}"))
                            .unwrap_or_default();
                        writeln!(
                            out,
                            r#"      <failure type="{}" message="{}">{}{}</failure>"#,
                            d.rule,
                            xml(&format!("{}:{}: {}", line, col, d.message)),
                            xml(&body),
                            xml(&help)
                        )?;
                    }
                    writeln!(out, "    </testcase>")?;
                }
            }
        }
        writeln!(out, "  </testsuite>")?;
        writeln!(out, "</testsuites>")
    }
}
