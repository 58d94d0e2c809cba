//! A reader of the subset of Go templates that image render hooks and image shortcodes are
//! written in (`text/template/parse`): text, actions with pipelines, variables, `if`,
//! `with`, `range`, `else`, `end`, `return`. Anything else parses as an opaque statement,
//! which the evaluator treats as "cannot tell".

/// A token of an action.
#[derive(Debug, Clone, PartialEq)]
enum Tok {
    /// `$x` or `$`.
    Var(String),
    /// `.A.B` (empty list for `.`), or `$x.A.B` with the variable name.
    Chain(Option<String>, Vec<String>),
    /// A function or keyword name (`strings.TrimPrefix`, `if`).
    Ident(String),
    /// A string literal, unquoted.
    Str(String),
    /// A number, `true`, `false`, `nil` as written.
    Lit(String),
    /// `(`.
    Open,
    /// `)`, followed by a field chain if any.
    Close(Vec<String>),
    /// `|`.
    Pipe,
    /// `:=`.
    Declare,
    /// `=`.
    Assign,
    /// `,`.
    Comma,
}

/// An expression.
#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    /// A variable with a field chain (`$u.Path`); `$` is the root.
    Var(String, Vec<String>),
    /// The dot with a field chain (`.Page.Resources`).
    Dot(Vec<String>),
    /// A string literal.
    Str(String),
    /// `true`, `false`, `nil`, a number.
    Lit(String),
    /// A function called with arguments.
    Call(String, Vec<Expr>),
    /// A field chain whose last element is a method called with arguments.
    Method(Box<Expr>, Vec<Expr>),
    /// A parenthesised pipeline, then fields (`(index $x 0).Name`).
    Paren(Box<Expr>, Vec<String>),
}

/// A statement of a template.
#[derive(Debug, Clone, PartialEq)]
pub enum Stmt {
    /// Literal text.
    Text(String),
    /// `{{ pipeline }}`: its value is written.
    Output(Expr),
    /// `{{ $x := e }}` (declare) or `{{ $x = e }}`.
    Assign(String, Expr),
    /// `{{ if e }}…{{ else }}…{{ end }}`; `with` binds the dot to the value.
    Branch {
        /// `with` rather than `if`.
        with: bool,
        /// The condition.
        cond: Expr,
        /// When true.
        then: Vec<Stmt>,
        /// Otherwise.
        other: Vec<Stmt>,
    },
    /// `{{ range $k, $v := e }}…{{ end }}`.
    Range(Vec<String>, Expr, Vec<Stmt>),
    /// `{{ return e }}`.
    Return(Expr),
    /// Anything not read (`define`, `template`, a syntax this reader does not know).
    Opaque,
}

/// Splits a template into text and actions (`{{- … -}}` trimming applied, comments dropped).
fn actions(src: &str) -> Vec<(bool, String)> {
    let mut out: Vec<(bool, String)> = Vec::new();
    let mut rest = src;
    let mut trim_next = false;
    while let Some(i) = rest.find("{{") {
        let mut text = &rest[..i];
        if trim_next {
            text = text.trim_start();
        }
        let after = &rest[i + 2..];
        let trim_prev =
            after.starts_with("- ") || after.starts_with("-\t") || after.starts_with("-\n");
        if trim_prev {
            text = text.trim_end();
        }
        if !text.is_empty() {
            out.push((false, text.to_string()));
        }
        let Some(end) = find_action_end(after) else {
            out.push((true, "opaque".into()));
            return out;
        };
        let mut inner = &after[..end];
        trim_next = inner.ends_with(" -") || inner.ends_with("\t-") || inner.ends_with("\n-");
        if trim_prev {
            inner = &inner[1..];
        }
        if trim_next {
            inner = &inner[..inner.len() - 1];
        }
        let inner = inner.trim();
        if !(inner.starts_with("/*") && inner.ends_with("*/")) {
            out.push((true, inner.to_string()));
        }
        rest = &after[end + 2..];
    }
    let text = if trim_next { rest.trim_start() } else { rest };
    if !text.is_empty() {
        out.push((false, text.to_string()));
    }
    out
}

