//! Whether an image of a page resolves on the built site: what `src` Hugo writes (through the
//! render hook or shortcode that renders it, or the destination as-is), then where a browser
//! goes from the page's URL, then whether a file is published there.

use std::borrow::Cow;

use super::page_model::{Instance, PageModel};
use super::Site;

/// One lookup a render hook or shortcode performs on the destination, in its order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// `.Page.Resources.Get PATH` (also `.PageInner`): a page resource by name, without
    /// letter case.
    PageGet,
    /// `.Page.Resources.GetMatch PATTERN`: the pattern is `prefix` + path + `suffix`, a glob.
    PageGetMatch {
        /// Text before the path in the pattern (`**`).
        prefix: String,
        /// Text after it (`*`).
        suffix: String,
    },
    /// `resources.Get PATH`: a file of `assets/` (and theme assets, mounts).
    GlobalGet,
}

/// What a hook writes when no lookup finds the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fallback {
    /// The destination unchanged.
    AsIs,
    /// `relURL` of the destination: the site's base path in front.
    RelUrl,
    /// `absURL` of the destination: the site's base URL in front.
    AbsUrl,
}

/// How an image's `src` is produced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Render {
    /// Written as-is (no hook, raw HTML).
    AsIs,
    /// Looked up in order, then the fallback; `trim_dot_slash` strips a leading `./` before
    /// the lookups; lookups apply only to destinations without a scheme.
    Chain {
        /// The lookups, in order.
        steps: Vec<Step>,
        /// `strings.TrimPrefix "./"` before looking up.
        trim_dot_slash: bool,
        /// What is written when nothing is found.
        fallback: Fallback,
    },
    /// A template whose logic pagelint cannot read: the image is not checked.
    Unknown,
}

/// The verdict on one image.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// The built page's `src` finds a published file (or is remote).
    Resolves,
    /// pagelint cannot know (a URL or a template it cannot read).
    Unknown,
    /// Broken on the built site.
    Broken(Broken),
}

/// Why an image is broken, with what the help shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Broken {
    /// The kind of problem.
    pub kind: BrokenKind,
    /// The page version it is broken on: language and site path, when the page has several
    /// or it is not the default language's.
    pub on: Option<(String, String)>,
    /// Where pagelint looked, in order.
    pub tried: Vec<String>,
    /// The nearest existing file, as the author could write it.
    pub nearest: Option<String>,
}

/// The kinds of broken image.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BrokenKind {
    /// No file there.
    Missing,
    /// A file whose name differs only in letter case: its site path.
    WrongCase(String),
    /// The browser leaves the site: baseURL has a path (`/blog/`) and `src` is outside it.
    OutsideBase {
        /// The path the browser requests.
        requested: String,
    },
}

fn has_scheme(s: &str) -> bool {
    if s.starts_with("//") {
        return true;
    }
    let end = s.find(':').unwrap_or(0);
    end > 1
        && s[..end].starts_with(|c: char| c.is_ascii_alphabetic())
        && s[..end]
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

/// Hugo's resource globs (`hglob`, gobwas/glob with `/` as separator): `**` matches
/// anything, `*` anything but `/`, `?` one character; other characters literally.
pub fn glob_match(pattern: &str, name: &str) -> bool {
    let (p, n) = (pattern.as_bytes(), name.as_bytes());
    fn go(p: &[u8], n: &[u8]) -> bool {
        match p.first() {
            None => n.is_empty(),
            Some(b'*') if p.get(1) == Some(&b'*') => (0..=n.len()).any(|i| go(&p[2..], &n[i..])),
            Some(b'*') => {
                let stop = n.iter().position(|&c| c == b'/').unwrap_or(n.len());
                (0..=stop).any(|i| go(&p[1..], &n[i..]))
            }
            Some(b'?') => !n.is_empty() && n[0] != b'/' && go(&p[1..], &n[1..]),
            Some(&c) => n.first() == Some(&c) && go(&p[1..], &n[1..]),
        }
    }
    go(p, n)
}

/// The path part of a destination, percent-decoded, without query and fragment.
pub fn path_part(dest: &str) -> Cow<'_, str> {
    let p = dest.split(['?', '#']).next().unwrap_or(dest);
    percent_encoding::percent_decode_str(p).decode_utf8_lossy()
}

