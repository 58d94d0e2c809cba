//! The inferred schema as a commented `pagelint.toml`.

use std::fmt::Write as _;

use super::infer::{Field, Schema};
use super::stats::Kind;

pub use crate::config::schema::SCHEMA_URL;

/// A TOML basic string.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A TOML key: bare when it can be, quoted otherwise.
pub fn key(k: &str) -> String {
    let bare = !k.is_empty()
        && k.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    if bare {
        k.to_string()
    } else {
        quote(k)
    }
}

fn list(items: &[String]) -> String {
    let quoted: Vec<String> = items.iter().map(|s| quote(s)).collect();
    format!("[{}]", quoted.join(", "))
}

fn pages(n: usize) -> String {
    format!("{n} page{}", if n == 1 { "" } else { "s" })
}

/// What was read, for the file's header.
pub struct Header<'a> {
    /// Content files read.
    pub files: usize,
    /// Sections too small for a schema: name and pages.
    pub small: &'a [(String, usize)],
    /// Pages in no section (at the top of a content folder).
    pub loose: usize,
}

/// The whole file.
pub fn render(header: &Header<'_>, schemas: &[Schema]) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "#:schema {SCHEMA_URL}");
    let _ = write!(
        out,
        "# pagelint.toml, written by `pagelint init` from the front matter of {} content files.\n\
         # A field is `required` when nearly every page has it; a string gets `values`\n\
         # when its pages draw it from a small set. Values too few pages use are not\n\
         # allowed: they are listed in comments, with the value they are probably a\n\
         # typo of. Counts are in comments. Review it, then run `pagelint check`.\n",
        header.files
    );
    for (name, n) in header.small {
        let _ = writeln!(
            out,
            "# Section `{name}`: {}, too few for a schema ({} needed).",
            pages(*n),
            super::infer::MIN_PAGES
        );
    }
    if header.loose > 0 {
        let _ = writeln!(
            out,
            "# Pages in no section (at the top of the content folder), only generic checks: {}.",
            header.loose
        );
    }
    for s in schemas {
        schema(&mut out, s);
    }
    out
}

fn schema(out: &mut String, s: &Schema) {
    let _ = write!(
        out,
        "\n[[schema]] # {}\nname = {}\nfiles = {}\nexclude = {}\n",
        pages(s.pages),
        quote(&s.name),
        list(&s.files),
        list(&s.exclude)
    );
    if s.unreadable > 0 {
        let _ = writeln!(
            out,
            "# {} whose front matter does not parse were left out of the counts.",
            pages(s.unreadable)
        );
    }
    for f in &s.fields {
        field(out, f, s.pages);
    }
}

fn kinds_comment(f: &Field) -> String {
    let parts: Vec<String> = f
        .kinds
        .iter()
        .map(|(k, n)| format!("{n} {}", k.name()))
        .collect();
    parts.join(", ")
}

fn field(out: &mut String, f: &Field, section_pages: usize) {
    let _ = writeln!(
        out,
        "\n[schema.fields.{}] # {} of {}",
        key(&f.name),
        f.present,
        pages(section_pages)
    );
    match f.ty {
        Some(ty) if f.kinds.len() > 1 => {
            let _ = writeln!(out, "type = {} # {}", quote(ty.name()), kinds_comment(f));
        }
        Some(ty) => {
            let _ = writeln!(out, "type = {}", quote(ty.name()));
        }
        None if f.kinds.is_empty() => {
            let _ = writeln!(out, "# always empty: no type");
        }
        None => {
            let _ = writeln!(out, "# values of several types: {}", kinds_comment(f));
        }
    }
    if f.required {
        let _ = writeln!(out, "required = true");
    }
    if f.allow_empty {
        let _ = writeln!(out, "allow-empty = true # empty on {}", pages(f.empty));
    }
    if let Some(n) = f.min_items {
        let _ = writeln!(out, "min-items = {n}");
    }
    if f.rfc3339 && f.ty == Some(Kind::Datetime) {
        let _ = writeln!(out, "format = \"rfc3339\" # every date has a UTC offset");
    }
    if let Some(schemes) = &f.schemes {
        let _ = writeln!(out, "schemes = {}", list(schemes));
    }
    if let Some(values) = &f.values {
        let _ = writeln!(out, "values = [");
        for v in values {
            let _ = writeln!(out, "  {}, # {}", quote(&v.text), pages(v.pages));
        }
        let _ = writeln!(out, "]");
    }
    if !f.rare.is_empty() {
        let _ = writeln!(out, "# Not allowed, too few pages use them:");
        for r in &f.rare {
            let _ = match &r.typo_of {
                Some(t) => writeln!(
                    out,
                    "#   {} ({}): a typo of {}?",
                    quote(&r.text),
                    pages(r.pages),
                    quote(t)
                ),
                None => writeln!(
                    out,
                    "#   {} ({}): add it to `values` if it is right",
                    quote(&r.text),
                    pages(r.pages)
                ),
            };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_and_keys() {
        assert_eq!(quote("a \"b\" \\ c\n"), "\"a \\\"b\\\" \\\\ c\\n\"");
        assert_eq!(key("source_url"), "source_url");
        assert_eq!(key("cover.image"), "\"cover.image\"");
        assert_eq!(key("標籤"), "\"標籤\"");
    }
}
