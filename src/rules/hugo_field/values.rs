//! The `hugo-field` checks of single keys: `cascade`, `markup`, `outputs`,
//! `kind`/`lang`/`path`, the content file's own type, and the site config
//! keys Hugo refuses.

use super::{draft_misread, fatal};
use crate::diagnostic::Sink;
use crate::frontmatter::{Entry, Node, NodeKind};
use crate::rules::Context;
use crate::site::Site;
use crate::version::{Behaviour, HugoVersion};

/// Hugo's output formats in any release 0.111-0.169 (`output/outputFormat.go`).
const OUTPUT_FORMATS: &[&str] = &[
    "amp",
    "calendar",
    "css",
    "csv",
    "html",
    "markdown",
    "json",
    "webappmanifest",
    "robots",
    "rss",
    "sitemap",
    "sitemapindex",
    "httpstatus",
    "alias",
    "gotmpl",
    "404",
];

/// Markups Hugo renders (`markup.ResolveMarkup` and the content media types).
const MARKUPS: &[&str] = &[
    "markdown",
    "md",
    "mdown",
    "goldmark",
    "asciidoc",
    "asciidocext",
    "adoc",
    "ad",
    "rst",
    "pandoc",
    "pdc",
    "org",
    "html",
    "htm",
];

/// Other names Hugo's default media types answer to (suffixes and subtypes):
/// such a `markup` resolves to a media type, and what Hugo then does is not
/// modelled, so it is not reported.
const MEDIA_NAMES: &[&str] = &[
    "ics",
    "calendar",
    "css",
    "scss",
    "x-scss",
    "sass",
    "x-sass",
    "csv",
    "js",
    "jsm",
    "mjs",
    "javascript",
    "ts",
    "typescript",
    "tsx",
    "jsx",
    "gotmpl",
    "json",
    "webmanifest",
    "manifest+json",
    "xml",
    "rss",
    "rss+xml",
    "svg",
    "svg+xml",
    "txt",
    "plain",
    "toml",
    "yaml",
    "yml",
    "map",
    "png",
    "jpg",
    "jpeg",
    "jpe",
    "jif",
    "jfif",
    "gif",
    "tif",
    "tiff",
    "bmp",
    "webp",
    "avif",
    "heif",
    "heic",
    "ttf",
    "otf",
    "woff",
    "woff2",
    "pdf",
    "x-rst",
    "avi",
    "mpg",
    "mpeg",
    "mp4",
    "ogv",
    "webm",
    "3gpp",
    "3gp",
    "wasm",
];

/// Hugo's page kinds (`resources/kinds/kinds.go` `kindMapMain`).
const KINDS: &[&str] = &[
    "page",
    "home",
    "section",
    "taxonomy",
    "term",
    "taxonomyterm",
];

/// A front matter value as `cast.ToString` writes it (None for lists and maps).
fn cast_string(node: &Node, text_of: impl Fn(&Node) -> String) -> Option<String> {
    match &node.kind {
        NodeKind::String { value, .. } => Some(value.clone()),
        NodeKind::Null => Some(String::new()),
        NodeKind::List(_) | NodeKind::Map(_) => None,
        _ => Some(text_of(node)),
    }
}

/// `cascade`: from Hugo 0.123 a map or a list of maps without `kind`, `path`
/// or `lang`; its `_target` and `_build` per release; and `draft` strings.
pub(super) fn cascade(entry: &Entry, v: HugoVersion, out: &mut Sink) {
    let maps: Vec<&Node> = match &entry.value.kind {
        NodeKind::Map(_) => vec![&entry.value],
        NodeKind::List(items) if items.iter().all(|i| i.as_map().is_some()) => {
            items.iter().collect()
        }
        NodeKind::Null => Vec::new(),
        _ if v.has(Behaviour::CascadeDecoded) => {
            out.push(fatal(
                entry.value.span.clone(),
                format!(
                    "`cascade` must be a map or a list of maps, not a {}",
                    entry.value.type_name()
                ),
                "write the values to cascade under it, e.g. `cascade:` then `  params:`".into(),
            ));
            return;
        }
        _ => Vec::new(),
    };
    for map in maps {
        for e in map.as_map().unwrap_or_default() {
            cascade_key(e, v, out);
        }
    }
}

