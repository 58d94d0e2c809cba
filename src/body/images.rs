//! Every image a page references, with the span of its path in the file.

use std::sync::LazyLock;

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag as MdTag, TagEnd};
use regex::Regex;

use super::{Params, Shortcodes};
use crate::frontmatter::Span;

/// How a page references an image.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImageSource {
    /// Markdown `![alt](path)`, or `![alt][label]` with a reference definition.
    Markdown,
    /// `src` of an `<img>` tag in raw HTML, entities decoded.
    Html,
    /// `src` of Hugo's built-in `figure` shortcode.
    Figure,
    /// A front matter value under one of the `[images] fields`.
    FrontMatter,
}

/// One image reference of a page, before any lookup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Image {
    /// The destination as the renderer sees it (Markdown escapes resolved).
    pub path: String,
    /// Where the path is written in the file (the reference definition for `![a][r]`).
    pub span: Span,
    /// How the page references it.
    pub source: ImageSource,
}

static IMG_SRC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?is)<img\b[^>]*?\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))"#)
        .expect("valid regex")
});

/// Images of the body `text[body]`: Markdown (inline and reference), raw
/// `<img src>` in HTML, and the `figure` shortcode's `src`.
pub fn images(text: &str, body: Span, shortcodes: &Shortcodes) -> Vec<Image> {
    let mut out = Vec::new();
    let src = &text[body.clone()];
    for (start, chunk) in chunks(src) {
        markdown_images(chunk, body.start + start, &mut out);
        if out.len() >= MAX_IMAGES {
            out.truncate(MAX_IMAGES);
            break;
        }
    }
    for tag in &shortcodes.tags {
        if out.len() >= MAX_IMAGES {
            break;
        }
        if tag.name == "figure" && !tag.closing {
            if let Params::Named(named) = &tag.params {
                if let Some((_, _, p)) = named.iter().find(|(k, _, _)| k == "src") {
                    let span = if p.quoted && p.span.len() >= 2 {
                        p.span.start + 1..p.span.end - 1
                    } else {
                        p.span.clone()
                    };
                    out.push(Image {
                        path: p.value.clone(),
                        span,
                        source: ImageSource::Figure,
                    });
                }
            }
        }
    }
    out.sort_by_key(|i| i.span.start);
    out
}

/// Images collected from one page at the most (see `MAX_TAGS` for shortcodes).
pub const MAX_IMAGES: usize = 100_000;

/// Bodies longer than this are parsed in pieces, so that the Markdown
/// parser's tree of a 100 MB page never exists at once.
const CHUNK: usize = 1 << 20;

/// The body cut at blank lines outside fenced code, in pieces of about
/// `CHUNK` bytes; small bodies are one piece. A reference image whose
/// definition falls in another piece is not seen (only on huge pages).
fn chunks(src: &str) -> Vec<(usize, &str)> {
    if src.len() <= CHUNK {
        return vec![(0, src)];
    }
    let mut out = Vec::new();
    let mut start = 0;
    let mut fence: Option<(u8, usize)> = None;
    let mut at = 0;
    for line in src.split_inclusive('\n') {
        let trimmed = line.trim_start_matches(' ');
        let marker = trimmed.bytes().next().filter(|b| *b == b'`' || *b == b'~');
        if let Some(m) = marker {
            let run = trimmed.bytes().take_while(|b| *b == m).count();
            if run >= 3 && line.len() - trimmed.len() <= 3 {
                fence = match fence {
                    None => Some((m, run)),
                    Some((fm, fr)) if fm == m && run >= fr && trimmed[run..].trim().is_empty() => {
                        None
                    }
                    open => open,
                };
            }
        }
        at += line.len();
        if fence.is_none() && at - start >= CHUNK && line.trim().is_empty() {
            out.push((start, &src[start..at]));
            start = at;
        }
    }
    if start < src.len() {
        out.push((start, &src[start..]));
    }
    out
}

/// Markdown and raw HTML images of one piece of the body starting at `base`.
fn markdown_images(src: &str, base: usize, out: &mut Vec<Image>) {
    // Without `![` or `<img` the Markdown parse cannot find an image.
    let maybe_markdown = src.contains("![") || contains_img_tag(src);
    // Tables change what is a paragraph; the other extensions never change what is an image.
    let parser = Parser::new_ext(
        if maybe_markdown { src } else { "" },
        Options::ENABLE_TABLES,
    );
    let refs: Vec<(String, Span)> = parser
        .reference_definitions()
        .iter()
        .map(|(label, def)| (label.to_lowercase(), def.span.clone()))
        .collect();
    let mut html_block: Option<(usize, usize)> = None;
    for (event, range) in parser.into_offset_iter() {
        match event {
            Event::Start(MdTag::Image {
                link_type,
                dest_url,
                ..
            }) => {
                let dest = dest_url.to_string();
                let within = match link_type {
                    LinkType::Reference | LinkType::Collapsed | LinkType::Shortcut => {
                        let label = reference_label(&src[range.clone()]);
                        refs.iter()
                            .find(|(l, _)| *l == label)
                            .map_or(range.clone(), |(_, s)| s.clone())
                    }
                    _ => range.clone(),
                };
                let span = locate(src, &within, &dest, link_type);
                out.push(Image {
                    path: dest,
                    span: span.start + base..span.end + base,
                    source: ImageSource::Markdown,
                });
            }
            // An HTML block comes a line per event: a tag may span lines, so the block is
            // read whole, as the verbatim source between its first and last line.
            Event::Html(_) => {
                html_block = Some(match html_block {
                    Some((start, _)) => (start, range.end),
                    None => (range.start, range.end),
                });
            }
            Event::End(TagEnd::HtmlBlock) => {
                if let Some((start, end)) = html_block.take() {
                    html_images(&src[start..end], base + start, out);
                }
            }
            Event::InlineHtml(html) => html_images(&html, base + range.start, out),
            _ => {}
        }
    }
    if let Some((start, end)) = html_block {
        html_images(&src[start..end], base + start, out);
    }
}

