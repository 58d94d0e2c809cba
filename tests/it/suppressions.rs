//! Suppression comments in the body and in front matter, and the findings
//! about suppressions that silence nothing.

use crate::common;

use common::TempSite;

fn site_with(post: &str) -> TempSite {
    let site = TempSite::new();
    site.write("static/images/real.jpg", "jpg");
    site.write("content/posts/p.md", post);
    site
}

fn findings(site: &TempSite, args: &[&str]) -> (i32, Vec<(String, u64, String)>) {
    let (code, report) = site.json(args);
    let found = report
        .diagnostics()
        .iter()
        .map(|d| (d.rule().to_string(), d.line(), d.severity().to_string()))
        .collect();
    (code, found)
}

#[test]
fn front_matter_line_comment_silences_that_line() {
    let site = site_with(
        "---\ntitle: \"x\"\nsummary: \"\" # pagelint: ignore[empty-field]\nsource: \"\"\n---\n",
    );
    site.write("pagelint.toml", "[empty-field]\nundeclared = true\n");
    let (code, found) = findings(&site, &[]);
    assert_eq!(code, 0);
    assert_eq!(
        found,
        [("empty-field".to_string(), 4, "warning".to_string())]
    );
}

#[test]
fn toml_front_matter_line_comment() {
    let site = site_with(
        "+++\ntitle = \"x\"\ndate = \"2025-02-30\" # pagelint: ignore[date-format]\n+++\n",
    );
    assert_eq!(findings(&site, &[]), (0, vec![]));
}

#[test]
fn disable_next_line_silences_only_the_next_line() {
    let site = site_with(
        "---\ntitle: x\n---\n<!-- pagelint-disable-next-line broken-image -->\n![](/images/gone.jpg)\n![](/images/gone2.jpg)\n",
    );
    let (code, found) = findings(&site, &[]);
    assert_eq!(code, 1);
    assert_eq!(
        found,
        [("broken-image".to_string(), 6, "error".to_string())]
    );
}

#[test]
fn disable_enable_region() {
    let site = site_with(
        "---\ntitle: x\n---\n<!-- pagelint-disable broken-image, shortcode-unknown -->\n![](/a.jpg)\n{{< nosuch >}}\n<!-- pagelint-enable broken-image -->\n![](/b.jpg)\n{{< nosuch2 >}}\n",
    );
    let (_, found) = findings(&site, &[]);
    assert_eq!(
        found,
        [("broken-image".to_string(), 8, "error".to_string())]
    );
}

#[test]
fn unused_unknown_and_nameless_suppressions_are_reported() {
    let site = site_with(
        "---\ntitle: x\n---\n<!-- pagelint-disable-next-line broken-image -->\n![](/images/real.jpg)\n<!-- pagelint-disable-next-line brokn-image -->\ntext\n<!-- pagelint-disable-next-line -->\ntext\n",
    );
    let (code, report) = site.json(&[]);
    assert_eq!(code, 0, "unused suppressions are warnings");
    let messages: Vec<(u64, String)> = report
        .diagnostics()
        .iter()
        .map(|d| (d.line(), d.message().to_string()))
        .collect();
    assert_eq!(
        messages,
        [
            (
                4,
                "suppression of `broken-image` suppresses nothing".to_string()
            ),
            (
                6,
                "suppression names an unknown rule `brokn-image`".to_string()
            ),
            (8, "suppression names no rule".to_string()),
        ]
    );
    assert!(report
        .diagnostics()
        .iter()
        .all(|d| d.rule() == "unused-suppression"));
}

#[test]
fn suppressions_of_rules_not_selected_are_not_unused() {
    let site = site_with("---\ntitle: x\n---\n<!-- pagelint-disable-next-line broken-image -->\n![](/images/real.jpg)\n");
    assert_eq!(
        findings(&site, &["--select", "date-format,unused-suppression"]),
        (0, vec![])
    );
    let (_, found) = findings(&site, &["--select", "broken-image,unused-suppression"]);
    assert_eq!(found.len(), 1);
}
