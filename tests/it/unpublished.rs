//! `unpublished-page`: pages a default `hugo` build leaves out, judged at `--now`, and
//! Hugo 0.168.0 as the oracle of which pages those are.

use std::process::Command;

use chrono::{DateTime, Duration};

use crate::common::{hugo_release_bin, TempSite};

const NOW: &str = "2026-12-01T08:00:00+08:00";

/// (file, message) of every `unpublished-page` finding of `pagelint check ARGS`.
fn unpublished(site: &TempSite, args: &[&str]) -> Vec<(String, String)> {
    let mut all = vec!["--exit-zero"];
    all.extend_from_slice(args);
    let (_, report) = site.json(&all);
    let mut found: Vec<(String, String)> = report
        .diagnostics()
        .iter()
        .filter(|d| d.rule() == "unpublished-page")
        .map(|d| (d.path().to_string(), d.message().to_string()))
        .collect();
    found.sort();
    found
}

fn post(site: &TempSite, name: &str, front_matter: &str) {
    site.write(
        &format!("content/posts/{name}.md"),
        format!("---\ntitle: {name}\n{front_matter}---\nText.\n"),
    );
}

#[test]
fn a_post_an_hour_ahead_is_reported_with_its_moment_and_a_past_one_is_not() {
    let site = TempSite::new();
    post(&site, "ahead", "date: 2026-12-01T09:00:00+08:00\n");
    post(&site, "past", "date: 2026-12-01T07:00:00+08:00\n");
    post(&site, "local", "date: 2026-12-01T09:00:00\n");
    let found = unpublished(&site, &["--now", NOW]);
    assert_eq!(found.len(), 2, "{found:?}");
    let (file, message) = &found[0];
    assert_eq!(file, "content/posts/ahead.md");
    assert!(
        message.contains("2026-12-01 09:00 +08:00") && message.contains("in 1 hour"),
        "{message}"
    );
    // Without `timeZone`, a date without an offset is UTC, as Hugo reads it: 17:00 +08:00.
    let (file, message) = &found[1];
    assert_eq!(file, "content/posts/local.md");
    assert!(message.contains("2026-12-01 09:00 +00:00"), "{message}");
    assert!(message.contains("in 9 hours"), "{message}");
}

#[test]
fn a_date_without_offset_is_in_the_sites_time_zone() {
    let site = TempSite::new();
    site.write(
        "hugo.toml",
        "baseURL = \"https://example.org/\"\ntimeZone = \"Asia/Shanghai\"\n",
    );
    post(&site, "local", "date: 2026-12-01T09:00:00\n");
    post(&site, "earlier", "date: 2026-12-01T07:30:00\n");
    let found = unpublished(&site, &["--now", NOW]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "content/posts/local.md");
    assert!(found[0].1.contains("in 1 hour"), "{}", found[0].1);
}

#[test]
fn drafts_and_pages_not_rendered_only_when_asked() {
    let site = TempSite::new();
    post(&site, "draft", "draft: true\n");
    post(&site, "link", "build:\n  render: link\n");
    assert_eq!(unpublished(&site, &["--now", NOW]), []);
    site.write(
        "pagelint.toml",
        "[unpublished-page]\ndrafts = true\nnot-rendered = true\n",
    );
    let found = unpublished(&site, &["--now", NOW]);
    let files: Vec<&str> = found.iter().map(|(f, _)| f.as_str()).collect();
    assert_eq!(files, ["content/posts/draft.md", "content/posts/link.md"]);
}

#[test]
fn hugo_leaves_out_exactly_the_pages_reported() {
    let hugo = hugo_release_bin("0.168.");
    let required = std::env::var("PAGELINT_REQUIRE_HUGO").is_ok_and(|v| v == "1");
    if !hugo.is_file() {
        assert!(
            !required,
            "PAGELINT_REQUIRE_HUGO=1 but {} is missing",
            hugo.display()
        );
        eprintln!("unpublished: Hugo 0.168 not installed, skipped");
        return;
    }
    // Dates relative to the real time of the run, so that Hugo's clock and pagelint's agree.
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    let now = DateTime::from_timestamp(i64::try_from(secs).unwrap(), 0).unwrap();
    let at = |h: i64| {
        (now + Duration::hours(h))
            .format("%Y-%m-%dT%H:%M:%S")
            .to_string()
    };
    let site = TempSite::new();
    site.write(
        "hugo.toml",
        "baseURL = \"https://example.org/\"\ndisableKinds = [\"RSS\", \"sitemap\", \"taxonomy\", \
         \"term\"]\ntimeZone = \"Asia/Tokyo\"\n",
    );
    site.write("layouts/_default/list.html", "{{ .Content }}\n");
    post(&site, "future-offset", &format!("date: {}+00:00\n", at(3)));
    post(&site, "past-offset", &format!("date: {}+00:00\n", at(-3)));
    // In Tokyo (UTC+9), a wall time 3 hours ahead of UTC's is 6 hours in the past.
    post(&site, "local-past", &format!("date: {}\n", at(3)));
    post(&site, "local-future", &format!("date: {}\n", at(12)));
    post(&site, "expired", &format!("expiryDate: {}+00:00\n", at(-1)));
    post(&site, "draft", "draft: true\n");
    let out = Command::new(&hugo)
        .current_dir(site.root())
        .args(["--quiet"])
        .output()
        .expect("run hugo");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let names = [
        "future-offset",
        "past-offset",
        "local-past",
        "local-future",
        "expired",
        "draft",
    ];
    let mut left_out: Vec<String> = names
        .iter()
        .filter(|n| !site.path(&format!("public/posts/{n}/index.html")).is_file())
        .map(|n| format!("content/posts/{n}.md"))
        .collect();
    left_out.sort();
    site.write("pagelint.toml", "[unpublished-page]\ndrafts = true\n");
    let reported: Vec<String> = unpublished(&site, &[])
        .into_iter()
        .map(|(f, _)| f)
        .collect();
    assert_eq!(reported, left_out);
    assert_eq!(
        left_out,
        [
            "content/posts/draft.md",
            "content/posts/expired.md",
            "content/posts/future-offset.md",
            "content/posts/local-future.md"
        ]
    );
}
