//! TOML 1.1 syntax that TOML 1.0 readers refuse: Hugo before 0.164 reads front
//! matter with go-toml v2.3 (TOML 1.0) and fails on it; from 0.164, go-toml
//! v2.4.3 reads TOML 1.1. The `toml` crate reads 1.1, so 1.0 is this check
//! first.
//!
//! What TOML 1.1 added and go-toml v2.3 refuses (observed with Hugo 0.163.3 and
//! 0.164.0): newlines (so also comments) inside an inline table, a trailing comma
//! in an inline table, the `\xHH` escape in basic strings, and times without
//! seconds (`10:11`, `2020-01-02T10:11Z`). `\e` was already accepted.

use super::tree::{ParseError, Span};

/// The first TOML 1.1 construct in `text`, as the error go-toml v2.3 reports
/// (with Hugo's `toml:` prefix), pointing at it; Ok when `text` is TOML 1.0 or
/// does not parse anyway (the parser then says why).
pub fn check(text: &str) -> Result<(), ParseError> {
    let b = text.as_bytes();
    // Open brackets: true for an inline table `{`, false for an array `[`.
    let mut open: Vec<bool> = Vec::new();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'#' => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            b'"' | b'\'' => {
                i = string_end(text, i)?;
                continue;
            }
            b'{' => open.push(true),
            b'[' if !open.is_empty() || after_equals(b, i) => open.push(false),
            b']' | b'}' => {
                open.pop();
            }
            b'\n' if open.last() == Some(&true) => {
                return Err(error("newline inside an inline table", i..i + 1));
            }
            b',' if open.last() == Some(&true) => {
                let next = b[i + 1..].iter().position(|c| !matches!(c, b' ' | b'\t'));
                if next.is_some_and(|n| b[i + 1 + n] == b'}') {
                    return Err(error(
                        "invalid character at start of key: } (a trailing comma in an inline \
                         table)",
                        i..i + 1,
                    ));
                }
            }
            c if c.is_ascii_digit() && token_start(b, i) => {
                if let Some(span) = time_without_seconds(b, i) {
                    return Err(error(
                        "times are expected to have the format HH:MM:SS[.NNNNNN]",
                        span,
                    ));
                }
                while i < b.len() && !matches!(b[i], b',' | b']' | b'}' | b'\n' | b'#') {
                    i += 1;
                }
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    Ok(())
}

fn error(what: &str, span: Span) -> ParseError {
    ParseError::new(
        format!(
            "toml: {what}: TOML 1.1 syntax, which Hugo reads only from 0.164 \
             (go-toml v2.4); earlier releases read TOML 1.0"
        ),
        span,
    )
}

/// Whether the `[` at `i` opens a value (after `=` on its line), not a table header.
fn after_equals(b: &[u8], i: usize) -> bool {
    let line_start = b[..i]
        .iter()
        .rposition(|&c| c == b'\n')
        .map_or(0, |p| p + 1);
    b[line_start..i].contains(&b'=')
}

/// Whether a bare value token may start at `i` (after `=`, `[`, `{`, `,` and blanks).
fn token_start(b: &[u8], i: usize) -> bool {
    let before = b[..i]
        .iter()
        .rposition(|c| !matches!(c, b' ' | b'\t' | b'\r' | b'\n'));
    before.is_some_and(|p| matches!(b[p], b'=' | b'[' | b'{' | b','))
}

/// The span of a local time or date-time at `i` whose time has no seconds
/// (`10:11`, `2020-01-02T10:11`, `2020-01-02 10:11Z`).
fn time_without_seconds(b: &[u8], i: usize) -> Option<Span> {
    let digits = |at: usize, n: usize| {
        b.get(at..at + n)
            .is_some_and(|s| s.iter().all(u8::is_ascii_digit))
    };
    let time_at = if digits(i, 4) && b.get(i + 4) == Some(&b'-') {
        let sep = b.get(i + 10)?;
        if !digits(i + 5, 2) || b.get(i + 7) != Some(&b'-') || !digits(i + 8, 2) {
            return None;
        }
        if !matches!(sep, b'T' | b't' | b' ') {
            return None;
        }
        i + 11
    } else {
        i
    };
    let hhmm = digits(time_at, 2) && b.get(time_at + 2) == Some(&b':') && digits(time_at + 3, 2);
    (hhmm && b.get(time_at + 5) != Some(&b':')).then(|| i..time_at + 5)
}

/// The index after the string starting at `start`; an error at a `\x` escape.
fn string_end(text: &str, start: usize) -> Result<usize, ParseError> {
    let b = text.as_bytes();
    let quote = b[start];
    let triple = b[start..].starts_with(&[quote; 3]);
    let mut i = start + if triple { 3 } else { 1 };
    while i < b.len() {
        if quote == b'"' && b[i] == b'\\' {
            if b.get(i + 1) == Some(&b'x') {
                return Err(error("invalid escaped character U+0078 'x'", i..i + 2));
            }
            i += 2;
            continue;
        }
        if !triple && b[i] == b'\n' {
            return Ok(i);
        }
        if b[i] == quote && (!triple || b[i..].starts_with(&[quote; 3])) {
            return Ok(i + if triple { 3 } else { 1 });
        }
        i += 1;
    }
    Ok(b.len())
}

#[cfg(test)]
mod tests {
    use super::check;

    #[test]
    fn toml_1_1_syntax_is_found() {
        for bad in [
            "params = {\n  a = 1\n}\n",
            "params = { a = 1, }\n",
            "title = \"caf\\xE9\"\n",
            "date = 2020-01-02T10:11Z\n",
            "date = 2020-01-02 10:11\n",
            "t = 10:11\n",
            "a = [{ b = 1, }]\n",
        ] {
            assert!(check(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn toml_1_0_passes() {
        for good in [
            "title = \"caf\\u00E9\"\ndate = 2020-01-02T10:11:00Z\nparams = { a = 1 }\n",
            "a = [\n  1,\n  2,\n]\n",
            "[params]\nb = \"{\\n,}\"\n",
            "s = '''\n{ a = 1, }\n'''\n",
            "t = 10:11:12\nd = 2020-01-02\nn = 1_000\nf = 1e10\n",
            "# { a = 1, }\nx = 'c:\\xE9'\n",
            "[[arr]]\nname = \"x\"\n",
            "e = \"\\e\"\n",
        ] {
            assert!(check(good).is_ok(), "{good:?}: {:?}", check(good));
        }
    }
}
