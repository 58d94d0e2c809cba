//! `file-encoding`: a content file Hugo cannot read as text: invalid UTF-8,
//! UTF-16, or binary.

use crate::diagnostic::{Diagnostic, Fixable, Severity, Sink};
use crate::document::Unreadable;
use crate::rules::{Context, Rule, RuleMeta};

/// The `file-encoding` rule (`rules/file-encoding.md`).
pub struct FileEncoding;

static META: RuleMeta = RuleMeta {
    name: "file-encoding",
    summary: "a content file that is not UTF-8 text",
    severity: Severity::Error,
    default_enabled: true,
    fixable: Fixable::No,
    doc: include_str!("../../rules/file-encoding.md"),
};

fn not_utf8(offset: usize) -> Diagnostic {
    Diagnostic::new(
        &META,
        offset..offset + 3,
        format!("not valid UTF-8 at byte {offset}"),
    )
    .label("this byte is not UTF-8")
    .help(
        "Hugo reads content as UTF-8: re-save the file as UTF-8 (e.g. `iconv -f latin1 -t utf-8`)",
    )
}

impl Rule for FileEncoding {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        match cx.doc.unreadable {
            None => {}
            Some(Unreadable::InvalidUtf8 { offset }) => out.push(not_utf8(offset)),
            Some(Unreadable::Utf16) => out.push(
                Diagnostic::new(&META, 0..0, "the file is UTF-16; Hugo reads UTF-8 only")
                    .label("UTF-16 byte order mark")
                    .help("re-save the file as UTF-8"),
            ),
            Some(Unreadable::Binary { offset }) => out.push(
                Diagnostic::new(
                    &META,
                    0..0,
                    format!("binary file with a Markdown name (NUL byte at {offset})"),
                )
                .label("not text")
                .help("rename it, or add it to `exclude` in pagelint.toml"),
            ),
        }
    }
}
