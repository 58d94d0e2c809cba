//! YAML front matter into the span tree, through granit-parser's event stream,
//! with the scalars and limits of the YAML library of each Hugo release.
//!
//! The parser bounds flow and block nesting itself; aliases are expanded by
//! copying the anchored node, with a budget so that an alias bomb is a
//! syntax finding instead of an exhausted machine.

use std::collections::HashMap;

use granit_parser::{Event, Parser, ScalarStyle, ScanError, Span as YSpan};

use super::tree::{Entry, Node, NodeKind, ParseError, Span, MAX_DEPTH};
use crate::version::{Behaviour, HugoVersion};

/// The YAML library a Hugo release reads front matter with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    /// gopkg.in/yaml.v2 (Hugo up to 0.151): YAML 1.1 scalars (`yes`, `on`, `y`
    /// are true; `012` is octal; `1_000` is an integer), plain keys of at most
    /// 1024 characters.
    YamlV2,
    /// goccy/go-yaml (Hugo 0.152 and later): YAML 1.2 core scalars, plain keys
    /// of any length, and at most 100 lists or maps at one depth in a front
    /// matter under 2 KB (5,000 under 10 KB, 10,000 above; Hugo's
    /// `validateAliasLimitForCollections` counts them per depth).
    Goccy,
}

impl Dialect {
    /// The dialect of `version`.
    pub fn of(version: HugoVersion) -> Dialect {
        if version.has(Behaviour::GoccyYaml) {
            Dialect::Goccy
        } else {
            Dialect::YamlV2
        }
    }
}

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

/// Parses a YAML config file (or front matter) into the span tree, as goccy/go-yaml reads it.
/// See [`parse_as`].
pub fn parse(text: &str) -> Result<Node, ParseError> {
    parse_as(text, Dialect::Goccy)
}

/// Parses YAML front matter into the span tree as `dialect` reads it.
///
/// Spans are byte offsets into `text`. An empty document is an empty map, as Hugo treats it.
/// Errors, each with the span to point at: a YAML syntax error (granit-parser's message),
/// nesting deeper than [`MAX_DEPTH`], more than one document, an unknown alias, aliases that
/// would expand to more than 10,000 values, a list or map used as a mapping key, and with
/// goccy, too many lists or maps at one depth.
pub fn parse_as(text: &str, dialect: Dialect) -> Result<Node, ParseError> {
    let lookahead = match dialect {
        Dialect::YamlV2 => 1024,
        Dialect::Goccy => text.len().saturating_add(1),
    };
    let options = granit_parser::options! {
        flow_nesting_limit: MAX_DEPTH,
        block_nesting_limit: MAX_DEPTH,
        simple_key_max_lookahead: lookahead,
    };
    let parser = Parser::new_from_str_with_options(text, options);
    let mut tree = TreeBuilder {
        text,
        dialect,
        stack: Vec::new(),
        anchors: HashMap::new(),
        expanded: 0,
        root: None,
        documents: 0,
    };
    for next in parser {
        let (event, span) = next.map_err(|e| scan_error(text, &e))?;
        if let Some(node) = tree.event(event, &span)? {
            tree.attach(node)?;
        }
    }
    // An empty document is an empty mapping, as Hugo treats it.
    let root = tree
        .root
        .unwrap_or_else(|| Node::new(0..0, NodeKind::Map(Vec::new())));
    if dialect == Dialect::Goccy {
        check_collections_per_depth(&root, text.len())?;
    }
    Ok(root)
}

/// Hugo's `calculateCollectionAliasLimit` for a front matter of `len` bytes.
fn collections_limit(len: usize) -> usize {
    match (len / 1024).max(1) {
        kb if kb < 2 => 100,
        kb if kb < 10 => 5000,
        _ => 10_000,
    }
}

