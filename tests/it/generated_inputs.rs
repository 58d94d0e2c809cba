//! Rules whose input a Markdown page cannot show (see `rules/file-encoding.md`
//! and `rules/theme-missing.md`): the input is generated here and the finding
//! is read from `--format json`.

use crate::common;

use common::{Finding, TempSite};

const POST_SCHEMA: &str = "[[schema]]\nfiles = [\"content/**/*.md\"]\n[schema.fields.date]\ntype = \"datetime\"\nrequired = true\n";

/// The only finding of a run, which must be of `rule`.
fn only_finding(report: &common::Report, rule: &str) -> serde_json::Value {
    let all = report.diagnostics();
    assert_eq!(all.len(), 1, "expected one finding, got {}", report.0);
    let Finding(d) = &all[0];
    assert_eq!(all[0].rule(), rule, "{d}");
    (*d).clone()
}

#[test]
fn latin1_bytes_are_reported_at_their_offset() {
    let site = TempSite::new();
    // "café" saved as Latin-1: 0xE9 is byte 15, on line 2 after `title: "caf`.
    site.write(
        "content/posts/latin1.md",
        b"---\ntitle: \"caf\xe9\"\n---\n\nbody\n",
    );
    let (code, report) = site.json(&[]);
    let d = only_finding(&report, "file-encoding");
    assert_eq!(d["path"], "content/posts/latin1.md");
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(2), Some(12))
    );
    assert_eq!(d["message"], "not valid UTF-8 at byte 15");
    assert_eq!(d["severity"], "error");
    assert_eq!(code, 1);
}

#[test]
fn invalid_utf8_on_line_one_points_at_the_byte() {
    let site = TempSite::new();
    site.write("content/a.md", b"ab\x80cd\n");
    let (_, report) = site.json(&[]);
    let d = only_finding(&report, "file-encoding");
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(1), Some(3))
    );
    assert_eq!(d["message"], "not valid UTF-8 at byte 2");
}

#[test]
fn no_other_rule_runs_on_a_file_that_is_not_utf8() {
    let site = TempSite::new();
    site.write("pagelint.toml", POST_SCHEMA);
    // No `date` although the schema requires it, and a duplicate key: neither is reported.
    site.write(
        "content/posts/x.md",
        b"---\ntitle: \"\xe9t\xe9\"\ntitle: x\n---\n",
    );
    let (code, report) = site.json(&[]);
    assert_eq!(report.rules(), ["file-encoding"], "{}", report.0);
    assert_eq!(code, 1);
}

#[test]
fn utf16_files_are_reported_at_the_start() {
    for (name, bom) in [("le", [0xFF, 0xFE]), ("be", [0xFE, 0xFF])] {
        let site = TempSite::new();
        let text = "---\ntitle: x\n---\n";
        let mut bytes = bom.to_vec();
        for unit in text.encode_utf16() {
            let pair = if name == "le" {
                unit.to_le_bytes()
            } else {
                unit.to_be_bytes()
            };
            bytes.extend(pair);
        }
        site.write("content/posts/utf16.md", bytes);
        let (code, report) = site.json(&[]);
        let d = only_finding(&report, "file-encoding");
        assert_eq!(
            (d["line"].as_u64(), d["column"].as_u64()),
            (Some(1), Some(1)),
            "{name}"
        );
        assert!(
            d["message"].as_str().unwrap().contains("UTF-16"),
            "{name}: {d}"
        );
        assert_eq!(code, 1, "{name}");
    }
}

#[test]
fn a_binary_file_with_a_markdown_name_is_reported_once() {
    let site = TempSite::new();
    site.write("pagelint.toml", POST_SCHEMA);
    let png: Vec<u8> =
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
            .iter()
            .copied()
            .chain([0u8; 64])
            .collect();
    site.write("content/posts/image.md", png);
    let (code, report) = site.json(&[]);
    let d = only_finding(&report, "file-encoding");
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(1), Some(1))
    );
    assert!(d["message"].as_str().unwrap().contains("binary"), "{d}");
    assert_eq!(code, 1);
}