/// A browser's resolution of `path` (decoded) against the folder of `page` (a server path);
/// `..` above the root stays at the root.
pub fn browser_join(page: &str, path: &str) -> String {
    let base = if path.starts_with('/') {
        ""
    } else {
        match page.rfind('/') {
            Some(i) => &page[..=i],
            None => "/",
        }
    };
    let mut parts: Vec<&str> = Vec::new();
    let joined = format!("{base}{path}");
    let trailing = joined.ends_with('/');
    for seg in joined.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    let mut out = format!("/{}", parts.join("/"));
    if trailing && out != "/" {
        out.push('/');
    }
    out
}

impl Site {
    /// Judges the image `dest` (as written, escapes resolved) of `page` in every language
    /// the page is published in, rendered as `render_for` says for that language; the first
    /// version where it is broken decides.
    pub fn judge_image(
        &self,
        page: &PageModel,
        dest: &str,
        render_for: &dyn Fn(&Instance) -> Render,
    ) -> Verdict {
        let mut unknown = false;
        for inst in &page.instances {
            match self.judge_in(page, inst, dest, &render_for(inst)) {
                Verdict::Broken(mut b) => {
                    if page.instances.len() > 1 || inst.lang != self.urls.default_language {
                        let link = inst
                            .url
                            .as_ref()
                            .map(|u| u.link.clone())
                            .unwrap_or_default();
                        b.on = Some((inst.lang.clone(), link));
                    }
                    return Verdict::Broken(b);
                }
                Verdict::Unknown => unknown = true,
                Verdict::Resolves => {}
            }
        }
        if unknown {
            Verdict::Unknown
        } else {
            Verdict::Resolves
        }
    }

