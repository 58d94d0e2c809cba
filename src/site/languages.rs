//! The site's languages as Hugo configures them: which are enabled, in which order, which is
//! the default, and what each one overrides (`contentDir`, `staticDir`, `params`).
//!
//! Hugo: `langs/config.go` `DecodeConfig` (order: weight, a weight of 0 last, then name;
//! `disableLanguages`; the default language), `config/allconfig/allconfig.go` (per-language
//! config, `defaultContentLanguageInSubdir`).

use crate::frontmatter::{Node, NodeKind};

/// One configured language.
#[derive(Debug, Clone, PartialEq)]
pub struct Language {
    /// Its key in `languages`, lowercased (`en`, `zh-hans`).
    pub key: String,
    /// `weight` (0 when unset: sorted last).
    pub weight: i64,
    /// Its own `contentDir`, as written (relative to the site root, or absolute).
    pub content_dir: Option<String>,
    /// Its own `staticDir` and `staticDir0..10`, as written; empty when it has none.
    pub static_dirs: Vec<String>,
    /// `languages.<key>.params`, merged over the site's `params` for this language.
    pub params: Option<Node>,
}

/// The enabled languages and the defaults that decide where each language's pages live.
#[derive(Debug, Clone, PartialEq)]
pub struct Languages {
    /// The enabled languages in Hugo's order (weight, a weight of 0 last, then key). Never
    /// empty: a site with no `languages` table has one, the default.
    pub list: Vec<Language>,
    /// `defaultContentLanguage`, lowercased; when unset, `en` if configured, else the first.
    pub default: String,
    /// `defaultContentLanguageInSubdir`: the default language's pages are under `/<lang>/`.
    pub default_in_subdir: bool,
    /// Languages configured but disabled (`disabled = true` or in `disableLanguages`),
    /// lowercased: a file with such a suffix (`a.fr.md`) is no page at all.
    pub disabled: Vec<String>,
}

impl Default for Languages {
    fn default() -> Self {
        Languages {
            list: vec![Language {
                key: "en".into(),
                weight: 0,
                content_dir: None,
                static_dirs: Vec::new(),
                params: None,
            }],
            default: "en".into(),
            default_in_subdir: false,
            disabled: Vec::new(),
        }
    }
}

/// A string or a list of strings as a list (other items and values: nothing).
pub(super) fn str_list(node: &Node) -> Vec<String> {
    match &node.kind {
        NodeKind::String { value, .. } => vec![value.clone()],
        NodeKind::List(items) => items
            .iter()
            .filter_map(|i| i.as_str().map(str::to_string))
            .collect(),
        _ => Vec::new(),
    }
}

/// `staticDir` (one or a list), then `staticDir0` to `staticDir10`, of one config table.
pub fn static_dirs_of(table: &Node) -> Vec<String> {
    let mut dirs: Vec<String> = table
        .get("staticDir")
        .map(|e| str_list(&e.value))
        .unwrap_or_default();
    for i in 0..=10 {
        if let Some(e) = table.get(&format!("staticDir{i}")) {
            dirs.extend(str_list(&e.value));
        }
    }
    dirs
}

fn int(node: &Node) -> Option<i64> {
    match &node.kind {
        NodeKind::Int(i) => Some(*i),
        NodeKind::Float(f) => Some(*f as i64),
        NodeKind::String { value, .. } => value.trim().parse().ok(),
        _ => None,
    }
}

fn is_true(node: Option<&Node>) -> bool {
    match node.map(|n| &n.kind) {
        Some(NodeKind::Bool(b)) => *b,
        Some(NodeKind::String { value, .. }) => value.eq_ignore_ascii_case("true"),
        _ => false,
    }
}

