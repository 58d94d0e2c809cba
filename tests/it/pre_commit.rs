//! pagelint as a pre-commit hook, run by the real `pre-commit`
//! (`pip install pre-commit`) on a throwaway Hugo site in a git repository:
//!
//! 1. with the `.pre-commit-config.yaml` the README recommends, installed as
//!    a git hook, committing a bad post is refused, naming the post, line
//!    and rule; the fixed post, a bad post in an `exclude`d folder
//!    (`--force-exclude`) and a README outside `content/` (the snippet's
//!    `files:`) are committed;
//! 2. with the whole-site hook too (`pagelint-site`, `pass_filenames:
//!    false`), deleting an image two posts use is refused.
//!
//! A third test installs the wheel through a local `language: python` hook.
//!
//! The hook's `language: rust` makes pre-commit `cargo install` this crate
//! in a `CARGO_HOME` of its own (so every dependency is fetched and built:
//! three to four minutes, unoptimised), so the test only runs with
//! `PAGELINT_TEST_PRE_COMMIT=1`, which `.ci/run` sets; otherwise it is
//! skipped with a message. The crate's files as they are on
//! disk (committed or not) are copied into a fresh git repository, so the
//! working tree is what is tested. Cargo's build folder for those installs
//! is kept in `target/tmp/pre-commit-cargo`, so later runs rebuild only
//! pagelint itself.

use crate::common;

use std::path::Path;
use std::process::{Command, Output};
use std::time::Instant;

use common::{TempSite, CLEAN_POST, MULTI_POST, POST_SCHEMA};

const ENABLE: &str = "PAGELINT_TEST_PRE_COMMIT";

/// What `cargo install --path` needs to build pagelint (Cargo.toml's
/// `include`), and the hook definition.
const CRATE_FILES: &[&str] = &[
    "Cargo.toml",
    "Cargo.lock",
    "README.md",
    ".pre-commit-hooks.yaml",
    "src",
    "rules",
];

fn enabled() -> bool {
    if std::env::var(ENABLE).is_ok_and(|v| v == "1") {
        return crate::wheel::tool("pre-commit", "pip install pre-commit");
    }
    eprintln!(
        "SKIPPED: set {ENABLE}=1 to run pre-commit for real (it builds pagelint; .ci/run does)"
    );
    false
}

/// A command with a fixed git identity and no signing, so that commits work
/// on any machine, and cargo's build folder shared between runs.
fn command(program: &str, cwd: &Path) -> Command {
    let mut cmd = Command::new(program);
    cmd.current_dir(cwd)
        .env("GIT_AUTHOR_NAME", "pagelint test")
        .env("GIT_AUTHOR_EMAIL", "test@example.org")
        .env("GIT_COMMITTER_NAME", "pagelint test")
        .env("GIT_COMMITTER_EMAIL", "test@example.org")
        .env("GIT_CONFIG_COUNT", "2")
        .env("GIT_CONFIG_KEY_0", "commit.gpgsign")
        .env("GIT_CONFIG_VALUE_0", "false")
        .env("GIT_CONFIG_KEY_1", "init.defaultBranch")
        .env("GIT_CONFIG_VALUE_1", "main")
        .env(
            "CARGO_TARGET_DIR",
            Path::new(env!("CARGO_TARGET_TMPDIR")).join("pre-commit-cargo"),
        )
        // The hook's install is what is tested, not the binary's speed: a
        // release build without optimisation takes a third of the time.
        .env("CARGO_PROFILE_RELEASE_OPT_LEVEL", "0")
        .env("CARGO_PROFILE_RELEASE_DEBUG", "false")
        .env("CARGO_PROFILE_RELEASE_CODEGEN_UNITS", "16")
        .env("NO_COLOR", "1")
        .env_remove("GIT_DIR")
        .env_remove("GIT_INDEX_FILE")
        .env_remove("GIT_WORK_TREE");
    cmd
}

/// Runs `program args` in `cwd`; returns the exit code and stdout + stderr.
fn run(program: &str, cwd: &Path, args: &[&str]) -> (i32, String) {
    let started = Instant::now();
    let out: Output = command(program, cwd)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {program} (is it installed?): {e}"));
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    eprintln!(
        "$ {program} {} ({:.1}s, exit {:?})\n{text}",
        args.join(" "),
        started.elapsed().as_secs_f64(),
        out.status.code()
    );
    (out.status.code().expect("not killed by a signal"), text)
}

fn git_ok(cwd: &Path, args: &[&str]) -> String {
    let (code, text) = run("git", cwd, args);
    assert_eq!(code, 0, "git {}: {text}", args.join(" "));
    text
}

fn copy_tree(from: &Path, to: &Path) {
    if from.is_dir() {
        std::fs::create_dir_all(to).unwrap();
        for entry in std::fs::read_dir(from).unwrap() {
            let entry = entry.unwrap();
            copy_tree(&entry.path(), &to.join(entry.file_name()));
        }
    } else {
        std::fs::copy(from, to).unwrap_or_else(|e| panic!("copy {}: {e}", from.display()));
    }
}

/// This crate's files as they are on disk, committed to a new repository;
/// returns it and the commit's hash.
fn hook_repo() -> (tempfile::TempDir, String) {
    let dir = tempfile::Builder::new()
        .prefix("pagelint-hook-")
        .tempdir()
        .unwrap();
    for f in CRATE_FILES {
        copy_tree(&common::repo().join(f), &dir.path().join(f));
    }
    git_ok(dir.path(), &["init", "--quiet"]);
    git_ok(dir.path(), &["add", "--all"]);
    git_ok(dir.path(), &["commit", "--quiet", "-m", "pagelint"]);
    let rev = git_ok(dir.path(), &["rev-parse", "HEAD"])
        .trim()
        .to_string();
    (dir, rev)
}