#[test]
fn an_absent_theme_is_one_warning_on_the_hugo_config() {
    let site = TempSite::new();
    site.write(
        "hugo.toml",
        "baseURL = \"https://example.org/\"\ntheme = \"gone\"\n",
    );
    site.write("content/a.md", "---\ntitle: a\n---\n");
    site.write("content/b.md", "---\ntitle: b\n---\n");
    let (code, report) = site.json(&[]);
    let d = only_finding(&report, "theme-missing");
    assert_eq!(d["path"], "hugo.toml");
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(2), Some(9))
    );
    assert_eq!(d["message"], "theme or module `gone` is not on disk");
    assert_eq!(d["severity"], "warning");
    assert_eq!(code, 0, "a warning does not fail the run");
}

#[test]
fn a_schema_glob_that_matches_no_content_file_is_a_warning_on_the_glob() {
    let site = TempSite::new();
    site.write(
        "pagelint.toml",
        "[[schema]]\nfiles = [\"posts/**/*.md\"]\n[schema.fields.title]\nrequired = true\n\
         [[overrides]]\nfiles = [\"content/posts/**\"]\nrules = { empty-field = \"off\" }\n",
    );
    site.write("content/posts/a.md", "---\ndate: 2025-01-01\n---\n");
    let (code, report) = site.json(&[]);
    let d = only_finding(&report, "unmatched-glob");
    assert_eq!(d["path"], "pagelint.toml");
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(2), Some(10))
    );
    assert_eq!(
        d["help"],
        "globs are relative to the site root: did you mean `content/posts/**/*.md`?"
    );
    assert_eq!(d["severity"], "warning");
    assert_eq!(code, 0, "a warning does not fail the run");
    // A run on some files cannot tell: it says nothing.
    let (_, report) = site.json(&["content/posts/a.md"]);
    assert!(report.diagnostics().is_empty(), "{:?}", report.0);
}

#[test]
fn only_the_absent_one_of_several_themes_is_reported() {
    let site = TempSite::new();
    site.write(
        "hugo.toml",
        "baseURL = \"https://example.org/\"\ntheme = [\"mini\", \"gone\"]\n",
    );
    site.write("themes/mini/theme.toml", "name = \"mini\"\n");
    site.write("content/a.md", "---\ntitle: a\n---\n");
    let (_, report) = site.json(&[]);
    let d = only_finding(&report, "theme-missing");
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(2), Some(18))
    );
    assert!(d["message"].as_str().unwrap().contains("`gone`"), "{d}");
}

#[test]
fn an_absent_theme_in_a_yaml_config_is_reported_on_that_file() {
    let site = TempSite::empty();
    site.write("hugo.yaml", "baseURL: https://example.org/\ntheme: gone\n");
    site.write("content/a.md", "---\ntitle: a\n---\n");
    let (_, report) = site.json(&[]);
    let d = only_finding(&report, "theme-missing");
    assert_eq!(d["path"], "hugo.yaml");
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(2), Some(8))
    );
}

#[test]
fn an_empty_submodule_folder_is_a_missing_theme() {
    let site = TempSite::new();
    site.write(
        "hugo.toml",
        "baseURL = \"https://example.org/\"\ntheme = \"docsy\"\n",
    );
    std::fs::create_dir_all(site.path("themes/docsy")).unwrap();
    site.write("themes/docsy/.git", "gitdir: ../../.git/modules/docsy\n");
    site.write(
        "content/a.md",
        "---\ntitle: a\n---\n{{< alert >}}x{{< /alert >}}\n",
    );
    let (code, report) = site.json(&[]);
    let d = only_finding(&report, "theme-missing");
    assert_eq!(d["message"], "theme or module `docsy` is an empty folder");
    let help = d["help"].as_str().unwrap();
    assert!(
        help.contains("git submodule update --init --recursive"),
        "{help}"
    );
    assert!(
        help.starts_with("1 shortcode call was not checked"),
        "{help}"
    );
    assert_eq!(code, 0);
}

