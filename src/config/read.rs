//! Reading a configuration tree strictly: every key is checked, and every
//! mistake points at the key or value that caused it.

use crate::frontmatter::{Node, NodeKind, Span};

#[derive(Debug, Clone)]
pub struct ConfigError {
    pub message: String,
    pub span: Span,
    pub help: Option<String>,
}

impl ConfigError {
    pub fn new(message: impl Into<String>, span: Span) -> Self {
        ConfigError {
            message: message.into(),
            span,
            help: None,
        }
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

pub type Result<T> = std::result::Result<T, ConfigError>;

/// A table whose keys must all be among `allowed`.
pub struct Table<'a> {
    pub node: &'a Node,
    context: &'a str,
}

impl<'a> Table<'a> {
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
        Ok(Table { node, context })
    }

    pub fn get(&self, key: &str) -> Option<&'a Node> {
        self.node
            .as_map()?
            .iter()
            .find(|e| e.key == key)
            .map(|e| &e.value)
    }

    pub fn string(&self, key: &str) -> Result<Option<(&'a str, Span)>> {
        self.get(key)
            .map(|n| Ok((expect_str(n, key)?, n.span.clone())))
            .transpose()
    }

    pub fn bool(&self, key: &str) -> Result<Option<bool>> {
        self.get(key)
            .map(|n| match n.kind {
                NodeKind::Bool(b) => Ok(b),
                _ => Err(wrong(n, key, "true or false")),
            })
            .transpose()
    }

    pub fn usize(&self, key: &str) -> Result<Option<usize>> {
        self.get(key)
            .map(|n| match n.kind {
                NodeKind::Int(i) if i >= 0 => Ok(i as usize),
                _ => Err(wrong(n, key, "a whole number of 0 or more")),
            })
            .transpose()
    }

    pub fn strings(&self, key: &str) -> Result<Option<Vec<(String, Span)>>> {
        self.get(key).map(|n| string_list(n, key)).transpose()
    }

    pub fn context(&self) -> &str {
        self.context
    }
}

pub fn wrong(node: &Node, key: &str, expected: &str) -> ConfigError {
    ConfigError::new(
        format!("`{key}` must be {expected}, not a {}", node.type_name()),
        node.span.clone(),
    )
}

pub fn expect_str<'a>(node: &'a Node, key: &str) -> Result<&'a str> {
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
