//! A light reading of Go templates (`text/template/parse`): the actions of a
//! shortcode template, for what Hugo learns from them. Not a template parser:
//! it finds actions, drops comments and string literals, and looks at words.

/// The actions of a Go template in order: the text between `{{` and `}}`
/// with trim markers (`{{- `, ` -}}`) removed; comments (`{{/* */}}`) are left
/// out. String and raw-string literals inside an action do not end it.
pub fn actions(text: &str) -> Vec<&str> {
    actions_at(text).into_iter().map(|(_, a)| a).collect()
}

/// [`actions`] with the byte offset of each action's text in `text`.
pub fn actions_at(text: &str) -> Vec<(usize, &str)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(open) = find(b, i, b"{{") {
        let mut start = open + 2;
        if b.get(start) == Some(&b'-') && b.get(start + 1).is_some_and(u8::is_ascii_whitespace) {
            start += 2;
        }
        let inner = &text[start..];
        if inner.trim_start().starts_with("/*") {
            // A comment runs to `*/` and then `}}`.
            let Some(end) = find(b, start, b"*/") else {
                break;
            };
            i = find(b, end, b"}}").map_or(b.len(), |e| e + 2);
            continue;
        }
        let Some(end) = action_end(b, start) else {
            break;
        };
        let mut body = &text[start..end];
        if body.ends_with(" -") || body.ends_with("\t-") || body.ends_with("\n-") {
            body = &body[..body.len() - 1];
        }
        let lead = body.len() - body.trim_start().len();
        out.push((start + lead, body.trim()));
        i = end + 2;
    }
    out
}

fn find(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    b.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| from + p)
}

/// Index of the `}}` that ends an action starting at `from`, skipping literals.
fn action_end(b: &[u8], from: usize) -> Option<usize> {
    let mut i = from;
    while i < b.len() {
        match b[i] {
            b'"' | b'\'' => {
                let quote = b[i];
                i += 1;
                while i < b.len() && b[i] != quote {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
            }
            b'`' => {
                i = find(b, i + 1, b"`")?;
            }
            b'}' if b.get(i + 1) == Some(&b'}') => return Some(i),
            _ => {}
        }
        i += 1;
    }
    None
}

/// An action's text with string literals blanked, so words in them do not count.
fn code_of(action: &str) -> String {
    let mut out = String::with_capacity(action.len());
    let mut quote: Option<char> = None;
    let mut escaped = false;
    for c in action.chars() {
        match quote {
            Some(q) => {
                if escaped {
                    escaped = false;
                } else if c == '\\' && q != '`' {
                    escaped = true;
                } else if c == q {
                    quote = None;
                }
                out.push(' ');
            }
            None if matches!(c, '"' | '\'' | '`') => {
                quote = Some(c);
                out.push(' ');
            }
            None => out.push(c),
        }
    }
    out
}

/// Whether `code` uses the field `.Inner` or `.InnerDeindent` (also `$.Inner`,
/// `.Page.Inner`).
fn uses_inner_field(code: &str) -> bool {
    let ident = |c: char| c.is_alphanumeric() || c == '_';
    code.match_indices(".Inner").any(|(i, _)| {
        let rest = &code[i + ".Inner".len()..];
        let rest = rest.strip_prefix("Deindent").unwrap_or(rest);
        !rest.chars().next().is_some_and(ident)
    })
}

/// The fields and methods of Hugo's `ShortcodeWithPage`, the dot of a
/// shortcode template (`hugolib/shortcode.go`), 0.111 to 0.169.
const SHORTCODE_FIELDS: &[&str] = &[
    "Params",
    "Inner",
    "Page",
    "Parent",
    "Name",
    "IsNamedParams",
    "Ordinal",
    "InnerDeindent",
    "Position",
    "Site",
    "Ref",
    "RelRef",
    "Store",
    "Scratch",
    "Get",
    "Unwrapv",
];

/// A mistake in a shortcode template that fails when Hugo executes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TemplateError {
    /// `.Field` on the shortcode itself that it does not have: the offset of
    /// the field in the text, and its name.
    NoSuchField(usize, String),
    /// An `{{ end }}` with no block open, at this offset.
    UnexpectedEnd(usize),
    /// A block (`if`, `with`, `range`, `define`, `block`) never ended, opened at this offset.
    Unclosed(usize),
}

/// The first mistake of a shortcode template's text that pagelint can see:
/// a field its dot does not have, used where the dot is the shortcode (outside
/// `with`, `range`, `define` and `block`), or unbalanced blocks.
pub fn shortcode_template_error(text: &str) -> Option<TemplateError> {
    let mut open: Vec<(usize, bool)> = Vec::new();
    for (at, action) in actions_at(text) {
        let code = code_of(action);
        let first = code.split_whitespace().next().unwrap_or("");
        let dot_is_shortcode = open.iter().all(|(_, changes_dot)| !changes_dot);
        if dot_is_shortcode && first != "define" {
            if let Some((i, field)) = unknown_field(&code) {
                return Some(TemplateError::NoSuchField(at + i, field));
            }
        }
        match first {
            "if" | "with" | "range" | "define" | "block" => {
                open.push((at, first != "if"));
            }
            "end" if open.pop().is_none() => return Some(TemplateError::UnexpectedEnd(at)),
            _ => {}
        }
    }
    open.first().map(|(at, _)| TemplateError::Unclosed(*at))
}

