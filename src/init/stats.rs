//! What `pagelint init` counts: for each section of the site, how often each
//! front matter key appears, with values of which kind, and which strings.

use std::collections::BTreeMap;

use crate::frontmatter::hugo_date::{hugo_parses, is_rfc3339_with_offset};
use crate::frontmatter::{Node, NodeKind};

/// The kind of a non-empty front matter value, as a schema's `type` sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    /// `true` or `false`.
    Bool,
    /// A whole number.
    Int,
    /// A number with a fraction.
    Float,
    /// A date Hugo parses (a string, or a native TOML date-time).
    Datetime,
    /// A string that is an absolute URL with a host.
    Url,
    /// Any other string.
    String,
    /// A list.
    List,
    /// A table.
    Map,
}

impl Kind {
    /// The name `pagelint.toml` gives this kind.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Bool => "bool",
            Kind::Int => "int",
            Kind::Float => "float",
            Kind::Datetime => "datetime",
            Kind::Url => "url",
            Kind::String => "string",
            Kind::List => "list",
            Kind::Map => "map",
        }
    }
}

/// A non-empty string value that is a date Hugo parses.
fn is_date(s: &str) -> bool {
    // Hugo parses a bare year or number too; only call a value a date when it
    // looks like one: digits, then a dash or a slash.
    let b = s.trim().as_bytes();
    b.len() >= 8 && b[..4].iter().all(u8::is_ascii_digit) && b[4] == b'-' && hugo_parses(s.trim())
}

/// The scheme of a string that is an absolute URL with a host.
fn url_scheme(s: &str) -> Option<String> {
    let u = url::Url::parse(s.trim()).ok()?;
    u.host_str()
        .is_some_and(|h| !h.is_empty())
        .then(|| u.scheme().to_string())
}

/// The kind of a value, or None when it is empty (`""`, spaces, null).
pub fn kind_of(node: &Node) -> Option<Kind> {
    Some(match &node.kind {
        NodeKind::Null => return None,
        NodeKind::String { value, .. } if value.trim().is_empty() => return None,
        NodeKind::Bool(_) => Kind::Bool,
        NodeKind::Int(_) => Kind::Int,
        NodeKind::Float(_) => Kind::Float,
        NodeKind::Datetime(_) => Kind::Datetime,
        NodeKind::String { value, .. } if is_date(value) => Kind::Datetime,
        NodeKind::String { value, .. } if url_scheme(value).is_some() => Kind::Url,
        NodeKind::String { .. } => Kind::String,
        NodeKind::List(_) => Kind::List,
        NodeKind::Map(_) => Kind::Map,
    })
}

/// What the pages of one section say about one key.
#[derive(Debug, Default)]
pub struct FieldStats {
    /// How many fields the section had met before this one: fields are
    /// written in the order pages first use them.
    pub order: usize,
    /// How the key is spelt, with counts: Hugo lowercases keys, so `Title`
    /// and `title` are one field.
    pub spellings: BTreeMap<String, usize>,
    /// Pages that have the key (empty or not).
    pub present: usize,
    /// Pages where its value is empty: `""`, spaces or null.
    pub empty: usize,
    /// Pages where its value is an empty list.
    pub empty_lists: usize,
    /// Non-empty values by kind.
    pub kinds: BTreeMap<Kind, usize>,
    /// Every non-empty string value, with the number of pages that use it.
    pub strings: BTreeMap<String, usize>,
    /// Every non-empty string item of a list, with the number of pages
    /// that list it.
    pub items: BTreeMap<String, usize>,
    /// Items of lists by kind.
    pub item_kinds: BTreeMap<Kind, usize>,
    /// Values that are dates Hugo parses, and how many of them carry a UTC
    /// offset in RFC 3339 form.
    pub dates: usize,
    /// Of `dates`, those written in RFC 3339 with an offset.
    pub dates_with_offset: usize,
    /// Schemes of the values that are absolute URLs.
    pub schemes: BTreeMap<String, usize>,
}

impl FieldStats {
    /// The spelling most pages use (the first in sort order on a tie).
    pub fn name(&self) -> &str {
        self.spellings
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
            .map_or("", |(k, _)| k.as_str())
    }

    /// Non-empty values.
    pub fn values(&self) -> usize {
        self.kinds.values().sum()
    }

    fn add(&mut self, key: &str, value: &Node) {
        *self.spellings.entry(key.to_string()).or_default() += 1;
        self.present += 1;
        let Some(kind) = kind_of(value) else {
            self.empty += 1;
            return;
        };
        *self.kinds.entry(kind).or_default() += 1;
        match &value.kind {
            NodeKind::List(items) if items.is_empty() => self.empty_lists += 1,
            NodeKind::List(items) => {
                // A page that lists a value twice uses it once.
                let mut seen: Vec<&str> = Vec::new();
                for item in items {
                    if let Some(k) = kind_of(item) {
                        *self.item_kinds.entry(k).or_default() += 1;
                    }
                    if let Some(s) = item.as_str().filter(|s| !s.trim().is_empty()) {
                        if !seen.contains(&s) {
                            seen.push(s);
                            *self.items.entry(s.to_string()).or_default() += 1;
                        }
                    }
                }
            }
            NodeKind::String { value: s, .. } => {
                *self.strings.entry(s.clone()).or_default() += 1;
                if kind == Kind::Datetime {
                    self.add_date(s);
                }
                if let Some(scheme) = url_scheme(s) {
                    *self.schemes.entry(scheme).or_default() += 1;
                }
            }
            NodeKind::Datetime(s) => self.add_date(s),
            _ => {}
        }
    }

    fn add_date(&mut self, s: &str) {
        self.dates += 1;
        if is_rfc3339_with_offset(s.trim()) {
            self.dates_with_offset += 1;
        }
    }
}

/// What the pages of one section say about their front matter.
#[derive(Debug, Default)]
pub struct SectionStats {
    /// The section's name: its folder below the content folder.
    pub name: String,
    /// Its folders, relative to the site root (one per content folder that has it).
    pub dirs: Vec<String>,
    /// Extensions of its pages (`md`, `markdown`, `mdown`).
    pub extensions: Vec<String>,
    /// Pages read (section index pages `_index.*` are not counted).
    pub pages: usize,
    /// Pages whose front matter did not parse (left out of the counts).
    pub unreadable: usize,
    /// By lowercased key.
    pub fields: BTreeMap<String, FieldStats>,
}

impl SectionStats {
    /// Counts one page's front matter (`None` when it has none or it did not parse).
    pub fn add_page(&mut self, tree: Option<&Node>, parsed: bool) {
        if !parsed {
            self.unreadable += 1;
            return;
        }
        self.pages += 1;
        let Some(entries) = tree.and_then(Node::as_map) else {
            return;
        };
        let mut seen: Vec<String> = Vec::new();
        for e in entries {
            let key = e.key.to_lowercase();
            // A key given twice is a duplicate-key finding; count the first.
            if seen.contains(&key) {
                continue;
            }
            let order = self.fields.len();
            self.fields
                .entry(key.clone())
                .or_insert_with(|| FieldStats {
                    order,
                    ..FieldStats::default()
                })
                .add(&e.key, &e.value);
            seen.push(key);
        }
    }
}
