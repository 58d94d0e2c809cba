//! Which shortcodes exist: the site's and themes' templates, and Hugo's
//! built-ins for the Hugo version in use, with what Hugo learns from each
//! template (whether it takes inner content, whether it renders it as code,
//! whether it is plain text only).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::version::{Behaviour, HugoVersion};

/// Where a shortcode comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// A template in `layouts/shortcodes/` (also `layouts/_shortcodes/` and
    /// `layouts/SECTION/_shortcodes/` from Hugo 0.146) of the site or one of
    /// its themes.
    Template,
    /// One of Hugo's embedded shortcodes (`tpl/tplimpl/embedded/templates/`)
    /// that exists in the Hugo version checked.
    BuiltIn,
}

/// A shortcode name that resolves: where to, and what Hugo knows of its template.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Known {
    /// A site or theme template, or a built-in.
    pub origin: Origin,
    /// Uses `.Inner` or `.InnerDeindent` in a template action: must be closed
    /// or self-closed (`tpl/tplimpl/templatetransform.go`
    /// `collectInnerInShortcode`).
    pub needs_inner: bool,
    /// Renders its inner text as code (`highlight`, or a template that passes
    /// `.Inner` to `highlight` / `transform.Highlight`): images and links in it
    /// are not images and links.
    pub code_inner: bool,
    /// Its only templates are plain text (`.md`, `.txt`, `.json`, ...): from
    /// Hugo 0.147.4 a `{{<` call fails (`no compatible template found`).
    pub plain_text_only: bool,
}

/// What one template file tells.
#[derive(Debug, Clone, Default)]
struct Template {
    /// The template file.
    path: PathBuf,
    /// The section folder of `layouts/SECTION/_shortcodes/` (`blog`, `docs/guide`);
    /// empty for site-wide templates.
    section: String,
    /// The file's last extension, lower-cased (`html`, `md`, `xml`).
    ext: String,
    uses_inner: bool,
    highlights_inner: bool,
}

/// The shortcodes a page may call: the templates of the site and its themes,
/// and Hugo's built-ins for the version checked.
#[derive(Debug, Default)]
pub struct Shortcodes {
    /// Templates by shortcode name (lower-cased from Hugo 0.146), in lookup order.
    templates: HashMap<String, Vec<Template>>,
    /// The file of each template (the first found, which Hugo uses).
    files: HashMap<String, PathBuf>,
    version: HugoVersion,
}

