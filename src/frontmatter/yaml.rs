//! YAML 1.2 front matter into the span tree, through granit-parser's event stream.
//!
//! The parser bounds flow and block nesting itself; aliases are expanded by
//! copying the anchored node, with a budget so that an alias bomb is a
//! syntax finding instead of an exhausted machine.

use std::collections::HashMap;

use granit_parser::{Event, Parser, ScalarStyle, ScanError, Span as YSpan};

use super::tree::{Entry, Node, NodeKind, ParseError, Span, MAX_DEPTH};

/// How many nodes alias expansion may add to one document.
const ALIAS_BUDGET: usize = 10_000;

enum Frame {
    List {
        start: usize,
        anchor: usize,
        items: Vec<Node>,
    },
    Map {
        start: usize,
        anchor: usize,
        entries: Vec<Entry>,
        key: Option<(String, Span)>,
    },
}

pub fn parse(text: &str) -> Result<Node, ParseError> {
    let options = granit_parser::options! {
        flow_nesting_limit: MAX_DEPTH,
        block_nesting_limit: MAX_DEPTH,
    };
    let parser = Parser::new_from_str_with_options(text, options);
    let mut stack: Vec<Frame> = Vec::new();
    let mut anchors: HashMap<usize, Node> = HashMap::new();
    let mut expanded = 0usize;
    let mut root: Option<Node> = None;
    let mut documents = 0usize;

    for next in parser {
        let (event, span) = next.map_err(|e| scan_error(text, &e))?;
        let node = match event {
            Event::DocumentStart(..) => {
                documents += 1;
                if documents > 1 {
                    return Err(ParseError::new(
                        "front matter holds more than one YAML document",
                        offset(text, &span)..offset(text, &span),
                    ));
                }
                continue;
            }
            Event::Scalar(value, style, anchor, tag) => {
                let node = Node::new(
                    range(text, &span),
                    scalar(&value, style, tag.as_deref().map(|t| t.suffix())),
                );
                remember(&mut anchors, anchor, &node);
                node
            }
            Event::SequenceStart(_, anchor, _) => {
                stack.push(Frame::List {
                    start: offset(text, &span),
                    anchor,
                    items: Vec::new(),
                });
                continue;
            }
            Event::MappingStart(_, anchor, _) => {
                stack.push(Frame::Map {
                    start: offset(text, &span),
                    anchor,
                    entries: Vec::new(),
                    key: None,
                });
                continue;
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let end = range(text, &span).end;
                let node = match stack.pop() {
                    Some(Frame::List {
                        start,
                        anchor,
                        items,
                    }) => {
                        let end = items.last().map_or(end, |n| end.max(n.span.end));
                        let node = Node::new(start..end, NodeKind::List(items));
                        remember(&mut anchors, anchor, &node);
                        node
                    }
                    Some(Frame::Map {
                        start,
                        anchor,
                        entries,
                        ..
                    }) => {
                        let end = entries.last().map_or(end, |e| end.max(e.value.span.end));
                        let node = Node::new(start..end, NodeKind::Map(entries));
                        remember(&mut anchors, anchor, &node);
                        node
                    }
                    None => continue,
                };
                node
            }
            Event::Alias(id) => {
                let span = range(text, &span);
                let Some(target) = anchors.get(&id) else {
                    return Err(ParseError::new("unknown alias", span));
                };
                expanded += count_nodes(target, ALIAS_BUDGET + 1 - expanded.min(ALIAS_BUDGET));
                if expanded > ALIAS_BUDGET {
                    return Err(ParseError::new(
                        "document contains excessive aliasing: expanding its aliases would make more than 10000 values",
                        span,
                    ));
                }
                let mut node = target.clone();
                node.span = span;
                node
            }
            _ => continue,
        };
        match stack.last_mut() {
            Some(Frame::List { items, .. }) => items.push(node),
            Some(Frame::Map { entries, key, .. }) => match key.take() {
                None => {
                    let key_text = match &node.kind {
                        NodeKind::String { value, .. } => value.clone(),
                        NodeKind::Null => String::new(),
                        NodeKind::Bool(b) => b.to_string(),
                        NodeKind::Int(i) => i.to_string(),
                        NodeKind::Float(_) => text[node.span.clone()].to_string(),
                        _ => {
                            return Err(ParseError::new(
                                "a mapping key must be a plain value, not a list or a map",
                                node.span,
                            ))
                        }
                    };
                    *key = Some((key_text, node.span));
                }
                Some((k, key_span)) => entries.push(Entry {
                    key: k,
                    key_span,
                    value: node,
                }),
            },
            None => root = Some(node),
        }
    }
    // An empty document is an empty mapping, as Hugo treats it.
    Ok(root.unwrap_or_else(|| Node::new(0..0, NodeKind::Map(Vec::new()))))
}

