//! The generator's kinds that need the whole site: a port of `generate_ext`, `ExtPost` and
//! `ExtSite` of `shared/tools/gen-site.py` (read its docstring for what Hugo 0.168.0 does
//! with each kind; the sites were built and their `public/` checked).
//!
//! Drawn only when [`Options::kinds`](super::Options) names one of [`NEW_DEFECTS`] or with
//! `all_kinds`. The site then gets `[permalinks] posts = "/:year/:month/:slug/"`, 85% of the
//! posts a slug (the others' `:slug` is their CJK-only title, which urlize keeps), and the
//! posts are made in two passes: each post first, then the decoys and new defects, whose
//! targets are clean posts (no defect, not the other page of a collision).
//!
//! - `link-missing` (broken-link): `/posts/<no-such-slug>/`, another month, a slug typo,
//!   the slug's capitals changed, the pre-permalinks URL `/posts/<file>/`, `../<slug>/` of
//!   another month, `<existing post>.md` (no link render hook: Hugo publishes it as it is),
//!   `../<missing>.md`.
//! - `link-anchor` (broken-anchor): a fragment that is no heading id of the target page (or
//!   of the same page): an unknown id, the heading text with its punctuation, one `-N` past
//!   a duplicate's last, the auto id of a heading that has `{#custom-id}`, a capital.
//! - `ref-anchor` (broken-anchor): `relref "<post>#<such a fragment>"`.
//! - `url-collision`: a slug of a post of the same month, or `url:` equal to another post's
//!   URL (with or without the final slash) or `/about/`; reported on the file second in path
//!   order.
//! - `alias-collision` (url-collision): an `aliases` entry equal to another post's URL (or
//!   `/about/`).
//! - `taxonomy-variant`: a tag equal to a common one but for case or spaces.
//! - `hugo-field-type` (hugo-field): `draft: yes`/`on`, `url` or `aliases` with a scheme.
//! - `date-nonstring` (date-format): a bool or float date.
//!
//! Decoys: valid links of every form, links in code, right anchors (CJK, punctuation,
//! duplicates' `-1`, `{#custom-id}`, percent-encoded, same page), the same slug in another
//! month, `url: /reports/<slug>/`, `aliases: [<the old URL>]`, integer `lastmod`, tags that
//! differ in more than case and spaces, block lists of tags.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::io;

use super::{
    rule_of, write_skeleton, Expected, Options, Post, Rng, Writer, DEFECTS, FM_KINDS, HUGO_TOML,
    NEW_DEFECTS, WORDS,
};

const PERMALINKS_TOML: &str = "\n[permalinks]\n  posts = \"/:year/:month/:slug/\"\n";
const BASE_URL: &str = "https://blog.example.org";
const SLUG_WORDS: &[&str] = &[
    "anthropic",
    "claude",
    "openai",
    "gpt",
    "gemini",
    "llm",
    "agent",
    "safety",
    "alignment",
    "policy",
    "funding",
    "launch",
    "report",
    "interview",
    "benchmark",
    "chips",
    "gpu",
    "opensource",
    "regulation",
    "europe",
    "taiwan",
    "startup",
    "research",
    "model",
    "scaling",
    "security",
    "privacy",
    "copyright",
    "robotics",
    "coding",
    "search",
    "education",
    "health",
    "energy",
];
const PDF_FILES: &[&str] = &["files/ai-index-2024.pdf", "files/model-card.pdf"];
/// Case or spacing variants of the tags of the pool (same key: casefolded, no spaces).
const TAG_VARIANTS: &[(&str, &[&str])] = &[
    ("OpenAI", &["openai", "OPENAI", "Open AI", "Openai"]),
    ("Anthropic", &["anthropic", "ANTHROPIC"]),
    ("Claude", &["claude", "CLAUDE"]),
    ("RLHF", &["rlhf", "Rlhf"]),
    ("LLM", &["llm", "Llm"]),
    ("GPU", &["gpu", "Gpu"]),
    ("Agent", &["agent", "AGENT"]),
];
/// Genuinely different tags (another key), used consistently: not variants.
const DECOY_TAGS: &[&str] = &[
    "Agents",
    "LLMs",
    "GPT",
    "Claude 3",
    "OpenAI o1",
    "開源模型",
    "AI 政策",
];
const HEADING_TERMS: &[&str] = &[
    "AI",
    "GPT-4",
    "Claude 3.5",
    "OpenAI",
    "RLHF",
    "LLM",
    "API",
    "Agent",
    "GPU",
    "2025",
];
const CUSTOM_IDS: &[&str] = &[
    "summary",
    "background",
    "key-points",
    "timeline",
    "faq",
    "takeaways",
    "references",
];

fn tag_key(tag: &str) -> String {
    tag.split_whitespace().collect::<String>().to_lowercase()
}

/// Goldmark's auto heading id (`github`) of plain heading text: letters, digits and `_`
/// kept (lower-cased), space and `-` become `-`, everything else dropped.
pub fn goldmark_id(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c == '-' || c == ' ' {
            out.push('-');
        } else if c == '_' || c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        }
    }
    if out.is_empty() {
        "heading".into()
    } else {
        out
    }
}

fn cjk(r: &mut Rng, lo: usize, hi: usize) -> String {
    let n = r.range(lo, hi);
    r.cjk(n)
}

/// Heading text with CJK, ASCII terms and punctuation (at least one dropped character).
fn rich_heading(r: &mut Rng) -> String {
    let t = |r: &mut Rng| *r.choice(HEADING_TERMS);
    match r.below(5) {
        0 => format!("{}：{}{}", cjk(r, 3, 6), t(r), cjk(r, 3, 6)),
        1 => format!("{} 的{}（{} 與 {}）", t(r), cjk(r, 2, 4), t(r), t(r)),
        2 => format!("「{}」{}？", cjk(r, 2, 5), cjk(r, 2, 5)),
        3 => {
            let word = r.choice(WORDS);
            let word = word[..1].to_uppercase() + &word[1..];
            format!("{}, {}! {}", t(r), word, cjk(r, 2, 4))
        }
        _ => format!(
            "{}、{}與{}：{}",
            cjk(r, 2, 3),
            cjk(r, 2, 3),
            t(r),
            cjk(r, 2, 5)
        ),
    }
}

