//! Every input the fuzzers ever crashed on (`fuzz/regressions/<target>/`),
//! replayed through the same code on every test run: no panic, and every
//! span on a character boundary inside the text.

use std::path::PathBuf;

use pagelint::document::Document;
use pagelint::frontmatter::{self, json, toml, yaml};
use pagelint::lint::Linter;
use pagelint::select::Selection;
use pagelint::site::Site;
use pagelint::version::HugoVersion;

const VERSIONS: [HugoVersion; 4] = [
    HugoVersion::new(0, 111, 3),
    HugoVersion::new(0, 123, 0),
    HugoVersion::new(0, 146, 0),
    HugoVersion::LATEST,
];

fn inputs(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/regressions")
        .join(target);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    entries
        .flatten()
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

fn in_text(text: &str, span: &std::ops::Range<usize>) -> bool {
    span.start <= span.end
        && span.end <= text.len()
        && text.is_char_boundary(span.start)
        && text.is_char_boundary(span.end)
}

#[test]
fn front_matter_regressions() {
    for (name, bytes) in inputs("frontmatter") {
        let (selector, rest) = bytes.split_first().map_or((0, &[][..]), |(s, r)| (*s, r));
        let text = String::from_utf8_lossy(rest);
        let split = frontmatter::split(&text, VERSIONS[usize::from(selector & 3)]);
        assert!(in_text(&text, &split.body), "{name}: body");
        if let Some(fm) = &split.front_matter {
            assert!(
                in_text(&text, &fm.delimiter),
                "{name}: delimiter {:?}",
                fm.delimiter
            );
        }
        let _ = (
            yaml::parse(&text),
            toml::parse(&text),
            json::parse(&text),
            json::json_extent(&text),
        );
    }
}

#[test]
fn document_regressions() {
    let site = Site::bare(PathBuf::from("/nonexistent-site"));
    let selection = Selection::default();
    let engine = Linter::new(&site, &selection);
    for target in ["document", "fix", "shortcodes", "images"] {
        for (name, bytes) in inputs(target) {
            let doc = Document::parse("content/posts/x.md".into(), bytes, HugoVersion::LATEST);
            for d in engine.lint_document(&doc) {
                assert!(in_text(&doc.text, &d.span), "{target}/{name}: {:?}", d);
            }
        }
    }
}

#[test]
fn the_known_regressions_are_present() {
    assert!(
        !inputs("frontmatter").is_empty(),
        "fuzz/regressions/frontmatter holds the inputs found so far"
    );
}