fn remember(anchors: &mut HashMap<usize, Node>, anchor: usize, node: &Node) {
    if anchor != 0 {
        anchors.insert(anchor, node.clone());
    }
}

/// Counts nodes up to `limit`, without recursion.
fn count_nodes(node: &Node, limit: usize) -> usize {
    let mut count = 0;
    let mut stack = vec![node];
    while let Some(n) = stack.pop() {
        count += 1;
        if count >= limit {
            return count;
        }
        match &n.kind {
            NodeKind::List(items) => stack.extend(items.iter()),
            NodeKind::Map(entries) => stack.extend(entries.iter().map(|e| &e.value)),
            _ => {}
        }
    }
    count
}

/// YAML 1.2 core schema resolution of a scalar.
fn scalar(value: &str, style: ScalarStyle, tag: Option<&str>) -> NodeKind {
    let string = || NodeKind::String {
        value: value.to_string(),
        quoted: style != ScalarStyle::Plain,
    };
    if style != ScalarStyle::Plain || tag == Some("str") {
        return NodeKind::String {
            value: value.to_string(),
            quoted: true,
        };
    }
    match value {
        "" | "~" | "null" | "Null" | "NULL" => return NodeKind::Null,
        "true" | "True" | "TRUE" => return NodeKind::Bool(true),
        "false" | "False" | "FALSE" => return NodeKind::Bool(false),
        _ => {}
    }
    if let Some(i) = parse_int(value) {
        return NodeKind::Int(i);
    }
    if let Some(f) = parse_float(value) {
        return NodeKind::Float(f);
    }
    string()
}

fn parse_int(s: &str) -> Option<i64> {
    let b = s.as_bytes();
    if let Some(hex) = s.strip_prefix("0x") {
        return i64::from_str_radix(hex, 16).ok();
    }
    if let Some(oct) = s.strip_prefix("0o") {
        return i64::from_str_radix(oct, 8).ok();
    }
    let digits = if matches!(b.first(), Some(b'-' | b'+')) {
        &b[1..]
    } else {
        b
    };
    if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    s.parse().ok()
}

fn parse_float(s: &str) -> Option<f64> {
    let unsigned = s.trim_start_matches(['-', '+']);
    match unsigned {
        ".inf" | ".Inf" | ".INF" => {
            return Some(if s.starts_with('-') {
                f64::NEG_INFINITY
            } else {
                f64::INFINITY
            })
        }
        ".nan" | ".NaN" | ".NAN" if s == unsigned => return Some(f64::NAN),
        _ => {}
    }
    // Core schema: [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?
    let (mantissa, exponent) = match unsigned.find(['e', 'E']) {
        Some(i) => (&unsigned[..i], Some(&unsigned[i + 1..])),
        None => (unsigned, None),
    };
    let (int, frac) = match mantissa.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (mantissa, None),
    };
    let all_digits = |t: &str| t.bytes().all(|c| c.is_ascii_digit());
    let mantissa_ok = match frac {
        Some(f) => all_digits(int) && all_digits(f) && !(int.is_empty() && f.is_empty()),
        None => !int.is_empty() && all_digits(int),
    };
    let exponent_ok = exponent.is_none_or(|e| {
        let e = e.strip_prefix(['-', '+']).unwrap_or(e);
        !e.is_empty() && all_digits(e)
    });
    if mantissa_ok && exponent_ok && unsigned.len() + 1 >= s.len() {
        s.parse().ok()
    } else {
        None
    }
}

