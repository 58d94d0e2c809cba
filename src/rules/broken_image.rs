//! `broken-image`: an image a page references (Markdown, `<img>`, the `figure`
//! shortcode, `[images] fields`) that the built site does not serve where the
//! browser looks, or that names a file on the author's computer.

use crate::body::{Image, ImageSource};
use crate::diagnostic::{Diagnostic, Fix, Fixable, Severity, Sink};
use crate::frontmatter::{Node, NodeKind, Span};
use crate::rules::{Context, Rule, RuleMeta};
use crate::site::image_resolve::{Broken, BrokenKind, Fallback, Render, Step, Verdict};
use crate::site::page_model::{Instance, PageModel};
use crate::site::render_hooks::Renderer;
use crate::site::Site;

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

/// " on the `fr` page `/fr/x/`" when the image breaks on one language version.
fn on_page(b: &Broken) -> String {
    match &b.on {
        Some((lang, link)) => format!(" on the `{lang}` page `{link}`"),
        None => String::new(),
    }
}

/// Where pagelint looked, and the nearest existing file.
fn looked(b: &Broken, page_dir: &str, relative: bool) -> String {
    let mut help = format!("pagelint looked for {}", b.tried.join(", then "));
    if let Some(n) = &b.nearest {
        help.push_str(&format!(
            "; the nearest existing file is `{}`",
            shown_as(n, page_dir, relative)
        ));
    }
    help
}