/// Hugo's `validateAliasLimitForCollections` (`parser/metadecoders/decoder.go`), as it
/// behaves: it counts the lists and maps it meets by the address of a stack variable, which
/// is the same for every collection at one depth, so more than the limit at one depth (the
/// root counting as depth 0) fails with "too many YAML aliases for non-scalar nodes".
fn check_collections_per_depth(root: &Node, len: usize) -> Result<(), ParseError> {
    let limit = collections_limit(len);
    let mut per_depth: Vec<usize> = Vec::new();
    let mut stack = vec![(root, 0usize)];
    while let Some((node, depth)) = stack.pop() {
        let children: Vec<&Node> = match &node.kind {
            NodeKind::List(items) => items.iter().collect(),
            NodeKind::Map(entries) => entries.iter().map(|e| &e.value).collect(),
            _ => continue,
        };
        if per_depth.len() <= depth {
            per_depth.resize(depth + 1, 0);
        }
        per_depth[depth] += 1;
        if per_depth[depth] > limit {
            return Err(ParseError::new(
                format!(
                    "too many YAML aliases for non-scalar nodes: more than {limit} lists or \
                     maps at one depth"
                ),
                node.span.clone(),
            ));
        }
        stack.extend(children.into_iter().rev().map(|c| (c, depth + 1)));
    }
    Ok(())
}

/// Builds the tree from the event stream: the lists and maps being filled, and the anchored
/// nodes that aliases copy.
struct TreeBuilder<'t> {
    text: &'t str,
    dialect: Dialect,
    stack: Vec<Frame>,
    anchors: HashMap<usize, Node>,
    /// Nodes added by alias expansion so far (bounded by [`ALIAS_BUDGET`]).
    expanded: usize,
    root: Option<Node>,
    documents: usize,
}

impl TreeBuilder<'_> {
    /// Takes one parser event; returns the node it completes, if any.
    fn event(&mut self, event: Event, span: &YSpan) -> Result<Option<Node>, ParseError> {
        let text = self.text;
        Ok(match event {
            Event::DocumentStart(..) => {
                self.documents += 1;
                if self.documents > 1 {
                    return Err(ParseError::new(
                        "front matter holds more than one YAML document",
                        offset(text, span)..offset(text, span),
                    ));
                }
                None
            }
            Event::Scalar(value, style, anchor, tag) => {
                let node = Node::new(
                    range(text, span),
                    scalar(
                        &value,
                        style,
                        tag.as_deref().map(|t| t.suffix()),
                        self.dialect,
                    ),
                );
                remember(&mut self.anchors, anchor, &node);
                Some(node)
            }
            Event::SequenceStart(_, anchor, _) => {
                self.stack.push(Frame::List {
                    start: offset(text, span),
                    anchor,
                    items: Vec::new(),
                });
                None
            }
            Event::MappingStart(_, anchor, _) => {
                self.stack.push(Frame::Map {
                    start: offset(text, span),
                    anchor,
                    entries: Vec::new(),
                    key: None,
                });
                None
            }
            Event::SequenceEnd | Event::MappingEnd => self.end_collection(span),
            Event::Alias(id) => Some(self.alias(id, span)?),
            _ => None,
        })
    }

    /// The end of the innermost list or map: its node, which ends at its last item if that
    /// ends later than the end event.
    fn end_collection(&mut self, span: &YSpan) -> Option<Node> {
        let end = range(self.text, span).end;
        let node = match self.stack.pop()? {
            Frame::List {
                start,
                anchor,
                items,
            } => {
                let end = items.last().map_or(end, |n| end.max(n.span.end));
                let node = Node::new(start..end, NodeKind::List(items));
                remember(&mut self.anchors, anchor, &node);
                node
            }
            Frame::Map {
                start,
                anchor,
                entries,
                ..
            } => {
                let end = entries.last().map_or(end, |e| end.max(e.value.span.end));
                let node = Node::new(start..end, NodeKind::Map(entries));
                remember(&mut self.anchors, anchor, &node);
                node
            }
        };
        Some(node)
    }

    /// `*name`: a copy of the anchored node, at the alias's span, within the alias budget.
    fn alias(&mut self, id: usize, span: &YSpan) -> Result<Node, ParseError> {
        let span = range(self.text, span);
        let Some(target) = self.anchors.get(&id) else {
            return Err(ParseError::new("unknown alias", span));
        };
        let left = ALIAS_BUDGET + 1 - self.expanded.min(ALIAS_BUDGET);
        self.expanded += count_nodes(target, left);
        if self.expanded > ALIAS_BUDGET {
            return Err(ParseError::new(
                "document contains excessive aliasing: \
                 expanding its aliases would make more than 10000 values",
                span,
            ));
        }
        let mut node = target.clone();
        node.span = span;
        Ok(node)
    }

    /// Puts a complete node where it belongs: the next item of a list, a key or the value of
    /// a map entry, or the root.
    fn attach(&mut self, node: Node) -> Result<(), ParseError> {
        match self.stack.last_mut() {
            Some(Frame::List { items, .. }) => items.push(node),
            Some(Frame::Map { entries, key, .. }) => match key.take() {
                None => *key = Some((key_text(self.text, &node)?, node.span)),
                Some((k, key_span)) => entries.push(Entry {
                    key: k,
                    key_span,
                    value: node,
                }),
            },
            None => self.root = Some(node),
        }
        Ok(())
    }
}

