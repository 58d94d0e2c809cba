//! `broken-image`: an image a page references (Markdown, `<img>`, the `figure`
//! shortcode, `[images] fields`) that the site does not publish at that URL.

use std::borrow::Cow;

use crate::body::{Image, ImageSource};
use crate::diagnostic::{Diagnostic, Fix, Fixable, Severity, Sink};
use crate::frontmatter::{Node, NodeKind, Span};
use crate::rules::{Context, Rule, RuleMeta};
use crate::site::published::join;

/// The `broken-image` rule (`rules/broken-image.md`).
pub struct BrokenImage;

static META: RuleMeta = RuleMeta {
    name: "broken-image",
    summary: "an image whose file the site does not publish",
    severity: Severity::Error,
    default_enabled: true,
    fixable: Fixable::Safe,
    doc: include_str!("../../rules/broken-image.md"),
};

fn missing(image: &Image, shown: &str, suggestion: Option<String>) -> Diagnostic {
    let d = Diagnostic::new(
        &META,
        image.span.clone(),
        format!("image `{shown}` does not exist"),
    )
    .label("no such file in the static folders or the page bundle");
    match suggestion {
        Some(s) => d.help(format!("did you mean `{s}`?")),
        None => d.help(
            "add the file under static/ (for a path starting with `/`) \
            or beside the page in its bundle",
        ),
    }
}

fn wrong_case(image: &Image, shown: &str, actual: &str, fix: Option<Fix>) -> Diagnostic {
    let d = Diagnostic::new(
        &META,
        image.span.clone(),
        format!("image `{shown}` does not exist: the file's name differs in case"),
    )
    .label("differs only in letter case")
    .help(format!(
        "the file is `{actual}`; web servers and Linux compare names case-sensitively"
    ));
    match fix {
        Some(f) => d.fix(f),
        None => d,
    }
}

fn climbs_out(image: &Image, shown: &str) -> Diagnostic {
    Diagnostic::new(
        &META,
        image.span.clone(),
        format!("image `{shown}` points outside the site"),
    )
    .label("`..` climbs above the site root")
    .help("use a path inside the site, such as /images/name.jpg")
}

fn empty(image: &Image) -> Diagnostic {
    Diagnostic::new(&META, image.span.clone(), "image has no path")
        .label("empty")
        .help("write the image's path")
}

