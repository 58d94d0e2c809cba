//! The Python wheel (`pyproject.toml`, maturin's `bindings = "bin"`): built
//! from this tree, installed into a fresh virtual environment, its
//! `pagelint` runs and checks the example site.
//!
//! The wheel is built before the tests, by `.ci/run` (or by hand):
//! `maturin build --profile dev --locked --compatibility linux --out target/wheels`.
//! That costs seconds, not a build: maturin builds the dev profile in the
//! target folder `cargo test` then uses, so the binary is compiled once for
//! both. (Built during the tests, cargo would re-link `target/debug/pagelint`
//! while other tests run it.) Without a wheel the test is skipped with a
//! message, and fails with `PAGELINT_REQUIRE_TOOLS=1`, which `.ci/run` sets.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::{self, repo};

/// Whether `program` runs; otherwise a skip message, or a failure when
/// `PAGELINT_REQUIRE_TOOLS=1`.
pub fn tool(program: &str, why: &str) -> bool {
    if Command::new(program).arg("--version").output().is_ok() {
        return true;
    }
    let required = std::env::var("PAGELINT_REQUIRE_TOOLS").is_ok_and(|v| v == "1");
    assert!(
        !required,
        "{program} is not on PATH ({why}), and PAGELINT_REQUIRE_TOOLS=1"
    );
    eprintln!("SKIPPED: {program} is not on PATH ({why})");
    false
}

/// The target folder `cargo test` built this binary in.
fn target_dir() -> PathBuf {
    // …/target/debug/pagelint
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_pagelint"));
    bin.parent().and_then(Path::parent).unwrap().to_path_buf()
}

/// The wheel of this version built before the tests into `target/wheels`;
/// None (after a skip message) when there is none.
pub fn prebuilt_wheel() -> Option<PathBuf> {
    let dir = target_dir().join("wheels");
    let prefix = format!("pagelint-{}-py3-none-", env!("CARGO_PKG_VERSION"));
    let wheel = std::fs::read_dir(&dir).ok().and_then(|entries| {
        entries.filter_map(|e| e.ok().map(|e| e.path())).find(|p| {
            p.extension().is_some_and(|e| e == "whl")
                && p.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with(&prefix))
        })
    });
    if wheel.is_none() {
        let why = format!(
            "no wheel in {}: `maturin build --profile dev --locked --compatibility linux \
             --out {}` builds one (.ci/run does)",
            dir.display(),
            dir.display()
        );
        let required = std::env::var("PAGELINT_REQUIRE_TOOLS").is_ok_and(|v| v == "1");
        assert!(!required, "{why}, and PAGELINT_REQUIRE_TOOLS=1");
        eprintln!("SKIPPED: {why}");
    }
    wheel
}

#[test]
fn the_wheel_installs_a_working_pagelint() {
    let Some(wheel) = prebuilt_wheel() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let venv = dir.path().join("venv");
    let status = Command::new("python3")
        .args(["-m", "venv"])
        .arg(&venv)
        .status()
        .unwrap();
    assert!(status.success());
    let status = Command::new(venv.join("bin/pip"))
        .args([
            "install",
            "--quiet",
            "--no-index",
            "--disable-pip-version-check",
        ])
        .arg(&wheel)
        .status()
        .unwrap();
    assert!(status.success(), "pip install {}", wheel.display());
    let installed = venv.join("bin/pagelint");
    let out = Command::new(&installed).arg("--version").output().unwrap();
    assert_eq!(
        common::stdout(&out),
        format!("pagelint {}\n", env!("CARGO_PKG_VERSION"))
    );
    // The same report as the binary cargo built.
    let check = |program: &Path| {
        let out = Command::new(program)
            .current_dir(repo())
            .args(["check", "--format", "concise", "fixtures/blog"])
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        (out.status.code(), common::stdout(&out))
    };
    let (code, report) = check(&installed);
    assert_eq!(code, Some(1));
    assert_eq!(report.lines().count(), 7, "{report}");
    assert_eq!(
        (code, report),
        check(Path::new(env!("CARGO_BIN_EXE_pagelint")))
    );
}
