//! `pagelint init`: a schema inferred from a site's pages finds the front
//! matter mistakes of a generated site, and nothing on its clean pages.

use std::collections::BTreeSet;

use crate::common::{self, pagelint, stderr, stdout, TempSite};
use crate::gensite::{generate, Options};

/// The front matter defect kinds a schema can catch.
const KINDS: [&str; 6] = [
    "unknown-value",
    "required-field",
    "field-type",
    "url-format",
    "date-format",
    "empty-field",
];

#[test]
fn the_inferred_schema_finds_the_generated_mistakes() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    let options = Options {
        posts: 1000,
        seed: 5,
        defects: 0.05,
        kinds: Some(KINDS.iter().map(|k| k.to_string()).collect()),
        all_kinds: false,
    };
    let expected = generate(&site, &options).unwrap();
    std::fs::remove_file(site.join("pagelint.toml")).unwrap();
    let out = pagelint(&site).arg("init").output().unwrap();
    assert_eq!(common::exit_code(&out), 0, "{}", stderr(&out));
    let written = std::fs::read_to_string(site.join("pagelint.toml")).unwrap();
    assert!(written.starts_with("#:schema "), "{written}");

    let (_, report) = common::run_json(pagelint(&site).args(["check", "--format", "json"]));
    let found = report.path_line_rule();
    let hit = |e: &crate::gensite::Expected| {
        let hi = e.line_max.unwrap_or(e.line) as u64;
        found
            .iter()
            .any(|(p, l, r)| *p == e.path && *r == e.rule && (e.line as u64..=hi).contains(l))
    };
    let recalled = expected.iter().filter(|e| hit(e)).count();
    let correct = found
        .iter()
        .filter(|(p, l, r)| {
            expected.iter().any(|e| {
                let hi = e.line_max.unwrap_or(e.line) as u64;
                e.path == *p && e.rule == *r && (e.line as u64..=hi).contains(l)
            })
        })
        .count();
    let defective: BTreeSet<&str> = expected.iter().map(|e| e.path.as_str()).collect();
    let on_clean: Vec<_> = found
        .iter()
        .filter(|(p, _, _)| !defective.contains(p.as_str()))
        .collect();
    eprintln!(
        "init: recall {recalled}/{}, precision {correct}/{}",
        expected.len(),
        found.len()
    );
    assert!(expected.len() >= 40, "{} defects", expected.len());
    assert!(
        recalled * 100 >= expected.len() * 95,
        "recall {recalled}/{}",
        expected.len()
    );
    assert!(
        correct * 100 >= found.len() * 95,
        "precision {correct}/{}",
        found.len()
    );
    assert!(
        on_clean.is_empty(),
        "findings on clean pages: {on_clean:#?}\n{written}"
    );
}

/// A section of `n` posts with the given front matter lines.
fn posts(site: &TempSite, n: usize, front_matter: impl Fn(usize) -> String) {
    for i in 0..n {
        site.write(
            &format!("content/posts/p{i:03}.md"),
            format!("---\n{}---\n\nBody.\n", front_matter(i)),
        );
    }
}

#[test]
fn never_overwrites_and_prints_with_stdout() {
    let site = TempSite::new();
    posts(&site, 6, |i| format!("title: \"Post {i}\"\n"));
    site.write("pagelint.toml", "# mine\n");
    let out = site.cmd().arg("init").output().unwrap();
    assert_eq!(common::exit_code(&out), 2);
    assert!(stderr(&out).contains("already exists"), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(site.path("pagelint.toml")).unwrap(),
        "# mine\n"
    );

    let out = site.cmd().args(["init", "--stdout"]).output().unwrap();
    assert_eq!(common::exit_code(&out), 0);
    assert!(
        stdout(&out).contains("[schema.fields.title]"),
        "{}",
        stdout(&out)
    );
    assert_eq!(
        std::fs::read_to_string(site.path("pagelint.toml")).unwrap(),
        "# mine\n"
    );

    let out = site.cmd().args(["init", "--force"]).output().unwrap();
    assert_eq!(common::exit_code(&out), 0, "{}", stderr(&out));
    let written = std::fs::read_to_string(site.path("pagelint.toml")).unwrap();
    assert!(written.contains("required = true"), "{written}");
}

#[test]
fn writes_types_counts_values_and_suspected_typos() {
    let site = TempSite::new();
    let cats = ["News", "Reviews", "Guides"];
    posts(&site, 40, |i| {
        let cat = if i == 7 { "Reveiws" } else { cats[i % 3] };
        let extra = if i % 2 == 0 { "weight: 3\n" } else { "" };
        let date = if i == 3 {
            ""
        } else {
            "date: 2025-05-13T23:30:17+08:00\n"
        };
        format!(
            "title: \"Post {i}\"\n{date}draft: false\ncategories: [\"{cat}\"]\n\
             link: \"https://example.org/{i}\"\n{extra}"
        )
    });
    site.write("content/about.md", "---\ntitle: About\n---\n");
    let out = site.cmd().args(["init", "--stdout"]).output().unwrap();
    let text = stdout(&out);
    let expect = [
        "files = [\"content/posts/**/*.md\"]",
        "exclude = [\"**/_index.md\"]",
        "[schema.fields.date] # 39 of 40 pages\ntype = \"datetime\"\nrequired = true\n\
         format = \"rfc3339\"",
        "[schema.fields.draft] # 40 of 40 pages\ntype = \"bool\"\nrequired = true\n",
        "[schema.fields.link] # 40 of 40 pages\ntype = \"url\"\nrequired = true\n",
        "[schema.fields.weight] # 20 of 40 pages\ntype = \"int\"\n",
        "  \"Reviews\", # 12 pages\n",
        "#   \"Reveiws\" (1 page): a typo of \"Reviews\"?",
    ];
    for e in expect {
        assert!(text.contains(e), "no {e:?} in\n{text}");
    }
    // The file is a valid config, and the mistakes it was inferred from are findings.
    site.write("pagelint.toml", &text);
    let (code, report) = site.json(&[]);
    assert_eq!(code, 1);
    assert_eq!(
        report.path_line_rule(),
        [
            (
                "content/posts/p003.md".to_string(),
                1,
                "required-field".to_string()
            ),
            (
                "content/posts/p007.md".to_string(),
                5,
                "unknown-value".to_string()
            ),
        ]
    );
}

#[test]
fn a_small_section_gets_no_schema_and_a_comment() {
    let site = TempSite::new();
    for i in 0..3 {
        site.write(&format!("content/notes/n{i}.md"), "---\ntitle: x\n---\n");
    }
    let out = site.cmd().args(["init", "--stdout"]).output().unwrap();
    let text = stdout(&out);
    assert!(!text.contains("[[schema]]"), "{text}");
    assert!(text.contains("Section `notes`: 3 pages, too few"), "{text}");
}
