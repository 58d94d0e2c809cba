//! The rules that need every page: what a user sees on small sites, one behaviour each
//! (fixes, suppressions, link render hooks, drafts, permalinks, ids pagelint cannot know,
//! one file on standard input).

use crate::common::{self, TempSite};

fn page(title: &str, extra: &str, body: &str) -> String {
    format!("---\ntitle: \"{title}\"\n{extra}---\n\n{body}\n")
}

/// (rule, line) of every finding.
fn findings(site: &TempSite, args: &[&str]) -> (i32, Vec<(String, u64)>) {
    let (code, report) = site.json(args);
    let found = report
        .diagnostics()
        .iter()
        .map(|d| (d.rule().to_string(), d.line()))
        .collect();
    (code, found)
}

#[test]
fn the_fix_writes_the_common_spelling_of_a_term() {
    let site = TempSite::new();
    for name in ["a", "b"] {
        site.write(
            &format!("content/posts/{name}.md"),
            page(name, "tags: [\"OpenAI\", \"GPU\"]\n", "text"),
        );
    }
    site.write(
        "content/posts/c.md",
        page("c", "tags:\n  - \"openai\"\n", "text"),
    );
    let (code, found) = findings(&site, &[]);
    assert_eq!((code, found), (0, vec![("taxonomy-variant".into(), 4)]));
    let (code, found) = findings(&site, &["--fix"]);
    assert_eq!((code, found), (0, vec![]));
    let fixed = std::fs::read_to_string(site.path("content/posts/c.md")).unwrap();
    assert!(fixed.contains("  - \"OpenAI\"\n"), "{fixed}");
}

#[test]
fn suppressions_silence_site_wide_findings_and_unused_ones_are_reported() {
    let site = TempSite::new();
    let body = "<!-- pagelint-disable-next-line broken-link -->\n[x](/nowhere/)\n\n\
                <!-- pagelint-disable-next-line broken-anchor -->\n[y](/posts/p/)\n";
    site.write("content/posts/p.md", page("p", "", body));
    let (code, found) = findings(&site, &[]);
    assert_eq!(found, vec![("unused-suppression".into(), 8)]);
    assert_eq!(code, 0);
}

#[test]
fn md_links_resolve_only_through_a_link_render_hook() {
    let site = TempSite::new();
    site.write("content/posts/other.md", page("other", "", "## Part"));
    site.write(
        "content/posts/p.md",
        page("p", "", "[a](other.md) [b](other.md#part) [c](missing.md)"),
    );
    let (_, found) = findings(&site, &[]);
    assert_eq!(
        found,
        vec![
            ("broken-link".into(), 5),
            ("broken-link".into(), 5),
            ("broken-link".into(), 5)
        ]
    );
    site.write(
        "hugo.toml",
        "baseURL = \"https://example.org/\"\n\
         [markup.goldmark.renderHooks.link]\nuseEmbedded = \"always\"\n",
    );
    let (_, found) = findings(&site, &[]);
    assert_eq!(found, vec![("broken-link".into(), 5)]);
    site.write("content/posts/p.md", page("p", "", "[b](other.md#nope)"));
    let (_, found) = findings(&site, &[]);
    assert_eq!(found, vec![("broken-anchor".into(), 5)]);
}

#[test]
fn a_draft_publishes_nothing_to_link_to() {
    let site = TempSite::new();
    site.write("content/posts/d.md", page("d", "draft: true\n", "text"));
    site.write("content/posts/p.md", page("p", "", "[d](/posts/d/)"));
    let (code, found) = findings(&site, &[]);
    assert_eq!((code, found), (1, vec![("broken-link".into(), 5)]));
}

#[test]
fn relative_links_resolve_against_the_permalink() {
    let site = TempSite::new();
    site.write(
        "hugo.toml",
        "baseURL = \"https://example.org/\"\n[permalinks]\nposts = \"/:year/:month/:slug/\"\n",
    );
    let date = "date: 2024-03-05T10:00:00+08:00\n";
    site.write(
        "content/posts/a.md",
        page("a", &format!("slug: first\n{date}"), "## Intro"),
    );
    let body = "[a](../first/) [b](/2024/03/first/#intro) [c](/posts/a/) [d](../first/#outro)";
    site.write(
        "content/posts/b.md",
        page("b", &format!("slug: second\n{date}"), body),
    );
    let (_, report) = site.json(&[]);
    let got: Vec<(String, String)> = report
        .diagnostics()
        .iter()
        .map(|d| (d.rule().to_string(), d.message().to_string()))
        .collect();
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[0].0, "broken-link");
    assert!(got[0].1.contains("/posts/a/"), "{got:?}");
    assert_eq!(got[1].0, "broken-anchor");
}