/// The offset of the `}}` closing an action, skipping strings and comments.
fn find_action_end(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let mut i = 0;
    while i + 1 < b.len() {
        match b[i] {
            b'"' => {
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
            }
            b'`' => {
                i += 1;
                while i < b.len() && b[i] != b'`' {
                    i += 1;
                }
            }
            b'/' if b[i + 1] == b'*' => {
                i = s[i..].find("*/").map(|j| i + j + 1)?;
            }
            b'}' if b[i + 1] == b'}' => return Some(i),
            _ => {}
        }
        i += 1;
    }
    None
}

fn field_chain(s: &str) -> (Vec<String>, usize) {
    let mut fields = Vec::new();
    let mut i = 0;
    let b = s.as_bytes();
    while i < b.len() && b[i] == b'.' {
        let start = i + 1;
        let mut j = start;
        while j < b.len() && (b[j].is_ascii_alphanumeric() || b[j] == b'_') {
            j += 1;
        }
        if j == start {
            break;
        }
        fields.push(s[start..j].to_string());
        i = j;
    }
    (fields, i)
}

/// The tokens of an action; None for what this reader does not know.
fn lex(s: &str) -> Option<Vec<Tok>> {
    let mut out = Vec::new();
    let mut i = 0;
    let b = s.as_bytes();
    while i < b.len() {
        let c = b[i];
        match c {
            b' ' | b'\t' | b'\n' | b'\r' => i += 1,
            b'(' => {
                out.push(Tok::Open);
                i += 1;
            }
            b')' => {
                let (fields, n) = field_chain(&s[i + 1..]);
                out.push(Tok::Close(fields));
                i += 1 + n;
            }
            b'|' => {
                out.push(Tok::Pipe);
                i += 1;
            }
            b',' => {
                out.push(Tok::Comma);
                i += 1;
            }
            b':' if b.get(i + 1) == Some(&b'=') => {
                out.push(Tok::Declare);
                i += 2;
            }
            b'=' => {
                out.push(Tok::Assign);
                i += 1;
            }
            b'"' => {
                let mut j = i + 1;
                let mut v = String::new();
                while j < b.len() && b[j] != b'"' {
                    if b[j] == b'\\' && j + 1 < b.len() {
                        v.push(b[j + 1] as char);
                        j += 2;
                    } else {
                        let ch = s[j..].chars().next()?;
                        v.push(ch);
                        j += ch.len_utf8();
                    }
                }
                out.push(Tok::Str(v));
                i = j + 1;
            }
            b'`' => {
                let j = s[i + 1..].find('`')? + i + 1;
                out.push(Tok::Str(s[i + 1..j].to_string()));
                i = j + 1;
            }
            b'$' => {
                let mut j = i + 1;
                while j < b.len() && (b[j].is_ascii_alphanumeric() || b[j] == b'_') {
                    j += 1;
                }
                let name = s[i..j].to_string();
                let (fields, n) = field_chain(&s[j..]);
                out.push(if fields.is_empty() {
                    Tok::Var(name)
                } else {
                    Tok::Chain(Some(name), fields)
                });
                i = j + n;
            }
            b'.' => {
                let (fields, n) = field_chain(&s[i..]);
                out.push(Tok::Chain(None, fields));
                i += n.max(1);
            }
            _ if c.is_ascii_alphanumeric() || c == b'_' || c == b'-' => {
                let mut j = i;
                while j < b.len()
                    && (b[j].is_ascii_alphanumeric() || matches!(b[j], b'_' | b'.' | b'-' | b'+'))
                {
                    j += 1;
                }
                let w = &s[i..j];
                out.push(
                    if w.starts_with(|c: char| c.is_ascii_digit() || c == '-')
                        || matches!(w, "true" | "false" | "nil")
                    {
                        Tok::Lit(w.to_string())
                    } else {
                        Tok::Ident(w.to_string())
                    },
                );
                i = j;
            }
            _ => return None,
        }
    }
    Some(out)
}

/// Parses a pipeline of tokens (`a b | c d`).
fn pipeline(toks: &[Tok]) -> Option<Expr> {
    let mut cmds = toks.split(|t| *t == Tok::Pipe).peekable();
    // A `|` inside parentheses must not split: re-split respecting depth.
    if toks.contains(&Tok::Open) {
        let mut parts: Vec<&[Tok]> = Vec::new();
        let (mut depth, mut start) = (0i32, 0);
        for (i, t) in toks.iter().enumerate() {
            match t {
                Tok::Open => depth += 1,
                Tok::Close(_) => depth -= 1,
                Tok::Pipe if depth == 0 => {
                    parts.push(&toks[start..i]);
                    start = i + 1;
                }
                _ => {}
            }
        }
        parts.push(&toks[start..]);
        return fold_pipe(&parts);
    }
    let parts: Vec<&[Tok]> = cmds.by_ref().collect();
    fold_pipe(&parts)
}

