//! Reading a configuration tree strictly: every key is checked against the
//! key table of [`super::keys`], and every mistake is collected, pointing at
//! the key or value that caused it, so that one run reports all of them.

use std::cell::RefCell;

use super::keys::{Key, Type};
use crate::frontmatter::{Node, NodeKind, Span};
use crate::suggest::nearest;

/// A mistake in a configuration file (`pagelint.toml` or Hugo's config);
/// pagelint reports every one of a file's with a snippet and exits 2.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    /// What is wrong, e.g. ``unknown key `typ` in a [schema.fields.NAME] table``.
    pub message: String,
    /// Byte span in the file's text of the key or value at fault; `0..0`
    /// when none is (the file cannot be read).
    pub span: Span,
    /// A did-you-mean or the accepted keys or values, when there is one.
    pub help: Option<String>,
}

impl ConfigError {
    /// An error at `span`, without help.
    pub fn new(message: impl Into<String>, span: Span) -> Self {
        ConfigError {
            message: message.into(),
            span,
            help: None,
        }
    }

    /// The same error with help.
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

/// Reads one file's tree and keeps every mistake it meets.
pub struct Reader<'t> {
    /// The file's text, for messages that quote what the user wrote.
    pub text: &'t str,
    errors: RefCell<Vec<ConfigError>>,
}

impl<'t> Reader<'t> {
    /// A reader of a tree parsed from `text`.
    pub fn new(text: &'t str) -> Self {
        Reader {
            text,
            errors: RefCell::new(Vec::new()),
        }
    }

    /// Records a mistake; reading goes on.
    pub fn error(&self, e: ConfigError) {
        self.errors.borrow_mut().push(e);
    }

    /// Every mistake recorded, in the order of the file.
    pub fn finish(self) -> Vec<ConfigError> {
        let mut errors = self.errors.into_inner();
        errors.sort_by_key(|e| (e.span.start, e.span.end));
        errors
    }

    /// `node` as a table with `keys`: an unknown key or a missing required
    /// one is recorded, and the known keys can still be read. None when
    /// `node` is not a table.
    pub fn table<'a>(
        &'a self,
        node: &'a Node,
        context: &str,
        keys: &'static [Key],
    ) -> Option<Table<'a, 't>> {
        let Some(entries) = node.as_map() else {
            self.error(ConfigError::new(
                format!("{context} must be a table, not a {}", node.type_name()),
                node.span.clone(),
            ));
            return None;
        };
        for e in entries {
            if keys.iter().any(|k| k.name == e.key) {
                continue;
            }
            let names = super::keys::names(keys);
            let help = match nearest(&e.key, names.iter().copied()) {
                Some(s) => format!("did you mean `{s}`?"),
                None => format!("the keys of {context}: {}", names.join(", ")),
            };
            self.error(
                ConfigError::new(
                    format!("unknown key `{}` in {context}", e.key),
                    e.key_span.clone(),
                )
                .help(help),
            );
        }
        for k in keys.iter().filter(|k| k.required) {
            if !entries.iter().any(|e| e.key == k.name) {
                self.error(
                    ConfigError::new(format!("{context} needs `{}`", k.name), node.span.clone())
                        .help(k.doc),
                );
            }
        }
        Some(Table {
            node,
            keys,
            reader: self,
        })
    }

    /// `node` as an array of tables; an error (with how to write it) otherwise.
    pub fn tables<'a>(&'a self, node: &'a Node, name: &str) -> &'a [Node] {
        match node.as_list() {
            Some(items) => items,
            None => {
                self.error(ConfigError::new(
                    format!("`{name}` must be an array of tables: write `[[{name}]]`"),
                    node.span.clone(),
                ));
                &[]
            }
        }
    }

    /// A wrong value: what `key` must be, with help for the common slips.
    pub fn wrong(&self, node: &Node, key: &str, expected: &str) {
        let mut e = ConfigError::new(
            format!("`{key}` must be {expected}, not a {}", node.type_name()),
            node.span.clone(),
        );
        let written = self.text.get(node.span.clone()).unwrap_or("").trim();
        if matches!(node.kind, NodeKind::Float(_) | NodeKind::Int(_)) && expected == "a string" {
            // `hugo-version = 0.150` is the float 0.15.
            e = e.help(format!("put it in quotes: `{key} = \"{written}\"`"));
        } else if matches!(node.kind, NodeKind::String { .. }) && expected == "true or false" {
            e = e.help(format!(
                "remove the quotes: `{key} = {}`",
                written.trim_matches('"')
            ));
        }
        self.error(e);
    }
}

