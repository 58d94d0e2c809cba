//! `pagelint init`: a `pagelint.toml` inferred from the site's own pages,
//! because nobody writes a schema from a blank page.
//!
//! Each content section with enough pages gets a `[[schema]]` whose fields
//! are the front matter keys its pages use: their type, whether nearly every
//! page has them, the small set a string is drawn from, the date format, the
//! URL schemes. Decisions tolerate a few pages that disagree (see
//! [`infer::tolerance`]), since those are the mistakes the schema is for.

pub mod infer;
pub mod render;
pub mod stats;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::document::Document;
use crate::input::read_content_file;
use crate::site::Site;
use stats::SectionStats;

/// What `init` found and the file it writes.
#[derive(Debug)]
pub struct Inferred {
    /// The `pagelint.toml` text.
    pub text: String,
    /// The schemas in it.
    pub schemas: Vec<infer::Schema>,
    /// Content files read.
    pub files: usize,
}

impl Inferred {
    /// Values left out as too rare, over every field.
    pub fn rare_values(&self) -> usize {
        self.schemas
            .iter()
            .flat_map(|s| &s.fields)
            .map(|f| f.rare.len())
            .sum()
    }
}

/// Where a page lies: its section and content folder, or None for a page
/// at the top of a content folder or a section's index page.
fn section_of<'a>(dirs: &'a [PathBuf], path: &Path) -> Option<(String, &'a Path)> {
    let dir = dirs.iter().find(|d| path.starts_with(d))?;
    let rel = path.strip_prefix(dir).ok()?;
    let mut parts = rel.components();
    let first = parts.next()?.as_os_str().to_string_lossy().into_owned();
    parts.next()?;
    Some((first, dir.as_path()))
}

fn is_section_index(path: &Path) -> bool {
    path.file_stem().is_some_and(|s| s == "_index")
}

/// Reads `files` (absolute content files of `site`) and infers the schema.
pub fn infer(site: &Site, files: &[PathBuf]) -> Inferred {
    let dirs = site.content_dirs();
    let mut sections: BTreeMap<String, SectionStats> = BTreeMap::new();
    let mut loose = 0;
    for path in files {
        if is_section_index(path) {
            continue;
        }
        let Some((name, dir)) = section_of(&dirs, path) else {
            loose += 1;
            continue;
        };
        let Ok(bytes) = read_content_file(path, &site.root) else {
            continue;
        };
        let rel = site.relative(path).unwrap_or_default();
        let doc = Document::parse(rel, bytes, site.version);
        let section = sections
            .entry(name.clone())
            .or_insert_with(|| SectionStats {
                name,
                ..SectionStats::default()
            });
        let dir_rel = site.relative(&dir.join(&section.name)).unwrap_or_default();
        if !section.dirs.contains(&dir_rel) {
            section.dirs.push(dir_rel);
        }
        let ext = path.extension().map(|e| e.to_string_lossy().into_owned());
        if let Some(ext) = ext.filter(|e| !section.extensions.contains(e)) {
            section.extensions.push(ext);
            section.extensions.sort();
        }
        let parsed =
            doc.unreadable.is_none() && doc.front_matter().is_none_or(|fm| fm.tree.is_ok());
        section.add_page(doc.tree(), parsed);
    }
    let mut schemas = Vec::new();
    let mut small = Vec::new();
    for section in sections.values() {
        match infer::schema(section) {
            Some(s) => schemas.push(s),
            None => small.push((section.name.clone(), section.pages)),
        }
    }
    let header = render::Header {
        files: files.len(),
        small: &small,
        loose,
    };
    Inferred {
        text: render::render(&header, &schemas),
        schemas,
        files: files.len(),
    }
}