fn fold_pipe(parts: &[&[Tok]]) -> Option<Expr> {
    let mut acc: Option<Expr> = None;
    for p in parts {
        let mut args = operands(p)?;
        if let Some(prev) = acc.take() {
            args.push(prev);
        }
        acc = Some(command(args)?);
    }
    acc
}

/// A command from its operands: a function call, a method call, or one value.
fn command(mut args: Vec<Expr>) -> Option<Expr> {
    if args.is_empty() {
        return None;
    }
    let first = args.remove(0);
    Some(match first {
        Expr::Call(name, a) if a.is_empty() => Expr::Call(name, args),
        e if args.is_empty() => e,
        e @ (Expr::Dot(_) | Expr::Var(..) | Expr::Paren(..)) => Expr::Method(Box::new(e), args),
        _ => return None,
    })
}

/// The operands of one command.
fn operands(toks: &[Tok]) -> Option<Vec<Expr>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match &toks[i] {
            Tok::Open => {
                let mut depth = 0;
                let mut j = i;
                loop {
                    match toks.get(j)? {
                        Tok::Open => depth += 1,
                        Tok::Close(_) => {
                            depth -= 1;
                            if depth == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                    j += 1;
                }
                let Tok::Close(fields) = &toks[j] else {
                    return None;
                };
                let inner = pipeline(&toks[i + 1..j])?;
                out.push(if fields.is_empty() {
                    inner
                } else {
                    Expr::Paren(Box::new(inner), fields.clone())
                });
                i = j + 1;
                continue;
            }
            Tok::Var(v) => out.push(Expr::Var(v.clone(), Vec::new())),
            Tok::Chain(Some(v), f) => out.push(Expr::Var(v.clone(), f.clone())),
            Tok::Chain(None, f) => out.push(Expr::Dot(f.clone())),
            Tok::Ident(n) => out.push(Expr::Call(n.clone(), Vec::new())),
            Tok::Str(s) => out.push(Expr::Str(s.clone())),
            Tok::Lit(l) => out.push(Expr::Lit(l.clone())),
            _ => return None,
        }
        i += 1;
    }
    Some(out)
}

/// One action, classified.
enum Action {
    Stmt(Stmt),
    Open { with: bool, cond: Expr },
    Range(Vec<String>, Expr),
    Else(Option<(bool, Expr)>),
    End,
}

fn action(s: &str) -> Action {
    let Some(toks) = lex(s) else {
        return Action::Stmt(Stmt::Opaque);
    };
    let opaque = Action::Stmt(Stmt::Opaque);
    match toks.as_slice() {
        [Tok::Ident(k), rest @ ..] if k == "if" || k == "with" => match pipeline(rest) {
            Some(cond) => Action::Open {
                with: k == "with",
                cond,
            },
            None => Action::Open {
                with: false,
                cond: Expr::Lit("?".into()),
            },
        },
        [Tok::Ident(k)] if k == "end" => Action::End,
        [Tok::Ident(k)] if k == "else" => Action::Else(None),
        [Tok::Ident(k), Tok::Ident(w), rest @ ..] if k == "else" && (w == "if" || w == "with") => {
            Action::Else(Some((
                w == "with",
                pipeline(rest).unwrap_or(Expr::Lit("?".into())),
            )))
        }
        [Tok::Ident(k), rest @ ..] if k == "range" => {
            let vars: Vec<String> = rest
                .iter()
                .take_while(|t| !matches!(t, Tok::Declare | Tok::Assign))
                .filter_map(|t| match t {
                    Tok::Var(v) => Some(v.clone()),
                    _ => None,
                })
                .collect();
            let at = rest
                .iter()
                .position(|t| matches!(t, Tok::Declare | Tok::Assign));
            let expr = match at {
                Some(i) => pipeline(&rest[i + 1..]),
                None => pipeline(rest),
            };
            Action::Range(vars, expr.unwrap_or(Expr::Lit("?".into())))
        }
        [Tok::Ident(k), ..]
            if matches!(
                k.as_str(),
                "define" | "block" | "template" | "break" | "continue"
            ) =>
        {
            if k == "define" || k == "block" {
                Action::Open {
                    with: false,
                    cond: Expr::Lit("?".into()),
                }
            } else {
                opaque
            }
        }
        [Tok::Ident(k), rest @ ..] if k == "return" => match pipeline(rest) {
            Some(e) => Action::Stmt(Stmt::Return(e)),
            None => opaque,
        },
        [Tok::Var(v), Tok::Declare | Tok::Assign, rest @ ..] => match pipeline(rest) {
            Some(e) => Action::Stmt(Stmt::Assign(v.clone(), e)),
            None => Action::Stmt(Stmt::Assign(v.clone(), Expr::Lit("?".into()))),
        },
        _ => match pipeline(&toks) {
            Some(e) => Action::Stmt(Stmt::Output(e)),
            None => opaque,
        },
    }
}

