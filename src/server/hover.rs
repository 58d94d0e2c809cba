//! Hover: on a finding, its rule's page; on a front matter key (or its
//! value), the schema's field and what Hugo does with the key; on a
//! shortcode's name, where its template lives.

use std::fmt::Write as _;

use ls_types::{Hover, HoverContents, MarkupContent, MarkupKind, Position};

use super::position::{Encoding, Text};
use crate::config::{DateFormat, Field};
use crate::diagnostic::Span;
use crate::frontmatter::hugo_keys;
use crate::frontmatter::{Entry, Node};
use crate::lint::Linted;
use crate::rules;
use crate::site::shortcodes::Origin;
use crate::site::Site;

fn markdown(value: String, range: Option<ls_types::Range>) -> Hover {
    Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value,
        }),
        range,
    }
}

/// The hover at `position`, if there is something to say.
pub fn hover(
    linted: &Linted,
    site: &Site,
    encoding: Encoding,
    position: Position,
) -> Option<Hover> {
    let doc = &linted.document;
    let text = Text::new(&doc.text, doc.lines(), encoding);
    let offset = text.offset(position);
    let contains =
        |s: &Span| s.start <= offset && (offset < s.end || s.is_empty() && offset == s.end);

    // A finding: its rule's page (each rule once).
    let mut pages: Vec<&str> = Vec::new();
    let mut range = None;
    for d in linted.diagnostics.iter().filter(|d| contains(&d.span)) {
        range.get_or_insert_with(|| text.range(&d.span));
        if let Some(meta) = rules::by_name(d.rule) {
            if !pages.contains(&meta.doc) {
                pages.push(meta.doc);
            }
        }
    }
    if !pages.is_empty() {
        return Some(markdown(pages.join("\n\n---\n\n"), range));
    }

    // A front matter key or value.
    if let Some(tree) = doc.tree() {
        if let Some((path, entry)) = find_entry(tree, offset, "") {
            let span = if contains(&entry.key_span) {
                entry.key_span.clone()
            } else {
                entry.value.span.clone()
            };
            let about = describe_key(site, &doc.rel_path, &path);
            return Some(markdown(about, Some(text.range(&span))));
        }
    }

    // A shortcode's name.
    if offset >= doc.split.body.start {
        let tag = doc
            .shortcodes()
            .tags
            .iter()
            .find(|t| !t.name.is_empty() && contains(&t.name_span))?;
        let about = describe_shortcode(site, &tag.name);
        return Some(markdown(about, Some(text.range(&tag.name_span))));
    }
    None
}

/// The innermost entry whose key or scalar value holds `offset`, with its dotted path.
fn find_entry<'a>(node: &'a Node, offset: usize, prefix: &str) -> Option<(String, &'a Entry)> {
    let inside = |s: &Span| s.start <= offset && offset <= s.end;
    if let Some(entries) = node.as_map() {
        for e in entries {
            let path = if prefix.is_empty() {
                e.key.clone()
            } else {
                format!("{prefix}.{}", e.key)
            };
            if inside(&e.key_span) {
                return Some((path, e));
            }
            if inside(&e.value.span) {
                return find_entry(&e.value, offset, &path).or(Some((path, e)));
            }
        }
    }
    if let Some(items) = node.as_list() {
        for item in items.iter().filter(|i| inside(&i.span)) {
            if let Some(found) = find_entry(item, offset, prefix) {
                return Some(found);
            }
        }
    }
    None
}