fn offset(text: &str, span: &YSpan) -> usize {
    marker_offset(text, span.start.byte_offset(), span.start.index())
}

fn range(text: &str, span: &YSpan) -> Span {
    let start = offset(text, span);
    let end = marker_offset(text, span.end.byte_offset(), span.end.index()).max(start);
    start..end
}

/// Byte offset of a marker; granit gives byte offsets for string input, and
/// the char index is the fallback.
fn marker_offset(text: &str, byte: Option<usize>, chars: usize) -> usize {
    let at = byte.unwrap_or_else(|| {
        text.char_indices()
            .nth(chars)
            .map_or(text.len(), |(i, _)| i)
    });
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn scan_error(text: &str, e: &ScanError) -> ParseError {
    let m = e.marker();
    let at = marker_offset(text, m.byte_offset(), m.index());
    let end = text[at..].chars().next().map_or(at, |c| at + c.len_utf8());
    ParseError::new(e.info(), at..end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(yaml: &str, key: &str) -> NodeKind {
        parse(yaml).unwrap().get(key).unwrap().value.kind.clone()
    }

    #[test]
    fn yaml_1_2_scalars() {
        assert_eq!(
            kind("a: no", "a"),
            NodeKind::String {
                value: "no".into(),
                quoted: false
            }
        );
        assert_eq!(kind("a: true", "a"), NodeKind::Bool(true));
        assert_eq!(
            kind("a: \"true\"", "a"),
            NodeKind::String {
                value: "true".into(),
                quoted: true
            }
        );
        assert_eq!(kind("a: 12", "a"), NodeKind::Int(12));
        assert_eq!(kind("a: 1.5", "a"), NodeKind::Float(1.5));
        assert_eq!(kind("a: ~", "a"), NodeKind::Null);
        assert_eq!(kind("a:", "a"), NodeKind::Null);
        assert_eq!(
            kind("a: 2025-05-13", "a"),
            NodeKind::String {
                value: "2025-05-13".into(),
                quoted: false
            }
        );
        assert_eq!(
            kind("a: 1.2.3", "a"),
            NodeKind::String {
                value: "1.2.3".into(),
                quoted: false
            }
        );
    }

    #[test]
    fn spans_point_at_keys_and_values() {
        let text = "title: \"標題\"\ntags: [a, \"b\"]\n";
        let root = parse(text).unwrap();
        let title = root.get("TITLE").unwrap();
        assert_eq!(&text[title.key_span.clone()], "title");
        assert_eq!(&text[title.value.span.clone()], "\"標題\"");
        let tags = root.get("tags").unwrap();
        let items = tags.value.as_list().unwrap();
        assert_eq!(&text[items[1].span.clone()], "\"b\"");
        assert_eq!(&text[tags.value.span.clone()], "[a, \"b\"]");
    }

    #[test]
    fn duplicate_keys_are_kept_for_the_rule() {
        let root = parse("a: 1\na: 2\n").unwrap();
        assert_eq!(root.as_map().unwrap().len(), 2);
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let text = "a: ".to_string() + &"[".repeat(100_000);
        assert!(parse(&text).is_err());
        let mut block = String::new();
        for depth in 0..10_000 {
            block.push_str(&" ".repeat(depth));
            block.push_str("- \n");
        }
        assert!(parse(&block).is_err());
    }

    #[test]
    fn alias_bomb_is_an_error() {
        let mut text = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..12 {
            let p = i - 1;
            text.push_str(&format!("a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"));
        }
        let err = parse(&text).unwrap_err();
        assert!(err.message.contains("aliasing"), "{}", err.message);
    }

    #[test]
    fn small_aliases_expand() {
        let root = parse("a: &x [1, 2]\nb: *x\n").unwrap();
        assert_eq!(root.get("b").unwrap().value.as_list().unwrap().len(), 2);
    }

    #[test]
    fn syntax_error_has_a_position() {
        let text = "title: \"unterminated\ndate: 2020-01-01\n";
        let err = parse(text).unwrap_err();
        assert!(err.span.start <= text.len());
    }
}
