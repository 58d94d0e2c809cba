//! `pagelint check` (the default), `pagelint rules` and `pagelint rule NAME`.

use crate::common;

use common::{exit_code, pagelint, post_site, stderr, stdout, TempSite, MULTI_POST};

#[test]
fn check_is_the_default_command() {
    let site = post_site();
    site.write("content/posts/a.md", MULTI_POST);
    let implicit = site.cmd().args(["--format", "concise"]).output().unwrap();
    let explicit = site
        .cmd()
        .args(["check", "--format", "concise"])
        .output()
        .unwrap();
    assert_eq!(exit_code(&explicit), 1);
    assert_eq!(stdout(&implicit), stdout(&explicit));
}

#[test]
fn rules_lists_every_rule_with_its_default() {
    let dir = TempSite::empty();
    let out = pagelint(dir.root()).arg("rules").output().unwrap();
    assert_eq!(exit_code(&out), 0);
    let text = stdout(&out);
    for rule in pagelint::rules::ALL {
        let meta = rule.meta();
        let line = text
            .lines()
            .find(|l| l.split_whitespace().next() == Some(meta.name))
            .unwrap_or_else(|| panic!("`pagelint rules` does not list {}:\n{text}", meta.name));
        let default = if meta.default_enabled {
            meta.severity.as_str()
        } else {
            "off"
        };
        assert_eq!(line.split_whitespace().nth(1), Some(default), "{line}");
        assert!(line.contains(meta.summary), "{line}");
    }
    let listed = text
        .lines()
        .filter(|l| pagelint::rules::by_name(l.split_whitespace().next().unwrap_or("")).is_some())
        .count();
    assert_eq!(
        listed,
        pagelint::rules::ALL.len(),
        "each rule once:\n{text}"
    );
}

#[test]
fn rule_prints_the_rules_page() {
    let dir = TempSite::empty();
    for rule in pagelint::rules::ALL {
        let name = rule.meta().name;
        let out = pagelint(dir.root()).args(["rule", name]).output().unwrap();
        assert_eq!(exit_code(&out), 0, "{name}");
        let page =
            std::fs::read_to_string(common::repo().join(format!("rules/{name}.md"))).unwrap();
        assert_eq!(stdout(&out), page, "{name}");
    }
}

#[test]
fn rule_with_an_unknown_name_exits_2() {
    let dir = TempSite::empty();
    let out = pagelint(dir.root())
        .args(["rule", "nosuch"])
        .output()
        .unwrap();
    assert_eq!(exit_code(&out), 2);
    assert!(stdout(&out).is_empty());
    assert!(stderr(&out).contains("nosuch"), "{}", stderr(&out));
    let out = pagelint(dir.root())
        .args(["rule", "empty-feild"])
        .output()
        .unwrap();
    assert_eq!(exit_code(&out), 2);
    assert!(
        stderr(&out).contains("empty-field"),
        "did-you-mean: {}",
        stderr(&out)
    );
}