#[test]
fn a_module_named_in_the_config_folder_is_reported_there_with_what_went_unchecked() {
    let site = TempSite::empty();
    site.write(
        "config/_default/hugo.toml",
        "baseURL = \"https://example.org/\"\n",
    );
    site.write(
        "config/production/module.toml",
        "[[imports]]\npath = \"github.com/example/theme\"\n",
    );
    site.write(
        "content/a.md",
        concat!(
            "---\ntitle: a\n---\n{{< notice >}}\n{{< param color >}}\n",
            "![x](/img/x.png)\n![y](/img/y.png)\n[r]({{< ref \"nope.md\" >}})\n",
        ),
    );
    let (code, report) = site.json(&[]);
    let d = only_finding(&report, "theme-missing");
    assert_eq!(d["path"], "config/production/module.toml");
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(2), Some(8))
    );
    let help = d["help"].as_str().unwrap();
    assert!(
        help.starts_with(
            "1 shortcode call, 2 site-absolute images, 1 `param` key and 1 `ref` target \
             were not checked"
        ),
        "{help}"
    );
    assert_eq!(code, 0);
}

#[test]
fn a_site_without_layouts_or_theme_is_told_hugo_publishes_nothing() {
    let site = TempSite::empty();
    site.write(
        "hugo.toml",
        "baseURL = \"https://example.org/\"\ntitle = \"t\"\n",
    );
    site.write("content/a.md", "---\ntitle: a\n---\n");
    let (code, report) = site.json(&[]);
    let d = only_finding(&report, "theme-missing");
    assert!(d["message"]
        .as_str()
        .unwrap()
        .contains("Hugo will publish no pages"));
    assert_eq!(code, 0);
    site.write("layouts/_default/single.html", "{{ .Content }}");
    let (_, report) = site.json(&[]);
    assert!(report.diagnostics().is_empty(), "{}", report.0);
}

#[test]
fn a_theme_on_disk_is_not_reported() {
    let site = TempSite::new();
    site.write(
        "hugo.toml",
        "baseURL = \"https://example.org/\"\ntheme = \"mini\"\n",
    );
    site.write(
        "themes/mini/layouts/shortcodes/notice.html",
        "{{ .Inner }}\n",
    );
    site.write("content/a.md", "---\ntitle: a\n---\n");
    let (code, report) = site.json(&[]);
    assert!(report.diagnostics().is_empty(), "{}", report.0);
    assert_eq!(code, 0);
}

/// Every input gets an answer and no crash (`README.md`, *Bad input*); front matter that is
/// too deep, too aliased or never closed is a `frontmatter-syntax` finding.
#[test]
fn hostile_front_matter_is_a_finding_not_a_crash() {
    let site = TempSite::new();
    let deep = |open: &str, close: &str| format!("{}{}", open.repeat(10_000), close.repeat(10_000));
    let mut bomb = vec![
        "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]"
            .to_string(),
    ];
    for i in 1..10u8 {
        let (prev, cur) = ((b'a' + i - 1) as char, (b'a' + i) as char);
        bomb.push(format!(
            "{cur}: &{cur} [{}]",
            vec![format!("*{prev}"); 9].join(",")
        ));
    }
    let cases: &[(&str, String)] = &[
        ("only-dashes.md", "---".into()),
        ("only-dashes-newline.md", "---\n".into()),
        ("only-pluses.md", "+++".into()),
        ("only-brace.md", "{".into()),
        ("deep-yaml.md", format!("---\nx: {}\n---\n", deep("[", "]"))),
        (
            "deep-toml.md",
            format!("+++\nx = {}\n+++\n", deep("[", "]")),
        ),
        ("deep-json.md", format!("{{\"x\": {}}}\n", deep("[", "]"))),
        ("alias-bomb.md", format!("---\n{}\n---\n", bomb.join("\n"))),
    ];
    for (name, text) in cases {
        site.write(&format!("content/{name}"), text);
    }
    site.write("content/empty.md", "");
    site.write("content/bom-only.md", "\u{feff}");
    #[cfg(unix)]
    std::os::unix::fs::symlink("..", site.path("content/loop")).unwrap();

    let (code, report) = site.json(&[]);
    assert_eq!(code, 1);
    let found: Vec<(String, String)> = report
        .diagnostics()
        .iter()
        .map(|d| (d.path().to_string(), d.rule().to_string()))
        .collect();
    let mut want: Vec<(String, String)> = cases
        .iter()
        .map(|(name, _)| (format!("content/{name}"), "frontmatter-syntax".to_string()))
        .collect();
    want.sort();
    assert_eq!(found, want, "{}", report.0);
    assert_eq!(report.0["files_checked"], cases.len() + 2);
}