/// Parses a template into statements; unknown syntax becomes [`Stmt::Opaque`].
pub fn parse(src: &str) -> Vec<Stmt> {
    let items = actions(src);
    let mut pos = 0;
    let (stmts, _) = block(&items, &mut pos);
    stmts
}

/// What ended a block.
enum Ender {
    End,
    Else(Option<(bool, Expr)>),
    Eof,
}

fn block(items: &[(bool, String)], pos: &mut usize) -> (Vec<Stmt>, Ender) {
    let mut out = Vec::new();
    while *pos < items.len() {
        let (is_action, text) = &items[*pos];
        *pos += 1;
        if !is_action {
            out.push(Stmt::Text(text.clone()));
            continue;
        }
        match action(text) {
            Action::Stmt(s) => out.push(s),
            Action::End => return (out, Ender::End),
            Action::Else(e) => return (out, Ender::Else(e)),
            Action::Open { with, cond } => out.push(branch(items, pos, with, cond)),
            Action::Range(vars, e) => {
                let (body, mut end) = block(items, pos);
                while let Ender::Else(_) = end {
                    end = block(items, pos).1;
                }
                out.push(Stmt::Range(vars, e, body));
            }
        }
    }
    (out, Ender::Eof)
}

fn branch(items: &[(bool, String)], pos: &mut usize, with: bool, cond: Expr) -> Stmt {
    let (then, end) = block(items, pos);
    let other = match end {
        Ender::Else(None) => block(items, pos).0,
        Ender::Else(Some((w, c))) => vec![branch(items, pos, w, c)],
        _ => Vec::new(),
    };
    Stmt::Branch {
        with,
        cond,
        then,
        other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_embedded_hook_shape() {
        let t = r#"{{- $u := urls.Parse .Destination -}}
{{- $src := $u.String -}}
{{- if not $u.IsAbs -}}
  {{- $path := strings.TrimPrefix "./" $u.Path -}}
  {{- with or (.PageInner.Resources.Get $path) (resources.Get $path) -}}
    {{- $src = .RelPermalink -}}
  {{- end -}}
{{- end -}}
<img src="{{ $src }}" alt="{{ .PlainText }}">"#;
        let s = parse(t);
        assert!(
            matches!(&s[0], Stmt::Assign(v, Expr::Call(f, _)) if v == "$u" && f == "urls.Parse")
        );
        assert!(matches!(&s[2], Stmt::Branch { with: false, .. }));
        assert!(matches!(&s[3], Stmt::Text(t) if t == "<img src=\""));
        assert!(matches!(&s[4], Stmt::Output(Expr::Var(v, _)) if v == "$src"));
    }

    #[test]
    fn pipes_and_methods() {
        let s =
            parse(r#"{{ $x := .Page.Resources.GetMatch (printf "%s" (.Destination | safeURL)) }}"#);
        let Stmt::Assign(_, Expr::Method(recv, args)) = &s[0] else {
            panic!("{s:?}")
        };
        assert_eq!(
            **recv,
            Expr::Dot(vec!["Page".into(), "Resources".into(), "GetMatch".into()])
        );
        assert!(matches!(&args[0], Expr::Call(f, a) if f == "printf" && a.len() == 2));
    }
}
