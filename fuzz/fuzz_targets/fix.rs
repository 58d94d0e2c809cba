//! Fixes: lint, apply every fix (unsafe ones too), and check that the text
//! outside the chosen edits is unchanged, byte for byte; then re-lint and
//! re-apply until nothing is left to fix, which must happen within 3 rounds.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pagelint::diagnostic::{Diagnostic, Edit};
use pagelint::fix::{self, Mode};
use pagelint_fuzz::{check_diagnostics, setup, split_selector};

const ROUNDS: usize = 3;

/// The edits `fix::apply` should choose: fixes in order, each kept only when
/// all its edits are valid and none overlaps an edit kept before.
fn expected_edits<'a>(text: &str, diagnostics: &'a [Diagnostic]) -> (Vec<&'a Edit>, usize) {
    let mut chosen: Vec<&Edit> = Vec::new();
    let mut fixes = 0;
    for fix in diagnostics.iter().filter_map(|d| d.fix.as_ref()) {
        let valid = fix.edits.iter().all(|e| {
            e.span.start <= e.span.end
                && e.span.end <= text.len()
                && text.is_char_boundary(e.span.start)
                && text.is_char_boundary(e.span.end)
        });
        // An empty edit (an insertion) still occupies its position.
        let overlaps = fix.edits.iter().any(|e| {
            chosen.iter().any(|c| {
                e.span.start < c.span.end.max(c.span.start + 1)
                    && c.span.start < e.span.end.max(e.span.start + 1)
            })
        });
        if valid && !overlaps {
            chosen.extend(fix.edits.iter());
            fixes += 1;
        }
    }
    chosen.sort_by_key(|e| e.span.start);
    (chosen, fixes)
}

/// Checks the result of one `fix::apply`: the unchanged pieces of `text`
/// between the chosen edits appear in `fixed` in order, each edit's content
/// between them, and nothing else.
fn check_applied(text: &str, diagnostics: &[Diagnostic], fixed: &str, applied: usize) {
    let (edits, fixes) = expected_edits(text, diagnostics);
    assert_eq!(
        applied, fixes,
        "fix::apply applied {applied} fixes, expected {fixes}"
    );
    let mut at = 0; // in text
    let mut out = 0; // in fixed
    for e in edits {
        let kept = &text[at..e.span.start];
        assert_eq!(
            fixed.get(out..out + kept.len()),
            Some(kept),
            "text before edit {:?} changed (at byte {out} of the fixed text)",
            e.span
        );
        out += kept.len();
        assert_eq!(
            fixed.get(out..out + e.content.len()),
            Some(e.content.as_str()),
            "edit {:?} not applied as written",
            e.span
        );
        out += e.content.len();
        at = e.span.end;
    }
    assert_eq!(
        fixed.get(out..),
        Some(&text[at..]),
        "text after the last edit changed"
    );
}

fuzz_target!(|data: &[u8]| {
    let (selector, bytes) = split_selector(data);
    let setup = setup(selector);
    let engine = setup.engine();
    let mut doc = setup.parse(bytes.to_vec());
    for round in 0..=ROUNDS {
        let diagnostics = engine.lint_document(&doc);
        check_diagnostics(&doc, &diagnostics);
        let (fixed, applied) = fix::apply(&doc.text, &diagnostics, Mode::Unsafe);
        check_applied(&doc.text, &diagnostics, &fixed, applied);
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