/// A built-in: name, needs inner, first release with it and first without it as
/// `(minor, patch)`.
type BuiltIn = (&'static str, bool, (u32, u32), (u32, u32));

/// Hugo's embedded shortcodes.
#[rustfmt::skip]
const BUILT_INS: &[BuiltIn] = &[
    ("figure", false, (0, 0), (u32::MAX, 0)),
    ("youtube", false, (0, 0), (u32::MAX, 0)),
    ("vimeo", false, (0, 0), (u32::MAX, 0)),
    ("vimeo_simple", false, (0, 0), (u32::MAX, 0)),
    ("instagram", false, (0, 0), (u32::MAX, 0)),
    ("instagram_simple", false, (0, 0), (123, 0)),
    ("twitter", false, (0, 0), (156, 0)),
    ("tweet", false, (0, 0), (156, 0)),
    ("twitter_simple", false, (0, 0), (156, 0)),
    ("gist", false, (0, 0), (156, 0)),
    ("highlight", true, (0, 0), (u32::MAX, 0)),
    ("param", false, (0, 0), (u32::MAX, 0)),
    ("ref", false, (0, 0), (u32::MAX, 0)),
    ("relref", false, (0, 0), (u32::MAX, 0)),
    ("comment", true, (137, 1), (u32::MAX, 0)),
    ("details", true, (140, 0), (u32::MAX, 0)),
    ("x", false, (141, 0), (u32::MAX, 0)),
    ("x_simple", false, (141, 0), (u32::MAX, 0)),
    ("qr", true, (141, 0), (u32::MAX, 0)),
];

/// Built-ins Hugo removed, with the release and what replaces them.
const REMOVED: &[(&str, u32, &str)] = &[
    (
        "gist",
        156,
        "embed the gist's script tag in raw HTML, or a shortcode of your own",
    ),
    (
        "twitter",
        156,
        "the `x` shortcode: {{< x user=\"...\" id=\"...\" >}}",
    ),
    (
        "tweet",
        156,
        "the `x` shortcode: {{< x user=\"...\" id=\"...\" >}}",
    ),
    ("twitter_simple", 156, "the `x_simple` shortcode"),
    ("instagram_simple", 123, "the `instagram` shortcode"),
];

/// Extensions of output formats Hugo treats as plain text.
const PLAIN_TEXT: &[&str] = &["md", "txt", "json", "csv", "ics"];

impl Shortcodes {
    /// Reads every template under the given `layouts` folders, first wins.
    pub fn build(layouts: &[&Path], version: HugoVersion) -> Shortcodes {
        let store = version.has(Behaviour::TemplateStore);
        let mut templates: HashMap<String, Vec<Template>> = HashMap::new();
        for layout in layouts {
            let mut folders = vec![(layout.join("shortcodes"), String::new())];
            if store {
                folders.push((layout.join("_shortcodes"), String::new()));
                folders.extend(section_folders(layout));
            }
            for (dir, section) in folders {
                read_folder(&dir, &section, store, &mut templates);
            }
        }
        let mut files: HashMap<String, PathBuf> = HashMap::new();
        for (name, ts) in &templates {
            if let Some(t) = ts.iter().find(|t| t.section.is_empty()).or(ts.first()) {
                files.insert(name.clone(), t.path.clone());
            }
        }
        Shortcodes {
            templates,
            files,
            version,
        }
    }

    /// Whether some template is section-scoped (`layouts/SECTION/_shortcodes/`),
    /// so that lookups depend on the page's section.
    pub fn has_sections(&self) -> bool {
        self.templates
            .values()
            .any(|ts| ts.iter().any(|t| !t.section.is_empty()))
    }

    /// The template file of a shortcode (None for a built-in or an unknown name).
    pub fn template_file(&self, name: &str) -> Option<&Path> {
        self.files
            .get(self.key(name).as_ref())
            .map(PathBuf::as_path)
    }

    /// The shortcode called `name` as a tag writes it (`docs/note` for a
    /// template in a subfolder) anywhere in the site: site-wide templates and
    /// built-ins. See [`Shortcodes::lookup_in`].
    pub fn lookup(&self, name: &str) -> Option<Known> {
        self.lookup_in(name, "")
    }

    /// The shortcode called `name` on a page whose path in its content folder
    /// is `page` (`blog/post.md`): a template wins over a built-in of the same
    /// name, and from Hugo 0.146 templates of `layouts/SECTION/_shortcodes/`
    /// count for pages under that section. Case-insensitive from 0.146,
    /// case-sensitive before. None: no such shortcode.
    pub fn lookup_in(&self, name: &str, page: &str) -> Option<Known> {
        let key = self.key(name);
        let found: Vec<&Template> = self
            .templates
            .get(key.as_ref())
            .map(|ts| ts.iter().filter(|t| in_section(page, &t.section)).collect())
            .unwrap_or_default();
        if !found.is_empty() {
            // Hugo renders the page's HTML with the HTML template; other output formats'
            // templates decide only when there is no HTML one.
            let html: Vec<&&Template> = found.iter().filter(|t| is_html(&t.ext)).collect();
            let relevant: Vec<&Template> = if html.is_empty() {
                found.clone()
            } else {
                html.into_iter().copied().collect()
            };
            return Some(Known {
                origin: Origin::Template,
                needs_inner: relevant.iter().any(|t| t.uses_inner),
                code_inner: relevant.iter().any(|t| t.highlights_inner),
                plain_text_only: found.iter().all(|t| PLAIN_TEXT.contains(&t.ext.as_str())),
            });
        }
        self.built_in(key.as_ref()).map(|b| Known {
            origin: Origin::BuiltIn,
            needs_inner: b.1,
            code_inner: b.0 == "highlight",
            plain_text_only: false,
        })
    }

    /// Whether a template of that name exists in any section (Hugo's extraction
    /// step finds it by name; rendering then fails outside the section).
    pub fn lookup_anywhere(&self, name: &str) -> bool {
        self.templates.contains_key(self.key(name).as_ref())
    }

    /// A built-in Hugo removed by the checked release: the release that removed
    /// it and what to use instead.
    pub fn removed(&self, name: &str) -> Option<(u32, &'static str)> {
        let key = self.key(name);
        REMOVED
            .iter()
            .find(|(n, since, _)| *n == key && self.version.at_least(*since))
            .map(|(_, since, instead)| (*since, *instead))
    }

    fn key<'n>(&self, name: &'n str) -> std::borrow::Cow<'n, str> {
        if self.version.has(Behaviour::TemplateStore) {
            name.to_lowercase().into()
        } else {
            name.into()
        }
    }

    fn built_in(&self, key: &str) -> Option<&'static BuiltIn> {
        let at = (self.version.minor, self.version.patch);
        BUILT_INS
            .iter()
            .find(|b| b.0 == key && at >= b.2 && at < b.3)
    }

    /// Every known name, for did-you-mean.
    pub fn names(&self) -> Vec<&str> {
        let mut names: Vec<&str> = self.templates.keys().map(String::as_str).collect();
        let at = (self.version.minor, self.version.patch);
        for b in BUILT_INS.iter().filter(|b| at >= b.2 && at < b.3) {
            names.push(b.0);
        }
        names
    }
}

