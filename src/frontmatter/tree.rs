//! The front matter as a tree in which every key and value keeps its byte span.
//!
//! YAML, TOML and JSON all parse into this one shape, so the schema rules never
//! care which format a page used. Spans are byte offsets into the whole file.

use std::ops::Range;

pub type Span = Range<usize>;

/// Nesting deeper than this is refused by every front matter parser: no real
/// page nests this far, and a bound keeps hostile input from exhausting the stack.
pub const MAX_DEPTH: usize = 64;

#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub span: Span,
    pub kind: NodeKind,
}

#[derive(Debug, Clone, PartialEq)]
pub enum NodeKind {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    /// A string scalar; `quoted` says whether the source quoted it, which
    /// matters for YAML where `true` and `"true"` differ.
    String {
        value: String,
        quoted: bool,
    },
    /// A native TOML date-time, kept as written.
    Datetime(String),
    List(Vec<Node>),
    Map(Vec<Entry>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub key: String,
    pub key_span: Span,
    pub value: Node,
}

/// An empty map at `0..0`: the tree of a config that sets nothing.
impl Default for Node {
    fn default() -> Self {
        Node::new(0..0, NodeKind::Map(Vec::new()))
    }
}

impl Node {
    pub fn new(span: Span, kind: NodeKind) -> Self {
        Node { span, kind }
    }

    pub fn as_str(&self) -> Option<&str> {
        match &self.kind {
            NodeKind::String { value, .. } => Some(value),
            _ => None,
        }
    }

    pub fn as_map(&self) -> Option<&[Entry]> {
        match &self.kind {
            NodeKind::Map(entries) => Some(entries),
            _ => None,
        }
    }

    pub fn as_list(&self) -> Option<&[Node]> {
        match &self.kind {
            NodeKind::List(items) => Some(items),
            _ => None,
        }
    }

    /// The first entry whose key equals `key` ignoring ASCII case, as Hugo
    /// lowercases front matter keys.
    pub fn get(&self, key: &str) -> Option<&Entry> {
        self.as_map()?
            .iter()
            .find(|e| e.key.eq_ignore_ascii_case(key))
    }

    /// Follows a dotted path such as `cover.image`.
    pub fn get_path(&self, path: &str) -> Option<&Entry> {
        let mut parts = path.split('.');
        let mut entry = self.get(parts.next()?)?;
        for part in parts {
            entry = entry.value.get(part)?;
        }
        Some(entry)
    }

    /// Where a string's value is written literally in `text`: the whole span
    /// of a plain scalar whose text is the value, or the inside of quotes
    /// around exactly the value. None for block scalars, tagged or escaped
    /// strings and aliases, whose source differs from their value; an edit
    /// there would corrupt the file.
    pub fn literal_span(&self, text: &str) -> Option<Span> {
        let NodeKind::String { value, .. } = &self.kind else {
            return None;
        };
        let written = text.get(self.span.clone())?;
        // Block scalars (and multi-line plain ones) fold and trim their lines.
        if written.contains(['\n', '\r']) {
            return None;
        }
        if written == value {
            return Some(self.span.clone());
        }
        let inner = written
            .strip_prefix('"')
            .and_then(|w| w.strip_suffix('"'))
            .or_else(|| {
                written
                    .strip_prefix('\'')
                    .and_then(|w| w.strip_suffix('\''))
            })?;
        (inner == value).then(|| self.span.start + 1..self.span.end - 1)
    }

    /// A short name of the value's type for messages.
    pub fn type_name(&self) -> &'static str {
        match self.kind {
            NodeKind::Null => "null",
            NodeKind::Bool(_) => "bool",
            NodeKind::Int(_) => "int",
            NodeKind::Float(_) => "float",
            NodeKind::String { .. } => "string",
            NodeKind::Datetime(_) => "datetime",
            NodeKind::List(_) => "list",
            NodeKind::Map(_) => "map",
        }
    }

    /// Shifts every span by `offset`, turning payload-relative spans into file spans.
    pub fn shift(&mut self, offset: usize) {
        let mut stack = vec![self];
        while let Some(node) = stack.pop() {
            node.span = node.span.start + offset..node.span.end + offset;
            match &mut node.kind {
                NodeKind::List(items) => stack.extend(items.iter_mut()),
                NodeKind::Map(entries) => {
                    for e in entries.iter_mut() {
                        e.key_span = e.key_span.start + offset..e.key_span.end + offset;
                        stack.push(&mut e.value);
                    }
                }
                _ => {}
            }
        }
    }
}

/// A parse failure: what went wrong and where, relative to the parsed text.
#[derive(Debug, Clone, PartialEq)]
pub struct ParseError {
    pub message: String,
    pub span: Span,
}

impl ParseError {
    pub fn new(message: impl Into<String>, span: Span) -> Self {
        ParseError {
            message: message.into(),
            span,
        }
    }
}
