//! How pagelint is installed and released: the workflow files are valid
//! GitHub and GitLab CI (checked offline with `check-jsonschema`'s bundled
//! schemas), the release's archives are what `cargo binstall` looks for,
//! and the README's snippets can be copied as they are.

use std::process::Command;

use crate::common::{repo, stdout};

fn read(path: &str) -> String {
    std::fs::read_to_string(repo().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn workflows_are_valid_against_the_ci_schemas() {
    if !crate::wheel::tool("check-jsonschema", "pip install check-jsonschema") {
        return;
    }
    for (schema, files) in [
        (
            "vendor.github-workflows",
            &[
                ".github/workflows/release.yml",
                "docs/ci/github-actions.yml",
            ][..],
        ),
        ("vendor.gitlab-ci", &["docs/ci/gitlab-ci.yml"][..]),
    ] {
        let out = Command::new("check-jsonschema")
            .current_dir(repo())
            .args(["--builtin-schema", schema])
            .args(files)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{files:?} against {schema}:\n{}{}",
            stdout(&out),
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn the_release_archives_are_what_cargo_binstall_downloads() {
    let cargo = read("Cargo.toml");
    let workflow = read(".github/workflows/release.yml");
    assert!(cargo.contains(
        "pkg-url = \"{ repo }/releases/download/v{ version }/pagelint-{ target }{ archive-suffix }\""
    ));
    assert!(cargo.contains("bin-dir = \"pagelint-{ target }/{ bin }{ binary-ext }\""));
    assert!(cargo.contains("repository = \"https://github.com/pagelint/pagelint\""));
    // The archive is named pagelint-TARGET and holds pagelint-TARGET/pagelint.
    assert!(workflow.contains("dir=pagelint-${{ matrix.target }}"));
    assert!(workflow.contains("tar czf \"$dir.tar.gz\" \"$dir\""));
    assert!(workflow.contains("tags: [\"v*.*.*\"]"));
    for license in ["LICENSE-MIT", "LICENSE-APACHE"] {
        assert!(
            repo().join(license).is_file(),
            "{license}, which Cargo.toml declares"
        );
    }
    let pyproject = read("pyproject.toml");
    assert!(pyproject.contains("bindings = \"bin\""));
}

#[test]
fn the_readme_snippets_can_be_copied_as_they_are() {
    let version = env!("CARGO_PKG_VERSION");
    let tag = format!("v{version}");
    for path in [
        "README.md",
        "docs/ci/github-actions.yml",
        "docs/ci/gitlab-ci.yml",
    ] {
        let text = read(path);
        assert!(!text.contains("OWNER"), "{path} has a placeholder to guess");
        for line in text
            .lines()
            .filter(|l| l.contains("rev:") || l.contains("_TAG:"))
        {
            assert!(
                line.contains(&tag),
                "{path}: `{line}` is not the release tag {tag}"
            );
        }
        for line in text.lines().filter(|l| l.contains("cargo install")) {
            assert!(
                line.contains("--locked"),
                "{path}: `{line}` without --locked"
            );
        }
    }
}
