//! JSON front matter into the span tree.
//!
//! Hugo decodes JSON front matter with Go's `encoding/json`, so this parser is
//! strict RFC 8259 (no comments, trailing commas or single quotes) and words
//! its errors the way Go's scanner does, e.g. `invalid character '}' looking
//! for beginning of object key string`. It is a single left-to-right pass,
//! linear in the input, and recursion is bounded by [`MAX_DEPTH`].

use super::tree::{Entry, Node, NodeKind, ParseError, Span, MAX_DEPTH};

/// Parse one JSON value spanning all of `text` (surrounding whitespace allowed).
/// Spans are byte offsets into `text`.
pub fn parse(text: &str) -> Result<Node, ParseError> {
    let mut parser = Parser {
        text,
        bytes: text.as_bytes(),
        pos: 0,
        deferred: None,
    };
    parser.skip_ws();
    let node = parser.value(0)?;
    parser.skip_ws();
    if parser.pos < parser.bytes.len() {
        return Err(parser.error("after top-level value"));
    }
    // Go checks the syntax of the whole input before decoding, so a syntax
    // error anywhere wins over a number that does not fit a float64.
    match parser.deferred {
        Some(err) => Err(err),
        None => Ok(node),
    }
}

/// Hugo's JSON front matter extent: `text` starts with `{` (after the caller
/// skipped BOM/whitespace). Scans, aware of double-quoted strings and backslash
/// escapes, to the `}` matching the first `{`, and returns the byte index just
/// past it, or `None` if the text ends first (or does not start with `{`).
///
/// This mirrors `lexFrontMatterJSON` in Hugo's `pagelexer_intro.go`: only
/// braces count, a `"` toggles the in-string state, and a backslash skips the
/// character after it wherever it appears.
pub fn json_extent(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    if bytes.first() != Some(&b'{') {
        return None;
    }
    let mut level = 0usize;
    let mut in_quote = false;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'{' if !in_quote => level += 1,
            b'}' if !in_quote => {
                level -= 1;
                if level == 0 {
                    return Some(i + 1);
                }
            }
            b'"' => in_quote = !in_quote,
            // Skipping one byte is enough: the bytes of a multi-byte
            // character are never `{`, `}`, `"` or `\`.
            b'\\' => i += 1,
            _ => {}
        }
        i += 1;
    }
    None
}

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    /// The first number out of float64 range; reported only if the whole
    /// input is otherwise valid, as Go does.
    deferred: Option<ParseError>,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    /// The error for the character at `pos` (or the end of input), in the
    /// words of Go's scanner: `invalid character 'x' <context>`.
    fn error(&self, context: &str) -> ParseError {
        match self
            .text
            .get(self.pos..)
            .and_then(|rest| rest.chars().next())
        {
            Some(c) => ParseError::new(
                format!("invalid character {} {context}", quote_char(c)),
                self.pos..self.pos + c.len_utf8(),
            ),
            None => ParseError::new(
                "unexpected end of JSON input",
                self.bytes.len()..self.bytes.len(),
            ),
        }
    }

    /// One value starting at `pos`; `depth` is the number of enclosing containers.
    fn value(&mut self, depth: usize) -> Result<Node, ParseError> {
        match self.peek() {
            Some(b'{') => self.object(depth),
            Some(b'[') => self.array(depth),
            Some(b'"') => {
                let (value, span) = self.string()?;
                Ok(Node::new(
                    span,
                    NodeKind::String {
                        value,
                        quoted: true,
                    },
                ))
            }
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b't') => self.literal("true", NodeKind::Bool(true)),
            Some(b'f') => self.literal("false", NodeKind::Bool(false)),
            Some(b'n') => self.literal("null", NodeKind::Null),
            _ => Err(self.error("looking for beginning of value")),
        }
    }

    fn enter(&self, depth: usize) -> Result<(), ParseError> {
        if depth >= MAX_DEPTH {
            return Err(ParseError::new(
                format!("nesting deeper than {MAX_DEPTH} levels"),
                self.pos..self.pos + 1,
            ));
        }
        Ok(())
    }

    fn object(&mut self, depth: usize) -> Result<Node, ParseError> {
        self.enter(depth)?;
        let start = self.pos;
        self.pos += 1;
        let mut entries = Vec::new();
        self.skip_ws();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(Node::new(start..self.pos, NodeKind::Map(entries)));
        }
        loop {
            if self.peek() != Some(b'"') {
                return Err(self.error("looking for beginning of object key string"));
            }
            let (key, key_span) = self.string()?;
            self.skip_ws();
            if self.peek() != Some(b':') {
                return Err(self.error("after object key"));
            }
            self.pos += 1;
            self.skip_ws();
            let value = self.value(depth + 1)?;
            entries.push(Entry {
                key,
                key_span,
                value,
            });
            self.skip_ws();
            match self.peek() {
                Some(b',') => {
                    self.pos += 1;
                    self.skip_ws();
                }
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(Node::new(start..self.pos, NodeKind::Map(entries)));
                }
                _ => return Err(self.error("after object key:value pair")),
            }
        }
    }

    fn array(&mut self, depth: usize) -> Result<Node, ParseError> {
        self.enter(depth)?;
        let start = self.pos;
        self.pos += 1;
        let mut items = Vec::new();
        self.skip_ws();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(Node::new(start..self.pos, NodeKind::List(items)));
        }
        loop {
            items.push(self.value(depth + 1)?);
            self.skip_ws();
            match self.peek() {
                Some(b',') => {
                    self.pos += 1;
                    self.skip_ws();
                }
                Some(b']') => {
                    self.pos += 1;
                    return Ok(Node::new(start..self.pos, NodeKind::List(items)));
                }
                _ => return Err(self.error("after array element")),
            }
        }
    }

    /// A `true`, `false` or `null` literal; `pos` is at its first letter.
    fn literal(&mut self, word: &str, kind: NodeKind) -> Result<Node, ParseError> {
        let start = self.pos;
        self.pos += 1;
        for &expected in &word.as_bytes()[1..] {
            if self.peek() != Some(expected) {
                return Err(self.error(&format!(
                    "in literal {word} (expecting '{}')",
                    expected as char
                )));
            }
            self.pos += 1;
        }
        Ok(Node::new(start..self.pos, kind))
    }

    fn skip_digits(&mut self) {
        while let Some(b'0'..=b'9') = self.peek() {
            self.pos += 1;
        }
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`
    fn number(&mut self) -> Result<Node, ParseError> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        match self.peek() {
            Some(b'0') => self.pos += 1,
            Some(b'1'..=b'9') => self.skip_digits(),
            _ => return Err(self.error("in numeric literal")),
        }
        let mut integer = true;
        if self.peek() == Some(b'.') {
            integer = false;
            self.pos += 1;
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.error("after decimal point in numeric literal"));
            }
            self.skip_digits();
        }
        if let Some(b'e' | b'E') = self.peek() {
            integer = false;
            self.pos += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
            }
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.error("in exponent of numeric literal"));
            }
            self.skip_digits();
        }
        let span = start..self.pos;
        let literal = &self.text[span.clone()];
        if integer {
            if let Ok(n) = literal.parse::<i64>() {
                return Ok(Node::new(span, NodeKind::Int(n)));
            }
        }
        // The grammar above is a subset of what Rust's float parser accepts.
        let f = literal.parse::<f64>().unwrap_or(f64::INFINITY);
        if f.is_infinite() && self.deferred.is_none() {
            self.deferred = Some(ParseError::new(
                format!("json: cannot unmarshal number {literal} into Go value of type float64"),
                span.clone(),
            ));
        }
        Ok(Node::new(span, NodeKind::Float(f)))
    }

    /// A double-quoted string at `pos`, decoded, with the span of the quoted text.
    fn string(&mut self) -> Result<(String, Span), ParseError> {
        let start = self.pos;
        self.pos += 1;
        let mut out = String::new();
        let mut run = self.pos;
        loop {
            // Scan a run of plain bytes; every byte that stops it is ASCII,
            // so `run..pos` always lies on character boundaries.
            while let Some(&b) = self.bytes.get(self.pos) {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.pos += 1;
            }
            out.push_str(&self.text[run..self.pos]);
            match self.peek() {
                Some(b'"') => {
                    self.pos += 1;
                    return Ok((out, start..self.pos));
                }
                Some(b'\\') => {
                    self.pos += 1;
                    self.escape(&mut out)?;
                    run = self.pos;
                }
                _ => return Err(self.error("in string literal")),
            }
        }
    }

    /// One escape after its backslash.
    fn escape(&mut self, out: &mut String) -> Result<(), ParseError> {
        let c = match self.peek() {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                self.pos += 1;
                let first = self.hex4()?;
                out.push(self.surrogate_pair(first));
                return Ok(());
            }
            _ => return Err(self.error("in string escape code")),
        };
        self.pos += 1;
        out.push(c);
        Ok(())
    }

    /// Four hex digits of a `\u` escape.
    fn hex4(&mut self) -> Result<u32, ParseError> {
        let mut value = 0;
        for _ in 0..4 {
            let digit = match self.peek() {
                Some(b) => (b as char).to_digit(16),
                None => None,
            };
            match digit {
                Some(d) => value = value * 16 + d,
                None => return Err(self.error("in \\u hexadecimal character escape")),
            }
            self.pos += 1;
        }
        Ok(value)
    }

    /// Turns a decoded `\u` unit into a character, consuming a following
    /// `\uXXXX` low surrogate when `unit` is a high one. Like Go, a surrogate
    /// that does not form a pair becomes U+FFFD and the next escape is left alone.
    fn surrogate_pair(&mut self, unit: u32) -> char {
        if !(0xD800..=0xDFFF).contains(&unit) {
            return char::from_u32(unit).unwrap_or(char::REPLACEMENT_CHARACTER);
        }
        if unit <= 0xDBFF {
            if let Some(low) = self.peek_low_surrogate() {
                self.pos += 6;
                let c = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
                return char::from_u32(c).unwrap_or(char::REPLACEMENT_CHARACTER);
            }
        }
        char::REPLACEMENT_CHARACTER
    }

    /// The low surrogate of a complete `\uXXXX` escape at `pos`, if it is one.
    fn peek_low_surrogate(&self) -> Option<u32> {
        let rest = self.bytes.get(self.pos..self.pos + 6)?;
        if &rest[..2] != b"\\u" {
            return None;
        }
        let mut value = 0;
        for &b in &rest[2..] {
            value = value * 16 + (b as char).to_digit(16)?;
        }
        (0xDC00..=0xDFFF).contains(&value).then_some(value)
    }
}

/// A character as Go's `encoding/json` quotes it in error messages.
fn quote_char(c: char) -> String {
    match c {
        '\'' => r"'\''".to_string(),
        '"' => "'\"'".to_string(),
        '\\' => r"'\\'".to_string(),
        '\u{7}' => r"'\a'".to_string(),
        '\u{8}' => r"'\b'".to_string(),
        '\u{c}' => r"'\f'".to_string(),
        '\n' => r"'\n'".to_string(),
        '\r' => r"'\r'".to_string(),
        '\t' => r"'\t'".to_string(),
        '\u{b}' => r"'\v'".to_string(),
        c if (c as u32) < 0x20 || c == '\u{7f}' => format!("'\\x{:02x}'", c as u32),
        c if !is_printable(c) => {
            if (c as u32) <= 0xFFFF {
                format!("'\\u{:04x}'", c as u32)
            } else {
                format!("'\\U{:08x}'", c as u32)
            }
        }
        c => format!("'{c}'"),
    }
}

/// An approximation of Go's `unicode.IsPrint` for characters outside ASCII:
/// control, space and common format characters are not printable.
fn is_printable(c: char) -> bool {
    if c.is_ascii() {
        return !c.is_ascii_control();
    }
    !(c.is_control()
        || c.is_whitespace()
        || matches!(
            c,
            '\u{ad}'
                | '\u{200b}'..='\u{200f}'
                | '\u{202a}'..='\u{202e}'
                | '\u{2060}'..='\u{2064}'
                | '\u{feff}'
        ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(text: &str) -> Node {
        match parse(text) {
            Ok(node) => node,
            Err(e) => panic!("{text:?} failed: {e:?}"),
        }
    }

    fn err(text: &str) -> ParseError {
        match parse(text) {
            Ok(node) => panic!("{text:?} parsed: {node:?}"),
            Err(e) => e,
        }
    }

    fn string(value: &str) -> NodeKind {
        NodeKind::String {
            value: value.to_string(),
            quoted: true,
        }
    }

    #[test]
    fn scalars() {
        assert_eq!(ok("null"), Node::new(0..4, NodeKind::Null));
        assert_eq!(ok("true"), Node::new(0..4, NodeKind::Bool(true)));
        assert_eq!(ok(" false\n"), Node::new(1..6, NodeKind::Bool(false)));
        assert_eq!(ok("0"), Node::new(0..1, NodeKind::Int(0)));
        assert_eq!(ok("-12"), Node::new(0..3, NodeKind::Int(-12)));
        assert_eq!(ok("9223372036854775807").kind, NodeKind::Int(i64::MAX));
        assert_eq!(ok("-9223372036854775808").kind, NodeKind::Int(i64::MIN));
        assert_eq!(
            ok("9223372036854775808").kind,
            NodeKind::Float(9223372036854775808.0)
        );
        assert_eq!(ok("1.5").kind, NodeKind::Float(1.5));
        assert_eq!(ok("-0.25e2").kind, NodeKind::Float(-25.0));
        assert_eq!(ok("1E+2").kind, NodeKind::Float(100.0));
        assert_eq!(ok("1e-2").kind, NodeKind::Float(0.01));
        assert_eq!(ok("1e-400").kind, NodeKind::Float(0.0));
        assert_eq!(ok(" \t\r\n\"x\" ").span, 4..7);
    }

    #[test]
    fn float_out_of_range_is_an_error_like_go() {
        let e = err("{\"a\": 1e400}");
        assert_eq!(
            e.message,
            "json: cannot unmarshal number 1e400 into Go value of type float64"
        );
        assert_eq!(e.span, 6..11);
        // A syntax error later in the input wins, as Go validates first.
        let e = err("[1e400, ]");
        assert_eq!(
            e.message,
            "invalid character ']' looking for beginning of value"
        );
        assert_eq!(e.span, 8..9);
    }

    #[test]
    fn strings_and_escapes() {
        assert_eq!(ok(r#""""#).kind, string(""));
        assert_eq!(
            ok(r#""a\"b\\c\/d\be\ff\ng\rh\ti""#).kind,
            string("a\"b\\c/d\u{8}e\u{c}f\ng\rh\ti")
        );
        assert_eq!(ok(r#""\u00e9\u0000""#).kind, string("é\0"));
        assert_eq!(ok(r#""\uD83D\uDE00""#).kind, string("😀"));
        assert_eq!(ok(r#""\ud83d\ude00x""#).kind, string("😀x"));
        // Lone surrogates become U+FFFD; the following escape stands alone.
        assert_eq!(ok(r#""\uD83D""#).kind, string("\u{fffd}"));
        assert_eq!(ok(r#""\uDE00""#).kind, string("\u{fffd}"));
        assert_eq!(ok(r#""\uD83Dx""#).kind, string("\u{fffd}x"));
        assert_eq!(ok(r#""\uD83D\u0041""#).kind, string("\u{fffd}A"));
        assert_eq!(ok(r#""\uD83D\uD83D\uDE00""#).kind, string("\u{fffd}😀"));
        assert_eq!(ok("\"héllo 世界\"").kind, string("héllo 世界"));
        assert_eq!(ok("\"\u{7f}\"").kind, string("\u{7f}"));
    }

    #[test]
    fn containers_keep_spans_order_and_duplicates() {
        let text = r#" { "a" : [1, "x", {}], "b": null, "a": true } "#;
        let node = ok(text);
        assert_eq!(node.span, 1..text.len() - 1);
        let entries = node.as_map().unwrap();
        assert_eq!(entries.len(), 3);
        assert_eq!(entries[0].key, "a");
        assert_eq!(&text[entries[0].key_span.clone()], r#""a""#);
        assert_eq!(&text[entries[0].value.span.clone()], r#"[1, "x", {}]"#);
        let items = entries[0].value.as_list().unwrap();
        assert_eq!(items[0], Node::new(10..11, NodeKind::Int(1)));
        assert_eq!(&text[items[1].span.clone()], r#""x""#);
        assert_eq!(items[2], Node::new(18..20, NodeKind::Map(vec![])));
        assert_eq!(entries[1].key, "b");
        assert_eq!(entries[1].value.kind, NodeKind::Null);
        assert_eq!(entries[2].key, "a");
        assert_eq!(entries[2].value.kind, NodeKind::Bool(true));
        assert_eq!(&text[entries[2].value.span.clone()], "true");

        let node = ok(r#"{"k\u00e9y":[]}"#);
        let entry = &node.as_map().unwrap()[0];
        assert_eq!(entry.key, "kéy");
        assert_eq!(entry.key_span, 1..11);
        assert_eq!(entry.value, Node::new(12..14, NodeKind::List(vec![])));
        assert_eq!(ok("[ ]").span, 0..3);
        assert_eq!(ok("{\n}").span, 0..3);
    }

    /// (input, message, span) for errors, with Go's wording.
    #[test]
    fn errors_in_gos_words() {
        let cases: &[(&str, &str, Span)] = &[
            ("", "unexpected end of JSON input", 0..0),
            ("  ", "unexpected end of JSON input", 2..2),
            ("{", "unexpected end of JSON input", 1..1),
            (r#"{"a""#, "unexpected end of JSON input", 4..4),
            (r#"{"a":"#, "unexpected end of JSON input", 5..5),
            (r#"{"a":1"#, "unexpected end of JSON input", 6..6),
            (r#""abc"#, "unexpected end of JSON input", 4..4),
            (r#""\"#, "unexpected end of JSON input", 2..2),
            (r#""\u12"#, "unexpected end of JSON input", 5..5),
            ("tru", "unexpected end of JSON input", 3..3),
            ("-", "unexpected end of JSON input", 1..1),
            ("1.", "unexpected end of JSON input", 2..2),
            ("1e", "unexpected end of JSON input", 2..2),
            ("[1", "unexpected end of JSON input", 2..2),
            (
                r#"{"a":1,}"#,
                "invalid character '}' looking for beginning of object key string",
                7..8,
            ),
            (
                "{'a':1}",
                r"invalid character '\'' looking for beginning of object key string",
                1..2,
            ),
            (
                "{a:1}",
                "invalid character 'a' looking for beginning of object key string",
                1..2,
            ),
            (r#"{"a" 1}"#, "invalid character '1' after object key", 5..6),
            (
                r#"{"a":1 "b":2}"#,
                "invalid character '\"' after object key:value pair",
                7..8,
            ),
            (
                "[1,]",
                "invalid character ']' looking for beginning of value",
                3..4,
            ),
            ("[1 2]", "invalid character '2' after array element", 3..4),
            ("[1}", "invalid character '}' after array element", 2..3),
            ("1 2", "invalid character '2' after top-level value", 2..3),
            ("{} x", "invalid character 'x' after top-level value", 3..4),
            ("01", "invalid character '1' after top-level value", 1..2),
            ("[01]", "invalid character '1' after array element", 2..3),
            ("-a", "invalid character 'a' in numeric literal", 1..2),
            (
                "+1",
                "invalid character '+' looking for beginning of value",
                0..1,
            ),
            (
                ".5",
                "invalid character '.' looking for beginning of value",
                0..1,
            ),
            (
                "1.x",
                "invalid character 'x' after decimal point in numeric literal",
                2..3,
            ),
            ("1e+", "unexpected end of JSON input", 3..3),
            (
                "1ex",
                "invalid character 'x' in exponent of numeric literal",
                2..3,
            ),
            (
                "trux",
                "invalid character 'x' in literal true (expecting 'e')",
                3..4,
            ),
            ("fals", "unexpected end of JSON input", 4..4),
            (
                "nil",
                "invalid character 'i' in literal null (expecting 'u')",
                1..2,
            ),
            ("truex", "invalid character 'x' after top-level value", 4..5),
            (
                "\"a\nb\"",
                r"invalid character '\n' in string literal",
                2..3,
            ),
            (
                "\"\u{1}\"",
                r"invalid character '\x01' in string literal",
                1..2,
            ),
            (
                r#""\x""#,
                "invalid character 'x' in string escape code",
                2..3,
            ),
            (
                r#""\'""#,
                r"invalid character '\'' in string escape code",
                2..3,
            ),
            (
                r#""\u12g4""#,
                r"invalid character 'g' in \u hexadecimal character escape",
                5..6,
            ),
            (
                "é",
                "invalid character 'é' looking for beginning of value",
                0..2,
            ),
            (
                "\u{feff}{}",
                r"invalid character '\ufeff' looking for beginning of value",
                0..3,
            ),
            (
                "[1,\u{1F600}]",
                "invalid character '😀' looking for beginning of value",
                3..7,
            ),
            (
                "// c\n{}",
                "invalid character '/' looking for beginning of value",
                0..1,
            ),
            (
                "\u{a0}1",
                r"invalid character '\u00a0' looking for beginning of value",
                0..2,
            ),
            (
                "\\",
                r"invalid character '\\' looking for beginning of value",
                0..1,
            ),
            (
                "\u{0}",
                r"invalid character '\x00' looking for beginning of value",
                0..1,
            ),
            (
                "NaN",
                "invalid character 'N' looking for beginning of value",
                0..1,
            ),
        ];
        for (text, message, span) in cases {
            let e = err(text);
            assert_eq!(
                (e.message.as_str(), e.span.clone()),
                (*message, span.clone()),
                "input {text:?}"
            );
        }
    }

    #[test]
    fn depth_limit() {
        let nested = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
        assert_eq!(ok(&nested(MAX_DEPTH)).span, 0..2 * MAX_DEPTH);
        let e = err(&nested(MAX_DEPTH + 1));
        assert_eq!(e.message, "nesting deeper than 64 levels");
        assert_eq!(e.span, MAX_DEPTH..MAX_DEPTH + 1);

        let objects = format!(
            "{}1{}",
            "{\"a\":".repeat(MAX_DEPTH + 1),
            "}".repeat(MAX_DEPTH + 1)
        );
        let e = err(&objects);
        assert_eq!(e.message, "nesting deeper than 64 levels");
        assert_eq!(&objects[e.span.clone()], "{");
        assert_eq!(e.span.start, 5 * MAX_DEPTH);

        let start = std::time::Instant::now();
        let e = err(&"[".repeat(100_000));
        assert_eq!(e.span, MAX_DEPTH..MAX_DEPTH + 1);
        let e = err(&"{\"\":[".repeat(100_000));
        assert_eq!(e.message, "nesting deeper than 64 levels");
        assert!(start.elapsed().as_secs() < 2);
    }

    #[test]
    fn large_string_value() {
        let body = "abcdefghé\\n".repeat(1_000_000);
        let text = format!("{{\"big\": \"{body}\"}}");
        assert!(text.len() > 10_000_000);
        let start = std::time::Instant::now();
        let node = ok(&text);
        let elapsed = start.elapsed();
        let value = node.get("big").unwrap().value.as_str().unwrap();
        assert_eq!(value.len(), 11 * 1_000_000);
        assert!(value.starts_with("abcdefghé\nabc"));
        // Generous, so that unoptimised test builds pass too.
        assert!(elapsed.as_secs() < 5, "took {elapsed:?}");

        let items = format!("[{}1]", "1, ".repeat(1_000_000));
        assert_eq!(ok(&items).as_list().unwrap().len(), 1_000_001);
    }

    #[test]
    fn extent() {
        assert_eq!(json_extent("{}"), Some(2));
        assert_eq!(json_extent("{}\nbody"), Some(2));
        assert_eq!(json_extent(r#"{"a": {"b": 1}} rest }"#), Some(15));
        assert_eq!(json_extent(r#"{"a": "}"} x"#), Some(10));
        assert_eq!(json_extent(r#"{"a": "{{"} x"#), Some(11));
        assert_eq!(json_extent(r#"{"a": "\"}"} x"#), Some(12));
        assert_eq!(json_extent(r#"{"a": "\\"} x"#), Some(11));
        assert_eq!(json_extent(r#"{"a": "é}"} x"#), Some(12));
        assert_eq!(json_extent(r#"{"a": [1, {"b": "]"}]}"#), Some(22));
        // As in Hugo, a backslash outside a string also skips a character.
        assert_eq!(json_extent(r"{\}}"), Some(4));
        assert_eq!(json_extent(""), None);
        assert_eq!(json_extent("x{}"), None);
        assert_eq!(json_extent("{"), None);
        assert_eq!(json_extent(r#"{"a": "}"#), None);
        assert_eq!(json_extent(r#"{"a": 1"#), None);
        assert_eq!(json_extent(r"{\"), None);
        assert_eq!(json_extent("{{}"), None);
        let deep = format!("{}{}", "{".repeat(100_000), "}".repeat(100_000));
        assert_eq!(json_extent(&deep), Some(200_000));
        let long = format!("{{\"a\": \"{}\"}}", "\\\"}{".repeat(1_000_000));
        assert_eq!(json_extent(&long), Some(long.len()));
        assert_eq!(json_extent(&"{".repeat(1_000_000)), None);
    }

    fn check_span(text: &str, span: &Span) {
        assert!(
            span.start <= span.end && span.end <= text.len(),
            "{span:?} in {text:?}"
        );
        assert!(text.is_char_boundary(span.start), "{span:?} in {text:?}");
        assert!(text.is_char_boundary(span.end), "{span:?} in {text:?}");
    }

    fn check_tree(text: &str, node: &Node) {
        let mut stack = vec![node];
        while let Some(node) = stack.pop() {
            check_span(text, &node.span);
            match &node.kind {
                NodeKind::List(items) => stack.extend(items),
                NodeKind::Map(entries) => {
                    for e in entries {
                        check_span(text, &e.key_span);
                        assert!(text[e.key_span.clone()].starts_with('"'));
                        stack.push(&e.value);
                    }
                }
                _ => {}
            }
        }
    }

    #[test]
    fn random_input_never_panics() {
        const FRAGMENTS: &[&str] = &[
            "{", "}", "[", "]", "\"", "\\", "\\u", ":", ",", "1", "-", "e", "true", "nul", "é",
            " ", "\n", "\t", "0", ".", "d83d", "\"a\"", "E", "+", "😀", "\u{1}", "/",
        ];
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let mut parsed = 0;
        for _ in 0..10_000 {
            let len = (next() % 40) as usize;
            let mut text = String::new();
            for _ in 0..len {
                text.push_str(FRAGMENTS[(next() % FRAGMENTS.len() as u64) as usize]);
            }
            match parse(&text) {
                Ok(node) => {
                    parsed += 1;
                    check_tree(&text, &node);
                }
                Err(e) => {
                    check_span(&text, &e.span);
                    assert!(e.span.end - e.span.start <= 4);
                }
            }
            if let Some(end) = json_extent(&text) {
                check_span(&text, &(0..end));
            }
            let braced = format!("{{{text}");
            if let Some(end) = json_extent(&braced) {
                check_span(&braced, &(0..end));
                assert!(braced[..end].ends_with('}'));
            }
        }
        assert!(parsed > 0);
    }
}