fn new_slug(r: &mut Rng, used: &mut HashSet<String>) -> String {
    loop {
        let k = r.range(2, 4);
        let s: Vec<&str> = r.sample(SLUG_WORDS, k).into_iter().copied().collect();
        let s = s.join("-");
        if used.insert(s.clone()) {
            return s;
        }
    }
}

/// A finding to write to the manifest. `at` is the post whose line holds `text` (found at the
/// end, when the file is final); old kinds know their line already.
struct Record {
    rule: String,
    kind: String,
    variant: Option<String>,
    line: usize,
    line_max: Option<usize>,
    at: Option<(usize, String)>,
}

/// A post of a site with new kinds: it has a slug (or none: the URL then comes from the
/// title), a published URL, and front matter entries that may span lines.
struct ExtPost {
    post: Post,
    year: u32,
    month: u32,
    slug: Option<String>,
    url_override: Option<String>,
    defect: Option<&'static str>,
    /// The other page of a url-collision / alias-collision.
    victim: bool,
    /// Front matter changed by a decoy: never a victim.
    touched: bool,
    /// Has `aliases: ["/posts/<file name>/"]`.
    old_alias: bool,
    enriched: bool,
    tags_now: Option<Vec<String>>,
    records: Vec<Record>,
    ids: Option<Vec<(String, String, bool)>>,
}

impl ExtPost {
    fn new(r: &mut Rng, idx: usize) -> Self {
        let post = Post::new(r, idx);
        let year = post.stamp[..4].parse().expect("year");
        let month = post.stamp[4..6].parse().expect("month");
        ExtPost {
            post,
            year,
            month,
            slug: None,
            url_override: None,
            defect: None,
            victim: false,
            touched: false,
            old_alias: false,
            enriched: false,
            tags_now: None,
            records: Vec::new(),
            ids: None,
        }
    }

    fn add_front_matter(&mut self, r: &mut Rng) {
        self.post.add_front_matter(r);
        self.tags_now = None;
        if let Some(slug) = self.slug.clone() {
            let line = self.kv("slug", &format!("\"{slug}\""));
            self.add_fm("title", "slug", line);
        }
    }

    // -- front matter helpers -------------------------------------------------

    fn kv(&self, key: &str, literal: &str) -> String {
        if self.post.toml {
            format!("{key} = {literal}")
        } else {
            format!("{key}: {literal}")
        }
    }

    fn has_fm(&self, key: &str) -> bool {
        self.post.fm.iter().any(|(k, _)| *k == key)
    }

    fn fm_line(&self, key: &str) -> Option<&str> {
        self.post
            .fm
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.as_str())
    }

    fn add_fm(&mut self, after: &str, key: &'static str, line: String) {
        let at = self
            .post
            .fm
            .iter()
            .position(|(k, _)| *k == after)
            .map_or(self.post.fm.len(), |i| i + 1);
        self.post.fm.insert(at, (key, line));
    }

    /// The quoted string value of `key: "..."` / `key = "..."`.
    fn fm_string(&self, key: &str) -> Option<String> {
        let line = self.fm_line(key)?;
        let (_, rest) = line.split_once([':', '='])?;
        let rest = rest.trim_start();
        let inner = rest.strip_prefix('"')?.strip_suffix('"')?;
        Some(inner.to_string())
    }

    fn tag_list(&mut self) -> Vec<String> {
        if self.tags_now.is_none() {
            let line = self.fm_line("tags").unwrap_or("").to_string();
            let tags = if line.contains('[') {
                line.split('"')
                    .skip(1)
                    .step_by(2)
                    .map(str::to_string)
                    .collect()
            } else {
                Vec::new()
            };
            self.tags_now = Some(tags);
        }
        self.tags_now.clone().unwrap_or_default()
    }

    fn set_tags(&mut self, tags: &[String], block: bool) {
        self.tags_now = Some(tags.to_vec());
        let line = if block && !tags.is_empty() && !self.post.toml {
            let items: String = tags.iter().map(|t| format!("\n  - \"{t}\"")).collect();
            format!("tags:{items}")
        } else {
            let items: Vec<String> = tags.iter().map(|t| format!("\"{t}\"")).collect();
            self.kv("tags", &format!("[{}]", items.join(", ")))
        };
        self.post.set_fm("tags", line);
    }

    fn set_slug(&mut self, slug: &str) {
        self.slug = Some(slug.to_string());
        let line = self.kv("slug", &format!("\"{slug}\""));
        if self.has_fm("slug") {
            self.post.set_fm("slug", line);
        } else {
            self.add_fm("title", "slug", line);
        }
    }

    // -- URLs -----------------------------------------------------------------

    fn base(&self) -> String {
        format!("{}-{}", self.post.stamp, self.post.hex)
    }

    fn title(&self) -> String {
        self.fm_string("title").unwrap_or_default()
    }

    /// Hugo's `:slug`: the slug, else the urlized title (CJK only: kept as it is).
    fn seg(&self) -> String {
        self.slug.clone().unwrap_or_else(|| self.title())
    }

    fn url(&self) -> String {
        match &self.url_override {
            Some(u) => u.clone(),
            None => format!("/{:04}/{:02}/{}/", self.year, self.month, self.seg()),
        }
    }

    fn rel_path(&self) -> String {
        self.post.rel_path()
    }

    // -- headings -------------------------------------------------------------

    fn heading_rows(&self) -> Vec<usize> {
        let body = &self.post.body;
        (0..body.len())
            .filter(|&i| body[i].starts_with("## "))
            .collect()
    }

    /// Rich heading text, a duplicated heading, a `{#custom-id}` (only on clean posts).
    fn enrich_headings(&mut self, r: &mut Rng) {
        let rows = self.heading_rows();
        self.post.body[rows[0]] = format!("## {}", rich_heading(r));
        if rows.len() >= 3 && r.random() < 0.5 {
            let text = self.post.body[rows[1]].clone();
            let n = r.range(1, 2);
            for &row in rows[2..].iter().take(n) {
                self.post.body[row] = text.clone();
            }
        }
        if rows.len() >= 2 && r.random() < 0.5 {
            let id = r.choice(CUSTOM_IDS);
            let last = *rows.last().expect("two rows");
            self.post.body[last].push_str(&format!(" {{#{id}}}"));
        }
        self.enriched = true;
        self.ids = None;
    }

    /// (text, id, custom) in document order, ids as Goldmark assigns them.
    fn headings(&mut self) -> Vec<(String, String, bool)> {
        if self.ids.is_none() {
            let mut seen = HashSet::new();
            let mut out = Vec::new();
            let mut fence = false;
            for line in &self.post.body {
                if line.starts_with("```") {
                    fence = !fence;
                }
                if fence || !line.starts_with("## ") {
                    continue;
                }
                let text = line[3..].trim();
                let custom = text.rfind(" {#").filter(|_| text.ends_with('}'));
                if let Some(i) = custom {
                    let id = text[i + 3..text.len() - 1].to_string();
                    assert!(!seen.contains(&id), "{}: {id}", self.rel_path());
                    seen.insert(id.clone());
                    out.push((text[..i].to_string(), id, true));
                } else {
                    let base = goldmark_id(text);
                    let mut id = base.clone();
                    let mut n = 0;
                    while seen.contains(&id) {
                        n += 1;
                        id = format!("{base}-{n}");
                    }
                    seen.insert(id.clone());
                    out.push((text.to_string(), id, false));
                }
            }
            self.ids = Some(out);
        }
        self.ids.clone().unwrap_or_default()
    }

    fn id_set(&mut self) -> HashSet<String> {
        self.headings().into_iter().map(|(_, id, _)| id).collect()
    }

    // -- body -----------------------------------------------------------------

    /// Inserts a block before a random heading or at the end of the body.
    fn insert_para(&mut self, r: &mut Rng, lines: Vec<String>) {
        let rows = self.heading_rows();
        if !rows.is_empty() && r.random() < 0.8 {
            let at = *r.choice(&rows);
            let block = lines.into_iter().chain([String::new()]);
            self.post.body.splice(at..at, block);
        } else {
            self.post.body.push(String::new());
            self.post.body.extend(lines);
        }
    }

    fn all_lines(&self) -> Vec<String> {
        let delim = if self.post.toml { "+++" } else { "---" };
        let mut lines = vec![delim.to_string()];
        for (_, v) in &self.post.fm {
            lines.extend(v.split('\n').map(str::to_string));
        }
        lines.push(if self.post.unclosed { "" } else { delim }.to_string());
        lines.extend(self.post.body.iter().cloned());
        lines
    }

    fn line_of(&self, text: &str) -> usize {
        let rows: Vec<usize> = self
            .all_lines()
            .iter()
            .enumerate()
            .filter(|(_, l)| *l == text)
            .map(|(i, _)| i + 1)
            .collect();
        assert_eq!(rows.len(), 1, "{}: {text:?} at {rows:?}", self.rel_path());
        rows[0]
    }

    fn text(&self) -> String {
        let nl = if self.post.crlf { "\r\n" } else { "\n" };
        let mut s = String::with_capacity(8192);
        if self.post.bom {
            s.push('\u{feff}');
        }
        for line in self.all_lines() {
            s.push_str(&line);
            s.push_str(nl);
        }
        s
    }
}

