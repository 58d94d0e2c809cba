//! One document linted for the editor: the core API's [`Linted`] for the
//! buffer's text, with any panic inside the linter caught and turned into an
//! error, so that one document's bug never takes the server down.

use std::panic::{self, AssertUnwindSafe};
use std::path::Path;
use std::sync::Arc;

use crate::lint::{Linted, Linter};
use crate::select::Selection;
use crate::site::Site;

/// A test's hook, run on each text just before it is linted (it may panic).
pub type LintHook = Arc<dyn Fn(&str) + Send + Sync>;

/// Lints `text` as the file at `path`; Err holds a panic's message.
pub fn analyze(
    site: &Site,
    path: &Path,
    text: &str,
    hook: Option<&LintHook>,
) -> Result<Linted, String> {
    let selection = Selection::default();
    let run = || {
        if let Some(hook) = hook {
            hook(text);
        }
        Linter::new(site, &selection).lint(path, text.as_bytes().to_vec())
    };
    panic::catch_unwind(AssertUnwindSafe(run)).map_err(|payload| {
        payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "a panic without a message".to_string())
    })
}

/// Runs `f`, turning a panic into an error message (for request handlers).
pub fn guarded<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    panic::catch_unwind(AssertUnwindSafe(f)).map_err(|payload| {
        payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "a panic without a message".to_string())
    })
}
