//! Completion: the allowed values of a schema field, the terms a taxonomy
//! already has, shortcode names after `{{<`, and image paths (the static
//! folders, the page's bundle) after `](`, in `src="…"` and in image fields.

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use ls_types::{
    CompletionItem, CompletionItemKind, CompletionList, CompletionTextEdit, Position, Range,
    TextEdit,
};
use regex::Regex;

use super::position::{Encoding, Text};
use super::workspace::Terms;
use crate::config::FieldType;
use crate::document::Document;
use crate::frontmatter::Format;
use crate::site::shortcodes::Origin;
use crate::site::{is_content_file, Site};

/// Items shown at most; more makes the list incomplete, and the client asks
/// again as the user types.
const MAX_ITEMS: usize = 200;

pub struct Request<'a> {
    pub doc: &'a Document,
    pub site: &'a Site,
    pub terms: &'a Terms,
    /// The document's file.
    pub path: &'a Path,
    pub encoding: Encoding,
}

static YAML_KEY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"^\s*"?([\w.-]+)"?\s*[:=]\s?(.*)$"#).expect("valid regex"));
static LIST_ITEM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\s*)-\s*(.*)$").expect("valid regex"));
static PARENT_KEY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"^(\s*)"?([\w.-]+)"?\s*[:=]\s*(\[[^\]]*)?$"#).expect("valid regex")
});
static SHORTCODE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\{\{[<%]\s*/?\s*([\w./-]*)$").expect("valid regex"));
static LINK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\]\(\s*<?([^)\s>]*)$").expect("valid regex"));
static SRC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?:\{\{[<%]|<img\b)[^}>]*\bsrc\s*=\s*["']?([^"'\s]*)$"#).expect("valid regex")
});

/// What the value being typed looks like.
struct Typed<'t> {
    /// The text typed so far (without an opening quote).
    partial: &'t str,
    /// The quote it is inside, if any.
    quote: Option<char>,
    /// A space is needed before the value (right after `:`, `=`, `,`).
    space: bool,
}

/// The value typed so far on a line that ends (at the cursor) with `before`.
fn typed<'t>(value: &'t str, before: &str) -> Typed<'t> {
    // The last item of a flow list, or the whole value.
    let item = value.rfind(['[', ',']).map_or(value, |i| &value[i + 1..]);
    let trimmed = item.trim_start();
    let (quote, partial) = match trimmed.chars().next() {
        Some(q @ ('"' | '\'')) => (Some(q), &trimmed[1..]),
        _ => (None, trimmed),
    };
    Typed {
        partial,
        quote,
        space: quote.is_none() && partial.is_empty() && before.ends_with([':', '=', ',']),
    }
}

/// How a value is written in the front matter's format.
fn written(value: &str, format: Format, typed: &Typed<'_>, string: bool) -> String {
    let quoted = |v: &str| format!("\"{}\"", v.replace('\\', "\\\\").replace('"', "\\\""));
    let body = match typed.quote {
        Some('"') => value.replace('\\', "\\\\").replace('"', "\\\""),
        Some(_) => value.replace('\'', "''"),
        None if !string => value.to_string(),
        None if format != Format::Yaml => quoted(value),
        None => {
            let plain = !value.is_empty()
                && !value
                    .starts_with(|c: char| c.is_whitespace() || "-?:,[]{}#&*!|>'\"%@`".contains(c))
                && !value.ends_with(char::is_whitespace)
                && !value.contains(": ")
                && !value.contains(" #")
                && !value.contains([',', '[', ']', '{', '}'])
                && !matches!(
                    value.to_ascii_lowercase().as_str(),
                    "true" | "false" | "yes" | "no" | "on" | "off" | "null" | "~"
                )
                && value.parse::<f64>().is_err();
            if plain {
                value.to_string()
            } else {
                quoted(value)
            }
        }
    };
    if typed.space {
        format!(" {body}")
    } else {
        body
    }
}