/// Picks a post of `pool` that passes `pred`, in at most 40 tries.
fn pick(
    xr: &mut Rng,
    posts: &[ExtPost],
    pool: &[usize],
    pred: impl Fn(usize, &ExtPost) -> bool,
) -> Option<usize> {
    if pool.is_empty() {
        return None;
    }
    for _ in 0..40 {
        let p = *xr.choice(pool);
        if pred(p, &posts[p]) {
            return Some(p);
        }
    }
    None
}

/// The second pass over all posts: decoys, then the new defects.
struct ExtSite {
    posts: Vec<ExtPost>,
    xr: Rng,
    used_slugs: HashSet<String>,
    clean: Vec<usize>,
    refn: usize,
    canon: HashMap<&'static str, usize>,
    variants: HashMap<&'static str, usize>,
    clean_by_month: HashMap<(u32, u32), Vec<usize>>,
    slug_count: HashMap<String, usize>,
    targets: Vec<usize>,
    regular: Vec<usize>,
    rich: Vec<usize>,
    by_month: HashMap<(u32, u32), Vec<usize>>,
    term_tags: Vec<String>,
}

/// The variant a new kind's record carries.
type Variant = String;

impl ExtSite {
    fn new(posts: Vec<ExtPost>, xr: Rng, used_slugs: HashSet<String>) -> Self {
        let clean = (0..posts.len())
            .filter(|&i| posts[i].defect.is_none())
            .collect();
        ExtSite {
            posts,
            xr,
            used_slugs,
            clean,
            refn: 0,
            canon: HashMap::new(),
            variants: HashMap::new(),
            clean_by_month: HashMap::new(),
            slug_count: HashMap::new(),
            targets: Vec::new(),
            regular: Vec::new(),
            rich: Vec::new(),
            by_month: HashMap::new(),
            term_tags: Vec::new(),
        }
    }

    fn record(&mut self, post: usize, at: usize, text: String, kind: &str, variant: Variant) {
        self.record_rule(post, at, text, kind, variant, rule_of(kind));
    }

    fn record_rule(
        &mut self,
        post: usize,
        at: usize,
        text: String,
        kind: &str,
        variant: Variant,
        rule: &str,
    ) {
        self.posts[post].records.push(Record {
            rule: rule.to_string(),
            kind: kind.to_string(),
            variant: Some(variant),
            line: 0,
            line_max: None,
            at: Some((at, text)),
        });
    }

