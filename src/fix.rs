//! Applying fixes: edits change nothing outside their spans, and files are
//! replaced atomically so an interrupted run leaves the old or the new file.

use std::fs;
use std::io::{self, Write};
use std::path::Path;

use crate::diagnostic::{Applicability, Diagnostic, Edit};
use crate::engine::Engine;
use crate::input::Input;
use crate::outcome::{FileError, Outcome};

/// Which fixes to apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// `--fix`: safe fixes only.
    Safe,
    /// `--unsafe-fixes`: every fix.
    Unsafe,
}

impl Mode {
    /// Whether this mode applies a fix of `applicability`.
    pub fn allows(self, applicability: Applicability) -> bool {
        self == Mode::Unsafe || applicability == Applicability::Safe
    }
}

/// The text with every allowed fix applied, and how many fixes were applied.
/// A fix whose edits overlap an earlier one is left for the next run.
pub fn apply(text: &str, diagnostics: &[Diagnostic], mode: Mode) -> (String, usize) {
    let (chosen, applied) = edits(text, diagnostics, mode);
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

/// The edits [`apply`] makes, sorted by span, and how many fixes they are
/// (the language server sends them to the editor instead of writing them).
pub fn edits<'a>(text: &str, diagnostics: &'a [Diagnostic], mode: Mode) -> (Vec<&'a Edit>, usize) {
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
    (chosen, applied)
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

/// The unified diffs of every file the fixes would change, in path order;
/// empty when no fix applies.
pub fn diffs(outcome: &Outcome, mode: Mode) -> String {
    let mut out = String::new();
    for r in &outcome.results {
        let Some(text) = &r.text else { continue };
        let (fixed, n) = apply(text, &r.diagnostics, mode);
        if n > 0 {
            out.push_str(&unified_diff(&r.display_path, text, &fixed));
        }
    }
    out
}

/// What [`apply_to_files`] did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Applied {
    /// Fixes written.
    pub fixes: usize,
    /// Files rewritten.
    pub files: usize,
}

/// Writes every file's fixes, then lints the fixed files again so that
/// `outcome` holds what remains. A file that changed on disk since it was
/// linted, or that cannot be written, is left alone and becomes an error of
/// the outcome. Standard input is never rewritten.
pub fn apply_to_files(engine: &Engine<'_>, outcome: &mut Outcome, mode: Mode) -> Applied {
    let mut fixed_files = Vec::new();
    let mut fixes = 0;
    for r in &outcome.results {
        if r.from_stdin {
            continue;
        }
        let Some(text) = &r.text else { continue };
        let (new_text, n) = apply(text, &r.diagnostics, mode);
        if n == 0 {
            continue;
        }
        // The file must still be what was linted; a concurrent edit wins.
        let unchanged = fs::read(&r.path).is_ok_and(|b| b == text.as_bytes());
        let written = if unchanged {
            write_atomically(&r.path, new_text.as_bytes()).map_err(|e| e.to_string())
        } else {
            Err("the file changed while pagelint ran; not fixed".to_string())
        };
        match written {
            Ok(()) => {
                fixes += n;
                fixed_files.push(r.path.clone());
            }
            Err(message) => outcome.errors.push(FileError {
                display_path: r.display_path.clone(),
                message,
                skipped: false,
            }),
        }
    }
    if fixed_files.is_empty() {
        return Applied::default();
    }
    let again = engine.run(fixed_files.iter().cloned().map(Input::File).collect());
    outcome.results.retain(|r| !fixed_files.contains(&r.path));
    outcome.results.extend(
        again
            .results
            .into_iter()
            .filter(|r| fixed_files.contains(&r.path)),
    );
    outcome
        .results
        .sort_by(|a, b| a.display_path.cmp(&b.display_path));
    outcome.errors.extend(again.errors);
    Applied {
        fixes,
        files: fixed_files.len(),
    }
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