impl Request<'_> {
    fn text(&self) -> Text<'_> {
        Text::new(&self.doc.text, self.doc.lines(), self.encoding)
    }

    pub fn complete(&self, position: Position) -> Option<CompletionList> {
        let text = self.text();
        let offset = text.offset(position);
        let lines = self.doc.lines();
        let line = lines.line_of(offset);
        let before = &self.doc.text[lines.line_start(line)..offset];
        let body = &self.doc.split.body;
        if offset < body.start {
            let fm = self.doc.front_matter()?;
            if line <= lines.line_of(fm.delimiter.start) {
                return None;
            }
            return self.front_matter(fm.format, line, before, offset);
        }
        if let Some(c) = SHORTCODE.captures(before) {
            let partial = c.get(1)?.as_str();
            let bare = partial.is_empty() && before.ends_with(['<', '%']);
            return Some(self.shortcodes(partial, offset, bare));
        }
        if let Some(c) = LINK.captures(before).or_else(|| SRC.captures(before)) {
            let partial = c.get(1)?.as_str();
            return Some(self.paths(partial, offset, true));
        }
        None
    }

    fn edit(&self, start: usize, end: usize, new_text: String) -> Option<CompletionTextEdit> {
        let text = self.text();
        Some(CompletionTextEdit::Edit(TextEdit::new(
            Range::new(text.position(start), text.position(end)),
            new_text,
        )))
    }

    /// The key whose value the cursor is in, and the value typed so far.
    fn key_at<'t>(&'t self, line: usize, before: &'t str) -> Option<(String, &'t str)> {
        if let Some(item) = LIST_ITEM.captures(before) {
            let indent = item.get(1)?.as_str().len();
            let value = item.get(2)?.as_str();
            let lines = self.doc.lines();
            for l in (0..line).rev() {
                let t = &self.doc.text[lines.line_span(&self.doc.text, l)];
                if t.trim().is_empty()
                    || LIST_ITEM.is_match(t) && !t.trim_start().starts_with("---")
                {
                    continue;
                }
                let c = PARENT_KEY.captures(t)?;
                return (c.get(1)?.as_str().len() <= indent).then(|| (c[2].to_string(), value));
            }
            return None;
        }
        if let Some(c) = YAML_KEY.captures(before) {
            return Some((c[1].to_string(), c.get(2)?.as_str()));
        }
        // An item on a line of its own inside a multi-line `[` list.
        let lines = self.doc.lines();
        for l in (0..line).rev() {
            let t = &self.doc.text[lines.line_span(&self.doc.text, l)];
            if let Some(c) = PARENT_KEY.captures(t) {
                return c.get(3).map(|_| (c[2].to_string(), before));
            }
            if t.contains(']') || t.trim() == "---" || t.trim() == "+++" {
                return None;
            }
        }
        None
    }

    fn front_matter(
        &self,
        format: Format,
        line: usize,
        before: &str,
        offset: usize,
    ) -> Option<CompletionList> {
        if !matches!(format, Format::Yaml | Format::Toml | Format::Json) {
            return None;
        }
        let (key, value) = self.key_at(line, before)?;
        let typed = typed(value, before);
        let start = offset - typed.partial.len();
        let key_lower = key.to_ascii_lowercase();
        let mut items: Vec<CompletionItem> = Vec::new();
        let mut complete = true;
        let schema = self.site.config.schema_for(&self.doc.rel_path);
        let field = schema.and_then(|s| s.field(&key));
        if let Some(field) = field {
            for v in field.values.iter().flatten() {
                items.push(CompletionItem {
                    label: v.clone(),
                    kind: Some(CompletionItemKind::ENUM_MEMBER),
                    detail: schema.map(|s| format!("allowed value (schema `{}`)", s.name)),
                    filter_text: Some(v.clone()),
                    text_edit: self.edit(start, offset, written(v, format, &typed, true)),
                    ..CompletionItem::default()
                });
            }
            if field.ty == Some(FieldType::Bool) {
                for v in ["true", "false"] {
                    items.push(CompletionItem {
                        label: v.to_string(),
                        kind: Some(CompletionItemKind::KEYWORD),
                        text_edit: self.edit(start, offset, written(v, format, &typed, false)),
                        ..CompletionItem::default()
                    });
                }
            }
        }
        if self
            .site
            .hugo
            .taxonomies
            .iter()
            .any(|t| t.eq_ignore_ascii_case(&key_lower))
        {
            let (terms, ready) = self.terms.of(&key_lower);
            complete &= ready;
            for (i, (term, count)) in terms.into_iter().enumerate() {
                if items.iter().any(|it| it.label == term) {
                    continue;
                }
                items.push(CompletionItem {
                    detail: Some(format!(
                        "`{key_lower}` term of {count} page{}",
                        if count == 1 { "" } else { "s" }
                    )),
                    kind: Some(CompletionItemKind::VALUE),
                    filter_text: Some(term.clone()),
                    sort_text: Some(format!("{i:06}")),
                    text_edit: self.edit(start, offset, written(&term, format, &typed, true)),
                    label: term,
                    ..CompletionItem::default()
                });
            }
        }
        if self
            .site
            .config
            .image_fields
            .iter()
            .any(|f| f.eq_ignore_ascii_case(&key))
        {
            let paths = self.paths(typed.partial, offset, false);
            complete &= !paths.is_incomplete;
            items.extend(paths.items);
        }
        if items.is_empty() {
            return None;
        }
        Some(CompletionList {
            is_incomplete: !complete,
            items,
        })
    }

    fn shortcodes(&self, partial: &str, offset: usize, bare: bool) -> CompletionList {
        let shortcodes = self.site.shortcodes();
        let mut names: Vec<&str> = shortcodes.names();
        names.sort_unstable();
        names.dedup();
        let start = offset - partial.len();
        let items = names
            .into_iter()
            .map(|name| {
                let origin = shortcodes.lookup(name).map(|k| k.origin);
                let detail = match (origin, shortcodes.template_file(name)) {
                    (Some(Origin::Template), Some(file)) => file
                        .strip_prefix(&self.site.root)
                        .unwrap_or(file)
                        .display()
                        .to_string(),
                    (Some(Origin::BuiltIn), _) => format!("built into Hugo {}", self.site.version),
                    _ => "shortcode".to_string(),
                };
                CompletionItem {
                    label: name.to_string(),
                    kind: Some(CompletionItemKind::FUNCTION),
                    detail: Some(detail),
                    filter_text: Some(name.to_string()),
                    text_edit: self.edit(
                        start,
                        offset,
                        if bare {
                            format!(" {name}")
                        } else {
                            name.to_string()
                        },
                    ),
                    ..CompletionItem::default()
                }
            })
            .collect();
        CompletionList {
            is_incomplete: false,
            items,
        }
    }

    /// Folders whose entries complete `url_dir` (a URL folder, no leading
    /// `/`): every static folder mounted there, or the folders mounted below it.
    fn static_dirs(&self, url_dir: &str) -> (Vec<PathBuf>, Vec<String>) {
        let site = self.site;
        let mut mounts: Vec<(PathBuf, &str)> = site
            .hugo
            .static_dirs
            .iter()
            .map(|s| (site.root.join(&s.dir), s.prefix.as_str()))
            .collect();
        // As `Site::published` mounts them: each present theme's static mounts.
        for theme in site.hugo.themes.iter().filter(|t| t.present()) {
            for m in theme.mounts.iter().filter(|m| m.component() == "static") {
                mounts.push((theme.dir.join(&m.source), m.target_rest()));
            }
        }
        let mut dirs = Vec::new();
        let mut virtual_dirs = Vec::new();
        for (dir, prefix) in mounts {
            let prefix = prefix.trim_matches('/');
            if prefix.is_empty() {
                dirs.push(dir.join(url_dir));
            } else if url_dir == prefix {
                dirs.push(dir);
            } else if let Some(rest) = url_dir
                .strip_prefix(prefix)
                .and_then(|r| r.strip_prefix('/'))
            {
                dirs.push(dir.join(rest));
            } else if let Some(below) = prefix
                .strip_prefix(url_dir)
                .map(|r| r.trim_start_matches('/'))
                .filter(|_| {
                    url_dir.is_empty() || prefix.as_bytes().get(url_dir.len()) == Some(&b'/')
                })
            {
                if let Some(first) = below.split('/').next() {
                    virtual_dirs.push(first.to_string());
                }
            }
        }
        (dirs, virtual_dirs)
    }

    /// File and folder names that complete the last segment of `partial`.
    fn paths(&self, partial: &str, offset: usize, markdown: bool) -> CompletionList {
        let (dir_part, name_part) = match partial.rfind('/') {
            Some(i) => (&partial[..i], &partial[i + 1..]),
            None => ("", partial),
        };
        let mut folders: Vec<PathBuf> = Vec::new();
        let mut extra: Vec<String> = Vec::new();
        let decoded = percent_encoding::percent_decode_str(dir_part)
            .decode_utf8_lossy()
            .into_owned();
        if decoded.split('/').any(|s| s == "..") {
            return CompletionList::default();
        }
        if let Some(url_dir) = decoded.strip_prefix('/') {
            let (dirs, virtual_dirs) = self.static_dirs(url_dir.trim_matches('/'));
            folders = dirs;
            extra = virtual_dirs;
        } else {
            if self.doc.is_leaf_bundle() || self.doc.is_branch_bundle() {
                if let Some(page_dir) = self.path.parent() {
                    folders.push(page_dir.join(&decoded));
                }
            }
            if partial.is_empty() {
                // Nothing typed yet: the static folders' top level too, as `/name`.
                let (dirs, virtual_dirs) = self.static_dirs("");
                let mut entries = Vec::new();
                for dir in dirs {
                    list(&dir, "", &mut entries, MAX_ITEMS);
                }
                extra.extend(
                    entries
                        .into_iter()
                        .map(|(n, d)| format!("/{n}{}", if d { "/" } else { "" })),
                );
                extra.extend(virtual_dirs.into_iter().map(|d| format!("/{d}/")));
            }
        }
        let mut entries: Vec<(String, bool)> = Vec::new();
        let mut incomplete = false;
        for dir in &folders {
            incomplete |= list(dir, name_part, &mut entries, MAX_ITEMS + 1);
        }
        for e in extra {
            match e.strip_suffix('/') {
                Some(d) if d.starts_with('/') => entries.push((d.to_string(), true)),
                Some(d) => entries.push((d.to_string(), true)),
                None => entries.push((e, false)),
            }
        }
        entries.sort();
        entries.dedup();
        if entries.len() > MAX_ITEMS {
            entries.truncate(MAX_ITEMS);
            incomplete = true;
        }
        let start = offset - name_part.len();
        let items = entries
            .into_iter()
            .map(|(name, is_dir)| {
                let mut insert = if markdown {
                    name.replace('%', "%25").replace(' ', "%20")
                } else {
                    name.clone()
                };
                if is_dir {
                    insert.push('/');
                }
                CompletionItem {
                    label: if is_dir {
                        format!("{name}/")
                    } else {
                        name.clone()
                    },
                    kind: Some(if is_dir {
                        CompletionItemKind::FOLDER
                    } else {
                        CompletionItemKind::FILE
                    }),
                    filter_text: Some(insert.clone()),
                    sort_text: Some(format!("{}{name}", if is_dir { 0 } else { 1 })),
                    text_edit: self.edit(start, offset, insert),
                    ..CompletionItem::default()
                }
            })
            .collect();
        CompletionList {
            is_incomplete: incomplete,
            items,
        }
    }
}