/// Whether a destination is remote or another scheme (`https:`, `//`, `data:`, `mailto:`).
fn is_remote(path: &str) -> bool {
    if path.starts_with("//") {
        return true;
    }
    let scheme_end = path.find(':').unwrap_or(0);
    scheme_end > 0
        && path[..scheme_end].starts_with(|c: char| c.is_ascii_alphabetic())
        && path[..scheme_end]
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

/// What `--fix` writes for a case-only mismatch: the written text with its
/// tail replaced by the real file's tail, when nothing else differs.
fn case_fix(written: &str, span: Span, actual_url: &str) -> Option<Fix> {
    if written.contains(['%', '?', '#', '\\']) || !written.is_ascii() || !actual_url.is_ascii() {
        return None;
    }
    let tail = written.len().min(actual_url.len());
    let (head, written_tail) = written.split_at(written.len() - tail);
    let actual_tail = &actual_url[actual_url.len() - tail..];
    (written_tail.eq_ignore_ascii_case(actual_tail) && written_tail != actual_tail)
        .then(|| Fix::safe(span, format!("{head}{actual_tail}")))
}

/// How to show a published URL to the author: relative when it sits under the page's folder.
fn shown_as(url: &str, page_dir: &str, relative: bool) -> String {
    match url.strip_prefix(page_dir) {
        Some(rest) if relative && !page_dir.is_empty() => rest.to_string(),
        _ => format!("/{url}"),
    }
}

fn front_matter_images(text: &str, tree: &Node, fields: &[String]) -> Vec<Image> {
    let mut out = Vec::new();
    let mut push = |node: &Node| {
        if let NodeKind::String { value, .. } = &node.kind {
            let span = node.literal_span(text).unwrap_or_else(|| node.span.clone());
            out.push(Image {
                path: value.clone(),
                span,
                source: ImageSource::FrontMatter,
            });
        }
    };
    for field in fields {
        let Some(entry) = tree.get_path(field) else {
            continue;
        };
        match &entry.value.kind {
            NodeKind::List(items) => items.iter().for_each(&mut push),
            _ => push(&entry.value),
        }
    }
    out
}

impl Rule for BrokenImage {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        let tree = cx.doc.tree();
        let fm_images = match tree {
            Some(t) if !cx.site.config.image_fields.is_empty() => {
                front_matter_images(&cx.doc.text, t, &cx.site.config.image_fields)
            }
            _ => Vec::new(),
        };
        let images: Vec<&Image> = fm_images.iter().chain(cx.doc.images()).collect();
        if images.is_empty() {
            return;
        }
        let page_dir = cx.site.page_dir_url(&cx.doc.rel_path, tree);
        let published = cx.site.published();
        for image in images {
            if out.is_full() {
                out.stop();
                break;
            }
            let raw = image.path.trim();
            if raw.is_empty() {
                out.push(empty(image));
                continue;
            }
            if is_remote(raw) {
                continue;
            }
            let path = raw.split(['?', '#']).next().unwrap_or(raw);
            if path.is_empty() {
                continue;
            }
            let decoded: Cow<'_, str> =
                percent_encoding::percent_decode_str(path).decode_utf8_lossy();
            let Some(url) = join(&page_dir, &decoded) else {
                out.push(climbs_out(image, raw));
                continue;
            };
            if published.contains(&url) {
                continue;
            }
            let relative = !decoded.starts_with('/');
            if let Some(actual) = published.case_variant(&url) {
                let written = &cx.doc.text[image.span.clone()];
                let fix = case_fix(written, image.span.clone(), &actual);
                out.push(wrong_case(
                    image,
                    raw,
                    &shown_as(&actual, &page_dir, relative),
                    fix,
                ));
                continue;
            }
            if cx.site.incomplete() {
                cx.site.unchecked.add(crate::site::Unchecked::Image);
                continue;
            }
            let suggestion = published
                .nearest(&url)
                .map(|u| shown_as(&u, &page_dir, relative));
            out.push(missing(image, raw, suggestion));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolution() {
        assert_eq!(
            join("posts/x/", "/images/a.jpg").as_deref(),
            Some("images/a.jpg")
        );
        assert_eq!(join("posts/x/", "a.jpg").as_deref(), Some("posts/x/a.jpg"));
        assert_eq!(join("posts/x/", "../a.jpg").as_deref(), Some("posts/a.jpg"));
        assert_eq!(join("posts/x/", "../../../a.jpg"), None);
        assert_eq!(join("posts/x/", "/../a.jpg"), None);
    }

    #[test]
    fn remote() {
        for r in [
            "https://a/b.png",
            "http://a",
            "//cdn/x.png",
            "data:image/png;base64,xx",
            "mailto:a@b",
        ] {
            assert!(is_remote(r), "{r}");
        }
        for l in [
            "/a.png",
            "a.png",
            "a:b/c.png".split('/').nth(1).unwrap_or("c.png"),
        ] {
            assert!(!is_remote(l), "{l}");
        }
    }

    #[test]
    fn case_fixes_keep_the_written_form() {
        let f = case_fix("/images/A.JPG", 10..23, "images/A.jpg").unwrap();
        assert_eq!(f.edits[0].content, "/images/A.jpg");
        let f = case_fix("pic.JPG", 0..7, "posts/x/pic.jpg").unwrap();
        assert_eq!(f.edits[0].content, "pic.jpg");
        assert!(case_fix("../x/Pic.jpg", 0..12, "posts/x/pic.jpg").is_none());
        assert!(case_fix("/a%20B.jpg", 0..10, "a b.jpg").is_none());
    }
}
