//! GitHub Actions workflow commands, so findings show inline on pull requests.

use std::io::{self, Write};

use super::Report;
use crate::diagnostic::Severity;
use crate::outcome::FileResult;

pub struct Github;

/// Escapes a workflow command's message.
fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a workflow command's property value.
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

impl Report for Github {
    fn file(&self, _index: usize, r: &FileResult, out: &mut dyn Write) -> io::Result<()> {
        {
            for (d, at) in r.diagnostics.iter().zip(&r.locations) {
                let (line, col) = (at.start.line, at.start.column);
                let (end_line, end_col) = (at.end.line, at.end.column);
                let kind = match d.severity {
                    Severity::Error => "error",
                    Severity::Warning => "warning",
                };
                let mut message = d.message.clone();
                if let Some(help) = &d.help {
                    message.push_str("\nhelp: ");
                    message.push_str(help);
                }
                writeln!(
                    out,
                    "::{kind} file={},line={line},col={col},\
                     endLine={end_line},endColumn={end_col},title={}::{}",
                    property(&r.display_path),
                    property(d.rule),
                    data(&message)
                )?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes() {
        assert_eq!(data("50% a\nb"), "50%25 a%0Ab");
        assert_eq!(property("a:b,c"), "a%3Ab%2Cc");
    }
}