    fn run(&mut self) {
        self.decoys_on_front_matter();
        for (t, _) in TAG_VARIANTS {
            let n = self
                .clean
                .clone()
                .into_iter()
                .filter(|&p| self.has_tag(p, t))
                .count();
            self.canon.insert(t, n);
        }
        self.variants = TAG_VARIANTS.iter().map(|(t, _)| (*t, 0)).collect();
        for &p in &self.clean {
            let key = (self.posts[p].year, self.posts[p].month);
            self.clean_by_month.entry(key).or_default().push(p);
        }
        // New defects: collisions first (they choose victims), then front matter ones,
        // then links, whose targets are the clean posts left.
        let new: Vec<usize> = (0..self.posts.len())
            .filter(|&p| {
                self.posts[p]
                    .defect
                    .is_some_and(|d| NEW_DEFECTS.contains(&d))
            })
            .collect();
        for &p in &new {
            match self.posts[p].defect {
                Some("url-collision") => self.url_collision(p),
                Some("alias-collision") => self.alias_collision(p),
                _ => {}
            }
        }
        for &p in &new {
            match self.posts[p].defect {
                Some("taxonomy-variant") => self.taxonomy_variant(p),
                Some("hugo-field-type") => self.hugo_field_type(p),
                Some("date-nonstring") => self.date_nonstring(p),
                _ => {}
            }
        }
        self.index_targets();
        for &p in &new {
            let linked = match self.posts[p].defect {
                Some("link-missing") => self.link_missing(p),
                Some("link-anchor") => self.link_anchor(p),
                Some("ref-anchor") => self.ref_anchor(p),
                _ => false,
            };
            if linked {
                for _ in 0..self.xr.range(0, 2) {
                    self.link_decoy(p);
                }
            }
        }
        // Link decoys on clean posts.
        for p in self.clean.clone() {
            if self.xr.random() < 0.35 {
                for _ in 0..self.xr.range(1, 3) {
                    self.link_decoy(p);
                }
            }
        }
    }

    fn has_tag(&mut self, p: usize, tag: &str) -> bool {
        self.posts[p].tag_list().iter().any(|t| t == tag)
    }

    /// Decoys on clean posts' headings and front matter.
    fn decoys_on_front_matter(&mut self) {
        let xr = &mut self.xr;
        for &p in &self.clean {
            if xr.random() < 0.4 {
                self.posts[p].enrich_headings(xr);
            }
        }
        for &p in &self.clean {
            let x = xr.random();
            let post = &mut self.posts[p];
            if let (Some(slug), true) = (post.slug.clone(), x < 0.13) {
                if x < 0.10 {
                    // The post's URL before [permalinks]: valid, a redirect page.
                    let line = post.kv("aliases", &format!("[\"/posts/{}/\"]", post.base()));
                    post.add_fm("slug", "aliases", line);
                    post.old_alias = true;
                } else {
                    // A url of its own, no scheme: valid.
                    let url = format!("/reports/{slug}/");
                    let line = post.kv("url", &format!("\"{url}\""));
                    post.url_override = Some(url);
                    post.add_fm("slug", "url", line);
                }
                post.touched = true;
            } else if x < 0.18 {
                // An integer lastmod is Unix seconds to Hugo: valid.
                let secs = 1_577_836_800 + xr.below(1_735_603_200 - 1_577_836_800 + 1);
                let line = post.kv("lastmod", &secs.to_string());
                post.add_fm("date", "lastmod", line);
            }
        }
        self.same_slug_other_month();
        for p in self.clean.clone() {
            let mut tags = self.posts[p].tag_list();
            if self.xr.random() < 0.12 {
                let d = self.xr.choice(DECOY_TAGS).to_string();
                if !tags.contains(&d) {
                    tags.push(d);
                }
            }
            let block = !self.posts[p].post.toml && self.xr.random() < 0.15;
            self.posts[p].set_tags(&tags, block);
        }
    }

    /// The same slug in another month: another URL, no collision.
    fn same_slug_other_month(&mut self) {
        let slugged: Vec<usize> = self
            .clean
            .iter()
            .copied()
            .filter(|&p| self.posts[p].slug.is_some() && !self.posts[p].touched)
            .collect();
        let mut month_slugs: HashMap<(u32, u32), HashSet<String>> = HashMap::new();
        for p in &self.posts {
            if let Some(s) = &p.slug {
                month_slugs
                    .entry((p.year, p.month))
                    .or_default()
                    .insert(s.clone());
            }
        }
        for &p in &slugged {
            if self.posts[p].touched || self.xr.random() >= 0.04 {
                continue;
            }
            let month = (self.posts[p].year, self.posts[p].month);
            let taken = &month_slugs[&month];
            let q = pick(&mut self.xr, &self.posts, &slugged, |_, q| {
                !q.touched
                    && (q.year, q.month) != month
                    && !taken.contains(q.slug.as_deref().unwrap_or(""))
            });
            if let Some(q) = q {
                let slug = self.posts[q].slug.clone().expect("slugged");
                self.posts[p].set_slug(&slug);
                month_slugs.entry(month).or_default().insert(slug);
                self.posts[p].touched = true;
                self.posts[q].touched = true;
            }
        }
    }

    /// The pools link defects and decoys draw their targets from.
    fn index_targets(&mut self) {
        for p in &self.posts {
            if let Some(s) = &p.slug {
                *self.slug_count.entry(s.clone()).or_default() += 1;
            }
        }
        self.targets = self
            .clean
            .iter()
            .copied()
            .filter(|&p| !self.posts[p].victim && self.posts[p].year <= 2024)
            .collect();
        self.regular = self
            .targets
            .iter()
            .copied()
            .filter(|&p| !self.posts[p].post.bundle)
            .collect();
        self.rich = self
            .targets
            .iter()
            .copied()
            .filter(|&p| self.posts[p].enriched)
            .collect();
        for &p in &self.targets {
            let key = (self.posts[p].year, self.posts[p].month);
            self.by_month.entry(key).or_default().push(p);
        }
        let mut terms = BTreeSet::new();
        for p in self.targets.clone() {
            for t in self.posts[p].tag_list() {
                if !t.is_empty() && t.chars().all(|c| c.is_ascii_alphanumeric()) {
                    terms.insert(t);
                }
            }
        }
        self.term_tags = terms.into_iter().collect();
    }

    // -- collisions -----------------------------------------------------------

    fn victim_ok(a: &ExtPost) -> bool {
        a.defect.is_none()
            && a.slug.is_some()
            && !a.touched
            && !a.victim
            && a.url_override.is_none()
    }

    /// The manifest line: b's line when b comes second in path order, else a's slug line.
    fn second_in_path_order(&self, b: usize, a: usize, b_text: String) -> (usize, String) {
        if self.posts[b].rel_path() > self.posts[a].rel_path() {
            return (b, b_text);
        }
        let slug = self.posts[a].slug.clone().unwrap_or_default();
        (a, self.posts[a].kv("slug", &format!("\"{slug}\"")))
    }