    /// The verdict for one language version of the page.
    fn judge_in(&self, page: &PageModel, inst: &Instance, dest: &str, render: &Render) -> Verdict {
        let mut tried = Vec::new();
        let src: Cow<'_, str> = match render {
            Render::Unknown => return Verdict::Unknown,
            Render::AsIs => Cow::Borrowed(dest),
            Render::Chain { .. } if has_scheme(dest) => Cow::Borrowed(dest),
            Render::Chain {
                steps,
                trim_dot_slash,
                fallback,
            } => {
                let decoded = path_part(dest);
                let path = if *trim_dot_slash {
                    decoded.strip_prefix("./").unwrap_or(&decoded)
                } else {
                    &decoded
                };
                for step in steps {
                    match self.lookup_image_step(page, inst, step, path, &mut tried) {
                        Some(true) => return Verdict::Resolves,
                        None => return Verdict::Unknown,
                        Some(false) => {}
                    }
                }
                match fallback {
                    Fallback::AsIs => Cow::Borrowed(dest),
                    // `relURL`/`absURL` (`helpers/url.go`): a path starting with `/` is relative
                    // to the server's root and stays; any other gets the baseURL's path.
                    Fallback::RelUrl | Fallback::AbsUrl if dest.starts_with('/') => {
                        Cow::Borrowed(dest)
                    }
                    Fallback::RelUrl | Fallback::AbsUrl => {
                        let base = self.urls.base_path_of(&inst.lang);
                        Cow::Owned(format!("{base}{dest}"))
                    }
                }
            }
        };
        self.check_src(page, inst, &src, tried)
    }

    /// One lookup step: Some(true) found, Some(false) not, None unknowable.
    fn lookup_image_step(
        &self,
        page: &PageModel,
        inst: &Instance,
        step: &Step,
        path: &str,
        tried: &mut Vec<String>,
    ) -> Option<bool> {
        match step {
            Step::PageGet => {
                tried.push(format!("page resource `{path}`"));
                if path.starts_with('/') || page.bundle_dir.is_none() {
                    return Some(false);
                }
                inst.url.as_ref()?;
                Some(self.resources().get(page, &inst.lang, path).is_some())
            }
            Step::PageGetMatch { prefix, suffix } => {
                tried.push(format!("page resource matching `{prefix}{path}{suffix}`"));
                if page.bundle_dir.is_none() {
                    return Some(false);
                }
                let pattern = format!("{prefix}{path}{suffix}").to_lowercase();
                Some(
                    self.resources()
                        .any_resource(page, &inst.lang, &|n| glob_match(&pattern, n)),
                )
            }
            Step::GlobalGet => {
                let p = path.trim_start_matches('/');
                tried.push(format!("`assets/{p}`"));
                Some(!p.is_empty() && self.assets().contains(p))
            }
        }
    }

    /// Where a browser goes from the page with `src`, and whether a file is there.
    fn check_src(
        &self,
        page: &PageModel,
        inst: &Instance,
        src: &str,
        mut tried: Vec<String>,
    ) -> Verdict {
        let src = src.trim();
        let base_path = self.urls.base_path_of(&inst.lang).to_string();
        let server = if has_scheme(src) {
            let Some(rest) = src.strip_prefix(self.urls.base_url.as_str()) else {
                return Verdict::Resolves;
            };
            format!("{base_path}{}", path_part(rest))
        } else if src.starts_with('/') {
            let p = path_part(src);
            if self.urls.canonify || self.urls.relative {
                let smart = self.urls.canonify
                    && self.version.at_least(144)
                    && p.starts_with(base_path.as_str());
                if smart {
                    p.into_owned()
                } else {
                    format!("{base_path}{}", p.trim_start_matches('/'))
                }
            } else {
                p.into_owned()
            }
        } else {
            let Some(url) = &inst.url else {
                return Verdict::Unknown;
            };
            let page_url = format!("{}{}", base_path.trim_end_matches('/'), url.link);
            browser_join(&page_url, &path_part(src))
        };
        let Some(site_path) = server
            .strip_prefix(base_path.as_str())
            .map(|p| p.trim_start_matches('/'))
        else {
            return Verdict::Broken(Broken {
                kind: BrokenKind::OutsideBase { requested: server },
                on: None,
                tried,
                nearest: None,
            });
        };
        if site_path.is_empty() || site_path.ends_with('/') {
            return Verdict::Unknown;
        }
        // Static files first: most site-absolute images are there.
        if self.published().contains(site_path) {
            return Verdict::Resolves;
        }
        tried.push(format!("`/{site_path}` on the built site"));
        let resources = self.resources();
        let own = format!("/{site_path}");
        if resources.publishes(page, &inst.lang, &own) == Some(true) {
            return Verdict::Resolves;
        }
        match resources.resource_at(site_path) {
            Some(true) => return Verdict::Resolves,
            None => return Verdict::Unknown,
            Some(false) => {}
        }
        let under_page = page
            .instances
            .iter()
            .filter_map(|i| i.url.as_ref())
            .any(|u| u.resources.len() > 1 && own.starts_with(u.resources.as_str()));
        if self.incomplete() && !under_page {
            // A missing theme's static files are unknown; a path inside the page's own
            // folder is still the page's.
            return Verdict::Unknown;
        }
        if self.assets().contains(site_path) {
            // A file of assets/ is published only when a template uses it.
            tried.push(format!(
                "(`assets/{site_path}` exists, but Hugo publishes a file of assets/ only when \
                a template uses it, such as a render hook calling resources.Get)"
            ));
        }
        if let Some(actual) = self.case_variant(page, inst, site_path) {
            return Verdict::Broken(Broken {
                kind: BrokenKind::WrongCase(actual),
                on: None,
                tried,
                nearest: None,
            });
        }
        let nearest = self.nearest_file(page, inst, site_path);
        Verdict::Broken(Broken {
            kind: BrokenKind::Missing,
            on: None,
            tried,
            nearest,
        })
    }

    /// A published path that differs from `site_path` only in letter case: a static file or
    /// a resource of the page.
    fn case_variant(&self, page: &PageModel, inst: &Instance, site_path: &str) -> Option<String> {
        if let Some(v) = self.published().case_variant(site_path) {
            return Some(format!("/{v}"));
        }
        let base = inst.url.as_ref()?.resources.clone();
        let rest = format!("/{site_path}");
        let rest = rest.strip_prefix(base.as_str())?;
        let resources = self.resources();
        let found = resources.files_named(page, rest);
        found
            .into_iter()
            .find(|f| {
                f.rel != rest
                    && f.rel.eq_ignore_ascii_case(rest)
                    && (self.urls.duplicates_resources()
                        || resources.publish_lang(page, f).as_deref() == Some(inst.lang.as_str()))
            })
            .map(|f| format!("{base}{}", f.rel))
    }

    /// The nearest published name in the folder the browser asked in: the page's own bundle
    /// when under its resource folder, else the static folders.
    fn nearest_file(&self, page: &PageModel, inst: &Instance, site_path: &str) -> Option<String> {
        let want = format!("/{site_path}");
        if let Some(base) = inst.url.as_ref().map(|u| u.resources.clone()) {
            if let Some(rest) = want.strip_prefix(base.as_str()) {
                let (dir, name) = rest.rsplit_once('/').unwrap_or(("", rest));
                let names = self.resources().names_in(page, dir);
                if let Some(best) = crate::suggest::nearest(name, names.iter().map(String::as_str))
                {
                    let d = if dir.is_empty() {
                        String::new()
                    } else {
                        format!("{dir}/")
                    };
                    return Some(format!("{base}{d}{best}"));
                }
            }
        }
        self.published().nearest(site_path).map(|n| format!("/{n}"))
    }
}
