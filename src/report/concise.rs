//! `path:line:col: severity[rule] message`, one finding a line.

use std::io::{self, Write};

use super::{Options, Report};
use crate::outcome::{FileResult, Totals};

pub struct Concise {
    pub options: Options,
}

impl Report for Concise {
    fn file(&self, _index: usize, r: &FileResult, out: &mut dyn Write) -> io::Result<()> {
        for (d, at) in r.diagnostics.iter().zip(&r.locations) {
            let (line, col) = (at.start.line, at.start.column);
            writeln!(
                out,
                "{}:{line}:{col}: {}[{}] {}",
                r.display_path, d.severity, d.rule, d.message
            )?;
        }
        Ok(())
    }

    fn end(&self, totals: &Totals, out: &mut dyn Write) -> io::Result<()> {
        if self.options.statistics {
            out.write_all(super::statistics(totals).as_bytes())?;
        }
        Ok(())
    }
}
