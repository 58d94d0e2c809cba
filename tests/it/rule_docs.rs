//! Every rule has a page in `rules/`, every page is a rule, and each page's
//! examples do what the page says: the bad one is reported by that rule and
//! by nothing else, the good one is not reported at all.
//!
//! An example is a fenced block in the page, recognised by its info string:
//!
//! - `markdown bad` / `markdown good`: the page under test, written to
//!   `content/posts/example.md` (or to `file=PATH` when the info string has one);
//! - `toml pagelint.toml`: the example site's `pagelint.toml`;
//! - `LANG file=PATH` (any language): a file of the example site, such as a
//!   static image or a shortcode template; `file=hugo.toml` replaces the
//!   default `hugo.toml` (`baseURL = "https://example.org/"`).
//!
//! Each example runs in a site of its own through `pagelint --format json`.
//! A page with no example must say why in its Example section, and its rule
//! must be covered by `tests/generated_inputs.rs` (listed below).

use crate::common;

use std::collections::BTreeSet;
use std::path::PathBuf;

use pagelint::diagnostic::Fixable;
use pulldown_cmark::{CodeBlockKind, Event, Parser, Tag, TagEnd};

use common::TempSite;

/// Rules whose input cannot be written in a Markdown page; their tests
/// generate it (`tests/generated_inputs.rs`).
const TESTED_WITH_GENERATED_INPUT: &[&str] = &["file-encoding", "theme-missing", "unmatched-glob"];

const DEFAULT_PAGE: &str = "content/posts/example.md";

fn rules_dir() -> PathBuf {
    common::repo().join("rules")
}

/// The rule names that have a page in `rules/`.
pub(crate) fn page_names() -> BTreeSet<String> {
    std::fs::read_dir(rules_dir())
        .expect("read rules/")
        .map(|e| e.expect("read rules/").path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .collect()
}

fn registered() -> BTreeSet<String> {
    pagelint::rules::ALL
        .iter()
        .map(|r| r.meta().name.to_string())
        .collect()
}

pub(crate) fn read_page(name: &str) -> String {
    std::fs::read_to_string(rules_dir().join(format!("{name}.md"))).expect("read the page")
}

struct Block {
    info: String,
    text: String,
}

fn fenced_blocks(markdown: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut current: Option<Block> = None;
    for event in Parser::new(markdown) {
        match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) => {
                current = Some(Block {
                    info: info.to_string(),
                    text: String::new(),
                })
            }
            Event::Text(t) => {
                if let Some(b) = current.as_mut() {
                    b.text.push_str(&t)
                }
            }
            Event::End(TagEnd::CodeBlock) => blocks.extend(current.take()),
            _ => {}
        }
    }
    blocks
}

#[derive(Default)]
pub(crate) struct Examples {
    pub(crate) config: Option<String>,
    /// Site files, `(path, text)`.
    pub(crate) files: Vec<(String, String)>,
    /// `(path, text)` of each bad and good page.
    pub(crate) bad: Vec<(String, String)>,
    pub(crate) good: Vec<(String, String)>,
}

fn file_arg<'a>(words: &[&'a str]) -> Option<&'a str> {
    words.iter().find_map(|w| w.strip_prefix("file="))
}

pub(crate) fn examples(page: &str) -> Result<Examples, String> {
    let mut ex = Examples::default();
    for block in fenced_blocks(page) {
        let words: Vec<&str> = block.info.split_whitespace().collect();
        let role = words.get(1).copied();
        match (words.first().copied(), role) {
            (Some("markdown"), Some(kind @ ("bad" | "good"))) => {
                let path = file_arg(&words).unwrap_or(DEFAULT_PAGE).to_string();
                let list = if kind == "bad" {
                    &mut ex.bad
                } else {
                    &mut ex.good
                };
                list.push((path, block.text));
            }
            (Some("toml"), Some("pagelint.toml")) => {
                if ex.config.replace(block.text).is_some() {
                    return Err("more than one `toml pagelint.toml` block".into());
                }
            }
            _ => {
                if let Some(path) = file_arg(&words) {
                    if path == "pagelint.toml" && ex.config.is_some() {
                        return Err("pagelint.toml given twice".into());
                    }
                    ex.files.push((path.to_string(), block.text));
                }
            }
        }
    }
    Ok(ex)
}

/// Runs pagelint on a site made of the page's files and one example page;
/// returns the rules it reported and the raw report, for failure messages.
fn lint_example(ex: &Examples, page_path: &str, page_text: &str) -> (i32, Vec<String>, String) {
    let site = TempSite::new();
    if let Some(config) = &ex.config {
        site.write("pagelint.toml", config);
    }
    for (path, text) in &ex.files {
        site.write(path, text);
    }
    site.write(page_path, page_text);
    let (code, report) = site.json(&[]);
    (code, report.rules(), report.0.to_string())
}

/// The text of the `## Example` section, without its code blocks.
fn example_prose(page: &str) -> String {
    let mut prose = String::new();
    let mut in_section = false;
    let mut in_code = false;
    for line in page.lines() {
        if line.starts_with("## ") {
            in_section = line.trim() == "## Example" || line.trim() == "## Examples";
            continue;
        }
        if line.trim_start().starts_with("```") {
            in_code = !in_code;
            continue;
        }
        if in_section && !in_code {
            prose.push_str(line.trim());
            prose.push(' ');
        }
    }
    prose.trim().to_string()
}

