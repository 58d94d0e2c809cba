//! The front matter as a tree in which every key and value keeps its byte span.
//!
//! YAML, TOML and JSON all parse into this one shape, so the schema rules never
//! care which format a page used. Spans are byte offsets into the whole file.

use std::ops::Range;

/// A byte range `start..end` of the text, on UTF-8 boundaries.
pub type Span = Range<usize>;

/// Nesting deeper than this is refused by every front matter parser: no real
/// page nests this far, and a bound keeps hostile input from exhausting the stack.
pub const MAX_DEPTH: usize = 64;

/// A front matter value and where it is written.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// Where the value is written, a quoted scalar with its quotes. An empty
    /// YAML or TOML block's root map has the block's opening delimiter.
    pub span: Span,
    /// The value.
    pub kind: NodeKind,
}

/// A value's type and content, the same for YAML, TOML, JSON and Org.
#[derive(Debug, Clone, PartialEq)]
pub enum NodeKind {
    /// YAML `null`, `~` or nothing; JSON `null`. TOML has no null.
    Null,
    /// `true` or `false` (in YAML also `True`, `TRUE`, `False`, `FALSE`).
    Bool(bool),
    /// An integer that fits 64 bits; a larger one is a [`Float`](Self::Float).
    Int(i64),
    /// A number with a fraction or exponent, an infinity or NaN, or an integer
    /// beyond `i64`.
    Float(f64),
    /// A string scalar; `quoted` says whether the source quoted it, which
    /// matters for YAML where `true` and `"true"` differ.
    String {
        /// The string, escapes and block folding resolved.
        value: String,
        /// Written quoted, as a YAML block scalar or tagged `!!str`: always in
        /// TOML and JSON, never in Org.
        quoted: bool,
    },
    /// A native TOML date-time, kept as written.
    Datetime(String),
    /// A YAML sequence, TOML array or JSON array.
    List(Vec<Node>),
    /// A mapping, table or object: its entries in source order. YAML and JSON
    /// keep duplicate keys for the `duplicate-key` rule; TOML refuses them.
    Map(Vec<Entry>),
}

/// One key of a map and its value.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The key unquoted, in its original case: compare it ignoring ASCII case.
    pub key: String,
    /// Where the key is written, with its quotes if quoted.
    pub key_span: Span,
    /// The key's value.
    pub value: Node,
}

/// An empty map at `0..0`: the tree of a config that sets nothing.
impl Default for Node {
    fn default() -> Self {
        Node::new(0..0, NodeKind::Map(Vec::new()))
    }
}

impl Node {
    /// A node of `kind` at `span`.
    pub fn new(span: Span, kind: NodeKind) -> Self {
        Node { span, kind }
    }

    /// The value of a string; None for any other kind (numbers included).
    pub fn as_str(&self) -> Option<&str> {
        match &self.kind {
            NodeKind::String { value, .. } => Some(value),
            _ => None,
        }
    }

    /// The entries of a map; None for any other kind.
    pub fn as_map(&self) -> Option<&[Entry]> {
        match &self.kind {
            NodeKind::Map(entries) => Some(entries),
            _ => None,
        }
    }

    /// The items of a list; None for any other kind.
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
        // Block scalars (and multi-line plain ones) fold and trim their lines;
        // an empty block scalar (`|-` and no text) has an empty span, at the
        // start of whatever follows it, where an edit would land in the wrong node.
        if written.contains(['\n', '\r']) || written.is_empty() {
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
    /// What is wrong, for the report (JSON errors in the words of Go's
    /// `encoding/json`, which Hugo uses).
    pub message: String,
    /// The bytes at fault.
    pub span: Span,
}

impl ParseError {
    /// A failure with `message` at `span`.
    pub fn new(message: impl Into<String>, span: Span) -> Self {
        ParseError {
            message: message.into(),
            span,
        }
    }
}
