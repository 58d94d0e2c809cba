//! `path:line:col: severity[rule] message`, one finding a line.

use std::io::{self, Write};

use super::{Options, Report};
use crate::engine::Outcome;

pub struct Concise {
    pub options: Options,
}

impl Report for Concise {
    fn report(&self, outcome: &Outcome, out: &mut dyn Write) -> io::Result<()> {
        for r in &outcome.results {
            for (d, at) in r.diagnostics.iter().zip(&r.locations) {
                let (line, col) = (at.start.line, at.start.column);
                writeln!(
                    out,
                    "{}:{line}:{col}: {}[{}] {}",
                    r.display_path, d.severity, d.rule, d.message
                )?;
            }
        }
        if self.options.statistics {
            out.write_all(super::statistics(outcome).as_bytes())?;
        }
        Ok(())
    }
}