/// The `.pre-commit-config.yaml` of the README, pointing at `repo`.
fn pre_commit_config(repo: &Path, rev: &str) -> String {
    format!(
        "repos:
  - repo: {}
    rev: {rev}
    hooks:
      - id: pagelint
        files: ^content/
",
        repo.display()
    )
}

/// The README's config with the whole-site hook too.
fn whole_site_config(repo: &Path, rev: &str) -> String {
    format!(
        "{}      - id: pagelint-site\n",
        pre_commit_config(repo, rev)
    )
}

#[test]
fn pre_commit_runs_pagelint_on_staged_content() {
    if !enabled() {
        return;
    }
    let (hook, rev) = hook_repo();

    let site = TempSite::new();
    site.write(
        "pagelint.toml",
        format!("exclude = [\"content/drafts/**\"]\n\n{POST_SCHEMA}"),
    );
    site.write(
        ".pre-commit-config.yaml",
        pre_commit_config(hook.path(), &rev),
    );
    let root = site.root();
    git_ok(root, &["init", "--quiet"]);
    git_ok(root, &["add", "--all"]);
    git_ok(root, &["commit", "--quiet", "-m", "site"]);

    // 1. The README's config as a git hook: the bad post's commit fails and
    // names the post, its line and the rule.
    site.write("content/posts/bad.md", MULTI_POST);
    run("pre-commit", root, &["install"]);
    git_ok(root, &["add", "content/posts/bad.md"]);
    let (code, out) = run("git", root, &["commit", "-m", "bad post"]);
    assert_ne!(code, 0, "the commit is refused:\n{out}");
    assert!(
        out.contains("content/posts/bad.md:3:7") && out.contains("date-format"),
        "{out}"
    );
    let (_, log) = run("git", root, &["log", "--oneline"]);
    assert_eq!(log.lines().count(), 1, "nothing was committed:\n{log}");

    site.write("content/posts/bad.md", CLEAN_POST);
    git_ok(root, &["add", "content/posts/bad.md"]);
    let out = git_ok(root, &["commit", "-m", "fixed post"]);
    assert!(
        out.contains("pagelint....") && out.contains("Passed"),
        "{out}"
    );

    // `exclude` holds for the files pre-commit names (--force-exclude).
    site.write("content/drafts/wip.md", MULTI_POST);
    git_ok(root, &["add", "content/drafts/wip.md"]);
    git_ok(root, &["commit", "-m", "draft"]);

    // Markdown outside content/ is not pagelint's (the snippet's `files:`).
    site.write(
        "README.md",
        "# Site\n\n![screenshot](docs/screenshot.png)\n",
    );
    git_ok(root, &["add", "README.md"]);
    let out = git_ok(root, &["commit", "-m", "readme"]);
    assert!(out.contains("(no files to check)Skipped"), "{out}");

    // 2. Deleting an image two posts use: the per-file hook sees no Markdown
    // and passes; the whole-site hook (`pass_filenames: false`) refuses it.
    site.write("static/images/shared.png", b"png");
    for post in ["one", "two"] {
        site.write(
            &format!("content/posts/{post}.md"),
            CLEAN_POST.replace("Body.", "![shared](/images/shared.png)"),
        );
    }
    site.write(
        ".pre-commit-config.yaml",
        whole_site_config(hook.path(), &rev),
    );
    git_ok(root, &["add", "--all"]);
    git_ok(root, &["commit", "-m", "two posts and their image"]);
    git_ok(root, &["rm", "--quiet", "static/images/shared.png"]);
    let (code, out) = run("git", root, &["commit", "-m", "delete the image"]);
    assert_ne!(code, 0, "the whole-site hook refuses the deletion:\n{out}");
    assert!(
        out.contains("content/posts/one.md") && out.contains("content/posts/two.md"),
        "{out}"
    );
    assert!(out.contains("broken-image"), "{out}");
}

/// The README's fast path: a local hook whose `language: python` installs
/// the wheel (here, one built from this tree) instead of building pagelint.
#[test]
fn a_python_hook_installs_the_wheel_without_building() {
    if !enabled() {
        return;
    }
    let Some(wheel) = crate::wheel::prebuilt_wheel() else {
        return;
    };
    let site = TempSite::new();
    site.write("pagelint.toml", POST_SCHEMA);
    site.write(
        ".pre-commit-config.yaml",
        format!(
            "repos:
  - repo: local
    hooks:
      - id: pagelint
        name: pagelint
        entry: pagelint check --force-exclude
        language: python
        additional_dependencies: [\"{}\"]
        types: [text]
        files: ^content/.*\\.(md|markdown|mdown)$
",
            wheel.display()
        ),
    );
    let root = site.root();
    git_ok(root, &["init", "--quiet"]);
    git_ok(root, &["add", "--all"]);
    git_ok(root, &["commit", "--quiet", "-m", "site"]);
    run("pre-commit", root, &["install"]);
    site.write("content/posts/bad.md", MULTI_POST);
    git_ok(root, &["add", "content/posts/bad.md"]);
    // pre-commit installs the wheel (no build); the time is not asserted,
    // as the store's lock may wait for the other test's build.
    let (code, out) = run("git", root, &["commit", "-m", "bad post"]);
    assert_ne!(code, 0, "the commit is refused:\n{out}");
    assert!(out.contains("content/posts/bad.md:3:7"), "{out}");
}