fn cascade_key(e: &Entry, v: HugoVersion, out: &mut Sink) {
    let key = e.key.to_lowercase();
    match key.as_str() {
        "kind" | "path" | "lang" if v.has(Behaviour::CascadeDecoded) => out.push(fatal(
            e.key_span.clone(),
            format!(
                "`{}` is not allowed in `cascade` (Hugo 0.123 and later)",
                e.key
            ),
            "remove it: cascade cannot change where pages are in the page tree".into(),
        )),
        "_build" if v.has(Behaviour::UnderscoreBuildFatal) => out.push(fatal(
            e.key_span.clone(),
            "`_build` was removed in Hugo 0.160 (deprecated since 0.145), also in `cascade`".into(),
            "rename it to `build`".into(),
        )),
        "draft" => out.extend(draft_misread(e, v, "the pages it reaches are")),
        "_target" | "target" => target(e, v, out),
        _ => {}
    }
}

/// `cascade._target`: a `path` with a file extension (an ERROR 0.123-0.152),
/// `lang` (a build error from 0.165).
fn target(e: &Entry, v: HugoVersion, out: &mut Sink) {
    for t in e.value.as_map().unwrap_or_default() {
        let key = t.key.to_lowercase();
        if key == "path" && v.has(Behaviour::CascadeTargetExtensionFatal) {
            let path = t.value.as_str().unwrap_or_default();
            let last = path.rsplit('/').next().unwrap_or(path);
            if last.contains('.') {
                out.push(fatal(
                    t.value.span.clone(),
                    format!(
                        "cascade target path `{path}` has a file extension, so it matches no page \
                         (Hugo 0.123 to 0.152 stop the build on it)"
                    ),
                    "write the page's path without the extension, e.g. /sec/p".into(),
                ));
            }
        }
        if (key == "lang" || key == "language") && v.has(Behaviour::CascadeTargetLangFatal) {
            out.push(fatal(
                t.key_span.clone(),
                "cascade target `lang` was removed in Hugo 0.165 (deprecated since 0.150)".into(),
                "use `sites.matrix` in the target instead".into(),
            ));
        }
    }
}

fn on_path(program: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|path| std::env::split_paths(&path).any(|dir| dir.join(program).is_file()))
}

/// `markup`: a markup Hugo does not know (0.123 and later), HTML (denied from
/// 0.162), Org (denied from 0.166), pandoc when it is not installed (0.163.2).
pub(super) fn markup(entry: &Entry, site: &Site, out: &mut Sink) {
    let v = site.version;
    let Some(name) = cast_string(&entry.value, |n| format!("{:?}", n.kind)) else {
        return;
    };
    let name = name.trim().to_lowercase();
    let allow_content = site.hugo.get("security.allowContent").is_some();
    let problem = match name.as_str() {
        "" => None,
        "html" | "htm" if v.has(Behaviour::HtmlContentDenied) && !allow_content => Some((
            "HTML content is denied by `security.allowContent` from Hugo 0.162".to_string(),
            "write the page in Markdown (raw HTML needs markup.goldmark.renderer.unsafe), or \
             allow text/html in security.allowContent",
        )),
        "org" if v.has(Behaviour::OrgContentDenied) && !allow_content => Some((
            "Org content is denied by `security.allowContent` from Hugo 0.166".to_string(),
            "allow text/org in security.allowContent, or convert the page",
        )),
        "pandoc" | "pdc" if v.has(Behaviour::MissingConverterFatal) && !on_path("pandoc") => {
            Some((
                "`markup: pandoc` needs pandoc, which is not on PATH: Hugo 0.163.2 and later \
                 stop the build"
                    .to_string(),
                "install pandoc, or write the page in Markdown",
            ))
        }
        n if MARKUPS.contains(&n) || MEDIA_NAMES.contains(&n) => None,
        _ if v.has(Behaviour::MarkupResolved) && site.hugo.get("mediaTypes").is_none() => Some((
            format!("Hugo has no markup `{name}` (failed to resolve media type)"),
            "use markdown, asciidoc, org, pandoc, rst or html",
        )),
        _ => None,
    };
    if let Some((message, help)) = problem {
        out.push(fatal(entry.value.span.clone(), message, help.to_string()));
    }
}