fn missing(image: &Image, shown: &str, b: &Broken, page_dir: &str) -> Diagnostic {
    let relative = !shown.starts_with('/');
    Diagnostic::new(
        &META,
        image.span.clone(),
        format!("image `{shown}` does not exist{}", on_page(b)),
    )
    .label("no published file at this path")
    .help(looked(b, page_dir, relative))
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

fn outside(image: &Image, shown: &str, requested: &str, site: &Site) -> Diagnostic {
    Diagnostic::new(
        &META,
        image.span.clone(),
        format!("image `{shown}` is outside the site"),
    )
    .label(format!("the browser requests `{requested}`"))
    .help(format!(
        "baseURL `{}` serves the site under `{}`: write the path relative to the page, or \
        start it with `{}`, or set canonifyURLs or relativeURLs",
        site.urls.base_url, site.urls.base_path, site.urls.base_path
    ))
}

fn empty(image: &Image) -> Diagnostic {
    Diagnostic::new(&META, image.span.clone(), "image has no path")
        .label("empty")
        .help("write the image's path")
}

fn author_path(image: &Image, shown: &str) -> Diagnostic {
    Diagnostic::new(
        &META,
        image.span.clone(),
        format!("image `{shown}` is a path on the author's computer"),
    )
    .label("a file on a local disk")
    .help(
        "readers' browsers cannot open files on your computer: copy the image into the \
        page's bundle (beside index.md) or into static/, and write a path relative to the \
        page or starting with `/`",
    )
}

/// A path only the author's machine has: a drive letter (`C:\`, `D:/`), `file:`, a UNC
/// share (`\\server`) or backslashes.
fn is_author_path(p: &str) -> bool {
    let b = p.as_bytes();
    let drive =
        b.len() > 2 && b[0].is_ascii_alphabetic() && b[1] == b':' && matches!(b[2], b'\\' | b'/');
    drive
        || p.get(..5).is_some_and(|s| s.eq_ignore_ascii_case("file:"))
        || p.starts_with("\\\\")
        || (p.contains('\\') && !p.contains("://"))
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

/// How to show a site path to the author: relative when it sits under the page's folder.
fn shown_as(url: &str, page_dir: &str, relative: bool) -> String {
    match url.strip_prefix(page_dir) {
        Some(rest) if relative && page_dir.len() > 1 => rest.to_string(),
        _ => url.to_string(),
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

/// The spans between `{{< comment >}}` and `{{< /comment >}}` when `comment` renders
/// nothing (Hugo's built-in, or a template that drops `.Inner`): images there never appear.
fn comment_ranges(cx: &Context<'_>) -> Vec<Span> {
    if !cx.site.render_hooks().comment_hides {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for tag in cx
        .doc
        .shortcodes()
        .tags
        .iter()
        .filter(|t| t.name == "comment")
    {
        match (tag.closing, open) {
            (false, None) if !tag.self_closing => open = Some(tag.span.start),
            (true, Some(start)) => {
                out.push(start..tag.span.end);
                open = None;
            }
            _ => {}
        }
    }
    out
}

/// Whether a site-absolute image is a static file whatever renders it, so the page's own
/// model is not needed: the site is served at `/`, and no site or theme template renders
/// images of this kind (Hugo's lookups end with the path as written, which names the file).
fn static_hit(site: &Site, image: &Image, raw: &str) -> bool {
    let hooks = site.render_hooks();
    let plain = match image.source {
        ImageSource::Markdown => hooks.image.is_empty(),
        ImageSource::Figure => hooks.figure.is_empty(),
        ImageSource::Html => true,
        ImageSource::FrontMatter => false,
    };
    if !plain || site.urls.base_path != "/" || site.urls.multihost {
        return false;
    }
    let Some(rest) = raw.strip_prefix('/').filter(|r| !r.starts_with('/')) else {
        return false;
    };
    let path = crate::site::image_resolve::path_part(rest);
    !path.is_empty() && site.published().contains(&path)
}

/// How an image of `source` is rendered on the page's `inst` version, and the template to
/// count it against if that template cannot be read.
fn renderer<'a>(
    site: &'a Site,
    page: &PageModel,
    inst: &Instance,
    source: &ImageSource,
) -> Renderer<'a> {
    let hooks = site.render_hooks();
    match source {
        ImageSource::Markdown => hooks.markdown(page, &inst.lang, &site.urls),
        ImageSource::Figure => hooks.figure(page, &inst.lang, site.version),
        // Raw HTML is never rewritten by a hook.
        ImageSource::Html => Renderer {
            render: Render::AsIs,
            template: None,
        },
        // Templates read these fields as page resources or site paths.
        ImageSource::FrontMatter => Renderer {
            render: Render::Chain {
                steps: vec![Step::PageGet],
                trim_dot_slash: true,
                fallback: Fallback::RelUrl,
            },
            template: None,
        },
    }
}

impl BrokenImage {
    fn judge(&self, cx: &Context<'_>, page: &PageModel, image: &Image, raw: &str) -> Verdict {
        let site = cx.site;
        let verdict = site.judge_image(page, raw, &|inst| {
            let r = renderer(site, page, inst, &image.source);
            if r.render == Render::Unknown {
                if let Some(t) = r.template {
                    t.count_unchecked();
                }
            }
            r.render
        });
        if image.source == ImageSource::FrontMatter && matches!(verdict, Verdict::Broken(_)) {
            // A field may also hold a path relative to the page.
            let as_is = site.judge_image(page, raw, &|_| Render::AsIs);
            if !matches!(as_is, Verdict::Broken(_)) {
                return as_is;
            }
        }
        verdict
    }

    fn report(
        &self,
        cx: &Context<'_>,
        page: &PageModel,
        image: &Image,
        raw: &str,
        b: Broken,
        out: &mut Sink,
    ) {
        let page_dir = page
            .instances
            .first()
            .and_then(|i| i.url.as_ref())
            .map_or("/", |u| u.resources.as_str());
        match &b.kind {
            BrokenKind::OutsideBase { requested } => {
                out.push(outside(image, raw, requested, cx.site));
            }
            BrokenKind::WrongCase(actual) => {
                let written = &cx.doc.text[image.span.clone()];
                let fix = case_fix(written, image.span.clone(), actual.trim_start_matches('/'));
                let relative = !raw.starts_with('/');
                out.push(wrong_case(
                    image,
                    raw,
                    &shown_as(actual, page_dir, relative),
                    fix,
                ));
            }
            BrokenKind::Missing => out.push(missing(image, raw, &b, page_dir)),
        }
    }
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
        // Inside `highlight` and the like, an image is code (shortcode model, issue 16).
        let code = cx.code_regions();
        let images: Vec<&Image> = images
            .into_iter()
            .filter(|i| !code.iter().any(|r| r.contains(&i.span.start)))
            .collect();
        let page = std::cell::OnceCell::new();
        let hidden = comment_ranges(cx);
        for image in images {
            if hidden.iter().any(|r| r.contains(&image.span.start)) {
                continue;
            }
            if out.is_full() {
                out.stop();
                break;
            }
            let raw = image.path.trim();
            if raw.is_empty() {
                out.push(empty(image));
                continue;
            }
            if is_author_path(raw) {
                out.push(author_path(image, raw));
                continue;
            }
            if is_remote(raw) || raw.starts_with('#') {
                continue;
            }
            if image.source == ImageSource::Html && !cx.site.hugo.unsafe_html {
                // Goldmark omits raw HTML unless `markup.goldmark.renderer.unsafe`.
                continue;
            }
            if static_hit(cx.site, image, raw) {
                continue;
            }
            let page = page.get_or_init(|| cx.site.page_model(&cx.doc.rel_path, tree));
            match self.judge(cx, page, image, raw) {
                Verdict::Broken(b) => self.report(cx, page, image, raw, b, out),
                // Counted for theme-missing's note of what went unchecked.
                Verdict::Unknown if cx.site.incomplete() => {
                    cx.site.unchecked.add(crate::site::Unchecked::Image);
                }
                _ => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::site::image_resolve::browser_join;

    #[test]
    fn resolution_is_a_browsers() {
        assert_eq!(browser_join("/posts/x/", "/images/a.jpg"), "/images/a.jpg");
        assert_eq!(browser_join("/posts/x/", "a.jpg"), "/posts/x/a.jpg");
        assert_eq!(browser_join("/posts/x/", "../a.jpg"), "/posts/a.jpg");
        assert_eq!(browser_join("/posts/x/", "../../../a.jpg"), "/a.jpg");
        assert_eq!(browser_join("/posts/x.html", "a.jpg"), "/posts/a.jpg");
    }

    #[test]
    fn remote_and_author_paths() {
        for r in [
            "https://a/b.png",
            "http://a",
            "//cdn/x.png",
            "data:image/png;base64,xx",
            "mailto:a@b",
        ] {
            assert!(is_remote(r), "{r}");
        }
        for l in ["/a.png", "a.png"] {
            assert!(!is_remote(l), "{l}");
        }
        for a in [
            "C:\\Users\\me\\a.png",
            "D:/pics/a.png",
            "file:///home/me/a.png",
            "\\\\server\\a.png",
            "img\\a.png",
        ] {
            assert!(is_author_path(a), "{a}");
        }
        for a in ["/a.png", "a.png", "https://x/a.png"] {
            assert!(!is_author_path(a), "{a}");
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