    fn url_collision(&mut self, b: usize) {
        let mut v = *self
            .xr
            .choice(&["slug", "slug", "url", "url-noslash", "url-about"]);
        let mut a = None;
        if v == "slug" {
            let month = (self.posts[b].year, self.posts[b].month);
            let pool = self.clean_by_month.get(&month).cloned().unwrap_or_default();
            a = pick(&mut self.xr, &self.posts, &pool, |_, a| Self::victim_ok(a));
            if a.is_none() {
                v = "url";
            }
        }
        if v == "url" || v == "url-noslash" {
            a = pick(&mut self.xr, &self.posts, &self.clean, |_, a| {
                Self::victim_ok(a)
            });
            if a.is_none() {
                v = "url-about";
            }
        }
        let text = if v == "slug" {
            let slug = self.posts[a.expect("a victim")].slug.clone().expect("slug");
            self.posts[b].set_slug(&slug);
            self.posts[b].kv("slug", &format!("\"{slug}\""))
        } else {
            let mut target = match a {
                Some(a) if v != "url-about" => self.posts[a].url(),
                _ => "/about/".to_string(),
            };
            if v == "url-noslash" {
                target = target.trim_end_matches('/').to_string();
            }
            let text = self.posts[b].kv("url", &format!("\"{target}\""));
            let after = if self.posts[b].slug.is_some() {
                "slug"
            } else {
                "title"
            };
            self.posts[b].add_fm(after, "url", text.clone());
            text
        };
        let a = a.filter(|_| v != "url-about");
        let (at, line_text) = match a {
            None => (b, text),
            Some(a) => self.second_in_path_order(b, a, text),
        };
        if let Some(a) = a {
            self.posts[a].victim = true;
            self.posts[a].touched = true;
        }
        self.record(b, at, line_text, "url-collision", v.to_string());
    }

    fn alias_collision(&mut self, b: usize) {
        let a = pick(&mut self.xr, &self.posts, &self.clean, |_, a| {
            Self::victim_ok(a)
        });
        let mut target = a.map_or_else(|| "/about/".to_string(), |a| self.posts[a].url());
        let mut v = if a.is_none() {
            "alias-about"
        } else {
            *self
                .xr
                .choice(&["alias", "alias-noslash", "alias-second", "alias-block"])
        };
        if v == "alias-block" && self.posts[b].post.toml {
            v = "alias";
        }
        if v == "alias-noslash" {
            target = target.trim_end_matches('/').to_string();
        }
        let item = format!("\"{target}\"");
        let post = &self.posts[b];
        let line = match v {
            "alias-second" => post.kv("aliases", &format!("[\"/posts/{}/\", {item}]", post.base())),
            "alias-block" => format!("aliases:\n  - {item}"),
            _ => post.kv("aliases", &format!("[{item}]")),
        };
        let after = if post.slug.is_some() { "slug" } else { "title" };
        self.posts[b].add_fm(after, "aliases", line.clone());
        if let Some(a) = a {
            self.posts[a].victim = true;
            self.posts[a].touched = true;
        }
        let last = line.rsplit('\n').next().unwrap_or(&line).to_string();
        self.record(b, b, last, "alias-collision", v.to_string());
    }

    // -- front matter ---------------------------------------------------------

    fn taxonomy_variant(&mut self, b: usize) {
        let ok: Vec<&'static str> = TAG_VARIANTS
            .iter()
            .map(|(t, _)| *t)
            .filter(|t| self.canon[t] >= 2 && self.canon[t] > self.variants[t] + 1)
            .collect();
        if ok.is_empty() {
            // A site too small to have a common form: a broken link instead.
            self.posts[b].defect = Some("link-missing");
            return;
        }
        let t = *self.xr.choice(&ok);
        let forms = TAG_VARIANTS.iter().find(|(c, _)| *c == t).expect("known").1;
        let form = self.xr.choice(forms).to_string();
        let mut tags: Vec<String> = self.posts[b]
            .tag_list()
            .into_iter()
            .filter(|x| tag_key(x) != tag_key(t))
            .collect();
        let at = self.xr.range(0, tags.len());
        tags.insert(at, form.clone());
        let block = !self.posts[b].post.toml && self.xr.random() < 0.5;
        self.posts[b].set_tags(&tags, block);
        *self.variants.get_mut(t).expect("known") += 1;
        let text = if block {
            format!("  - \"{form}\"")
        } else {
            self.posts[b].fm_line("tags").unwrap_or("").to_string()
        };
        let variant = format!("{t}->{form}{}", if block { " (block list)" } else { "" });
        self.record(b, b, text, "taxonomy-variant", variant);
    }

    fn hugo_field_type(&mut self, b: usize) {
        let post = &self.posts[b];
        let mut choices: Vec<&str> = Vec::new();
        if !post.post.toml {
            choices.extend(["draft-yes", "draft-on"]);
        }
        choices.push("alias-scheme");
        // Not url-scheme on a bundle whose body uses its own files: no Hugo builds that page.
        if !post.post.bundle || post.post.bundle_files.is_empty() {
            choices.push("url-scheme");
        }
        let v = *self.xr.choice(&choices);
        if let Some(value) = v.strip_prefix("draft-") {
            let text = format!("draft: {value}");
            self.posts[b].post.set_fm("draft", text.clone());
            self.record(b, b, text.clone(), "hugo-field-type", v.to_string());
            // The schema declares draft as a bool: "yes" is a YAML 1.2 string.
            self.record_rule(b, b, text, "hugo-field-type", v.to_string(), "field-type");
            return;
        }
        let post = &self.posts[b];
        let (key, text) = if v == "url-scheme" {
            let url = format!(
                "{BASE_URL}/{:04}/{:02}/{}/",
                post.year,
                post.month,
                post.seg()
            );
            ("url", post.kv("url", &format!("\"{url}\"")))
        } else {
            let alias = format!("[\"{BASE_URL}/posts/{}/\"]", post.base());
            ("aliases", post.kv("aliases", &alias))
        };
        let after = if post.slug.is_some() { "slug" } else { "title" };
        self.posts[b].add_fm(after, key, text.clone());
        self.record(b, b, text, "hugo-field-type", v.to_string());
    }

