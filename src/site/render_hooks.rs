//! Which template renders a page's Markdown images and its `figure` shortcode, and what it
//! does with the destination ([`super::template_eval`]), read once per run.
//!
//! Lookup (Hugo 0.146+, `tpl/tplimpl/templatestore.go`): `layouts/_markup/render-image.html`
//! and the legacy `layouts/_default/_markup/`, scoped ones in `layouts/SECTION/…/_markup/`
//! for pages below that path, language variants `render-image.LANG.html`; the site's
//! layouts before each theme's. Before 0.146 only `_default/_markup/` and
//! `TYPE/_markup/` (the page's first section). Hugo's embedded hook applies per
//! `markup.goldmark.renderHooks.image.useEmbedded` ([`super::url_config::UseEmbedded`]).
//! The embedded `figure` looks `src` up as a page resource, then a global resource, since
//! 0.124; before, it wrote `src` as-is; a site's or theme's `figure` template replaces it.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use super::image_resolve::{Fallback, Render, Step};
use super::page_model::PageModel;
use super::url_config::{UrlConfig, UseEmbedded};
use crate::version::HugoVersion;

/// A site's or theme's template that renders images.
#[derive(Debug)]
pub struct HookTemplate {
    /// The file, absolute.
    pub path: PathBuf,
    /// Its text (for the report).
    pub text: String,
    /// The folders between `layouts/` and `_markup/`, lowercased (`docs/specs`); empty for
    /// the whole site (`_markup/`, `_default/_markup/`).
    scope: Vec<String>,
    /// The language it is for, if its name says.
    lang: Option<String>,
    /// Index of the layouts folder (0 = the site's).
    source: usize,
    /// What it does with the destination.
    pub render: Render,
    /// How many images it rendered that pagelint could not check.
    pub unchecked: AtomicUsize,
}

/// The image templates of a site.
#[derive(Debug, Default)]
pub struct RenderHooks {
    /// `render-image` hooks.
    pub image: Vec<HookTemplate>,
    /// `figure` shortcodes of the site and its themes.
    pub figure: Vec<HookTemplate>,
    /// Whether `{{< comment >}}…{{< /comment >}}` renders nothing: Hugo's built-in
    /// (0.137 and later), or a site's or theme's `comment` template that never writes
    /// `.Inner`.
    pub comment_hides: bool,
}

/// Whether a shortcode template never writes its `.Inner`: it is only assigned to variables
/// that are not used again (Docsy's `{{- $noop := .Inner -}}`).
fn discards_inner(text: &str) -> bool {
    use super::template_parse::{parse, Expr, Stmt};
    let stmts = parse(text);
    let mut assigned: Vec<&str> = Vec::new();
    for s in &stmts {
        match s {
            Stmt::Assign(v, Expr::Dot(f)) if f.first().is_some_and(|x| x.starts_with("Inner")) => {
                assigned.push(v)
            }
            Stmt::Text(_) | Stmt::Assign(..) => {}
            _ => return false,
        }
    }
    let inner_uses = text.matches(".Inner").count();
    inner_uses == assigned.len() && assigned.iter().all(|v| text.matches(v).count() == 1)
}

/// What renders an image, and the template to blame when it cannot be read.
pub struct Renderer<'a> {
    /// How `src` is produced.
    pub render: Render,
    /// The site's or theme's template, if one renders it.
    pub template: Option<&'a HookTemplate>,
}

/// Hugo's embedded `render-image.html` (and the embedded `figure` since 0.124, which does
/// not strip `./`).
fn embedded(trim: bool) -> Render {
    Render::Chain {
        steps: vec![Step::PageGet, Step::GlobalGet],
        trim_dot_slash: trim,
        fallback: Fallback::AsIs,
    }
}

/// The `(scope, lang)` of a hook file below `layouts/`, or None if it is not one for HTML.
fn hook_scope(
    rel: &[String],
    name: &str,
    version: HugoVersion,
    langs: &UrlConfig,
) -> Option<(Vec<String>, Option<String>)> {
    let (file, dirs) = rel.split_last()?;
    let stem = file.strip_suffix(".html")?;
    let rest = stem.strip_prefix(name)?;
    let mut lang = None;
    for part in rest.split('.').filter(|p| !p.is_empty()) {
        if part == "html" {
            continue;
        }
        lang = Some(langs.language_named(part)?.to_string());
    }
    let mut dirs: Vec<String> = dirs.iter().map(|d| d.to_lowercase()).collect();
    let marker = if name == "figure" {
        if version.at_least(146) && dirs.last().is_some_and(|d| d == "_shortcodes") {
            "_shortcodes"
        } else {
            "shortcodes"
        }
    } else {
        "_markup"
    };
    if dirs.last().map(String::as_str) != Some(marker) {
        return None;
    }
    dirs.pop();
    if name == "figure" {
        return dirs.is_empty().then_some((dirs, lang));
    }
    if dirs.first().is_some_and(|d| d == "_default") {
        dirs.remove(0);
        if !dirs.is_empty() {
            return None;
        }
    } else if !version.at_least(146) && (dirs.is_empty() || dirs.len() > 1) {
        // 0.111: `_markup/` at the root of layouts is not a hook; `TYPE/_markup/` is.
        return None;
    }
    Some((dirs, lang))
}

