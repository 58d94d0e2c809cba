//! Where documents come from: content files read under the symlink policy,
//! or standard input; and how their paths are shown.

use std::path::{Path, PathBuf};

/// Where a document comes from.
pub enum Input {
    /// A file, by absolute path.
    File(PathBuf),
    /// Standard input, linted as if it were at the given path.
    Stdin {
        /// Everything read from standard input.
        bytes: Vec<u8>,
        /// The absolute path it is linted as (`--stdin-filename`).
        path: PathBuf,
    },
}

/// Why a content file was not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadError {
    /// What to tell the user, e.g. `skipped: a named pipe, not a regular file`.
    pub message: String,
    /// Skipped on purpose (a warning), rather than unreadable (exit 2).
    pub skipped: bool,
}

impl ReadError {
    fn skipped(message: &str) -> Self {
        ReadError {
            message: format!("skipped: {message}"),
            skipped: true,
        }
    }

    fn failed(e: &std::io::Error) -> Self {
        ReadError {
            message: e.to_string(),
            skipped: false,
        }
    }
}

fn file_kind(meta: &std::fs::Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            return "a named pipe";
        }
        if t.is_char_device() || t.is_block_device() {
            return "a device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    if meta.is_dir() {
        "a folder"
    } else {
        "a special file"
    }
}

/// Reads a content file, refusing anything that is not a regular file inside
/// `site_root` before opening it: opening a named pipe would block, a device
/// may never end, and a symlink may lead out of the site.
///
/// Errors: [`ReadError`] with `skipped` for a file that vanished, a dangling
/// symlink, a symlink out of the site, or a special file; without it for an
/// I/O error (permissions, a read failure).
pub fn read_content_file(path: &Path, site_root: &Path) -> Result<Vec<u8>, ReadError> {
    let gone = || ReadError::skipped("it no longer exists");
    // One `lstat` for the common case, a regular file; links get a second look.
    let meta = match std::fs::symlink_metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(gone()),
        Err(e) => return Err(ReadError::failed(&e)),
    };
    let meta = if meta.file_type().is_symlink() {
        let Ok(target) = std::fs::metadata(path) else {
            return Err(ReadError::skipped("a symlink to nothing"));
        };
        let inside = std::fs::canonicalize(path)
            .ok()
            .zip(std::fs::canonicalize(site_root).ok())
            .is_some_and(|(target, root)| target.starts_with(root));
        if !inside {
            return Err(ReadError::skipped("a symlink to a file outside the site"));
        }
        target
    } else {
        meta
    };
    if !meta.is_file() {
        let kind = file_kind(&meta);
        return Err(ReadError::skipped(&format!("{kind}, not a regular file")));
    }
    match std::fs::read(path) {
        Ok(bytes) => Ok(bytes),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(gone()),
        Err(e) => Err(ReadError::failed(&e)),
    }
}

/// `path` relative to `cwd` with `/` separators, climbing with `..` where
/// needed; the path itself when they share no prefix.
pub fn relative_display(cwd: &Path, path: &Path) -> String {
    let base: Vec<_> = cwd.components().collect();
    let target: Vec<_> = path.components().collect();
    let common = base.iter().zip(&target).take_while(|(a, b)| a == b).count();
    if common == 0 {
        return path.to_string_lossy().replace('\\', "/");
    }
    let mut parts: Vec<String> = vec!["..".to_string(); base.len() - common];
    parts.extend(
        target[common..]
            .iter()
            .map(|c| c.as_os_str().to_string_lossy().into_owned()),
    );
    parts.join("/")
}

/// `p` made absolute against `cwd`, with `.` and `..` resolved lexically so
/// that paths compare and display predictably.
pub fn absolute(cwd: &Path, p: &Path) -> PathBuf {
    let joined = if p.is_absolute() {
        p.to_path_buf()
    } else {
        cwd.join(p)
    };
    let mut out = PathBuf::new();
    for c in joined.components() {
        match c {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}
