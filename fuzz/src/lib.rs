//! Shared pieces of the fuzz targets: input decoding, span invariants, and
//! the sites and rule selections a document is linted against.

use std::ops::Range;
use std::path::PathBuf;
use std::sync::OnceLock;

use pagelint::diagnostic::Diagnostic;
use pagelint::document::Document;
use pagelint::frontmatter::{Node, NodeKind, ParseError, Split};
use pagelint::lint::Linter;
use pagelint::select::Selection;
use pagelint::site::{LoadOptions, Site};
use pagelint::version::HugoVersion;

/// The Hugo versions whose behaviour differs: before 0.123 (HTML comments
/// around front matter), 0.123, 0.146, and the latest known.
pub const VERSIONS: [HugoVersion; 4] = [
    HugoVersion::new(0, 111, 3),
    HugoVersion::new(0, 123, 0),
    HugoVersion::new(0, 146, 0),
    HugoVersion::LATEST,
];

/// The first byte of a fuzz input selects options; the rest is the document.
/// An empty input selects nothing and is the empty document.
pub fn split_selector(data: &[u8]) -> (u8, &[u8]) {
    match data.split_first() {
        Some((first, rest)) => (*first, rest),
        None => (0, data),
    }
}

pub fn version(selector: u8) -> HugoVersion {
    VERSIONS[usize::from(selector & 3)]
}

/// Panics unless `span` is ordered, inside `text` and on char boundaries.
pub fn check_span(text: &str, span: &Range<usize>, what: &str) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what}: span {span:?} out of range for a text of {} bytes",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what}: span {span:?} is not on char boundaries"
    );
}

/// Checks every node and key span of a tree, iteratively (trees may be deep).
pub fn check_tree(text: &str, root: &Node, what: &str) {
    let mut stack = vec![root];
    while let Some(node) = stack.pop() {
        check_span(text, &node.span, what);
        match &node.kind {
            NodeKind::List(items) => stack.extend(items.iter()),
            NodeKind::Map(entries) => {
                for e in entries {
                    check_span(text, &e.key_span, what);
                    stack.push(&e.value);
                }
            }
            _ => {}
        }
    }
}

pub fn check_parsed(text: &str, parsed: &Result<Node, ParseError>, what: &str) {
    match parsed {
        Ok(node) => check_tree(text, node, what),
        Err(e) => check_span(text, &e.span, what),
    }
}

pub fn check_split(text: &str, split: &Split) {
    check_span(text, &split.body, "split body");
    if let Some(fm) = &split.front_matter {
        check_span(text, &fm.delimiter, "front matter delimiter");
        check_parsed(text, &fm.tree, "front matter tree");
    }
}

/// Every span of a diagnostic: primary, related labels and fix edits.
pub fn check_diagnostics(doc: &Document, diagnostics: &[Diagnostic]) {
    let text = &doc.text;
    let lines = doc.lines();
    let mut spans: Vec<(&Range<usize>, &str)> = Vec::new();
    for d in diagnostics {
        spans.push((&d.span, d.rule));
        spans.extend(d.related.iter().map(|l| (&l.span, d.rule)));
        if let Some(fix) = &d.fix {
            spans.extend(fix.edits.iter().map(|e| (&e.span, d.rule)));
        }
    }
    for (span, rule) in spans {
        check_span(text, span, rule);
        let start = lines.position(text, span.start);
        let end = lines.position(text, span.end);
        assert!(
            start.0 >= 1 && start.1 >= 1 && start <= end,
            "{rule}: positions {start:?}..{end:?} of span {span:?} are not ordered"
        );
    }
}

/// Which site a document is linted against.
pub enum SiteKind {
    /// No configuration and no files: `/nonexistent-site`.
    Bare,
    /// The example blog in `fixtures/blog`: schema, layouts, static files.
    Blog,
}

pub fn site(kind: SiteKind) -> &'static Site {
    static BARE: OnceLock<Site> = OnceLock::new();
    static BLOG: OnceLock<Site> = OnceLock::new();
    match kind {
        SiteKind::Bare => BARE.get_or_init(|| Site::bare(PathBuf::from("/nonexistent-site"))),
        SiteKind::Blog => BLOG.get_or_init(|| {
            let root = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../fixtures/blog"));
            let root = root.canonicalize().expect("fixtures/blog exists");
            let options = LoadOptions {
                config: None,
                isolated: false,
                version: None,
                known_rules: pagelint::rules::names(),
            };
            Site::load(root, &options).expect("fixtures/blog loads")
        }),
    }
}

/// Every rule, those off by default included.
pub fn all_rules() -> Selection {
    Selection::all()
}

/// Document and engine options chosen by the selector byte:
/// bits 0-1 the Hugo version, bit 2 the site, bit 3 every rule, bit 4 a leaf bundle page.
pub struct Setup {
    pub version: HugoVersion,
    pub site: &'static Site,
    pub selection: Selection,
    pub rel_path: &'static str,
}

pub fn setup(selector: u8) -> Setup {
    let site = if selector & 4 == 0 {
        site(SiteKind::Bare)
    } else {
        site(SiteKind::Blog)
    };
    Setup {
        version: version(selector),
        site,
        selection: if selector & 8 == 0 {
            Selection::default()
        } else {
            all_rules()
        },
        rel_path: if selector & 16 == 0 {
            "content/posts/x.md"
        } else {
            "content/posts/x/index.md"
        },
    }
}

impl Setup {
    /// The core API's linter for this setup, as `pagelint check` uses it.
    pub fn linter(&self) -> Linter<'_> {
        Linter::new(self.site, &self.selection)
    }

    pub fn parse(&self, bytes: Vec<u8>) -> Document {
        Document::parse(self.rel_path.into(), bytes, self.version)
    }
}