/// Adds the entries of `dir` whose names start with `prefix` (ignoring
/// case), skipping hidden names and content files, up to `max` in all.
/// Returns whether some were left out.
fn list(dir: &Path, prefix: &str, out: &mut Vec<(String, bool)>, max: usize) -> bool {
    let Ok(read) = std::fs::read_dir(dir) else {
        return false;
    };
    let prefix = prefix.to_lowercase();
    for entry in read.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') || !name.to_lowercase().starts_with(&prefix) {
            continue;
        }
        let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
        if !is_dir && is_content_file(Path::new(&name)) {
            continue;
        }
        if out.len() >= max {
            return true;
        }
        out.push((name, is_dir));
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_quoted_as_the_format_needs() {
        let t = typed("", "categories:");
        assert_eq!(
            written("AI 產業動態", Format::Yaml, &t, true),
            " AI 產業動態"
        );
        let t = typed("", "categories: ");
        assert_eq!(
            written("AI 產業動態", Format::Yaml, &t, true),
            "AI 產業動態"
        );
        let t = typed(" [\"AI ", "x");
        assert_eq!(t.partial, "AI ");
        assert_eq!(written("a\"b", Format::Yaml, &t, true), "a\\\"b");
        let t = typed("", " ");
        assert_eq!(written("yes", Format::Yaml, &t, true), "\"yes\"");
        assert_eq!(written("x", Format::Toml, &t, true), "\"x\"");
        let t = typed("[a,", "[a,");
        assert!(t.space);
        assert_eq!(written("b: c", Format::Yaml, &t, true), " \"b: c\"");
    }
}
