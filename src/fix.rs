//! Applying fixes: edits change nothing outside their spans, and files are
//! replaced atomically so an interrupted run leaves the old or the new file.

use std::fs;
use std::io::{self, Write};
use std::path::Path;

use crate::diagnostic::{Applicability, Diagnostic, Edit};

/// Which fixes to apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Safe,
    Unsafe,
}

impl Mode {
    pub fn allows(self, applicability: Applicability) -> bool {
        self == Mode::Unsafe || applicability == Applicability::Safe
    }
}

/// The text with every allowed fix applied, and how many fixes were applied.
/// A fix whose edits overlap an earlier one is left for the next run.
pub fn apply(text: &str, diagnostics: &[Diagnostic], mode: Mode) -> (String, usize) {
    let mut chosen: Vec<&Edit> = Vec::new();
    let mut applied = 0;
    for fix in diagnostics.iter().filter_map(|d| d.fix.as_ref()) {
        if !mode.allows(fix.applicability) {
            continue;
        }
        let valid = fix.edits.iter().all(|e| {
            e.span.start <= e.span.end
                && e.span.end <= text.len()
                && text.is_char_boundary(e.span.start)
                && text.is_char_boundary(e.span.end)
        });
        let overlaps = fix.edits.iter().any(|e| {
            chosen.iter().any(|c| {
                e.span.start < c.span.end.max(c.span.start + 1)
                    && c.span.start < e.span.end.max(e.span.start + 1)
            })
        });
        if valid && !overlaps {
            chosen.extend(fix.edits.iter());
            applied += 1;
        }
    }
    chosen.sort_by_key(|e| e.span.start);
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for e in chosen {
        out.push_str(&text[at..e.span.start]);
        out.push_str(&e.content);
        at = e.span.end;
    }
    out.push_str(&text[at..]);
    (out, applied)
}

/// Replaces `path` with `contents`: a temporary file beside it, flushed to
/// disk, given the original's permissions, then renamed over it.
pub fn write_atomically(path: &Path, contents: &[u8]) -> io::Result<()> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let permissions = fs::metadata(path)?.permissions();
    if permissions.readonly() {
        return Err(io::Error::new(
            io::ErrorKind::PermissionDenied,
            "the file is read-only",
        ));
    }
    // A fresh name each try: a file left by a killed run (whose process id
    // may come back) never blocks this one.
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    let mut result = Err(io::Error::new(
        io::ErrorKind::AlreadyExists,
        "no free temporary name",
    ));
    for attempt in 0..16u32 {
        let tmp = dir.join(format!(
            ".{name}.pagelint-{}-{nanos:x}-{attempt}.tmp",
            std::process::id()
        ));
        let file = match fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)
        {
            Ok(file) => file,
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        };
        result = (|| {
            let mut file = file;
            file.write_all(contents)?;
            file.set_permissions(permissions.clone())?;
            file.sync_all()?;
            fs::rename(&tmp, path)
        })();
        if result.is_err() {
            let _ = fs::remove_file(&tmp);
        }
        break;
    }
    result
}

/// A unified diff of one file, as `--diff` prints it.
pub fn unified_diff(path: &str, old: &str, new: &str) -> String {
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(2)
        .header(&format!("a/{path}"), &format!("b/{path}"))
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Fix;
    use crate::rules;

    fn diag(fix: Fix) -> Diagnostic {
        Diagnostic::new(rules::ALL[0].meta(), 0..0, "x").fix(fix)
    }

    #[test]
    fn applies_only_allowed_non_overlapping_edits() {
        let text = "ab\r\ncd\r\n";
        let diags = vec![
            diag(Fix::safe(0..1, "A")),
            diag(Fix::unsafe_(4..5, "C")),
            diag(Fix::safe(0..2, "zz")),
        ];
        assert_eq!(
            apply(text, &diags, Mode::Safe),
            ("Ab\r\ncd\r\n".to_string(), 1)
        );
        assert_eq!(
            apply(text, &diags, Mode::Unsafe),
            ("Ab\r\nCd\r\n".to_string(), 2)
        );
    }

    #[cfg(unix)]
    #[test]
    fn atomic_write_keeps_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        fs::write(&path, "old").unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
        write_atomically(&path, b"new").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "new");
        assert_eq!(
            fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o640
        );
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