#[test]
fn every_rule_has_a_page_and_every_page_is_a_rule() {
    let pages = page_names();
    let rules = registered();
    let no_page: Vec<_> = rules.difference(&pages).collect();
    let no_rule: Vec<_> = pages.difference(&rules).collect();
    assert!(
        no_page.is_empty(),
        "rules without a page in rules/: {no_page:?}"
    );
    assert!(
        no_rule.is_empty(),
        "pages in rules/ that name no rule: {no_rule:?}"
    );
}

#[test]
fn pages_state_the_registered_default_and_fixability() {
    let mut failures = Vec::new();
    for rule in pagelint::rules::ALL {
        let meta = rule.meta();
        let page = read_page(meta.name);
        if page.lines().next() != Some(&format!("# {}", meta.name)) {
            failures.push(format!(
                "{}: the page must start with `# {}`",
                meta.name, meta.name
            ));
        }
        let Some(line) = page.lines().find(|l| l.starts_with("**Default:**")) else {
            failures.push(format!(
                "{}: no `**Default:** ... · **Fixable:** ...` line",
                meta.name
            ));
            continue;
        };
        let (default, fixable) = line.split_once("**Fixable:**").unwrap_or((line, ""));
        let severity = if meta.default_enabled {
            meta.severity.as_str()
        } else {
            "off"
        };
        if !default.contains(severity) {
            failures.push(format!(
                "{}: the page says `{line}` but the rule's default is {severity}",
                meta.name
            ));
        }
        let fixable = fixable.trim();
        let says_unsafe = fixable.contains("unsafe");
        let says_safe = fixable.replace("unsafe", "").contains("safe");
        let page_fixable = match (says_safe, says_unsafe) {
            (false, false) => Fixable::No,
            (true, false) => Fixable::Safe,
            (false, true) => Fixable::Unsafe,
            (true, true) => Fixable::SafeAndUnsafe,
        };
        if page_fixable != meta.fixable {
            failures.push(format!(
                "{}: the page says `{line}` but the rule's fixable is {:?}",
                meta.name, meta.fixable
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn bad_examples_are_found_by_their_rule_only_and_good_examples_are_clean() {
    let mut failures = Vec::new();
    let mut checked = 0;
    for name in page_names() {
        let page = read_page(&name);
        let ex = match examples(&page) {
            Ok(ex) => ex,
            Err(e) => {
                failures.push(format!("{name}: {e}"));
                continue;
            }
        };
        if ex.bad.is_empty() && ex.good.is_empty() {
            if !TESTED_WITH_GENERATED_INPUT.contains(&name.as_str()) {
                failures.push(format!(
                    "{name}: no `markdown bad` / `markdown good` example; add them, or test the rule with generated input in tests/generated_inputs.rs and list it in TESTED_WITH_GENERATED_INPUT"
                ));
            } else if example_prose(&page).len() < 40 {
                failures.push(format!(
                    "{name}: a page without examples must say why in its `## Example` section"
                ));
            }
            continue;
        }
        if ex.bad.is_empty() || ex.good.is_empty() {
            failures.push(format!(
                "{name}: a page needs both a `markdown bad` and a `markdown good` example"
            ));
        }
        for (path, text) in &ex.bad {
            checked += 1;
            let (code, rules, raw) = lint_example(&ex, path, text);
            if rules.is_empty() {
                failures.push(format!(
                    "{name}: the bad example ({path}) gives no finding (exit {code})"
                ));
            } else if let Some(other) = rules.iter().find(|r| **r != name) {
                failures.push(format!(
                    "{name}: the bad example ({path}) also gives a `{other}` finding: {raw}"
                ));
            }
        }
        for (path, text) in &ex.good {
            checked += 1;
            let (code, rules, raw) = lint_example(&ex, path, text);
            if !rules.is_empty() || code != 0 {
                failures.push(format!(
                    "{name}: the good example ({path}) gives findings {rules:?} (exit {code}): {raw}"
                ));
            }
        }
    }
    assert!(checked > 0, "no example found in rules/*.md");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn example_blocks_are_recognised() {
    let page = "# x\n\n```toml pagelint.toml\n[rules]\n```\n\n```html file=layouts/shortcodes/a.html\n<b>{{ .Inner }}</b>\n```\n\n```markdown bad\n---\n---\n```\n\n```markdown good file=content/a/index.md\nok\n```\n\n```toml\n# prose sample\n```\n";
    let ex = examples(page).unwrap();
    assert_eq!(ex.config.as_deref(), Some("[rules]\n"));
    assert_eq!(
        ex.files,
        [(
            "layouts/shortcodes/a.html".to_string(),
            "<b>{{ .Inner }}</b>\n".to_string()
        )]
    );
    assert_eq!(
        ex.bad,
        [(DEFAULT_PAGE.to_string(), "---\n---\n".to_string())]
    );
    assert_eq!(
        ex.good,
        [("content/a/index.md".to_string(), "ok\n".to_string())]
    );
}