    fn date_nonstring(&mut self, b: usize) {
        let v = *self.xr.choice(&[
            "date-bool",
            "date-float",
            "publishDate-float",
            "lastmod-bool",
            "expiryDate-float",
        ]);
        let (key, kind) = v.split_once('-').expect("key-kind");
        let post = &self.posts[b];
        let value = if kind == "bool" {
            "true".to_string()
        } else {
            let year = post.year + if key == "expiryDate" { 5 } else { 0 };
            format!("{year}.{:02}", post.month)
        };
        let text = post.kv(key, &value);
        if key == "date" {
            self.posts[b].post.set_fm("date", text.clone());
            self.record(b, b, text.clone(), "date-nonstring", v.to_string());
            // The schema declares date as a datetime: also a field-type finding.
            self.record_rule(b, b, text, "date-nonstring", v.to_string(), "field-type");
        } else {
            let key: &'static str = match key {
                "publishDate" => "publishDate",
                "lastmod" => "lastmod",
                _ => "expiryDate",
            };
            self.posts[b].add_fm("date", key, text.clone());
            self.record(b, b, text, "date-nonstring", v.to_string());
        }
    }

    // -- links ----------------------------------------------------------------

    fn nonexistent_slug(&mut self) -> String {
        loop {
            let s: Vec<&str> = self.xr.sample(SLUG_WORDS, 3).into_iter().copied().collect();
            let s = s.join("-");
            if !self.used_slugs.contains(&s) {
                return s;
            }
        }
    }

    /// An injected broken link; true (the Python returns nothing: every kind links).
    fn link_missing(&mut self, b: usize) -> bool {
        let v = *self.xr.choice(&[
            "posts-slug",
            "wrong-month",
            "slug-typo",
            "old-url",
            "md-existing",
            "md-missing",
            "relative-other-month",
            "case",
        ]);
        let (v, t, href) = match self.missing_href(b, v) {
            Some((t, href)) => (v, t, href),
            None => {
                let v = *self.xr.choice(&["posts-slug", "md-missing"]);
                let slug = self.nonexistent_slug();
                let href = if v == "posts-slug" {
                    format!("/posts/{slug}/")
                } else {
                    format!("../{slug}.md")
                };
                (v, None, href)
            }
        };
        let title = match t {
            Some(t) => self.posts[t].title(),
            None => cjk(&mut self.xr, 8, 14),
        };
        let lead = *self
            .xr
            .choice(&["延伸閱讀：", "相關報導：", "", "前情提要："]);
        let text = format!("{lead}[{title}]({href})");
        self.posts[b].insert_para(&mut self.xr, vec![text.clone()]);
        self.record(b, b, text, "link-missing", v.to_string());
        true
    }

    /// The target and href of a broken link of variant `v`, if one can be made.
    fn missing_href(&mut self, b: usize, v: &str) -> Option<(Option<usize>, String)> {
        let unique = |slug_count: &HashMap<String, usize>, t: &ExtPost| {
            t.slug
                .as_ref()
                .is_some_and(|s| t.url_override.is_none() && slug_count.get(s) == Some(&1))
        };
        let sc = &self.slug_count;
        let (xr, posts) = (&mut self.xr, &self.posts);
        match v {
            "wrong-month" => {
                let t = pick(xr, posts, &self.targets, |_, t| unique(sc, t))?;
                let tp = &posts[t];
                let months: Vec<u32> = (1..=12).filter(|m| *m != tp.month).collect();
                let m = *xr.choice(&months);
                let slug = tp.slug.as_deref().unwrap_or("");
                Some((Some(t), format!("/{:04}/{m:02}/{slug}/", tp.year)))
            }
            "slug-typo" => {
                let t = pick(xr, posts, &self.targets, |_, t| unique(sc, t))?;
                let tp = &posts[t];
                let slug = tp.slug.clone().unwrap_or_default();
                let i = xr.below(slug.len() as u64 - 1) as usize;
                let typo = if &slug[i..=i] != "-" {
                    format!("{}{}", &slug[..i], &slug[i + 1..])
                } else {
                    format!("{}_{}", &slug[..i], &slug[i + 1..])
                };
                (!self.used_slugs.contains(&typo))
                    .then(|| (Some(t), format!("/{:04}/{:02}/{typo}/", tp.year, tp.month)))
            }
            "old-url" => {
                let t = pick(xr, posts, &self.targets, |_, t| !t.old_alias)?;
                Some((Some(t), format!("/posts/{}/", posts[t].base())))
            }
            "md-existing" => {
                // No link render hook: Hugo publishes a .md destination as it is.
                let t = pick(xr, posts, &self.regular, |t, _| t != b)?;
                let base = posts[t].base();
                let href = if posts[b].post.bundle {
                    format!("../{base}.md")
                } else if xr.random() < 0.5 {
                    format!("{base}.md")
                } else {
                    format!("./{base}.md")
                };
                Some((Some(t), href))
            }
            "relative-other-month" if posts[b].url_override.is_none() => {
                let month = (posts[b].year, posts[b].month);
                let t = pick(xr, posts, &self.targets, |_, t| {
                    unique(sc, t) && (t.year, t.month) != month
                })?;
                Some((
                    Some(t),
                    format!("../{}/", posts[t].slug.as_deref().unwrap_or("")),
                ))
            }
            "case" => {
                let t = pick(xr, posts, &self.targets, |_, t| {
                    t.slug
                        .as_ref()
                        .is_some_and(|s| s.bytes().any(|c| c.is_ascii_lowercase()))
                })?;
                let slug = posts[t].slug.clone().unwrap_or_default();
                let capital: Vec<String> = slug
                    .split('-')
                    .map(|w| w[..1].to_uppercase() + &w[1..])
                    .collect();
                Some((Some(t), posts[t].url().replace(&slug, &capital.join("-"))))
            }
            _ => None,
        }
    }

    /// A fragment that is no heading id of `t`, and the variant's name.
    fn bad_fragment(&mut self, t: usize) -> (String, String) {
        let ids = self.posts[t].id_set();
        let hs = self.posts[t].headings();
        let rich: Vec<&(String, String, bool)> =
            hs.iter()
                .filter(|h| {
                    !h.2 && h.0.chars().any(|c| {
                        !(c.is_alphanumeric() || c == '_' || c.is_whitespace() || c == '-')
                    })
                })
                .collect();
        let mut counts: Vec<(String, usize)> = Vec::new();
        for (text, _, custom) in &hs {
            if !custom {
                let base = goldmark_id(text);
                match counts.iter_mut().find(|(b, _)| *b == base) {
                    Some(c) => c.1 += 1,
                    None => counts.push((base, 1)),
                }
            }
        }
        let dups: Vec<(String, usize)> = counts.into_iter().filter(|(_, n)| *n > 1).collect();
        let customs: Vec<&(String, String, bool)> = hs.iter().filter(|h| h.2).collect();
        let ascii_ids: Vec<&String> = hs
            .iter()
            .map(|h| &h.1)
            .filter(|id| id.bytes().any(|c| c.is_ascii_lowercase()))
            .collect();
        let mut choices = vec!["no-such-heading"];
        for (ok, name) in [
            (!rich.is_empty(), "punctuation-kept"),
            (!dups.is_empty(), "duplicate-suffix"),
            (!customs.is_empty(), "custom-id-text"),
            (!ascii_ids.is_empty(), "wrong-case"),
        ] {
            if ok {
                choices.push(name);
            }
        }
        let xr = &mut self.xr;
        let mut v = *xr.choice(&choices);
        let mut frag = match v {
            "punctuation-kept" => xr.choice(&rich).0.to_lowercase().replace(' ', "-"),
            "duplicate-suffix" => {
                let (base, n) = xr.choice(&dups);
                format!("{base}-{n}")
            }
            "custom-id-text" => goldmark_id(&xr.choice(&customs).0),
            "wrong-case" => {
                let id = xr.choice(&ascii_ids);
                let i = id.find(|c: char| c.is_ascii_lowercase()).expect("a letter");
                format!("{}{}{}", &id[..i], id[i..=i].to_uppercase(), &id[i + 1..])
            }
            _ => cjk(xr, 4, 6),
        };
        if ids.contains(&frag) {
            frag = cjk(xr, 7, 9);
            v = "no-such-heading";
        }
        (frag, v.to_string())
    }

    fn rich_or_targets(&mut self) -> Vec<usize> {
        if !self.rich.is_empty() && self.xr.random() < 0.7 {
            self.rich.clone()
        } else {
            self.targets.clone()
        }
    }

    fn link_anchor(&mut self, b: usize) -> bool {
        let mut t = None;
        if self.xr.random() < 0.85 {
            let pool = self.rich_or_targets();
            t = pick(&mut self.xr, &self.posts, &pool, |t, _| t != b);
        }
        let (text, v) = match t {
            None => {
                // The same page.
                let ids = self.posts[b].id_set();
                let mut frag = cjk(&mut self.xr, 4, 6);
                while ids.contains(&frag) {
                    frag = cjk(&mut self.xr, 4, 6);
                }
                let label = *self.xr.choice(&["見下文", "詳見後文", "跳到結論"]);
                (format!("[{label}](#{frag})"), "same-page".to_string())
            }
            Some(t) => {
                let (frag, v) = self.bad_fragment(t);
                let tp = &self.posts[t];
                (
                    format!("延伸閱讀：[{}]({}#{frag})", tp.title(), tp.url()),
                    v,
                )
            }
        };
        self.posts[b].insert_para(&mut self.xr, vec![text.clone()]);
        self.record(b, b, text, "link-anchor", v);
        true
    }

    /// How a `relref` in `b` names `t`.
    fn ref_path(&mut self, t: usize, b: usize) -> String {
        let base = self.posts[t].base();
        let mut choices = if self.posts[t].post.bundle {
            vec![format!("/posts/{base}"), format!("/posts/{base}/index.md")]
        } else {
            vec![format!("/posts/{base}.md")]
        };
        if !self.posts[b].post.bundle {
            choices.push(if self.posts[t].post.bundle {
                base
            } else {
                format!("{base}.md")
            });
        }
        self.xr.choice(&choices).clone()
    }

    fn ref_anchor(&mut self, b: usize) -> bool {
        let pool = self.rich_or_targets();
        let t = pick(&mut self.xr, &self.posts, &pool, |t, _| t != b);
        let t = t.unwrap_or(b); // a relref to the post itself
        let (frag, v) = self.bad_fragment(t);
        let path = self.ref_path(t, b);
        let title = self.posts[t].title();
        let text = format!("參考[{title}]({{{{< relref \"{path}#{frag}\" >}}}})");
        self.posts[b].insert_para(&mut self.xr, vec![text.clone()]);
        let v = if t == b { format!("{v} (self)") } else { v };
        self.record(b, b, text, "ref-anchor", v);
        true
    }

    /// A valid link (or link-like text that is not a link) in post `p`.
    fn link_decoy(&mut self, p: usize) {
        let t = pick(&mut self.xr, &self.posts, &self.targets, |t, _| t != p);
        let kind = self.xr.below(16);
        let lines = match (kind, t) {
            (0..=2 | 5 | 10 | 12, Some(t)) => self.decoy_to(p, t, kind),
            (0..=2 | 5 | 10 | 12, None) => None,
            _ => self.decoy_other(p, kind),
        };
        if let Some(lines) = lines {
            self.posts[p].insert_para(&mut self.xr, lines);
        }
    }

    /// Decoys that link to another post `t`.
    fn decoy_to(&mut self, p: usize, t: usize, kind: u64) -> Option<Vec<String>> {
        let (title, url) = (self.posts[t].title(), self.posts[t].url());
        Some(match kind {
            0 => vec![format!("延伸閱讀：[{title}]({url})")],
            1 => vec![format!(
                "延伸閱讀：[{title}]({})",
                url.trim_end_matches('/')
            )],
            2 => {
                self.refn += 1;
                let n = self.refn;
                self.posts[p].post.body.push(String::new());
                self.posts[p].post.body.push(format!("[ref-{n}]: {url}"));
                vec![format!("參見[{title}][ref-{n}]。")]
            }
            5 => {
                let imgs: Vec<String> = self.posts[t]
                    .post
                    .images
                    .iter()
                    .map(|(i, _)| i.clone())
                    .filter(|i| !i.contains(' '))
                    .collect();
                vec![format!("[下載原圖](/{})", self.xr.choice(&imgs))]
            }
            10 => {
                let (text, id, _) = self.xr.choice(&self.posts[t].headings()).clone();
                let frag = if self.xr.random() < 0.15 {
                    percent_encode(&id)
                } else {
                    id
                };
                vec![format!("[{text}]({url}#{frag})")]
            }
            _ => {
                let frag = if self.xr.random() < 0.5 {
                    format!("#{}", self.xr.choice(&self.posts[t].headings()).1)
                } else {
                    String::new()
                };
                let path = self.ref_path(t, p);
                vec![format!("[{title}]({{{{< relref \"{path}{frag}\" >}}}})")]
            }
        })
    }

    /// Decoys that need no other post, or a post of their own kind.
    fn decoy_other(&mut self, p: usize, kind: u64) -> Option<Vec<String>> {
        let xr = &mut self.xr;
        Some(match kind {
            3 if self.posts[p].url_override.is_none() => {
                let month = (self.posts[p].year, self.posts[p].month);
                let pool = self.by_month.get(&month).cloned().unwrap_or_default();
                let s = pick(xr, &self.posts, &pool, |s, sp| {
                    s != p && sp.url_override.is_none()
                })?;
                vec![format!("[同月的另一篇報導](../{}/)", self.posts[s].seg())]
            }
            4 => {
                let s = pick(xr, &self.posts, &self.targets, |_, s| s.old_alias)?;
                vec![format!("[舊網址](/posts/{}/)", self.posts[s].base())]
            }
            6 => vec![format!("[完整報告（PDF）](/{})", xr.choice(PDF_FILES))],
            7 if self.posts[p].post.bundle && !self.posts[p].post.bundle_files.is_empty() => {
                let name = xr.choice(&self.posts[p].post.bundle_files).0.clone();
                vec![format!("[下載圖表]({name})")]
            }
            8 => {
                let mut pages: Vec<String> = vec!["/".into(), "/posts/".into(), "/about/".into()];
                pages.extend(
                    self.term_tags
                        .iter()
                        .map(|t| format!("/tags/{}/", t.to_lowercase())),
                );
                let label = *xr.choice(&["首頁", "所有文章", "關於本站", "更多"]);
                vec![format!("[{label}]({})", xr.choice(&pages))]
            }
            9 => {
                let post = &self.posts[p].post;
                let external = format!(
                    "[原文連結](https://news.example.com/{}/{})",
                    post.stamp, post.hex
                );
                let choices = [
                    external,
                    "<https://www.anthropic.com/news>".to_string(),
                    "[聯絡編輯](mailto:editor@example.org)".to_string(),
                ];
                vec![xr.choice(&choices).clone()]
            }
            11 => {
                let (text, id, _) = xr.choice(&self.posts[p].headings()).clone();
                vec![format!("[回到「{text}」](#{id})")]
            }
            13 => vec![
                "```markdown".into(),
                "[失效的示例](/posts/no-such-post/)".into(),
                "```".into(),
            ],
            14 => vec!["寫法是 `[文字](/posts/no-such-post/)`，不是連結。".into()],
            15 => vec![xr
                .choice(&[
                    "<!-- TODO: [舊連結](/posts/removed-post/) -->",
                    "\\[不是連結](/posts/no-such-post/)",
                ])
                .to_string()],
            _ => return None,
        })
    }
}

