//! TOML front matter into the span tree, through the `toml` crate's spanned
//! `DeTable`. The crate's parser recurses on nested arrays and inline tables,
//! so nesting is measured first with a linear scan and refused past `MAX_DEPTH`.

use toml::de::{DeTable, DeValue};
use toml::Spanned;

use super::tree::{Entry, Node, NodeKind, ParseError, MAX_DEPTH};

/// Parses a TOML document (a `+++` block's payload, or a `pagelint.toml`)
/// into a map whose spans are byte offsets into `text`. Strings are
/// `quoted`, integers beyond `i64` become floats, date-times stay as written.
/// Errors: the `toml` crate's message and span, or nesting past [`MAX_DEPTH`].
pub fn parse(text: &str) -> Result<Node, ParseError> {
    parse_as(text, true)
}

/// [`parse`] as TOML 1.1 (`toml11`, Hugo 0.164 and later) or TOML 1.0 (earlier
/// releases: TOML 1.1 syntax is an error, see [`super::toml10`]).
pub fn parse_as(text: &str, toml11: bool) -> Result<Node, ParseError> {
    check_depth(text)?;
    if !toml11 {
        super::toml10::check(text)?;
    }
    let table = DeTable::parse(text).map_err(|e| {
        let span = e.span().unwrap_or(0..0);
        let span = clamp(text, span.start)..clamp(text, span.end);
        ParseError::new(e.message().trim_end().to_string(), span)
    })?;
    let span = table.span();
    Ok(Node::new(span, map(table.into_inner())))
}

fn clamp(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn map(table: DeTable<'_>) -> NodeKind {
    let mut entries: Vec<Entry> = table
        .into_iter()
        .map(|(k, v)| {
            let key_span = k.span();
            Entry {
                key: k.into_inner().into_owned(),
                key_span,
                value: node(v),
            }
        })
        .collect();
    entries.sort_by_key(|e| e.key_span.start);
    NodeKind::Map(entries)
}

fn node(value: Spanned<DeValue<'_>>) -> Node {
    let span = value.span();
    let kind = match value.into_inner() {
        DeValue::String(s) => NodeKind::String {
            value: s.into_owned(),
            quoted: true,
        },
        DeValue::Integer(i) => match i64::from_str_radix(i.as_str(), i.radix()) {
            Ok(v) => NodeKind::Int(v),
            Err(_) => NodeKind::Float(i.as_str().parse().unwrap_or(f64::NAN)),
        },
        DeValue::Float(f) => {
            NodeKind::Float(f.as_str().replace('_', "").parse().unwrap_or(f64::NAN))
        }
        DeValue::Boolean(b) => NodeKind::Bool(b),
        DeValue::Datetime(d) => NodeKind::Datetime(d.to_string()),
        DeValue::Array(items) => NodeKind::List(items.into_iter().map(node).collect()),
        DeValue::Table(t) => map(t),
    };
    Node::new(span, kind)
}

/// Finds the first bracket that opens deeper than `MAX_DEPTH` inside values,
/// skipping strings and comments. Table headers (`[a.b]`) never nest.
fn check_depth(text: &str) -> Result<(), ParseError> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'#' => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            quote @ (b'"' | b'\'') => {
                let triple = bytes[i..].starts_with(&[quote; 3]);
                i += if triple { 3 } else { 1 };
                while i < bytes.len() {
                    if quote == b'"' && bytes[i] == b'\\' {
                        i += 2;
                        continue;
                    }
                    if !triple && bytes[i] == b'\n' {
                        break;
                    }
                    if bytes[i] == quote && (!triple || bytes[i..].starts_with(&[quote; 3])) {
                        i += if triple { 2 } else { 0 };
                        break;
                    }
                    i += 1;
                }
            }
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(ParseError::new(
                        format!("nesting deeper than {MAX_DEPTH} levels"),
                        i..i + 1,
                    ));
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
        i += 1;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_and_types() {
        let text = concat!(
            "title = \"x\"\ndate = 2025-05-13T23:30:17+08:00\n",
            "tags = [\"a\", \"b\"]\n[params]\nn = 3\n",
        );
        let root = parse(text).unwrap();
        let title = root.get("Title").unwrap();
        assert_eq!(&text[title.key_span.clone()], "title");
        assert_eq!(&text[title.value.span.clone()], "\"x\"");
        assert!(matches!(
            root.get("date").unwrap().value.kind,
            NodeKind::Datetime(_)
        ));
        let tags = root.get("tags").unwrap().value.as_list().unwrap();
        assert_eq!(&text[tags[1].span.clone()], "\"b\"");
        assert_eq!(
            root.get_path("params.n").unwrap().value.kind,
            NodeKind::Int(3)
        );
    }

    #[test]
    fn entries_keep_source_order() {
        let root = parse("z = 1\na = 2\n").unwrap();
        let keys: Vec<_> = root
            .as_map()
            .unwrap()
            .iter()
            .map(|e| e.key.as_str())
            .collect();
        assert_eq!(keys, ["z", "a"]);
    }

    #[test]
    fn duplicate_key_is_a_syntax_error() {
        let err = parse("title = \"a\"\ntitle = \"b\"\n").unwrap_err();
        assert!(err.message.contains("duplicate"), "{}", err.message);
    }

    #[test]
    fn deep_nesting_is_refused_quickly() {
        let text = "a = ".to_string() + &"[".repeat(100_000);
        assert!(parse(&text).unwrap_err().message.contains("nesting"));
        let text = "a = ".to_string() + &"{b = ".repeat(100_000);
        assert!(parse(&text).is_err());
    }

    #[test]
    fn brackets_in_strings_do_not_count() {
        let text = format!(
            "a = \"{}\"\nb = '''{}'''\n",
            "[".repeat(200),
            "{".repeat(200)
        );
        assert!(parse(&text).is_ok());
    }
}
