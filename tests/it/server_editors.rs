//! `pagelint server` in real editors: Neovim's built-in LSP client (with
//! `editors/nvim/pagelint_lsp.lua`) and Emacs's eglot (with
//! `editors/emacs/pagelint-eglot.el`), headless, on a post of
//! `fixtures/blog`: the diagnostics each editor holds, at the right lines
//! and columns, before and after an unsaved edit, and a clean exit.
//!
//! Without the editor these tests are skipped with a message, unless
//! `PAGELINT_REQUIRE_NVIM=1` / `PAGELINT_REQUIRE_EMACS=1` (set by `.ci/run`,
//! which installs them), where a missing editor is a failure.

use std::process::Command;

use crate::common;

const POST: &str = "fixtures/blog/content/posts/2025-05-13-anthropic.md";

/// Whether `program` runs; a failure instead of a skip when `require` is set.
fn available(program: &str, require: &str) -> bool {
    let found = Command::new(program).arg("--version").output().is_ok();
    if !found {
        if std::env::var(require).is_ok_and(|v| v == "1") {
            panic!("{require}=1 but `{program}` is not on PATH");
        }
        eprintln!("skipped: {program} is not on PATH (set {require}=1 to make this a failure)");
    }
    found
}

/// Runs `program args` in the repository root with `PAGELINT_BIN` set to
/// the built binary; its standard output, after checking it succeeded.
fn run(program: &str, args: &[&str]) -> String {
    let mut cmd = Command::new(program);
    cmd.args(args)
        .env("PAGELINT_BIN", env!("CARGO_BIN_EXE_pagelint"))
        .env("PAGELINT_LOG", "warn");
    common::run_editor(cmd)
}

fn assert_lines(out: &str, expected: &[&str]) {
    for line in expected {
        assert!(
            out.lines().any(|l| l == *line),
            "missing `{line}` in:\n{out}"
        );
    }
}

#[test]
fn neovim_builtin_client_shows_the_servers_diagnostics() {
    if !available("nvim", "PAGELINT_REQUIRE_NVIM") {
        return;
    }
    let out = run(
        "nvim",
        &[
            "--headless",
            "-u",
            "NONE",
            "-i",
            "NONE",
            POST,
            "-c",
            "luafile editors/nvim/try-lsp.lua",
            "-c",
            "cquit!",
        ],
    );
    // 0-based lines, byte columns. Lines 7 and 8 (1-based) hold the empty
    // fields; line 56 the missing image.
    assert_lines(
        &out,
        &[
            "open 6:12-6:14 ERROR empty-field pagelint",
            "open 7:13-7:15 WARN empty-field pagelint",
            "open 55:4-55:39 ERROR broken-image pagelint",
            // After the unsaved edit: "😀 標題 ![](" is 16 bytes (10 UTF-16
            // units, which the server sends and Neovim converts).
            "edit 12:16-12:41 ERROR broken-image pagelint",
            "edit 56:4-56:39 ERROR broken-image pagelint",
            "action Suppress `broken-image` on this line",
            "exit 0",
        ],
    );
}

#[test]
fn emacs_eglot_shows_the_servers_diagnostics() {
    if !available("emacs", "PAGELINT_REQUIRE_EMACS") {
        return;
    }
    let out = run(
        "emacs",
        &["--batch", "-Q", "-l", "editors/emacs/try-eglot.el", POST],
    );
    if out.contains("SKIPPED: eglot") {
        if std::env::var("PAGELINT_REQUIRE_EMACS").is_ok_and(|v| v == "1") {
            panic!("PAGELINT_REQUIRE_EMACS=1 but eglot is not installed:\n{out}");
        }
        eprintln!("skipped: eglot is not installed (Debian: elpa-eglot)");
        return;
    }
    // 1-based lines, 0-based character columns, as Emacs counts them.
    assert_lines(
        &out,
        &[
            "open 7:12 error empty-field",
            "open 8:13 warning empty-field",
            "open 56:4 error broken-image",
            // "😀 標題 ![](" is 9 characters (10 UTF-16 units).
            "edit 13:9 error broken-image",
            "edit 57:4 error broken-image",
            "exit 0",
        ],
    );
}
