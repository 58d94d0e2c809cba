//! The Python wheel (`pyproject.toml`, maturin's `bindings = "bin"`): built
//! from this tree, installed into a fresh virtual environment, its
//! `pagelint` runs and checks the example site.
//!
//! It needs `maturin` (`pip install maturin`); without it the test is
//! skipped with a message, and fails with `PAGELINT_REQUIRE_TOOLS=1`, which
//! `.ci/run` sets. It costs seconds, not a build: maturin builds the dev
//! profile in the test binary's own target folder, where `cargo test` has
//! just built pagelint, so it only packages the binary.

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

/// Builds the wheel into `out`; returns its path.
pub fn build_wheel(out: &Path) -> PathBuf {
    let status = Command::new("maturin")
        .current_dir(repo())
        .args([
            "build",
            "--profile",
            "dev",
            "--locked",
            "--compatibility",
            "linux",
        ])
        .arg("--target-dir")
        .arg(target_dir())
        .arg("--out")
        .arg(out)
        .status()
        .expect("run maturin");
    assert!(status.success(), "maturin build failed");
    let wheel = std::fs::read_dir(out)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "whl"))
        .expect("a .whl file");
    let name = wheel.file_name().unwrap().to_string_lossy().into_owned();
    assert!(
        name.starts_with(&format!("pagelint-{}-py3-none-", env!("CARGO_PKG_VERSION"))),
        "{name}"
    );
    wheel
}

#[test]
fn the_wheel_installs_a_working_pagelint() {
    if !tool("maturin", "pip install maturin") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let wheel = build_wheel(&dir.path().join("wheels"));
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