#[test]
fn ids_that_a_shortcode_may_write_are_not_checked() {
    let site = TempSite::new();
    site.write(
        "layouts/shortcodes/anchor.html",
        "<a id=\"{{ .Get 0 }}\"></a>",
    );
    site.write(
        "content/posts/t.md",
        page("t", "", "{{< anchor here >}}\n\n## Title"),
    );
    site.write("content/posts/u.md", page("u", "", "## Plain"));
    site.write(
        "content/posts/p.md",
        page("p", "", "[a](/posts/t/#here) [b](/posts/u/#plane)"),
    );
    let (_, found) = findings(&site, &[]);
    assert_eq!(found, vec![("broken-anchor".into(), 5)]);
}

#[test]
fn one_file_on_standard_input_finds_its_targets_by_path() {
    let site = TempSite::new();
    site.write("content/posts/other.md", page("other", "", "## Part"));
    let text = page(
        "p",
        "",
        "[a](/posts/other/#part) [b](other.md) [c](/posts/nope/)",
    );
    let (code, report) = common::run_json(
        site.cmd()
            .args(["check", "--format", "json", "--stdin-filename"])
            .args(["content/posts/p.md", "-"])
            .write_stdin(text),
    );
    assert_eq!(code, 1);
    let got: Vec<(String, String)> = report
        .diagnostics()
        .iter()
        .map(|d| (d.rule().to_string(), d.message().to_string()))
        .collect();
    assert_eq!(got.len(), 2, "{got:?}");
    assert!(got.iter().all(|(r, _)| r == "broken-link"));
    let help = report.0["diagnostics"][0]["help"].as_str().unwrap_or("");
    assert!(help.contains("/posts/other/"), "{help}");
}

#[test]
fn a_bundle_file_is_published_below_the_page_url_wherever_the_page_moves() {
    let site = TempSite::new();
    site.write("hugo.toml", "[permalinks]\n  posts = \"/:year/:slug/\"\n");
    site.write("content/posts/b/chart.png", [0x89, b'P', b'N', b'G']);
    site.write(
        "content/posts/b/index.md",
        page(
            "b",
            "slug: \"moved\"\ndate: 2024-01-02\n",
            "[a](chart.png) [b](./chart.png) [c](/2024/moved/chart.png)\n\n[d](gone.png)",
        ),
    );
    let (code, found) = findings(&site, &[]);
    assert_eq!((code, found), (1, vec![("broken-link".into(), 9)]));
    let one = site.path("content/posts/b/index.md");
    let (code, found) = findings(&site, &[one.to_str().unwrap()]);
    assert_eq!((code, found), (1, vec![("broken-link".into(), 9)]));
}

#[test]
fn translations_sharing_an_alias_do_not_collide() {
    let site = TempSite::new();
    site.write(
        "hugo.toml",
        "defaultContentLanguage = \"en\"\n[languages.en]\n  contentDir = \"content/en\"\n\
         [languages.fr]\n  contentDir = \"content/fr\"\n",
    );
    for lang in ["en", "fr"] {
        site.write(
            &format!("content/{lang}/docs/a.md"),
            page("a", "aliases: [\"/old-a/\"]\n", "text"),
        );
    }
    let (code, found) = findings(&site, &[]);
    assert_eq!((code, found), (0, vec![]));
}

#[test]
fn no_alias_collides_under_disable_aliases_or_with_its_own_page() {
    let site = TempSite::new();
    site.write(
        "content/docs/a.md",
        page("a", "aliases: [\"/old/\"]\n", "text"),
    );
    site.write(
        "content/docs/b.md",
        page("b", "aliases: [\"/old/\"]\n", "text"),
    );
    // An alias naming the page's own URL (Hugo's docs have such) overwrites nothing.
    site.write(
        "content/docs/c.md",
        page("c", "aliases: [\"/docs/c/\"]\n", "text"),
    );
    let (_, found) = findings(&site, &[]);
    // One finding for the shared alias; none for c's own.
    let rules: Vec<&str> = found.iter().map(|f| f.0.as_str()).collect();
    assert_eq!(rules, ["url-collision"], "{found:?}");
    site.write(
        "hugo.toml",
        "baseURL = \"https://example.org/\"\ndisableAliases = true\n",
    );
    let (code, found) = findings(&site, &[]);
    assert_eq!((code, found), (0, vec![]));
}
