//! The frictions a new user met in their first hour (issue 13), one test each.

use crate::common::{exit_code, stderr, stdout, TempSite, CLEAN_POST};

fn site_with_post() -> TempSite {
    let site = TempSite::new();
    site.write("content/posts/a.md", CLEAN_POST);
    site
}

#[test]
fn config_errors_come_all_at_once_with_the_users_forms() {
    let site = site_with_post();
    site.write(
        "pagelint.toml",
        "hugo-version = 0.146\n[rules]\nempty-field = \"eror\"\n[[schema]]\n\
         files = [\"content/posts/**/*.md\"]\n[schema.fields.title]\npattern = \"[a-z\"\n",
    );
    let out = site.cmd().arg("check").output().unwrap();
    assert_eq!(exit_code(&out), 2);
    let err = stderr(&out);
    for expected in [
        "help: put it in quotes: `hugo-version = \"0.146\"`",
        "× unknown level `eror`",
        "help: did you mean `error`?",
        "`pattern` is not a valid regular expression",
        "[a-z\n",
        "is invalid (3 mistakes)",
    ] {
        assert!(err.contains(expected), "no {expected:?} in\n{err}");
    }
    assert!(!err.contains("^(?:"), "the pattern's internal form:\n{err}");
}

#[test]
fn a_config_file_that_does_not_exist_is_named() {
    let site = site_with_post();
    let out = site
        .cmd()
        .args(["check", "--config", "nope.toml"])
        .output()
        .unwrap();
    assert_eq!(exit_code(&out), 2);
    assert_eq!(
        stderr(&out),
        "pagelint: error: --config nope.toml: no such file\n"
    );
    assert_eq!(stdout(&out), "");
}