impl Languages {
    /// The languages of a merged config tree. Keys are compared case-insensitively.
    pub fn from_tree(tree: &Node) -> Languages {
        let get = |k: &str| tree.get(k).map(|e| &e.value);
        let disable: Vec<String> = get("disableLanguages")
            .map(str_list)
            .unwrap_or_default()
            .into_iter()
            .map(|s| s.to_lowercase())
            .collect();
        let set_default = get("defaultContentLanguage")
            .and_then(Node::as_str)
            .map(|s| s.trim().to_lowercase())
            .filter(|s| !s.is_empty());
        let mut list = Vec::new();
        let mut disabled = Vec::new();
        for e in get("languages").and_then(Node::as_map).unwrap_or_default() {
            let key = e.key.to_lowercase();
            let v = &e.value;
            if is_true(v.get("disabled").map(|e| &e.value)) || disable.contains(&key) {
                disabled.push(key);
                continue;
            }
            list.push(Language {
                weight: v.get("weight").and_then(|e| int(&e.value)).unwrap_or(0),
                content_dir: v
                    .get("contentDir")
                    .and_then(|e| e.value.as_str())
                    .map(str::to_string),
                static_dirs: static_dirs_of(v),
                params: v.get("params").map(|e| e.value.clone()),
                key,
            });
        }
        list.sort_by(|a, b| match (a.weight, b.weight) {
            (x, y) if x == y => a.key.cmp(&b.key),
            (0, _) => std::cmp::Ordering::Greater,
            (_, 0) => std::cmp::Ordering::Less,
            (x, y) => x.cmp(&y),
        });
        let default = set_default.clone().unwrap_or_else(|| {
            if list.is_empty() || list.iter().any(|l| l.key == "en") {
                "en".to_string()
            } else {
                list[0].key.clone()
            }
        });
        if !list.iter().any(|l| l.key == default) {
            // No `languages` table, or the default is not in it: Hugo adds it.
            list.insert(
                0,
                Language {
                    key: default.clone(),
                    ..Languages::default().list.remove(0)
                },
            );
        }
        Languages {
            list,
            default,
            default_in_subdir: is_true(get("defaultContentLanguageInSubdir")),
            disabled,
        }
    }

    /// Whether the site has more than one enabled language.
    pub fn is_multilingual(&self) -> bool {
        self.list.len() > 1
    }

    /// The enabled language with this key (lowercase).
    pub fn get(&self, key: &str) -> Option<&Language> {
        self.list.iter().find(|l| l.key == key)
    }

    /// Whether `key` (lowercase) is an enabled language.
    pub fn is_enabled(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// The keys of the enabled languages, in order.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.list.iter().map(|l| l.key.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::frontmatter::toml;

    fn langs(text: &str) -> Languages {
        Languages::from_tree(&toml::parse(text).unwrap())
    }

    #[test]
    fn a_site_without_languages_has_english() {
        let l = langs("");
        assert_eq!(l.keys().collect::<Vec<_>>(), ["en"]);
        assert_eq!(l.default, "en");
        assert!(!l.is_multilingual());
        let l = langs("defaultContentLanguage = \"FR\"");
        assert_eq!(l.keys().collect::<Vec<_>>(), ["fr"]);
    }

    #[test]
    fn order_default_and_disabled() {
        let l = langs(concat!(
            "disableLanguages = [\"de\"]\n",
            "[languages.ZH]\nweight = 0\n[languages.fr]\nweight = 2\ncontentDir = \"c/fr\"\n",
            "[languages.fr.params]\ng = \"Bonjour\"\n",
            "[languages.en]\nweight = 1\nstaticDir = [\"s1\"]\nstaticDir2 = \"s2\"\n",
            "[languages.de]\nweight = 3\n[languages.it]\ndisabled = true\n",
        ));
        assert_eq!(l.keys().collect::<Vec<_>>(), ["en", "fr", "zh"]);
        assert_eq!(l.default, "en");
        assert_eq!(l.disabled, ["de", "it"]);
        assert_eq!(l.get("fr").unwrap().content_dir.as_deref(), Some("c/fr"));
        assert!(l.get("fr").unwrap().params.is_some());
        assert_eq!(l.get("en").unwrap().static_dirs, ["s1", "s2"]);
        let l = langs("[languages.ja]\nweight = 1\n[languages.ko]\nweight = 2\n");
        assert_eq!(l.default, "ja", "without en, the first language");
    }
}
