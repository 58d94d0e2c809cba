//! Fixes: lint, then check the real `fix::apply` against properties that
//! do not restate how it works:
//!
//! - each fix applied alone changes exactly the bytes of its edits: the text
//!   is the original with each edit's span replaced by its content;
//! - each fix applied alone removes its finding: re-linting the fixed text
//!   gives no finding of the same rule, message and start;
//! - all fixes applied together never grow the number of fixable findings
//!   forever: re-linting and re-applying reaches a fixed point within 3 rounds.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pagelint::diagnostic::Diagnostic;
use pagelint::fix::{self, Mode};
use pagelint_fuzz::{check_diagnostics, setup, split_selector, Setup};

const ROUNDS: usize = 3;
/// Fixes checked one by one per input (each costs a re-lint).
const SINGLES: usize = 8;

/// The text with the fix's edits spliced in, or None when its edits are not
/// ordered, disjoint spans of `text` (`fix::apply` must then skip the fix).
fn spliced(text: &str, d: &Diagnostic) -> Option<String> {
    let fix = d.fix.as_ref()?;
    let mut edits: Vec<_> = fix.edits.iter().collect();
    edits.sort_by_key(|e| e.span.start);
    let mut out = String::new();
    let mut at = 0;
    for e in edits {
        if e.span.start < at || e.span.end < e.span.start {
            return None;
        }
        out.push_str(text.get(at..e.span.start)?);
        text.get(e.span.clone())?;
        out.push_str(&e.content);
        at = e.span.end;
    }
    out.push_str(text.get(at..)?);
    Some(out)
}

fn check_single(setup: &Setup, text: &str, d: &Diagnostic) {
    let (fixed, applied) = fix::apply(text, std::slice::from_ref(d), Mode::Unsafe);
    match spliced(text, d) {
        Some(expected) => {
            assert_eq!(applied, 1, "{}: a valid fix was not applied", d.rule);
            assert_eq!(
                fixed, expected,
                "{}: bytes outside the fix's edits changed",
                d.rule
            );
        }
        None => {
            assert_eq!(applied, 0, "{}: an invalid fix was applied", d.rule);
            assert_eq!(fixed, text, "{}: a skipped fix changed the text", d.rule);
            return;
        }
    }
    let doc = setup.parse(fixed.into_bytes());
    let again = setup.linter().lint_document(&doc);
    let persists = again
        .iter()
        .any(|e| e.rule == d.rule && e.span.start == d.span.start && e.message == d.message);
    assert!(
        !persists,
        "{}: the finding `{}` survives its own fix {:?}",
        d.rule, d.message, d.fix
    );
}

fuzz_target!(|data: &[u8]| {
    let (selector, bytes) = split_selector(data);
    let setup = setup(selector);
    let mut doc = setup.parse(bytes.to_vec());
    for round in 0..=ROUNDS {
        let diagnostics = setup.linter().lint_document(&doc);
        check_diagnostics(&doc, &diagnostics);
        if round == 0 {
            for d in diagnostics.iter().filter(|d| d.fix.is_some()).take(SINGLES) {
                check_single(&setup, &doc.text, d);
            }
        }
        let (fixed, applied) = fix::apply(&doc.text, &diagnostics, Mode::Unsafe);
        if applied == 0 {
            assert_eq!(fixed, doc.text, "no fix applied, yet the text changed");
            return;
        }
        assert!(
            round < ROUNDS,
            "fixes still apply after {ROUNDS} rounds: {:?}",
            diagnostics
                .iter()
                .filter(|d| d.fix.is_some())
                .map(|d| (d.rule, &d.span, &d.fix))
                .collect::<Vec<_>>()
        );
        doc = setup.parse(fixed.into_bytes());
    }
});