/// Python's `urllib.parse.quote(s, safe="-_")`.
fn percent_encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Writes a site with new kinds (see the module's documentation); `kinds` are those drawn.
pub(super) fn generate(
    w: &mut Writer,
    opts: &Options,
    kinds: &[&'static str],
    rng: &mut Rng,
) -> io::Result<Vec<Expected>> {
    let mut xr = Rng::new(opts.seed ^ 0x6578_7420_7369_7465);
    write_skeleton(w, rng, &format!("{HUGO_TOML}{PERMALINKS_TOML}"))?;
    for name in PDF_FILES {
        w.write(&format!("static/{name}"), b"%PDF-1.4\n%%EOF\n")?;
    }
    let mut posts = Vec::with_capacity(opts.posts);
    let mut used_slugs = HashSet::new();
    for i in 0..opts.posts {
        let mut post = ExtPost::new(rng, i);
        if xr.random() < 0.85 {
            post.slug = Some(new_slug(&mut xr, &mut used_slugs));
        }
        post.add_front_matter(rng);
        post.post.add_body(rng);
        post.defect = if rng.random() < opts.defects {
            Some(*rng.choice(kinds))
        } else {
            None
        };
        if let Some(kind) = post.defect.filter(|k| DEFECTS.contains(k)) {
            if post.post.toml && FM_KINDS.contains(&kind) {
                post.post.toml = false;
                post.add_front_matter(rng);
            }
            let (line, line_max) = post.post.inject(rng, kind);
            if post.post.bom && kind.starts_with("frontmatter") {
                post.post.bom = false;
            }
            post.records.push(Record {
                rule: rule_of(kind).to_string(),
                kind: kind.to_string(),
                variant: None,
                line,
                line_max,
                at: None,
            });
        }
        posts.push(post);
    }
    let mut site = ExtSite::new(posts, xr, used_slugs);
    site.run();
    let mut expected = Vec::new();
    for post in &site.posts {
        for rec in &post.records {
            let (path, line) = match &rec.at {
                None => (post.rel_path(), rec.line),
                Some((at, text)) => (site.posts[*at].rel_path(), site.posts[*at].line_of(text)),
            };
            expected.push(Expected {
                path,
                rule: rec.rule.clone(),
                line,
                line_max: rec.line_max,
                kind: rec.kind.clone(),
                variant: rec.variant.clone(),
            });
        }
        let rel = post.rel_path();
        w.write(&rel, post.text().as_bytes())?;
        for (path, data) in &post.post.images {
            w.write(&format!("static/{path}"), data)?;
        }
        let dir = rel.rsplit_once('/').map_or("", |(dir, _)| dir);
        for (name, data) in &post.post.bundle_files {
            w.write(&format!("{dir}/{name}"), data)?;
        }
    }
    Ok(expected)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn goldmark_ids_of_plain_text() {
        assert_eq!(
            goldmark_id("GPT-4 的介紹（AI 與 LLM）"),
            "gpt-4-的介紹ai-與-llm"
        );
        assert_eq!(goldmark_id("「」？"), "heading");
    }
}