impl RenderHooks {
    /// Reads the `render-image` hooks and `figure` shortcodes of `layouts` folders (the site's
    /// first), recognising each; `partial` reads a partial template by name.
    pub fn read(layouts: &[PathBuf], config: &UrlConfig, version: HugoVersion) -> RenderHooks {
        let mut hooks = RenderHooks::default();
        for (source, dir) in layouts.iter().enumerate() {
            let mut stack = vec![(dir.clone(), Vec::<String>::new())];
            while let Some((d, rel)) = stack.pop() {
                let Ok(read) = std::fs::read_dir(&d) else {
                    continue;
                };
                for entry in read.flatten() {
                    let name = entry.file_name().to_string_lossy().into_owned();
                    let mut r = rel.clone();
                    r.push(name.clone());
                    if entry.file_type().is_ok_and(|t| t.is_dir()) {
                        if r.len() < 6 {
                            stack.push((entry.path(), r));
                        }
                        continue;
                    }
                    for (kind, list) in [
                        ("render-image", &mut hooks.image),
                        ("figure", &mut hooks.figure),
                    ] {
                        if let Some((scope, lang)) = hook_scope(&r, kind, version, config) {
                            let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
                            let reader = |p: &str| read_partial(layouts, p, version);
                            let render =
                                super::template_eval::recognise(&text, kind == "figure", &reader);
                            list.push(HookTemplate {
                                path: entry.path(),
                                text,
                                scope,
                                lang,
                                source,
                                render,
                                unchecked: AtomicUsize::new(0),
                            });
                        }
                    }
                }
            }
        }
        hooks.comment_hides = match find_template(layouts, "comment", version) {
            Some(text) => discards_inner(&text),
            None => version.at_least(137),
        };
        for list in [&mut hooks.image, &mut hooks.figure] {
            // Most specific first: deeper scope, a language variant, the site before themes.
            list.sort_by(|a, b| {
                b.scope
                    .len()
                    .cmp(&a.scope.len())
                    .then(b.lang.is_some().cmp(&a.lang.is_some()))
                    .then(a.source.cmp(&b.source))
            });
        }
        hooks
    }

    fn applicable<'a>(
        list: &'a [HookTemplate],
        page: &PageModel,
        lang: &str,
    ) -> Option<&'a HookTemplate> {
        if list.is_empty() {
            return None;
        }
        let dirs: Vec<String> = page.logical.split('/').map(str::to_lowercase).collect();
        list.iter().find(|h| {
            h.lang.as_deref().is_none_or(|l| l == lang)
                && h.scope.len() < dirs.len()
                && h.scope.iter().zip(&dirs).all(|(a, b)| a == b)
        })
    }

    /// What renders the Markdown images of `page` in `lang`.
    pub fn markdown<'a>(
        &'a self,
        page: &PageModel,
        lang: &str,
        config: &UrlConfig,
    ) -> Renderer<'a> {
        let custom = Self::applicable(&self.image, page, lang);
        match (config.use_embedded, custom) {
            (UseEmbedded::Always, _) | (UseEmbedded::Fallback, None) => Renderer {
                render: embedded(true),
                template: None,
            },
            (_, Some(h)) => Renderer {
                render: h.render.clone(),
                template: Some(h),
            },
            (UseEmbedded::Never, None) => Renderer {
                render: Render::AsIs,
                template: None,
            },
        }
    }

    /// What renders the `figure` shortcode of `page` in `lang`.
    pub fn figure<'a>(
        &'a self,
        page: &PageModel,
        lang: &str,
        version: HugoVersion,
    ) -> Renderer<'a> {
        match Self::applicable(&self.figure, page, lang) {
            Some(h) => Renderer {
                render: h.render.clone(),
                template: Some(h),
            },
            None if version.at_least(124) => Renderer {
                render: embedded(false),
                template: None,
            },
            None => Renderer {
                render: Render::AsIs,
                template: None,
            },
        }
    }

    /// The templates that left images unchecked, with how many.
    pub fn unchecked(&self) -> Vec<(&HookTemplate, usize)> {
        self.image
            .iter()
            .chain(&self.figure)
            .map(|h| (h, h.unchecked.load(Ordering::Relaxed)))
            .filter(|(_, n)| *n > 0)
            .collect()
    }
}

impl HookTemplate {
    /// Counts one image this template renders that pagelint did not check.
    pub fn count_unchecked(&self) {
        self.unchecked.fetch_add(1, Ordering::Relaxed);
    }
}

/// A shortcode template's text (`_shortcodes/NAME.html` since 0.146, `shortcodes/`), in the
/// site's layouts, then the themes'.
fn find_template(layouts: &[PathBuf], name: &str, version: HugoVersion) -> Option<String> {
    let folders: &[&str] = if version.at_least(146) {
        &["_shortcodes", "shortcodes"]
    } else {
        &["shortcodes"]
    };
    layouts.iter().find_map(|l| {
        folders
            .iter()
            .find_map(|f| std::fs::read_to_string(l.join(f).join(format!("{name}.html"))).ok())
    })
}

/// A partial's text: `_partials/NAME` (0.146) or `partials/NAME`, `.html` added if missing,
/// in the site's layouts, then the themes'.
fn read_partial(layouts: &[PathBuf], name: &str, version: HugoVersion) -> Option<String> {
    let file = if Path::new(name).extension().is_some() {
        name.to_string()
    } else {
        format!("{name}.html")
    };
    let folders: &[&str] = if version.at_least(146) {
        &["_partials", "partials"]
    } else {
        &["partials"]
    };
    layouts.iter().find_map(|l| {
        folders
            .iter()
            .find_map(|f| std::fs::read_to_string(l.join(f).join(&file)).ok())
    })
}