/// The first `.Field` (after a space, `(`, `|` or `,`, or at the start) that
/// the shortcode does not have: its offset and name.
fn unknown_field(code: &str) -> Option<(usize, String)> {
    let b = code.as_bytes();
    for (i, _) in code.match_indices('.') {
        let before_ok = i == 0 || matches!(b[i - 1], b' ' | b'\t' | b'\n' | b'(' | b'|' | b',');
        let name: String = code[i + 1..]
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        let starts_ident = name
            .chars()
            .next()
            .is_some_and(|c| c.is_alphabetic() || c == '_');
        if before_ok && starts_ident && !SHORTCODE_FIELDS.contains(&name.as_str()) {
            return Some((i, name));
        }
    }
    None
}

/// What a shortcode template tells Hugo about its inner content: whether it
/// uses `.Inner` / `.InnerDeindent` in an action (Hugo's `collectInnerInShortcode`
/// looks at command arguments: text, comments and `{{ template "x" .Inner }}`
/// do not count), and whether it renders it as code (an action uses
/// `highlight` or `transform.Highlight` in a template that uses `.Inner`).
pub fn inner_use(text: &str) -> (bool, bool) {
    let mut uses = false;
    let mut highlights = false;
    for action in actions(text) {
        let code = code_of(action);
        let first = code.split_whitespace().next().unwrap_or("");
        if first == "template" {
            continue;
        }
        uses |= uses_inner_field(&code);
        highlights |= code
            .split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | '|'))
            .any(|w| w == "highlight" || w == "transform.Highlight");
    }
    (uses, uses && highlights)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inner_in_actions_only() {
        assert_eq!(inner_use("<b>{{ .Inner }}</b>"), (true, false));
        assert_eq!(inner_use("<b>{{ .InnerDeindent }}</b>"), (true, false));
        assert_eq!(
            inner_use("{{ with .Inner }}<b>{{ . }}</b>{{ end }}"),
            (true, false)
        );
        assert_eq!(
            inner_use("{{ $x := .Inner }}<b>{{ $x }}</b>"),
            (true, false)
        );
        assert_eq!(inner_use("{{- $.Inner -}}"), (true, false));
        assert_eq!(inner_use("{{/* .Inner */}}<b>x</b>"), (false, false));
        assert_eq!(inner_use("{{- /* .Inner */ -}}<b>x</b>"), (false, false));
        assert_eq!(inner_use("<b>.Inner</b>"), (false, false));
        assert_eq!(
            inner_use("{{ define \"p\" }}<b>{{ . }}</b>{{ end }}{{ template \"p\" .Inner }}"),
            (false, false)
        );
        assert_eq!(inner_use("{{ \".Inner\" }}"), (false, false));
        assert_eq!(inner_use("{{ .Innermost }}"), (false, false));
    }

    #[test]
    fn highlighted_inner() {
        assert_eq!(
            inner_use("{{ highlight .Inner \"go\" \"\" }}"),
            (true, true)
        );
        assert_eq!(
            inner_use("{{ transform.Highlight (trim .Inner \"\\n\") (.Get 0) }}"),
            (true, true)
        );
        assert_eq!(inner_use("{{ .Inner | markdownify }}"), (true, false));
    }

    #[test]
    fn template_errors() {
        assert_eq!(
            shortcode_template_error("{{ .Nope }}"),
            Some(TemplateError::NoSuchField(3, "Nope".into()))
        );
        assert_eq!(
            shortcode_template_error("{{ 1 }}{{ .Get 0 }}{{ .Page.Title }}"),
            None
        );
        assert_eq!(
            shortcode_template_error("{{ with .Page }}{{ .Title }}{{ end }}"),
            None
        );
        assert!(shortcode_template_error("{{ if .Inner }}{{ .Oops }}{{ end }}").is_some());
        assert_eq!(
            shortcode_template_error("{{ if 1 }}x"),
            Some(TemplateError::Unclosed(3))
        );
        assert_eq!(
            shortcode_template_error("x{{ end }}"),
            Some(TemplateError::UnexpectedEnd(4))
        );
        assert_eq!(
            shortcode_template_error("{{ $x := 1.5 }}{{ \".Nope\" }}"),
            None
        );
    }

    #[test]
    fn actions_skip_literals_and_trims() {
        assert_eq!(actions("a {{ \"}}\" }} b {{- .X -}}"), vec!["\"}}\"", ".X"]);
    }
}