/// `outputs`: every name must be an output format, Hugo's or the site's
/// `outputFormats` (names compared lower-cased).
pub(super) fn outputs(entry: &Entry, site: &Site, out: &mut Sink) {
    let site_formats: Vec<String> = site
        .hugo
        .get("outputFormats")
        .and_then(Node::as_map)
        .unwrap_or_default()
        .iter()
        .map(|e| e.key.to_lowercase())
        .collect();
    let items: Vec<&Node> = match &entry.value.kind {
        NodeKind::List(items) => items.iter().collect(),
        _ => vec![&entry.value],
    };
    for item in items {
        let Some(names) = item.as_str() else { continue };
        for name in names.split_whitespace() {
            let lower = name.to_lowercase();
            if !OUTPUT_FORMATS.contains(&lower.as_str()) && !site_formats.contains(&lower) {
                out.push(fatal(
                    item.span.clone(),
                    format!("Hugo has no output format `{name}`"),
                    "use html, rss, json, ... or define it under outputFormats in the Hugo \
                     config; Hugo fails with: failed to resolve output formats"
                        .into(),
                ));
            }
        }
    }
}

/// `kind`, `lang`, `path`: build errors 0.159-0.164; before, from 0.123 to
/// 0.152, `kind` must name a page kind.
pub(super) fn kind_lang_path(entry: &Entry, key: &str, v: HugoVersion, out: &mut Sink) {
    if v.has(Behaviour::KindLangPathFatal) {
        out.push(fatal(
            entry.key_span.clone(),
            format!(
                "`{}` in front matter is a build error in Hugo 0.159 to 0.164 (deprecated \
                 since 0.144; a plain parameter again from 0.165)",
                entry.key
            ),
            "move it under `params`, or remove it".into(),
        ));
        return;
    }
    if key == "kind" && v.has(Behaviour::KindChecked) {
        let name = entry.value.as_str().unwrap_or_default();
        if !name.is_empty() && !KINDS.contains(&name.to_lowercase().as_str()) {
            out.push(fatal(
                entry.value.span.clone(),
                format!("unknown kind `{name}` in front matter (Hugo 0.123 to 0.152)"),
                format!("use one of {}, or remove it", KINDS[..5].join(", ")),
            ));
        }
    }
}

/// The content file itself: HTML content files are denied from Hugo 0.162.
pub(super) fn content_file(cx: &Context<'_>, out: &mut Sink) {
    let path = cx.doc.rel_path.to_lowercase();
    let html = path.ends_with(".html") || path.ends_with(".htm");
    if html
        && cx.site.version.has(Behaviour::HtmlContentDenied)
        && cx.site.hugo.get("security.allowContent").is_none()
    {
        let span = cx
            .doc
            .front_matter()
            .map_or(0..cx.doc.text.len().min(1), |fm| fm.delimiter.clone());
        out.push(fatal(
            span,
            "HTML content files are denied by `security.allowContent` from Hugo 0.162".into(),
            "rename it to .md (raw HTML needs markup.goldmark.renderer.unsafe), or allow \
             text/html in security.allowContent"
                .into(),
        ));
    }
}

/// Keys of the config file `site.hugo.files[file]` that the checked release
/// refuses: module mounts' `lang`, `includeFiles`, `excludeFiles` (from 0.168,
/// in any file, a theme's too), `privacy.twitter` (0.156 to 0.164, the
/// project's files).
pub(super) fn site_config(site: &Site, file: usize, out: &mut Sink) {
    let v = site.version;
    let Some(tree) = site.hugo.files.get(file).map(|f| &f.tree) else {
        return;
    };
    if v.has(Behaviour::MountFileFiltersFatal) {
        let mounts = tree
            .get_path("module.mounts")
            .and_then(|e| e.value.as_list());
        for mount in mounts.unwrap_or_default() {
            for e in mount.as_map().unwrap_or_default() {
                let key = e.key.to_lowercase();
                if matches!(key.as_str(), "lang" | "includefiles" | "excludefiles") {
                    out.push(fatal(
                        e.key_span.clone(),
                        format!(
                            "module mount `{}` was removed in Hugo 0.168 (deprecated since 0.153)",
                            e.key
                        ),
                        "use the mount's `files` (e.g. files = [\"! **.draft.md\"]) and \
                         `sites.matrix` instead"
                            .into(),
                    ));
                }
            }
        }
    }
    if v.has(Behaviour::TwitterPrivacyFatal) && file < site.hugo.project_files {
        if let Some(twitter) = tree.get_path("privacy.twitter") {
            out.push(fatal(
                twitter.key_span.clone(),
                "`privacy.twitter` is a build error in Hugo 0.156 to 0.164 (deprecated since \
                 0.141; ignored from 0.165)"
                    .into(),
                "rename it to `privacy.x`".into(),
            ));
        }
    }
}
