//! `shortcode-syntax`: a shortcode tag Hugo's page lexer rejects, reported at
//! the character where the lexer fails.

use crate::body::shortcode_lexer::MAX_TAGS;
use crate::body::LexError;
use crate::diagnostic::{Diagnostic, Fixable, Severity, Sink};
use crate::rules::{Context, Rule, RuleMeta};
use crate::site::template_scan::{self, TemplateError};

/// The `shortcode-syntax` rule (`rules/shortcode-syntax.md`).
pub struct ShortcodeSyntax;

static META: RuleMeta = RuleMeta {
    name: "shortcode-syntax",
    summary: "a shortcode tag that Hugo's lexer rejects",
    severity: Severity::Error,
    default_enabled: true,
    fixable: Fixable::No,
    doc: include_str!("../../rules/shortcode-syntax.md"),
};

fn rejected(e: &LexError, text: &str) -> Diagnostic {
    let d = Diagnostic::new(&META, e.span.clone(), e.reason.clone()).label("here");
    match unclosed_opening(e, text) {
        Some((open, close)) => d
            .related(e.tag_start..open.end, "this tag is never closed")
            .help(format!(
                "the `{}` above is never closed: end it with `{close}` on its line. Hugo reads \
                 the lines after it as its parameters and stops the build here with: {}",
                &text[open], e.hugo_message
            )),
        None => d.help(format!("Hugo stops the build with: {}", e.hugo_message)),
    }
}

/// When the failing tag's first line has no closing delimiter and the
/// lexer failed on a later line (`{{< youtube id` with the line ending
/// there): the tag's opening (`{{<` and its name) and the delimiter it lacks.
fn unclosed_opening(e: &LexError, text: &str) -> Option<(std::ops::Range<usize>, &'static str)> {
    let rest = text.get(e.tag_start..e.span.start)?;
    let line_end = rest.find(['\n', '\r'])?;
    let first_line = &rest[..line_end];
    let close = match first_line.get(..3)? {
        "{{<" => ">}}",
        "{{%" => "%}}",
        _ => return None,
    };
    if first_line.contains(close) {
        return None;
    }
    // `{{<` and the name after it, as far as the first space.
    let name_end = first_line[3..]
        .trim_start()
        .find(char::is_whitespace)
        .map_or(first_line.len(), |i| {
            3 + (first_line[3..].len() - first_line[3..].trim_start().len()) + i
        });
    Some((e.tag_start..e.tag_start + name_end, close))
}

/// Enabled inline shortcodes: a template Hugo fails to execute (a field the
/// shortcode does not have, unbalanced blocks) fails the build.
fn inline_templates(cx: &Context<'_>, out: &mut Sink) {
    let tags = &cx.doc.shortcodes().tags;
    let structure = cx.shortcode_structure();
    for (i, tag) in tags
        .iter()
        .enumerate()
        .filter(|(_, t)| t.inline && !t.closing)
    {
        let Some(close) = structure.closed_by.get(i).copied().flatten() else {
            continue;
        };
        let start = tag.span.end;
        let Some(text) = cx.doc.text.get(start..tags[close].span.start) else {
            continue;
        };
        let (at, message) = match template_scan::shortcode_template_error(text) {
            None => continue,
            Some(TemplateError::NoSuchField(at, field)) => (
                at..at + 1 + field.len(),
                format!(
                    "inline shortcode `{}`: a shortcode has no field `.{field}`",
                    tag.name
                ),
            ),
            Some(TemplateError::UnexpectedEnd(at)) => (
                at..at + 3,
                format!(
                    "inline shortcode `{}`: `end` without a block to end",
                    tag.name
                ),
            ),
            Some(TemplateError::Unclosed(at)) => (
                at..at + 1,
                format!("inline shortcode `{}`: a block is never ended", tag.name),
            ),
        };
        out.push(
            Diagnostic::new(&META, start + at.start..start + at.end, message)
                .label("fails when Hugo executes the template")
                .help("fix the template; Hugo fails with: failed to render shortcode"),
        );
    }
}

impl Rule for ShortcodeSyntax {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        let lexed = cx.doc.shortcodes();
        if cx.site.hugo.inline_shortcodes
            && lexed.tags.iter().any(|t| t.inline)
            && cx.page_renders()
        {
            inline_templates(cx, out);
        }
        if (lexed.errors.is_empty() && lexed.stopped_at.is_none()) || !cx.page_parsed() {
            return;
        }
        out.extend(lexed.errors.iter().map(|e| rejected(e, &cx.doc.text)));
        if let Some(at) = lexed.stopped_at {
            out.push(
                Diagnostic::new(
                    &META,
                    at..at,
                    format!(
                        "the page has more than {MAX_TAGS} shortcode tags; the rest is not checked"
                    ),
                )
                .label("checking stops here")
                .help("split the page; no real page comes near this many shortcodes")
                .severity(Severity::Warning),
            );
        }
    }
}
