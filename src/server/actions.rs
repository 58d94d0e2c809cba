//! Code actions: each finding's fix as a quick fix (safe ones preferred),
//! "suppress this rule on this line", and every safe fix of the file at once
//! (`source.fixAll.pagelint`).

use std::collections::HashMap;
use std::path::Path;
use std::sync::LazyLock;

use ls_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, DocumentChanges, OneOf,
    OptionalVersionedTextDocumentIdentifier, Range, TextDocumentEdit, TextEdit, Uri, WorkspaceEdit,
};
use regex::Regex;

use super::analysis::{analyze, LintHook};
use super::diagnostics::to_lsp;
use super::position::{Encoding, Text};
use crate::diagnostic::{Applicability, Diagnostic, Edit, Span};
use crate::document::Document;
use crate::fix;
use crate::frontmatter::Format;
use crate::lint::Linted;
use crate::site::Site;

/// The kind of the fix-all action.
pub const FIX_ALL: &str = "source.fixAll.pagelint";

/// What the actions of one request are computed from.
pub struct Request<'a> {
    pub uri: &'a Uri,
    pub version: i32,
    /// The document's current text, linted.
    pub linted: &'a Linted,
    pub site: &'a Site,
    pub path: &'a Path,
    pub encoding: Encoding,
    /// The client takes versioned `documentChanges`.
    pub document_changes: bool,
    pub hook: Option<&'a LintHook>,
}

/// Whether an action of `kind` is among the kinds `only` asks for (a kind
/// asks for its sub-kinds too: `source` includes `source.fixAll.pagelint`).
fn wanted(only: Option<&[CodeActionKind]>, kind: &str) -> bool {
    only.is_none_or(|only| {
        only.iter().any(|o| {
            let o = o.as_str();
            kind == o || kind.strip_prefix(o).is_some_and(|r| r.starts_with('.'))
        })
    })
}

