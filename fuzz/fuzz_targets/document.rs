//! One document linted through the library as `pagelint check` lints it:
//! every diagnostic span (primary, related, fix edits) lies in the text on
//! char boundaries and has a line and column. The selector byte picks the
//! Hugo version, the site (bare or `fixtures/blog`), the rules (default or
//! all) and the page path; with bit 5 set the findings are also rendered by
//! every reporter.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pagelint::outcome::{locate, FileResult, Outcome};
use pagelint::report::{self, Format, Options};
use pagelint_fuzz::{check_diagnostics, check_split, setup, split_selector};

fuzz_target!(|data: &[u8]| {
    let (selector, bytes) = split_selector(data);
    let setup = setup(selector);
    let doc = setup.parse(bytes.to_vec());
    check_split(&doc.text, &doc.split);
    let diagnostics = setup.linter().lint_document(&doc);
    check_diagnostics(&doc, &diagnostics);

    if selector & 32 != 0 && !diagnostics.is_empty() {
        let result = FileResult {
            display_path: setup.rel_path.to_string(),
            path: setup.site.root.join(setup.rel_path),
            from_stdin: false,
            locations: locate(&doc.text, doc.lines(), &diagnostics),
            text: Some(doc.text.clone()),
            rendered: None,
            diagnostics,
        };
        let outcome = Outcome {
            files_checked: 1,
            checked: vec![setup.rel_path.to_string()],
            results: vec![result],
            ..Outcome::default()
        };
        for format in [
            Format::Human,
            Format::Concise,
            Format::Json,
            Format::Sarif,
            Format::Github,
            Format::Junit,
        ] {
            let options = Options {
                color: false,
                quiet: false,
                statistics: true,
                width: 80,
            };
            let mut out = Vec::new();
            report::reporter(format, options)
                .report(&outcome, &mut out)
                .expect("writing to a Vec cannot fail");
        }
    }
});
