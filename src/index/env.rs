//! What the link rules read of the site once per run: the settings that decide URLs and ids,
//! which link render hook resolves destinations, and what the layouts add to every page
//! (literal `id="..."` attributes, shortcodes whose templates write ids of their own).

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::{Arc, LazyLock, OnceLock};

use regex::Regex;

use super::urls::UrlConfig;
use crate::body::{IdSettings, IdType};
use crate::frontmatter::NodeKind;
use crate::site::Site;

/// Which link render hook turns a Markdown link's destination into its `href`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkHook {
    /// None: Goldmark writes the destination as it is.
    None,
    /// Hugo's embedded `render-link.html`: `GetPage`, then a page resource, then
    /// `resources.Get`, else the destination as it is.
    Embedded,
    /// The site's or a theme's own `render-link.html`: what it does is not known.
    Custom,
}

/// The run's settings for the link rules; see [`env`].
#[derive(Debug)]
pub struct Env {
    /// How page URLs are made.
    pub urls: UrlConfig,
    /// How ids are made.
    pub ids: IdSettings,
    /// Raw HTML renders (`markup.goldmark.renderer.unsafe`).
    pub raw_html: bool,
    /// The link render hook in use.
    pub hook: LinkHook,
    /// The taxonomies' plural names, lower-cased.
    pub taxonomies: Vec<String>,
    layouts: Vec<PathBuf>,
    templates: OnceLock<Templates>,
}

/// What the layouts add to pages' ids.
#[derive(Debug, Default)]
pub struct Templates {
    /// Literal `id="..."` values of every template (and `TableOfContents` where a template
    /// prints `.TableOfContents`): they may be on any page.
    pub ids: HashSet<String>,
    /// Shortcodes whose templates may write ids (an `id=` or `name=` attribute, a heading
    /// tag, a partial or template call), by name as Hugo looks them up.
    pub id_shortcodes: HashSet<String>,
    /// A `render-heading.html` hook that does not print `.Anchor`: heading ids are its own.
    pub heading_hook_unknown: bool,
}

/// The run's [`Env`], made on first use.
pub fn env(site: &Site) -> Arc<Env> {
    site.memo(|| Env::new(site))
}

fn get_bool(site: &Site, path: &str) -> Option<bool> {
    match site.hugo.get(path).map(|n| &n.kind) {
        Some(NodeKind::Bool(b)) => Some(*b),
        _ => None,
    }
}

fn get_str<'a>(site: &'a Site, path: &str) -> Option<&'a str> {
    site.hugo.get(path).and_then(|n| n.as_str())
}

/// `markup.goldmark` settings of ids (`markup/goldmark/goldmark_config/config.go`).
fn id_settings(site: &Site) -> IdSettings {
    let d = IdSettings::default();
    let id_type = get_str(site, "markup.goldmark.parser.autoIDType")
        .or_else(|| get_str(site, "markup.goldmark.parser.autoHeadingIDType"))
        .map_or(IdType::Github, |t| match t.to_lowercase().as_str() {
            "github-ascii" => IdType::GithubAscii,
            "blackfriday" => IdType::Blackfriday,
            _ => IdType::Github,
        });
    // `typographer = false` (before 0.112) or `[typographer] disable = true`.
    let typographer = get_bool(site, "markup.goldmark.extensions.typographer").unwrap_or(true)
        && !get_bool(site, "markup.goldmark.extensions.typographer.disable").unwrap_or(false);
    IdSettings {
        id_type,
        auto_heading_id: get_bool(site, "markup.goldmark.parser.autoHeadingID")
            .unwrap_or(d.auto_heading_id),
        attribute_title: get_bool(site, "markup.goldmark.parser.attribute.title")
            .unwrap_or(d.attribute_title),
        definition_term_ids: get_bool(site, "markup.goldmark.parser.autoDefinitionTermID")
            .unwrap_or(d.definition_term_ids),
        typographer,
        raw_html: site.hugo.unsafe_html,
    }
}

/// Whether a layouts folder has a `render-link` hook (`_markup/` of `layouts/` or
/// `layouts/_default/`, any output format or language variant).
fn has_custom_hook(layouts: &[PathBuf]) -> bool {
    layouts.iter().any(|l| {
        ["_markup", "_default/_markup"].iter().any(|m| {
            std::fs::read_dir(l.join(m)).is_ok_and(|d| {
                d.flatten()
                    .any(|e| e.file_name().to_string_lossy().starts_with("render-link."))
            })
        })
    })
}