impl Request<'_> {
    fn text(&self) -> Text<'_> {
        Text::new(
            &self.linted.document.text,
            self.linted.document.lines(),
            self.encoding,
        )
    }

    fn workspace_edit(&self, edits: &[&Edit]) -> WorkspaceEdit {
        let text = self.text();
        let edits: Vec<TextEdit> = edits
            .iter()
            .map(|e| TextEdit::new(text.range(&e.span), e.content.clone()))
            .collect();
        if self.document_changes {
            WorkspaceEdit {
                document_changes: Some(DocumentChanges::Edits(vec![TextDocumentEdit {
                    text_document: OptionalVersionedTextDocumentIdentifier {
                        uri: self.uri.clone(),
                        version: Some(self.version),
                    },
                    edits: edits.into_iter().map(OneOf::Left).collect(),
                }])),
                ..WorkspaceEdit::default()
            }
        } else {
            WorkspaceEdit {
                changes: Some(HashMap::from([(self.uri.clone(), edits)])),
                ..WorkspaceEdit::default()
            }
        }
    }

    /// The actions for the findings that touch `range`, and the fix-all
    /// action, filtered by `only`.
    pub fn actions(
        &self,
        range: Range,
        only: Option<&[CodeActionKind]>,
    ) -> Vec<CodeActionOrCommand> {
        let text = self.text();
        let wanted_span = text.span(range);
        let doc = &self.linted.document;
        let mut out = Vec::new();
        let touching: Vec<&Diagnostic> = self
            .linted
            .diagnostics
            .iter()
            .filter(|d| d.span.start <= wanted_span.end && wanted_span.start <= d.span.end)
            .collect();
        if wanted(only, CodeActionKind::QUICKFIX.as_str()) {
            for d in &touching {
                let Some(fix) = &d.fix else { continue };
                let safe = fix.applicability == Applicability::Safe;
                let edits: Vec<&Edit> = fix.edits.iter().collect();
                out.push(CodeActionOrCommand::CodeAction(CodeAction {
                    title: fix_title(&doc.text, d, safe),
                    kind: Some(CodeActionKind::QUICKFIX),
                    diagnostics: Some(vec![to_lsp(d, &text, self.uri)]),
                    edit: Some(self.workspace_edit(&edits)),
                    is_preferred: Some(safe),
                    ..CodeAction::default()
                }));
            }
            // One suppression per rule and line, for every finding of it there.
            let mut done: Vec<(&str, usize)> = Vec::new();
            for d in &touching {
                let line = doc.lines().line_of(d.span.start);
                if done.contains(&(d.rule, line)) {
                    continue;
                }
                done.push((d.rule, line));
                let Some(edit) = self.suppression(d.rule, line) else {
                    continue;
                };
                let silenced: Vec<_> = self
                    .linted
                    .diagnostics
                    .iter()
                    .filter(|x| x.rule == d.rule && doc.lines().line_of(x.span.start) == line)
                    .map(|x| to_lsp(x, &text, self.uri))
                    .collect();
                out.push(CodeActionOrCommand::CodeAction(CodeAction {
                    title: format!("Suppress `{}` on this line", d.rule),
                    kind: Some(CodeActionKind::QUICKFIX),
                    diagnostics: Some(silenced),
                    edit: Some(self.workspace_edit(&[&edit])),
                    is_preferred: Some(false),
                    ..CodeAction::default()
                }));
            }
        }
        if wanted(only, FIX_ALL) {
            let (edits, fixes) = fix::edits(&doc.text, &self.linted.diagnostics, fix::Mode::Safe);
            if fixes > 0 {
                out.push(CodeActionOrCommand::CodeAction(CodeAction {
                    title: format!("Fix all safe pagelint findings ({fixes} in this file)"),
                    kind: Some(CodeActionKind::new(FIX_ALL)),
                    edit: Some(self.workspace_edit(&edits)),
                    ..CodeAction::default()
                }));
            }
        }
        out
    }

    /// The comment that silences `rule` on `line`, if one would: the text
    /// with it is linted again, and the action is offered only when that
    /// finding is gone and nothing new appeared.
    fn suppression(&self, rule: &'static str, line: usize) -> Option<Edit> {
        if rule == crate::rules::unused_suppression::META.name
            || crate::rules::by_name(rule).is_none()
        {
            return None;
        }
        let doc = &self.linted.document;
        let edit = suppression_edit(doc, rule, line)?;
        let mut edited = doc.text.clone();
        edited.replace_range(edit.span.clone(), &edit.content);
        let after = analyze(self.site, self.path, &edited, self.hook).ok()?;
        let inserted_lines = edit.content.matches('\n').count();
        let moved = |l: usize| if l >= line { l + inserted_lines } else { l };
        let lines = after.document.lines();
        let still = after
            .diagnostics
            .iter()
            .any(|d| d.rule == rule && lines.line_of(d.span.start) == moved(line));
        let count = |ds: &[Diagnostic], r: &str| ds.iter().filter(|d| d.rule == r).count();
        let worse = [
            "frontmatter-syntax",
            "shortcode-syntax",
            "unused-suppression",
        ]
        .iter()
        .any(|r| count(&after.diagnostics, r) > count(&self.linted.diagnostics, r));
        (!still && !worse && after.diagnostics.len() < self.linted.diagnostics.len())
            .then_some(edit)
    }
}

fn fix_title(text: &str, d: &Diagnostic, safe: bool) -> String {
    let Some(fix) = &d.fix else {
        return String::new();
    };
    let title = match fix.edits.as_slice() {
        [e] => {
            let old = text.get(e.span.clone()).unwrap_or("");
            match (old.is_empty(), e.content.is_empty()) {
                (true, _) => format!("Insert `{}`", e.content),
                (false, true) => format!("Delete `{old}`"),
                _ => format!("Replace `{old}` with `{}`", e.content),
            }
        }
        _ => format!("Fix this `{}` finding", d.rule),
    };
    if safe {
        title
    } else {
        format!("{title} (unsafe fix: check it)")
    }
}

static NEXT_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*<!--\s*pagelint-disable-next-line\b([^>]*?)\s*-->\s*$").expect("valid regex")
});
static IGNORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"#\s*pagelint:\s*ignore\[([^\]\r\n]*)\]\s*$").expect("valid regex")
});

/// The line ending after `line`, or the document's first, or `\n`.
fn line_ending(doc: &Document, line: usize) -> &str {
    let lines = doc.lines();
    let text = &doc.text;
    let ending = |l: usize| {
        let end = lines.line_span(text, l).end;
        let next = if l + 1 < lines.line_count() {
            lines.line_start(l + 1)
        } else {
            text.len()
        };
        &text[end..next]
    };
    let here = ending(line);
    if !here.is_empty() {
        return here;
    }
    (0..lines.line_count())
        .map(ending)
        .find(|e| !e.is_empty())
        .unwrap_or("\n")
}