/// The `<img src>` of raw HTML that is a verbatim slice of the file at byte `at`.
fn html_images(html: &str, at: usize, out: &mut Vec<Image>) {
    for caps in IMG_SRC.captures_iter(html) {
        let Some(m) = caps.get(1).or_else(|| caps.get(2)).or_else(|| caps.get(3)) else {
            continue;
        };
        let start = at + m.start();
        out.push(Image {
            path: html_unescape(m.as_str()),
            span: start..start + m.len(),
            source: ImageSource::Html,
        });
    }
}

/// Whether `<img` appears in any letter case.
fn contains_img_tag(s: &str) -> bool {
    let b = s.as_bytes();
    let mut from = 0;
    while let Some(i) = s[from..].find('<') {
        let at = from + i;
        if b.len() >= at + 4 && b[at + 1..at + 4].eq_ignore_ascii_case(b"img") {
            return true;
        }
        from = at + 1;
    }
    false
}

/// The label of a reference image `![alt][label]`, or of `![label]` / `![label][]`.
fn reference_label(image: &str) -> String {
    let inner = image.trim_end_matches("[]");
    let label = if let Some(open) = inner.rfind("][") {
        &inner[open + 2..inner.len().saturating_sub(1)]
    } else {
        inner
            .trim_start_matches('!')
            .trim_start_matches('[')
            .trim_end_matches(']')
    };
    label
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Finds where the destination is written inside `within`, falling back to the whole range.
fn locate(src: &str, within: &Span, dest: &str, link_type: LinkType) -> Span {
    let slice = &src[within.clone()];
    let search_from = match link_type {
        LinkType::Inline => slice.rfind("](").map_or(0, |i| i + 2),
        _ => slice.find("]:").map_or(0, |i| i + 2),
    };
    if link_type == LinkType::Inline {
        // The destination follows the first `](`; a title may repeat the
        // path and must never be the one located (and edited by a fix).
        let Some(k) = slice.find("](") else {
            return within.clone();
        };
        let after = k + 2;
        let rest = &slice[after..];
        let trimmed = rest.trim_start();
        let skip = rest.len() - trimmed.len() + usize::from(trimmed.starts_with('<'));
        if !dest.is_empty() && slice[after + skip..].starts_with(dest) {
            let start = within.start + after + skip;
            return start..start + dest.len();
        }
        let token = &slice[after + skip..];
        let end = token
            .find(|c: char| c.is_whitespace() || c == ')' || c == '>')
            .unwrap_or(token.len());
        let start = within.start + after + skip;
        return if end > 0 {
            start..start + end
        } else {
            within.clone()
        };
    }
    let tail = &slice[search_from..];
    if !dest.is_empty() {
        if let Some(i) = tail.find(dest) {
            let start = within.start + search_from + i;
            return start..start + dest.len();
        }
    }
    // Escaped or bracketed destinations: take the first non-space run, minus `<>`.
    let trimmed = tail.trim_start();
    let offset = within.start + search_from + (tail.len() - trimmed.len());
    if let Some(rest) = trimmed.strip_prefix('<') {
        if let Some(end) = rest.find('>') {
            return offset + 1..offset + 1 + end;
        }
    }
    let end = trimmed
        .find(|c: char| c.is_whitespace() || c == ')')
        .unwrap_or(trimmed.len());
    if end > 0 {
        offset..offset + end
    } else {
        within.clone()
    }
}

fn html_unescape(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    s.replace("&amp;", "&")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paths(text: &str) -> Vec<(String, String)> {
        let shortcodes = super::super::shortcodes(text, 0, crate::version::HugoVersion::LATEST);
        images(text, 0..text.len(), &shortcodes)
            .into_iter()
            .map(|i| (i.path, text[i.span].to_string()))
            .collect()
    }

    #[test]
    fn markdown_html_and_figure() {
        let text = concat!(
            "![a](/x.jpg \"t\")\n\n",
            "<img src=\"/y.png\" alt=\"\">\n\n",
            "{{< figure src=\"/z.jpg\" >}}\n",
        );
        assert_eq!(
            paths(text),
            [
                ("/x.jpg".into(), "/x.jpg".into()),
                ("/y.png".into(), "/y.png".into()),
                ("/z.jpg".into(), "/z.jpg".into())
            ]
        );
    }

    #[test]
    fn an_img_tag_across_lines_of_an_html_block() {
        let text = "<div>\n  <img\n    src=\"a.jpg\"\n  />\n</div>\n";
        assert_eq!(paths(text), [("a.jpg".into(), "a.jpg".into())]);
    }

    #[test]
    fn reference_images_point_at_the_definition() {
        let text = "![alt][r]\n\n[r]: /ref.jpg\n";
        assert_eq!(paths(text), [("/ref.jpg".into(), "/ref.jpg".into())]);
    }

    #[test]
    fn code_is_not_an_image() {
        let text = concat!(
            "```\n![a](/x.jpg)\n```\n\n",
            "    ![b](/y.jpg)\n\n",
            "`![c](/z.jpg)` and `<img src=\"/w.png\">`\n",
        );
        assert!(paths(text).is_empty());
    }

    #[test]
    fn bracketed_and_encoded_destinations() {
        let text = "![a](<a b.jpg>) ![c](caf%C3%A9.jpg)\n";
        assert_eq!(
            paths(text),
            [
                ("a b.jpg".into(), "a b.jpg".into()),
                ("caf%C3%A9.jpg".into(), "caf%C3%A9.jpg".into())
            ]
        );
    }
}
