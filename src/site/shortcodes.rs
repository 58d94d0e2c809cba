//! Which shortcodes exist: the site's and themes' templates, and Hugo's
//! built-ins for the Hugo version in use, with whether each takes inner content.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::version::HugoVersion;

/// Where a shortcode comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// A template in `layouts/shortcodes/` (also `layouts/_shortcodes/` from
    /// Hugo 0.146) of the site or one of its themes.
    Template,
    /// One of Hugo's embedded shortcodes (`tpl/tplimpl/embedded/templates/`)
    /// that exists in the Hugo version checked.
    BuiltIn,
}

/// A shortcode name that resolves: where to, and whether it takes inner content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Known {
    /// A site or theme template, or a built-in.
    pub origin: Origin,
    /// Uses `.Inner` or `.InnerDeindent`: must be closed or self-closed.
    pub needs_inner: bool,
}

/// The shortcodes a page may call: the templates of the site and its themes,
/// and Hugo's built-ins for the version checked.
#[derive(Debug, Default)]
pub struct Shortcodes {
    templates: HashMap<String, bool>,
    /// The file of each template (the first found, which Hugo uses).
    files: HashMap<String, PathBuf>,
    version: HugoVersion,
}

/// Hugo's embedded shortcodes: name, needs inner, first minor version, first minor without it.
const BUILT_INS: &[(&str, bool, u32, u32)] = &[
    ("figure", false, 0, u32::MAX),
    ("youtube", false, 0, u32::MAX),
    ("vimeo", false, 0, u32::MAX),
    ("vimeo_simple", false, 0, u32::MAX),
    ("instagram", false, 0, u32::MAX),
    ("instagram_simple", false, 0, 123),
    ("twitter", false, 0, 156),
    ("tweet", false, 0, 156),
    ("twitter_simple", false, 0, 156),
    ("gist", false, 0, 156),
    ("highlight", true, 0, u32::MAX),
    ("param", false, 0, u32::MAX),
    ("ref", false, 0, u32::MAX),
    ("relref", false, 0, u32::MAX),
    ("comment", true, 137, u32::MAX),
    ("details", true, 140, u32::MAX),
    ("x", false, 141, u32::MAX),
    ("x_simple", false, 141, u32::MAX),
    ("qr", true, 141, u32::MAX),
];

impl Shortcodes {
    /// Reads every template under the given `layouts` folders, first wins.
    pub fn build(layouts: &[&Path], version: HugoVersion) -> Shortcodes {
        let mut templates: HashMap<String, bool> = HashMap::new();
        let mut files: HashMap<String, PathBuf> = HashMap::new();
        let mut folders = vec!["shortcodes"];
        if version.at_least(146) {
            folders.push("_shortcodes");
        }
        for layout in layouts {
            for folder in &folders {
                let dir = layout.join(folder);
                for entry in ignore::WalkBuilder::new(&dir)
                    .standard_filters(false)
                    .build()
                    .flatten()
                {
                    if !entry.file_type().is_some_and(|t| t.is_file()) {
                        continue;
                    }
                    let Ok(rel) = entry.path().strip_prefix(&dir) else {
                        continue;
                    };
                    let rel = rel.to_string_lossy().replace('\\', "/");
                    let (dirs, file) = rel
                        .rsplit_once('/')
                        .map_or(("", rel.as_str()), |(d, f)| (d, f));
                    let stem = file.split('.').next().unwrap_or(file);
                    let name = if dirs.is_empty() {
                        stem.to_string()
                    } else {
                        format!("{dirs}/{stem}")
                    };
                    let inner = std::fs::read(entry.path())
                        .map(|b| b.windows(6).any(|w| w == b".Inner"))
                        .unwrap_or(false);
                    let name = if version.at_least(146) {
                        name.to_lowercase()
                    } else {
                        name
                    };
                    files
                        .entry(name.clone())
                        .or_insert_with(|| entry.path().to_path_buf());
                    *templates.entry(name).or_insert(false) |= inner;
                }
            }
        }
        Shortcodes {
            templates,
            files,
            version,
        }
    }

    /// The template file of a shortcode (None for a built-in or an unknown name).
    pub fn template_file(&self, name: &str) -> Option<&Path> {
        let key: std::borrow::Cow<'_, str> = if self.version.at_least(146) {
            name.to_lowercase().into()
        } else {
            name.into()
        };
        self.files.get(key.as_ref()).map(PathBuf::as_path)
    }

    /// The shortcode called `name` as a tag writes it (`docs/note` for a
    /// template in a subfolder); a template wins over a built-in of the same
    /// name. Case-insensitive from Hugo 0.146 on, case-sensitive before. None:
    /// no such shortcode.
    pub fn lookup(&self, name: &str) -> Option<Known> {
        let key: std::borrow::Cow<'_, str> = if self.version.at_least(146) {
            name.to_lowercase().into()
        } else {
            name.into()
        };
        if let Some(&needs_inner) = self.templates.get(key.as_ref()) {
            return Some(Known {
                origin: Origin::Template,
                needs_inner,
            });
        }
        BUILT_INS
            .iter()
            .find(|b| b.0 == key && self.version.at_least(b.2) && !self.version.at_least(b.3))
            .map(|b| Known {
                origin: Origin::BuiltIn,
                needs_inner: b.1,
            })
    }

    /// Every known name, for did-you-mean.
    pub fn names(&self) -> Vec<&str> {
        let mut names: Vec<&str> = self.templates.keys().map(String::as_str).collect();
        for b in BUILT_INS
            .iter()
            .filter(|b| self.version.at_least(b.2) && !self.version.at_least(b.3))
        {
            names.push(b.0);
        }
        names
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_specific_built_ins() {
        let old = Shortcodes {
            version: HugoVersion::minor(111),
            ..Shortcodes::default()
        };
        assert!(old.lookup("details").is_none());
        assert!(old.lookup("x").is_none());
        assert!(old.lookup("twitter").is_some());
        assert!(old.lookup("Figure").is_none());
        let new = Shortcodes {
            version: HugoVersion::minor(160),
            ..Shortcodes::default()
        };
        assert!(new.lookup("twitter").is_none());
        assert_eq!(new.lookup("qr").map(|k| k.needs_inner), Some(true));
        assert!(new.lookup("Figure").is_some());
    }
}