fn is_html(ext: &str) -> bool {
    ext == "html" || ext == "htm"
}

/// Whether a page at `page` (path in its content folder) is under `section`.
fn in_section(page: &str, section: &str) -> bool {
    section.is_empty()
        || page
            .strip_prefix(section)
            .is_some_and(|rest| rest.starts_with('/'))
}

/// `layouts/SECTION/_shortcodes/` folders (Hugo 0.146): each with its section path.
fn section_folders(layout: &Path) -> Vec<(std::path::PathBuf, String)> {
    let mut out = Vec::new();
    let walker = ignore::WalkBuilder::new(layout)
        .standard_filters(false)
        .max_depth(Some(6))
        .build();
    for entry in walker.flatten() {
        let path = entry.path();
        if !entry.file_type().is_some_and(|t| t.is_dir()) || entry.depth() < 2 {
            continue;
        }
        if path.file_name().and_then(|n| n.to_str()) != Some("_shortcodes") {
            continue;
        }
        let Some(section) = path.parent().and_then(|p| p.strip_prefix(layout).ok()) else {
            continue;
        };
        let section = section.to_string_lossy().replace('\\', "/");
        if !section.split('/').any(|s| s.starts_with('_')) {
            out.push((path.to_path_buf(), section));
        }
    }
    out
}

/// Reads the templates of one shortcodes folder into `templates`.
fn read_folder(
    dir: &Path,
    section: &str,
    lowercase: bool,
    templates: &mut HashMap<String, Vec<Template>>,
) {
    for entry in ignore::WalkBuilder::new(dir)
        .standard_filters(false)
        .build()
        .flatten()
    {
        if !entry.file_type().is_some_and(|t| t.is_file()) {
            continue;
        }
        let Ok(rel) = entry.path().strip_prefix(dir) else {
            continue;
        };
        let rel = rel.to_string_lossy().replace('\\', "/");
        let (dirs, file) = rel.rsplit_once('/').unwrap_or(("", rel.as_str()));
        let stem = file.split('.').next().unwrap_or(file);
        let mut name = if dirs.is_empty() {
            stem.to_string()
        } else {
            format!("{dirs}/{stem}")
        };
        if lowercase {
            name = name.to_lowercase();
        }
        let ext = file.rsplit('.').next().unwrap_or("").to_lowercase();
        let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
        let (uses_inner, highlights_inner) = super::template_scan::inner_use(&text);
        templates.entry(name).or_default().push(Template {
            path: entry.path().to_path_buf(),
            section: section.to_string(),
            ext,
            uses_inner,
            highlights_inner,
        });
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
        assert!(new.removed("twitter").is_some());
        assert_eq!(new.lookup("qr").map(|k| k.needs_inner), Some(true));
        assert!(new.lookup("Figure").is_some());
        let comment = |v| Shortcodes {
            version: v,
            ..Shortcodes::default()
        };
        assert!(comment(HugoVersion::new(0, 137, 0))
            .lookup("comment")
            .is_none());
        assert!(comment(HugoVersion::new(0, 137, 1))
            .lookup("comment")
            .is_some());
    }

    #[test]
    fn sections() {
        assert!(in_section("blog/a.md", "blog"));
        assert!(in_section("blog/x/a.md", "blog"));
        assert!(!in_section("blogs/a.md", "blog"));
        assert!(!in_section("docs/a.md", "blog"));
        assert!(in_section("docs/a.md", ""));
    }
}