/// The link render hook Hugo uses (`config/allconfig/allconfig.go`,
/// `hugolib/page__per_output.go`): `useEmbedded` is `always`, `fallback` (when the site has
/// no hook of its own), `never`, or `auto` (default: `fallback` on a multilingual site
/// published on one host, else `never`); `enableDefault` (0.123 to 0.147) is the old
/// `fallback`/`never`. No embedded hook before 0.123.
fn link_hook(site: &Site, layouts: &[PathBuf]) -> LinkHook {
    let custom = has_custom_hook(layouts);
    let mode = get_str(site, "markup.goldmark.renderHooks.link.useEmbedded")
        .map(str::to_lowercase)
        .or_else(|| {
            get_bool(site, "markup.goldmark.renderHooks.link.enableDefault")
                .map(|b| if b { "fallback" } else { "never" }.to_string())
        })
        .unwrap_or_else(|| "auto".into());
    let multilingual = site.hugo.languages.list.len() > 1;
    let mode = match mode.as_str() {
        "auto" if multilingual => "fallback",
        "auto" => "never",
        m => m,
    };
    let embedded = site.version.at_least(123);
    match mode {
        "always" if embedded => LinkHook::Embedded,
        "fallback" if !custom && embedded => LinkHook::Embedded,
        _ if custom => LinkHook::Custom,
        _ => LinkHook::None,
    }
}

impl Env {
    fn new(site: &Site) -> Env {
        let mut layouts = vec![site.root.join("layouts")];
        for theme in site.hugo.themes.iter().filter(|t| t.present()) {
            for m in theme.mounts.iter().filter(|m| m.target == "layouts") {
                layouts.push(theme.dir.join(&m.source));
            }
        }
        Env {
            urls: UrlConfig::of(site),
            ids: id_settings(site),
            raw_html: site.hugo.unsafe_html,
            hook: link_hook(site, &layouts),
            taxonomies: site.hugo.taxonomies.clone(),
            layouts,
            templates: OnceLock::new(),
        }
    }

    /// What the layouts add to pages' ids, read on first use.
    pub fn templates(&self) -> &Templates {
        self.templates.get_or_init(|| read_templates(&self.layouts))
    }
}

// ASCII word boundaries and spaces (`-u`): Unicode ones build automata of megabytes, and
// HTML's attribute syntax is ASCII.
static LITERAL_ID: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?-u:\b)id(?-u:\s)*=(?-u:\s)*(?:"([^"{}]+)"|'([^'{}]+)')"#).expect("valid regex")
});
static WRITES_IDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i-u)\b(?:id|name)\s*=|<h[1-6]\b|\bpartial|\btemplate\s|\.TableOfContents")
        .expect("valid regex")
});

/// Reads every template of the layouts folders (site, then themes).
fn read_templates(layouts: &[PathBuf]) -> Templates {
    let mut t = Templates::default();
    for layout in layouts {
        for entry in ignore::WalkBuilder::new(layout)
            .standard_filters(false)
            .build()
            .flatten()
        {
            if !entry.file_type().is_some_and(|f| f.is_file()) {
                continue;
            }
            let Ok(text) = std::fs::read_to_string(entry.path()) else {
                continue;
            };
            let rel = entry.path().strip_prefix(layout).unwrap_or(entry.path());
            let rel = rel.to_string_lossy().replace('\\', "/");
            for c in LITERAL_ID.captures_iter(&text) {
                if let Some(m) = c.get(1).or_else(|| c.get(2)) {
                    t.ids.insert(m.as_str().to_string());
                }
            }
            if text.contains(".TableOfContents") {
                t.ids.insert("TableOfContents".into());
            }
            let file = rel.rsplit('/').next().unwrap_or(&rel);
            if rel.contains("_markup/") && file.starts_with("render-heading.") {
                t.heading_hook_unknown |= !text.contains(".Anchor");
            }
            let shortcode = rel
                .strip_prefix("shortcodes/")
                .or_else(|| rel.strip_prefix("_shortcodes/"));
            if let Some(name) = shortcode {
                if WRITES_IDS.is_match(&text) {
                    let stem = name.split('.').next().unwrap_or(name);
                    t.id_shortcodes.insert(stem.to_string());
                    t.id_shortcodes.insert(stem.to_lowercase());
                }
            }
        }
    }
    t
}