/// A mapping key as text: a string as is, null as empty, a bool or int as written by Go, a
/// float as in the source. A list or map is an error.
fn key_text(text: &str, node: &Node) -> Result<String, ParseError> {
    Ok(match &node.kind {
        NodeKind::String { value, .. } => value.clone(),
        NodeKind::Null => String::new(),
        NodeKind::Bool(b) => b.to_string(),
        NodeKind::Int(i) => i.to_string(),
        NodeKind::Float(_) => text[node.span.clone()].to_string(),
        _ => {
            return Err(ParseError::new(
                "a mapping key must be a plain value, not a list or a map",
                node.span.clone(),
            ))
        }
    })
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

/// Resolution of a plain scalar: YAML 1.2 core schema (goccy), or YAML 1.1 as yaml.v2
/// resolves it (`resolve.go`: more booleans, Go's `ParseInt` with base 0 for integers).
fn scalar(value: &str, style: ScalarStyle, tag: Option<&str>, dialect: Dialect) -> NodeKind {
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
    if dialect == Dialect::YamlV2 {
        match value {
            "y" | "Y" | "yes" | "Yes" | "YES" | "on" | "On" | "ON" => return NodeKind::Bool(true),
            "n" | "N" | "no" | "No" | "NO" | "off" | "Off" | "OFF" => return NodeKind::Bool(false),
            _ => {}
        }
        if let Some(i) = go_parse_int(value) {
            return NodeKind::Int(i);
        }
    }
    if let Some(i) = parse_int(value) {
        return NodeKind::Int(i);
    }
    if let Some(f) = parse_float(value) {
        return NodeKind::Float(f);
    }
    string()
}

/// Go's `strconv.ParseInt(s, 0, 64)`, as yaml.v2 calls it on plain scalars: an optional
/// sign, then `0x`, `0o`, `0b` or a leading `0` (octal) prefix, digits with single
/// underscores between them (only with base 0). Also yaml.v2's own `0b` branch.
fn go_parse_int(s: &str) -> Option<i64> {
    let (neg, body) = match s.as_bytes().first()? {
        b'-' => (true, &s[1..]),
        b'+' => (false, &s[1..]),
        _ => (false, s),
    };
    let lower = body.get(..2).map(str::to_ascii_lowercase);
    let (radix, digits, prefixed) = match lower.as_deref() {
        Some("0x") => (16, &body[2..], true),
        Some("0o") => (8, &body[2..], true),
        Some("0b") => (2, &body[2..], true),
        _ if body.len() > 1 && body.starts_with('0') => (8, &body[1..], true),
        _ => (10, body, false),
    };
    // Underscores only between digits (or right after a prefix), never doubled or trailing.
    let bytes = digits.as_bytes();
    if bytes.is_empty() || bytes.last() == Some(&b'_') || digits.contains("__") {
        return None;
    }
    if bytes[0] == b'_' && !prefixed {
        return None;
    }
    let clean: String = digits.chars().filter(|&c| c != '_').collect();
    if clean.is_empty() || !clean.chars().all(|c| c.is_digit(radix)) {
        return None;
    }
    let magnitude = i128::from_str_radix(&clean, radix).ok()?;
    let v = if neg { -magnitude } else { magnitude };
    i64::try_from(v).ok()
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
            text.push_str(&format!(
                "a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, \
                *a{p}, *a{p}, *a{p}]\n"
            ));
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
