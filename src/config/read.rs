//! Reading a configuration tree strictly: every key is checked, and every
//! mistake points at the key or value that caused it.

use crate::frontmatter::{Node, NodeKind, Span};

/// A mistake in a configuration file (`pagelint.toml` or Hugo's config);
/// pagelint reports it with a snippet and exits 2.
#[derive(Debug, Clone)]
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

    /// Sets the help line.
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

/// A value read from a configuration file, or the mistake that prevents it.
pub type Result<T> = std::result::Result<T, ConfigError>;

/// A table whose keys must all be among `allowed`.
pub struct Table<'a> {
    /// The map node read.
    pub node: &'a Node,
}

impl<'a> Table<'a> {
    /// Checks that `node` is a map whose keys are all among `allowed`
    /// (exact case). `context` names the table in messages, e.g.
    /// `"a [[schema]] table"`. Errors point at the node or the unknown key,
    /// with the nearest allowed key as help.
    pub fn new(node: &'a Node, context: &'a str, allowed: &[&str]) -> Result<Self> {
        let entries = node.as_map().ok_or_else(|| {
            ConfigError::new(
                format!("{context} must be a table, not a {}", node.type_name()),
                node.span.clone(),
            )
        })?;
        for e in entries {
            if !allowed.contains(&e.key.as_str()) {
                let mut err = ConfigError::new(
                    format!("unknown key `{}` in {context}", e.key),
                    e.key_span.clone(),
                );
                err.help = Some(
                    match crate::suggest::nearest(&e.key, allowed.iter().copied()) {
                        Some(s) => format!("did you mean `{s}`?"),
                        None => format!("the keys {context} takes: {}", allowed.join(", ")),
                    },
                );
                return Err(err);
            }
        }
        Ok(Table { node })
    }

    /// The value of `key` (exact case); None when absent.
    pub fn get(&self, key: &str) -> Option<&'a Node> {
        self.node
            .as_map()?
            .iter()
            .find(|e| e.key == key)
            .map(|e| &e.value)
    }

    /// A string value and its span; None when absent, an error when not a string.
    pub fn string(&self, key: &str) -> Result<Option<(&'a str, Span)>> {
        self.get(key)
            .map(|n| Ok((expect_str(n, key)?, n.span.clone())))
            .transpose()
    }

    /// A boolean value; None when absent, an error when not `true` or `false`.
    pub fn bool(&self, key: &str) -> Result<Option<bool>> {
        self.get(key)
            .map(|n| match n.kind {
                NodeKind::Bool(b) => Ok(b),
                _ => Err(wrong(n, key, "true or false")),
            })
            .transpose()
    }

    /// A non-negative integer value; None when absent, an error otherwise.
    pub fn usize(&self, key: &str) -> Result<Option<usize>> {
        self.get(key)
            .map(|n| match n.kind {
                NodeKind::Int(i) if i >= 0 => Ok(i as usize),
                _ => Err(wrong(n, key, "a whole number of 0 or more")),
            })
            .transpose()
    }

    /// A list of strings (a single string is a list of one) with each item's
    /// span; None when absent, an error when not strings.
    pub fn strings(&self, key: &str) -> Result<Option<Vec<(String, Span)>>> {
        self.get(key).map(|n| string_list(n, key)).transpose()
    }
}

/// The error for a value of the wrong type, at its span: "`KEY` must be
/// EXPECTED, not a TYPE".
pub fn wrong(node: &Node, key: &str, expected: &str) -> ConfigError {
    ConfigError::new(
        format!("`{key}` must be {expected}, not a {}", node.type_name()),
        node.span.clone(),
    )
}

pub(crate) fn expect_str<'a>(node: &'a Node, key: &str) -> Result<&'a str> {
    node.as_str().ok_or_else(|| wrong(node, key, "a string"))
}

/// A list of strings; a single string is taken as a list of one.
pub fn string_list(node: &Node, key: &str) -> Result<Vec<(String, Span)>> {
    match &node.kind {
        NodeKind::String { value, .. } => Ok(vec![(value.clone(), node.span.clone())]),
        NodeKind::List(items) => items
            .iter()
            .map(|i| Ok((expect_str(i, key)?.to_string(), i.span.clone())))
            .collect(),
        _ => Err(wrong(node, key, "a list of strings")),
    }
}