/// A table whose keys have been checked; its getters record wrong values.
pub struct Table<'a, 't> {
    /// The table's node.
    pub node: &'a Node,
    keys: &'static [Key],
    reader: &'a Reader<'t>,
}

impl<'a, 't> Table<'a, 't> {
    /// The value of `key`, whatever its type.
    pub fn get(&self, key: &str) -> Option<&'a Node> {
        debug_assert!(
            self.keys.iter().any(|k| k.name == key),
            "`{key}` is read but not in the key table"
        );
        self.node
            .as_map()?
            .iter()
            .find(|e| e.key == key)
            .map(|e| &e.value)
    }

    /// A string value.
    pub fn string(&self, key: &str) -> Option<(&'a str, Span)> {
        let n = self.get(key)?;
        match n.as_str() {
            Some(s) => Some((s, n.span.clone())),
            None => {
                self.reader.wrong(n, key, "a string");
                None
            }
        }
    }

    /// One of the strings the key table allows for `key`.
    pub fn choice(&self, key: &str) -> Option<(&'a str, Span)> {
        let (s, span) = self.string(key)?;
        let Some(Type::Enum(allowed)) = self.keys.iter().find(|k| k.name == key).map(|k| k.ty)
        else {
            return Some((s, span));
        };
        if allowed.contains(&s) {
            return Some((s, span));
        }
        let help = match nearest(s, allowed.iter().copied()) {
            Some(m) => format!("did you mean `{m}`?"),
            None => format!("`{key}` is one of {}", quoted_list(allowed)),
        };
        self.reader
            .error(ConfigError::new(format!("unknown {key} `{s}`"), span).help(help));
        None
    }

    /// `true` or `false`.
    pub fn bool(&self, key: &str) -> Option<bool> {
        let n = self.get(key)?;
        match n.kind {
            NodeKind::Bool(b) => Some(b),
            _ => {
                self.reader.wrong(n, key, "true or false");
                None
            }
        }
    }

    /// A whole number of 0 or more.
    pub fn count(&self, key: &str) -> Option<usize> {
        let n = self.get(key)?;
        match n.kind {
            NodeKind::Int(i) if i >= 0 => Some(i as usize),
            _ => {
                self.reader.wrong(n, key, "a whole number of 0 or more");
                None
            }
        }
    }

    /// A list of strings (a single string is a list of one).
    pub fn strings(&self, key: &str) -> Option<Vec<(String, Span)>> {
        let n = self.get(key)?;
        let single = |n: &Node| n.as_str().map(|s| (s.to_string(), n.span.clone()));
        match &n.kind {
            NodeKind::String { .. } => single(n).map(|s| vec![s]),
            NodeKind::List(items) => {
                let mut out = Vec::new();
                for i in items {
                    match single(i) {
                        Some(s) => out.push(s),
                        None => self.reader.wrong(i, key, "a list of strings"),
                    }
                }
                Some(out)
            }
            _ => {
                self.reader.wrong(n, key, "a list of strings");
                None
            }
        }
    }

    /// The reader, to record errors about this table's values.
    pub fn reader(&self) -> &'a Reader<'t> {
        self.reader
    }
}

/// `"a", "b" or "c"`.
pub fn quoted_list(items: &[&str]) -> String {
    let quoted: Vec<String> = items.iter().map(|s| format!("\"{s}\"")).collect();
    match quoted.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        _ => quoted.join(""),
    }
}