fn field_lines(field: &Field, out: &mut String) {
    let mut facts: Vec<String> = Vec::new();
    if let Some(ty) = field.ty {
        facts.push(format!("type `{}`", ty.name()));
    }
    facts.push(
        if field.required {
            "required"
        } else {
            "optional"
        }
        .to_string(),
    );
    if field.allow_empty {
        facts.push("may be empty".to_string());
    }
    if field.unique {
        facts.push("items unique".to_string());
    }
    let _ = writeln!(out, "- {}", facts.join(", "));
    if let Some(values) = &field.values {
        let list: Vec<String> = values.iter().map(|v| format!("`{v}`")).collect();
        let _ = writeln!(out, "- allowed values: {}", list.join(", "));
    }
    if let Some(pattern) = &field.pattern {
        let _ = writeln!(out, "- pattern: `{}` (the whole value)", pattern.as_str());
    }
    let bounds = [
        ("at least", field.min_length, "characters"),
        ("at most", field.max_length, "characters"),
        ("at least", field.min_items, "items"),
        ("at most", field.max_items, "items"),
    ];
    for (word, n, unit) in bounds {
        if let Some(n) = n {
            let _ = writeln!(out, "- {word} {n} {unit}");
        }
    }
    if field.format == DateFormat::Rfc3339 {
        let _ = writeln!(out, "- format: RFC 3339 with a UTC offset");
    }
    if !field.schemes.is_empty() && field.ty == Some(crate::config::FieldType::Url) {
        let _ = writeln!(out, "- schemes: {}", field.schemes.join(", "));
    }
}

fn describe_key(site: &Site, rel_path: &str, path: &str) -> String {
    let mut out = format!("**`{path}`**\n\n");
    let schema = site.config.schema_for(rel_path);
    let field = schema.and_then(|s| s.field(path));
    match (schema, field) {
        (Some(schema), Some(field)) => {
            let _ = writeln!(out, "Schema `{}` (pagelint.toml):\n", schema.name);
            field_lines(field, &mut out);
            out.push('\n');
        }
        (Some(schema), None) if !path.contains('.') => {
            let _ = writeln!(
                out,
                "Not a field of schema `{}`{}.\n",
                schema.name,
                if schema.closed {
                    ", which is closed: `unknown-field` reports it"
                } else {
                    ""
                }
            );
        }
        _ => {}
    }
    let lower = path.to_ascii_lowercase();
    if let Some(meaning) = hugo_keys::meaning(&lower) {
        let _ = writeln!(out, "Hugo: {meaning}\n");
    } else if site
        .hugo
        .taxonomies
        .iter()
        .any(|t| t.eq_ignore_ascii_case(&lower))
    {
        let _ = writeln!(
            out,
            "Hugo: a taxonomy of this site; each term lists the page at `/{lower}/TERM/`.\n"
        );
    } else if !path.contains('.') && field.is_none() {
        let _ = writeln!(
            out,
            "Hugo: not one of its predefined keys; templates read it as `.Params.{lower}`.\n"
        );
    }
    if site
        .config
        .image_fields
        .iter()
        .any(|f| f.eq_ignore_ascii_case(path))
    {
        let _ = writeln!(
            out,
            "An image field (`[images] fields`): `broken-image` checks its paths.\n"
        );
    }
    out.trim_end().to_string()
}

fn describe_shortcode(site: &Site, name: &str) -> String {
    let mut out = format!("**shortcode `{name}`**\n\n");
    let shortcodes = site.shortcodes();
    match shortcodes.lookup(name) {
        Some(known) => {
            match (known.origin, shortcodes.template_file(name)) {
                (Origin::Template, Some(file)) => {
                    let shown = file
                        .strip_prefix(&site.root)
                        .unwrap_or(file)
                        .display()
                        .to_string();
                    let _ = writeln!(out, "Template: `{shown}`\n");
                }
                (Origin::Template, None) => {
                    let _ = writeln!(out, "A template of the site or its themes.\n");
                }
                (Origin::BuiltIn, _) => {
                    let _ = writeln!(
                        out,
                        "Built into Hugo {} (no template of the site overrides it): \
                         https://gohugo.io/shortcodes/{name}/\n",
                        site.version
                    );
                }
            }
            if known.needs_inner {
                let _ = writeln!(
                    out,
                    "Uses `.Inner`: close it (`{{{{< /{name} >}}}}`) or self-close it.\n"
                );
            }
        }
        None => {
            let _ = writeln!(
                out,
                "No template or built-in of this name (Hugo {}).\n",
                site.version
            );
        }
    }
    if let Some(decl) = site.config.shortcodes.get(name) {
        if !decl.required.is_empty() {
            let list: Vec<String> = decl.required.iter().map(|a| format!("`{a}`")).collect();
            let _ = writeln!(
                out,
                "Required arguments (pagelint.toml): {}\n",
                list.join(", ")
            );
        }
    }
    out.trim_end().to_string()
}