/// Adds `rule` to a rule list that ends at `at` (`list` is its text).
fn add_to_list(list: &str, at: usize, rule: &str) -> Edit {
    let content = if list.trim().is_empty() {
        format!(" {rule}")
    } else {
        format!(", {rule}")
    };
    Edit {
        span: at..at,
        content,
    }
}

/// The edit that silences `rule` on the 0-based `line`: in the front matter
/// (YAML or TOML) a `# pagelint: ignore[RULE]` at the end of the line, in
/// the body a `<!-- pagelint-disable-next-line RULE -->` line above it; an
/// existing comment of either kind gets the rule added to its list.
pub fn suppression_edit(doc: &Document, rule: &str, line: usize) -> Option<Edit> {
    if doc.unreadable.is_some() {
        return None;
    }
    let lines = doc.lines();
    let text = &doc.text;
    let span: Span = lines.line_span(text, line);
    let body = doc.split.body.clone();
    if span.start < body.start {
        let fm = doc.front_matter()?;
        if !matches!(fm.format, Format::Yaml | Format::Toml) {
            return None; // JSON has no comments; Org is not checked
        }
        let opening = lines.line_of(fm.delimiter.start);
        let closing = lines.line_of(body.start.saturating_sub(1));
        if line <= opening || line >= closing {
            return None;
        }
        let here = &text[span.clone()];
        if let Some(c) = IGNORE.captures(here) {
            let list = c.get(1)?;
            return Some(add_to_list(list.as_str(), span.start + list.end(), rule));
        }
        return Some(Edit {
            span: span.end..span.end,
            content: format!(" # pagelint: ignore[{rule}]"),
        });
    }
    if line > 0 {
        let above = lines.line_span(text, line - 1);
        if above.start >= body.start {
            if let Some(c) = NEXT_LINE.captures(&text[above.clone()]) {
                let list = c.get(1)?;
                return Some(add_to_list(list.as_str(), above.start + list.end(), rule));
            }
        }
    }
    let indent: String = text[span.clone()]
        .chars()
        .take_while(|c| *c == ' ' || *c == '\t')
        .collect();
    Some(Edit {
        span: span.start..span.start,
        content: format!(
            "{indent}<!-- pagelint-disable-next-line {rule} -->{}",
            line_ending(doc, line)
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::version::HugoVersion;

    fn edited(text: &str, line: usize) -> Option<String> {
        let doc = Document::parse("content/a.md".into(), text.into(), HugoVersion::LATEST);
        let edit = suppression_edit(&doc, "broken-image", line)?;
        let mut out = text.to_string();
        out.replace_range(edit.span, &edit.content);
        Some(out)
    }

    #[test]
    fn suppression_comments() {
        let text = "---\r\ntitle: x\r\nimage: a.png # pagelint: ignore[empty-field]\r\n---\r\n  ![](a.png)\r\n";
        assert_eq!(
            edited(text, 1).unwrap(),
            text.replace("title: x", "title: x # pagelint: ignore[broken-image]")
        );
        assert_eq!(
            edited(text, 2).unwrap(),
            text.replace("[empty-field]", "[empty-field, broken-image]")
        );
        assert_eq!(edited(text, 0), None);
        assert_eq!(edited(text, 3), None);
        assert_eq!(
            edited(text, 4).unwrap(),
            text.replace(
                "  ![](a.png)",
                "  <!-- pagelint-disable-next-line broken-image -->\r\n  ![](a.png)"
            )
        );
        let stacked = "<!-- pagelint-disable-next-line empty-field -->\n![](a.png)";
        assert_eq!(
            edited(stacked, 1).unwrap(),
            stacked.replace("empty-field", "empty-field, broken-image")
        );
        assert_eq!(edited("{\"title\": \"x\"\n}\n![](a.png)\n", 0), None);
    }

    #[test]
    fn kinds() {
        let source = [CodeActionKind::SOURCE];
        assert!(wanted(Some(&source), FIX_ALL));
        assert!(!wanted(Some(&source), "quickfix"));
        assert!(wanted(None, "quickfix"));
        assert!(!wanted(Some(&[CodeActionKind::new("source.fix")]), FIX_ALL));
    }
}
