//! The editor configurations of `editors/`, tried with the built binary on
//! `fixtures/blog`: each harness (`editors/*/try-*`) runs pagelint the way
//! its editor would and parses the output with the configuration's own
//! pattern. A harness whose program (node, nvim, emacs) is not on PATH is
//! skipped with a message, and fails with `PAGELINT_REQUIRE_TOOLS=1` (set by
//! `.ci/run`, which installs them). The nvim-lint one needs `NVIM_LINT`, a
//! checkout of nvim-lint that no registry has: it is `#[ignore]`d, so every
//! run lists it as ignored. See `editors/README.md`.

use crate::common;

use std::path::{Path, PathBuf};
use std::process::Command;

const POST: &str = "fixtures/blog/content/posts/2025-05-13-anthropic.md";

/// What every editor must show for [`POST`].
struct Finding {
    line: u32,
    column: u32,
    warning: bool,
    rule: &'static str,
}

const EXPECTED: &[Finding] = &[
    Finding {
        line: 7,
        column: 13,
        warning: false,
        rule: "empty-field",
    },
    Finding {
        line: 8,
        column: 14,
        warning: true,
        rule: "empty-field",
    },
    Finding {
        line: 56,
        column: 5,
        warning: false,
        rule: "broken-image",
    },
];

/// Whether `program` is on PATH: otherwise a skip message, or a failure
/// with `PAGELINT_REQUIRE_TOOLS=1` (which `.ci/run` sets after installing
/// node, Neovim and Emacs).
fn on_path(program: &str) -> bool {
    crate::wheel::tool(program, "install it to run this editor's test")
}

/// `program args` in the repository root, with the built pagelint first on PATH.
fn run(program: &str, args: &[&str]) -> String {
    let bin_dir = PathBuf::from(env!("CARGO_BIN_EXE_pagelint"))
        .parent()
        .unwrap()
        .to_path_buf();
    let path = std::env::join_paths(std::iter::once(bin_dir).chain(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    )))
    .unwrap();
    let mut cmd = Command::new(program);
    cmd.args(args).env("PATH", path).env("NO_COLOR", "1");
    common::run_editor(cmd)
}

/// Every expected finding, as the harness prints it, is in `out`.
fn assert_has(out: &str, print: impl Fn(&Finding) -> String) {
    for f in EXPECTED {
        let want = print(f);
        assert!(out.contains(&want), "missing `{want}` in:\n{out}");
    }
}

#[test]
fn vscode_problem_matcher_parses_the_concise_report() {
    if !on_path("node") {
        return;
    }
    let out = run(
        "node",
        &[
            "editors/vscode/try-problem-matcher.js",
            "fixtures/blog",
            POST,
        ],
    );
    assert_has(&out, |f| {
        format!(
            "\"severity\":\"{}\",\"code\":\"{}\",\"startLineNumber\":{},\"startColumn\":{}",
            if f.warning { "Warning" } else { "Error" },
            f.rule,
            f.line,
            f.column
        )
    });
    assert!(
        out.contains("\"code\":\"date-format\""),
        "the whole-site task: {out}"
    );
}

#[test]
fn neovim_pattern_makes_diagnostics() {
    if !on_path("nvim") {
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
            "luafile editors/nvim/try-pattern.lua",
            "-c",
            "cquit!",
        ],
    );
    // vim.diagnostic positions are 0-based.
    assert_has(&out, |f| {
        format!(
            "lnum={} col={} severity={} code={} source=pagelint",
            f.line - 1,
            f.column - 1,
            if f.warning { "WARN" } else { "ERROR" },
            f.rule
        )
    });
}

#[test]
#[ignore = "needs NVIM_LINT, a checkout of nvim-lint, which no package registry has: \
            NVIM_LINT=DIR cargo test --test it -- --ignored nvim_lint"]
fn neovim_nvim_lint_linter_makes_diagnostics() {
    let nvim_lint = std::env::var_os("NVIM_LINT").expect("NVIM_LINT, a checkout of nvim-lint");
    assert!(Path::new(&nvim_lint).join("lua/lint.lua").exists());
    if !on_path("nvim") {
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
            "luafile editors/nvim/try-nvim-lint.lua",
            "-c",
            "cquit!",
        ],
    );
    assert!(out.contains("as saved: 3 diagnostics"), "{out}");
    assert!(
        out.contains("after editing line 7, unsaved: 2 diagnostics"),
        "{out}"
    );
    assert_has(&out, |f| {
        format!(
            "{}:{} {} [{}]",
            f.line,
            f.column,
            if f.warning { "WARN" } else { "ERROR" },
            f.rule
        )
    });
}

#[test]
fn emacs_flymake_and_compile_parse_the_concise_report() {
    if !on_path("emacs") {
        return;
    }
    let out = run(
        "emacs",
        &[
            "--batch",
            "-Q",
            "-l",
            "editors/emacs/pagelint.el",
            "-l",
            "editors/emacs/try-pagelint.el",
            POST,
        ],
    );
    // Flymake, on the file.
    assert_has(&out, |f| {
        format!(
            "  {}:{} {} ",
            f.line,
            f.column,
            if f.warning { ":warning" } else { ":error" }
        )
    });
    // M-x pagelint-compile, on its folder: every finding of the site.
    assert_has(&out, |f| {
        format!(
            "2025-05-13-anthropic.md:{}:{} {}",
            f.line,
            f.column,
            if f.warning { "warning" } else { "error" }
        )
    });
    assert!(out.contains("2025-02-30-leap-day.md:3:7 error"), "{out}");
}
