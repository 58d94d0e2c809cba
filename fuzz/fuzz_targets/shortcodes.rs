//! Shortcodes: Hugo's lexer and the structure pass, with whether a shortcode
//! uses `.Inner` derived from a hash of its name. Every span of a tag, a
//! parameter, an error, a broken tag, an escaped region and a problem lies in
//! the text on char boundaries.
#![no_main]

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

use libfuzzer_sys::fuzz_target;
use pagelint::body::shortcode_lexer::{self, Params};
use pagelint::body::shortcode_tree::{self, InnerKind};
use pagelint_fuzz::check_span;

fn inner_kind(name: &str) -> InnerKind {
    let mut h = DefaultHasher::new();
    name.hash(&mut h);
    match h.finish() % 3 {
        0 => InnerKind::NeedsInner,
        1 => InnerKind::NoInner,
        _ => InnerKind::Unknown,
    }
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let text = text.as_ref();
    let lexed = shortcode_lexer::lex_detailed(text, 0);

    for tag in &lexed.tags {
        check_span(text, &tag.span, "tag");
        check_span(text, &tag.name_span, "tag name");
        match &tag.params {
            Params::None => {}
            Params::Positional(list) => {
                for p in list {
                    check_span(text, &p.span, "positional param");
                }
            }
            Params::Named(named) => {
                for (_, key, p) in named {
                    check_span(text, key, "param key");
                    check_span(text, &p.span, "named param");
                }
            }
        }
    }
    for e in &lexed.errors {
        check_span(text, &e.span, "lex error");
        assert!(
            e.tag_start <= text.len(),
            "lex error tag_start {} out of range",
            e.tag_start
        );
    }
    assert_eq!(
        lexed.broken.len(),
        lexed.errors.len(),
        "one broken tag per error"
    );
    for b in &lexed.broken {
        check_span(text, &b.span, "broken tag");
        assert!(
            b.error < lexed.errors.len(),
            "broken tag error index {}",
            b.error
        );
    }
    for s in &lexed.escaped {
        check_span(text, s, "escaped region");
    }

    for problem in shortcode_tree::check_lexed(&lexed, inner_kind) {
        check_span(text, problem.span(), "structure problem");
        if let shortcode_tree::Problem::MismatchedClose { open, .. } = &problem {
            check_span(text, open, "mismatched opener");
        }
    }
});
