//! Generates a synthetic Hugo blog for pagelint's tests and benchmarks.
//!
//! Written in Rust so that a fresh machine needs nothing but cargo to generate a site.
//! The site is a real Hugo site (hugo builds it), with a `pagelint.toml` schema for its
//! posts, images under `static/` and in page bundles, built-in, custom and theme
//! shortcodes, YAML and TOML front matter, CRLF and BOM files, and decoys that a
//! correct linter must NOT flag (images in code fences, commented shortcodes, quoted
//! `>}}` inside shortcode params, remote images, percent-encoded paths).
//!
//! A fraction of the posts ([`Options::defects`]) gets exactly one injected defect,
//! returned as an [`Expected`] finding. Every other post is clean: a correct linter
//! reports the expected findings and nothing else.
//!
//! Hugo 0.111 builds a site generated with `defects: 0.0`; each shortcode defect makes it
//! fail, except `shortcode-args` (Hugo renders `{{< youtube >}}` as an empty embed).
//!
//! Deterministic for a given seed (its own xoshiro256** generator).
//!
//! Include it with `#[path = "support/gensite.rs"] mod gensite;` (from `tests/`) or
//! `#[path = "../tests/support/gensite.rs"] mod gensite;` (from `examples/`, `benches/`).

#![allow(dead_code)]

#[path = "gensite_ext.rs"]
pub mod ext;

use std::collections::HashSet;
use std::fs;
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};

/// What to generate.
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    /// Number of posts under `content/posts/`.
    pub posts: usize,
    /// Seed of the random generator: the same options give the same site.
    pub seed: u64,
    /// Fraction of the posts that get exactly one defect (0.0 for a clean site).
    pub defects: f64,
    /// Defect kinds to draw from (each one of [`DEFECTS`] or [`NEW_DEFECTS`]); `None` or an
    /// empty list for all of [`DEFECTS`] (or of [`ALL_DEFECTS`] with `all_kinds`). A kind
    /// listed twice is drawn twice as often. Naming a kind of [`NEW_DEFECTS`] makes the site
    /// one with links and permalinks (see [`ext`]).
    pub kinds: Option<Vec<String>>,
    /// Draw from [`ALL_DEFECTS`] (`--all-kinds`); excludes `kinds`.
    pub all_kinds: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            posts: 1000,
            seed: 1,
            defects: 0.1,
            kinds: None,
            all_kinds: false,
        }
    }
}

/// A finding a correct linter must report.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Expected {
    /// Path of the page, relative to the site root, with `/` separators.
    pub path: String,
    /// The rule to report.
    pub rule: String,
    /// 1-based line of the finding; with `line_max`, the lowest acceptable line.
    pub line: usize,
    /// The highest acceptable line, where the exact line depends on the parser.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line_max: Option<usize>,
    /// The defect kind injected (one of [`ALL_DEFECTS`]).
    pub kind: String,
    /// Which form of the kind (new kinds only), for reading a failure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub variant: Option<String>,
}

/// The defect kinds. A seed picks among them by index: reordering them changes every site.
pub const DEFECTS: &[&str] = &[
    "date-format",
    "empty-field",
    "url-format",
    "unknown-value",
    "required-field",
    "field-type",
    "frontmatter-syntax",
    "frontmatter-unclosed",
    "image-missing",
    "image-case",
    "image-html",
    "image-figure",
    "image-bundle",
    "shortcode-unclosed-delim",
    "shortcode-mixed-delim",
    "shortcode-unknown",
    "shortcode-unbalanced-open",
    "shortcode-unbalanced-close",
    "shortcode-args",
];

/// The kinds that need the whole site (links, collisions, taxonomy terms, Hugo's own
/// keys): drawn only when `kinds` names one or with `all_kinds`; see [`ext`].
pub const NEW_DEFECTS: &[&str] = &[
    "link-missing",
    "link-anchor",
    "ref-anchor",
    "url-collision",
    "alias-collision",
    "taxonomy-variant",
    "hugo-field-type",
    "date-nonstring",
];

/// [`DEFECTS`] then [`NEW_DEFECTS`].
pub const ALL_DEFECTS: &[&str] = &[
    "date-format",
    "empty-field",
    "url-format",
    "unknown-value",
    "required-field",
    "field-type",
    "frontmatter-syntax",
    "frontmatter-unclosed",
    "image-missing",
    "image-case",
    "image-html",
    "image-figure",
    "image-bundle",
    "shortcode-unclosed-delim",
    "shortcode-mixed-delim",
    "shortcode-unknown",
    "shortcode-unbalanced-open",
    "shortcode-unbalanced-close",
    "shortcode-args",
    "link-missing",
    "link-anchor",
    "ref-anchor",
    "url-collision",
    "alias-collision",
    "taxonomy-variant",
    "hugo-field-type",
    "date-nonstring",
];

/// Front matter defects: written in YAML, so a TOML post becomes a YAML one first.
const FM_KINDS: &[&str] = &[
    "date-format",
    "url-format",
    "unknown-value",
    "field-type",
    "frontmatter-syntax",
    "frontmatter-unclosed",
    "empty-field",
    "required-field",
];

/// The rule a linter must report for a defect kind.
pub fn rule_of(kind: &str) -> &str {
    match kind {
        "link-missing" => "broken-link",
        "link-anchor" | "ref-anchor" => "broken-anchor",
        "url-collision" | "alias-collision" => "url-collision",
        "hugo-field-type" => "hugo-field",
        "date-nonstring" => "date-format",
        "frontmatter-unclosed" => "frontmatter-syntax",
        "image-missing" | "image-case" | "image-html" | "image-figure" | "image-bundle" => {
            "broken-image"
        }
        "shortcode-unclosed-delim" | "shortcode-mixed-delim" => "shortcode-syntax",
        "shortcode-unbalanced-open" | "shortcode-unbalanced-close" => "shortcode-unbalanced",
        other => other,
    }
}

const CATEGORIES: &[&str] = &[
    "AI 產業動態",
    "AI 技術解析",
    "AI 應用案例",
    "AI 政策法規",
    "AI 工具評測",
];
const TAG_POOL: &[&str] = &[
    "Anthropic",
    "Claude",
    "OpenAI",
    "RLHF",
    "安全",
    "LLM",
    "GPU",
    "開源",
    "Agent",
    "評估",
];
const WORDS: &[&str] = &[
    "model",
    "safety",
    "scaling",
    "policy",
    "research",
    "team",
    "trust",
    "product",
    "evaluation",
    "interpretability",
    "biology",
    "democracy",
    "code",
    "customers",
    "market",
    "industry",
    "standard",
    "founders",
    "mission",
];
const CJK_START: u32 = 0x4E00;
const CJK_END: u32 = 0x9FA5;
const YOUTUBE_IDS: &[&str] = &["dVq6R8v3NVE", "aircAruvnKk", "kCc8FmEb1nY", "zjkBMFhNj_g"];

const HUGO_TOML: &str = r#"baseURL = "https://blog.example.org/"
languageCode = "zh-tw"
title = "AI 產業觀察"
theme = "mini"

[taxonomies]
  tag = "tags"
  category = "categories"

[markup.goldmark.renderer]
  unsafe = true
"#;

const PAGELINT_TOML_HEAD: &str = r#"# Schema of this blog's posts. Pages outside content/posts/ and section
# index pages (_index.md) are not posts and only get the generic checks.
[[schema]]
name = "post"
files = ["content/posts/**/*.md"]
exclude = ["**/_index.md"]

[schema.fields.title]
type = "string"
required = true

[schema.fields.date]
type = "datetime"
required = true

[schema.fields.description]
type = "string"

[schema.fields.tags]
type = "list"

[schema.fields.categories]
type = "list"
required = true
min-items = 1
values = ["#;

const PAGELINT_TOML_TAIL: &str = r#"]

[schema.fields.source_url]
type = "url"
required = true

[schema.fields.source_name]
type = "string"

[schema.fields.draft]
type = "bool"
"#;

const SINGLE_HTML: &str = "<html><body><h1>{{ .Title }}</h1>{{ .Content }}</body></html>\n";
const LIST_HTML: &str = "<html><body>{{ range .Pages }}<a href=\"{{ .RelPermalink }}\">{{ .Title }}</a>{{ end }}</body></html>\n";
const CALLOUT_HTML: &str = "<aside class=\"callout\">{{ .Inner | markdownify }}</aside>\n";
const NOTICE_HTML: &str = "<div class=\"notice {{ .Get 0 }}\">{{ .Inner }}</div>\n";

fn pagelint_toml() -> String {
    let values: Vec<String> = CATEGORIES.iter().map(|c| format!("\"{c}\"")).collect();
    format!(
        "{PAGELINT_TOML_HEAD}{}{PAGELINT_TOML_TAIL}",
        values.join(", ")
    )
}

// -- random numbers -----------------------------------------------------------

/// xoshiro256**, seeded through SplitMix64.
struct Rng {
    s: [u64; 4],
}

impl Rng {
    fn new(seed: u64) -> Self {
        let mut sm = seed;
        let mut next = || {
            sm = sm.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = sm;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^ (z >> 31)
        };
        Rng {
            s: [next(), next(), next(), next()],
        }
    }

    fn next_u64(&mut self) -> u64 {
        let s = &mut self.s;
        let result = s[1].wrapping_mul(5).rotate_left(7).wrapping_mul(9);
        let t = s[1] << 17;
        s[2] ^= s[0];
        s[3] ^= s[1];
        s[1] ^= s[2];
        s[0] ^= s[3];
        s[2] ^= t;
        s[3] = s[3].rotate_left(45);
        result
    }

    /// A float in [0, 1).
    fn random(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// An integer in [0, n), unbiased (Lemire's method); n > 0.
    fn below(&mut self, n: u64) -> u64 {
        let mut m = u128::from(self.next_u64()) * u128::from(n);
        if (m as u64) < n {
            let threshold = n.wrapping_neg() % n;
            while (m as u64) < threshold {
                m = u128::from(self.next_u64()) * u128::from(n);
            }
        }
        (m >> 64) as u64
    }

    /// An integer in [lo, hi], like Python's `randint`.
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below((hi - lo + 1) as u64) as usize
    }

    fn choice<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len() as u64) as usize]
    }

    /// `k` distinct elements, in random order, like Python's `sample`.
    fn sample<'a, T>(&mut self, xs: &'a [T], k: usize) -> Vec<&'a T> {
        let mut idx: Vec<usize> = (0..xs.len()).collect();
        for i in 0..k {
            let j = i + self.below((xs.len() - i) as u64) as usize;
            idx.swap(i, j);
        }
        idx[..k].iter().map(|&i| &xs[i]).collect()
    }

    fn bits32(&mut self) -> u32 {
        (self.next_u64() >> 32) as u32
    }

    fn cjk(&mut self, n: usize) -> String {
        (0..n)
            .map(|_| {
                let c = CJK_START + self.below(u64::from(CJK_END - CJK_START + 1)) as u32;
                char::from_u32(c).expect("CJK code point")
            })
            .collect()
    }
}

fn jpeg_bytes(r: &mut Rng) -> Vec<u8> {
    // A tiny but well-formed JPEG header; the linter only checks that the file exists.
    let mut v = Vec::with_capacity(38);
    v.extend_from_slice(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00");
    for _ in 0..2 {
        v.extend_from_slice(&r.next_u64().to_le_bytes());
    }
    v.extend_from_slice(b"\xff\xd9");
    v
}

fn sentence(r: &mut Rng) -> String {
    let mut parts = Vec::new();
    for _ in 0..r.range(2, 5) {
        if r.random() < 0.6 {
            let n = r.range(6, 24);
            parts.push(r.cjk(n));
        } else {
            let n = r.range(3, 9);
            let words: Vec<&str> = (0..n).map(|_| *r.choice(WORDS)).collect();
            parts.push(words.join(" "));
        }
    }
    parts.join("，") + "。"
}

fn paragraph(r: &mut Rng) -> String {
    (0..r.range(2, 5)).map(|_| sentence(r)).collect()
}

fn quoted(items: &[&str]) -> String {
    let q: Vec<String> = items.iter().map(|s| format!("\"{s}\"")).collect();
    q.join(", ")
}

// -- posts --------------------------------------------------------------------

/// A post as a list of lines, so that a defect's line number is known exactly.
struct Post {
    stamp: String,
    hex: String,
    date: String,
    toml: bool,
    bundle: bool,
    crlf: bool,
    bom: bool,
    /// (key, rendered line) pairs, in order.
    fm: Vec<(&'static str, String)>,
    body: Vec<String>,
    /// (static-relative path, bytes) to create under static/.
    images: Vec<(String, Vec<u8>)>,
    bundle_files: Vec<(String, Vec<u8>)>,
    unclosed: bool,
}

impl Post {
    fn new(r: &mut Rng, idx: usize) -> Self {
        let day = 1 + idx % 28;
        let month = 1 + (idx / 28) % 12;
        let year = 2020 + (idx / 336) % 6;
        let hex = format!("{:08x}", r.bits32());
        let (h, m, s) = (r.range(0, 23), r.range(0, 59), r.range(0, 59));
        Post {
            stamp: format!("{year:04}{month:02}{day:02}"),
            hex,
            date: format!("{year:04}-{month:02}-{day:02}T{h:02}:{m:02}:{s:02}+08:00"),
            toml: r.random() < 0.08,
            bundle: r.random() < 0.15,
            crlf: r.random() < 0.05,
            bom: r.random() < 0.02,
            fm: Vec::new(),
            body: Vec::new(),
            images: Vec::new(),
            bundle_files: Vec::new(),
            unclosed: false,
        }
    }

    // -- front matter ---------------------------------------------------------

    fn add_front_matter(&mut self, r: &mut Rng) {
        let n = r.range(8, 20);
        let title = r.cjk(n);
        let desc: String = sentence(r).chars().take(80).filter(|&c| c != '"').collect();
        let cats = [*r.choice(CATEGORIES)];
        let k = r.range(0, 3);
        let tags: Vec<&str> = r.sample(TAG_POOL, k).into_iter().copied().collect();
        let url = format!("https://news.example.com/{}/{}", self.stamp, self.hex);
        let (tags, cats) = (quoted(&tags), quoted(&cats));
        self.fm = if self.toml {
            vec![
                ("title", format!("title = \"{title}\"")),
                ("date", format!("date = {}", self.date)),
                ("description", format!("description = \"{desc}\"")),
                ("tags", format!("tags = [{tags}]")),
                ("categories", format!("categories = [{cats}]")),
                ("source_url", format!("source_url = \"{url}\"")),
                ("source_name", "source_name = \"Example News\"".to_string()),
                ("draft", "draft = false".to_string()),
            ]
        } else {
            vec![
                ("title", format!("title: \"{title}\"")),
                ("date", format!("date: {}", self.date)),
                ("description", format!("description: \"{desc}\"")),
                ("tags", format!("tags: [{tags}]")),
                ("categories", format!("categories: [{cats}]")),
                ("source_url", format!("source_url: \"{url}\"")),
                ("source_name", "source_name: \"Example News\"".to_string()),
                ("draft", "draft: false".to_string()),
            ]
        };
    }

    /// Replaces the line of `key`; returns its 1-based line in the file (line 1 is the delimiter).
    fn set_fm(&mut self, key: &str, line: String) -> usize {
        let i = self
            .fm
            .iter()
            .position(|(k, _)| *k == key)
            .unwrap_or_else(|| panic!("no front matter key {key}"));
        self.fm[i].1 = line;
        2 + i
    }

    // -- body -----------------------------------------------------------------

    fn new_image(&mut self, r: &mut Rng, name: Option<String>) -> String {
        let name = name.unwrap_or_else(|| format!("{}-{:08x}.jpg", self.stamp, r.bits32()));
        let path = format!("images/posts/{name}");
        self.images.push((path, jpeg_bytes(r)));
        format!("/images/posts/{name}")
    }

    fn push<const N: usize>(&mut self, lines: [String; N]) {
        self.body.extend(lines);
    }

    fn add_body(&mut self, r: &mut Rng) {
        let cover = self.new_image(r, None);
        let para = paragraph(r);
        self.push([
            String::new(),
            format!("![封面圖]({cover})"),
            String::new(),
            para,
            String::new(),
        ]);
        for section in 0..r.range(3, 6) {
            let heading = format!("## {}", r.cjk(6));
            self.push([heading, String::new()]);
            for _ in 0..r.range(1, 3) {
                let para = paragraph(r);
                self.push([para, String::new()]);
            }
            let kind = r.random();
            if kind < 0.35 {
                let img = self.new_image(r, None);
                self.push([format!("![]({img})"), String::new()]);
            } else if kind < 0.45 {
                let img = self.new_image(r, None);
                self.push([format!("![圖說]({img} \"標題\")"), String::new()]);
            } else if kind < 0.55 {
                let img = self.new_image(r, None);
                self.push([format!("<img src=\"{img}\" alt=\"圖\">"), String::new()]);
            } else if kind < 0.62 {
                let img = self.new_image(r, None);
                self.push([
                    format!("{{{{< figure src=\"{img}\" caption=\"圖說 {section}\" >}}}}"),
                    String::new(),
                ]);
            } else if kind < 0.70 {
                let id = r.choice(YOUTUBE_IDS);
                self.push([format!("{{{{< youtube {id} >}}}}"), String::new()]);
            } else if kind < 0.76 {
                let para = paragraph(r);
                self.push([
                    "{{< callout >}}".to_string(),
                    para,
                    "{{< /callout >}}".to_string(),
                    String::new(),
                ]);
            } else if kind < 0.80 {
                let word = r.choice(WORDS);
                let text = format!("**{word}** {}", sentence(r));
                self.push([
                    "{{% notice info %}}".to_string(),
                    text,
                    "{{% /notice %}}".to_string(),
                    String::new(),
                ]);
            } else if kind < 0.84 && self.bundle {
                let name = format!("local-{section:02}.png");
                self.bundle_files.push((name.clone(), jpeg_bytes(r)));
                self.push([format!("![局部]({name})"), String::new()]);
            } else if kind < 0.88 {
                self.add_decoy(r);
            }
        }
        let id = r.choice(YOUTUBE_IDS);
        let para = paragraph(r);
        self.push([format!("{{{{< youtube {id} >}}}}"), String::new(), para]);
    }

    /// Text that looks like a finding to a naive scanner but is valid.
    fn add_decoy(&mut self, r: &mut Rng) {
        match r.below(6) {
            // An image inside a fenced code block is code, not an image.
            0 => self.push([
                "```markdown".to_string(),
                "![示例](/images/posts/does-not-exist.jpg)".to_string(),
                "```".to_string(),
                String::new(),
            ]),
            // A commented shortcode is text, whatever its name.
            1 => self.push([
                "寫法：`{{</* youtube VIDEO_ID */>}}` 或 `{{</* no-such-shortcode */>}}`。"
                    .to_string(),
                String::new(),
            ]),
            // '>}}' inside a quoted parameter does not end the shortcode.
            2 => {
                let img = self.new_image(r, None);
                self.push([
                    format!("{{{{< figure src=\"{img}\" caption=\"a >}}}} b\" >}}}}"),
                    String::new(),
                ]);
            }
            // Remote images are not checked on disk.
            3 => self.push([
                format!("![remote](https://cdn.example.com/img/{}.png)", self.hex),
                String::new(),
            ]),
            // A percent-encoded space in the path of an existing file.
            4 => {
                let name = format!("{}-with space-{}.jpg", self.stamp, self.hex);
                self.new_image(r, Some(name.clone()));
                self.push([
                    format!("![](/images/posts/{})", name.replace(' ', "%20")),
                    String::new(),
                ]);
            }
            // Inline code is not an image.
            _ => self.push([
                "行內程式碼 `![x](/nope.png)` 不是圖片。".to_string(),
                String::new(),
            ]),
        }
    }

    // -- defects --------------------------------------------------------------

    /// Applies one defect; returns (line, line_max) relative to the final file.
    fn inject(&mut self, r: &mut Rng, kind: &str) -> (usize, Option<usize>) {
        // Front matter defects are written in YAML: a TOML post becomes a YAML one.
        if self.toml && FM_KINDS.contains(&kind) {
            self.toml = false;
            self.add_front_matter(r);
        }
        match kind {
            "date-format" => {
                let bad = r.choice(&[
                    "2025-02-30T10:00:00+08:00",
                    "2025-13-05T10:00:00+08:00",
                    "2025-05-13T25:30:17+08:00",
                    "\"13/05/2025\"",
                    "\"yesterday\"",
                ]);
                return (self.set_fm("date", format!("date: {bad}")), None);
            }
            "empty-field" => {
                return (
                    self.set_fm("source_url", "source_url: \"\"".to_string()),
                    None,
                );
            }
            "url-format" => {
                let bad = match r.below(3) {
                    0 => format!("news.example.com/{}", self.hex),
                    1 => "htps//news.example.com/x".to_string(),
                    _ => "not a url".to_string(),
                };
                return (
                    self.set_fm("source_url", format!("source_url: \"{bad}\"")),
                    None,
                );
            }
            "unknown-value" => {
                let bad = r.choice(&["AI 産業動態", "Uncategorized", "ai 技術解析"]);
                return (
                    self.set_fm("categories", format!("categories: [\"{bad}\"]")),
                    None,
                );
            }
            "required-field" => {
                let key = *r.choice(&["title", "date", "categories", "source_url"]);
                self.fm.retain(|(k, _)| *k != key);
                return (1, None);
            }
            "field-type" => {
                return (self.set_fm("tags", "tags: \"AI, 安全\"".to_string()), None);
            }
            "frontmatter-syntax" => {
                self.set_fm("title", "title: \"unterminated title".to_string());
                return (1, Some(self.fm.len() + 2));
            }
            "frontmatter-unclosed" => {
                self.unclosed = true;
                return (1, None);
            }
            _ => {}
        }
        // Body defects: insert a block after the first paragraph of the body.
        let at = 4;
        let yt = YOUTUBE_IDS[0];
        let block: Vec<String> = match kind {
            "image-missing" => vec![format!(
                "![](/images/posts/{}-missing-{}.jpg)",
                self.stamp, self.hex
            )],
            "image-case" => {
                let path = self.new_image(r, None);
                vec![format!("![]({})", path.replace(".jpg", ".JPG"))]
            }
            "image-html" => vec![format!(
                "<img src=\"/images/posts/{}-gone.png\" alt=\"\">",
                self.hex
            )],
            "image-figure" => vec![format!(
                "{{{{< figure src=\"/images/posts/{}-nofile.jpg\" >}}}}",
                self.hex
            )],
            "image-bundle" => {
                self.bundle = true;
                vec![format!("![局部](chart-{}.png)", self.hex)]
            }
            "shortcode-unclosed-delim" => vec![format!("{{{{< youtube {yt} }}}}")],
            "shortcode-mixed-delim" => vec![format!("{{{{< youtube {yt} %}}}}")],
            "shortcode-unknown" => vec![format!("{{{{< youtub {yt} >}}}}")],
            "shortcode-unbalanced-open" => {
                vec![
                    "{{< callout >}}".to_string(),
                    "這段沒有結束標記。".to_string(),
                ]
            }
            "shortcode-unbalanced-close" => {
                vec![
                    "這段沒有開始標記。".to_string(),
                    "{{< /callout >}}".to_string(),
                ]
            }
            "shortcode-args" => vec!["{{< youtube >}}".to_string()],
            other => panic!("unknown defect kind {other:?}"),
        };
        let offset = usize::from(kind == "shortcode-unbalanced-close");
        self.body
            .splice(at..at, block.into_iter().chain([String::new()]));
        (self.header_lines() + at + 1 + offset, None)
    }

    fn header_lines(&self) -> usize {
        self.fm.len() + 2
    }

    // -- output ---------------------------------------------------------------

    fn text(&self) -> String {
        let delim = if self.toml { "+++" } else { "---" };
        let nl = if self.crlf { "\r\n" } else { "\n" };
        let mut s = String::with_capacity(8192);
        if self.bom {
            s.push('\u{feff}');
        }
        s.push_str(delim);
        s.push_str(nl);
        for (_, line) in &self.fm {
            s.push_str(line);
            s.push_str(nl);
        }
        s.push_str(if self.unclosed { "" } else { delim });
        s.push_str(nl);
        for line in &self.body {
            s.push_str(line);
            s.push_str(nl);
        }
        s
    }

    fn rel_path(&self) -> String {
        if self.bundle {
            format!("content/posts/{}-{}/index.md", self.stamp, self.hex)
        } else {
            format!("content/posts/{}-{}.md", self.stamp, self.hex)
        }
    }
}

// -- output -------------------------------------------------------------------

/// Writes files under a root, creating each directory once.
struct Writer {
    root: PathBuf,
    dirs: HashSet<PathBuf>,
}

impl Writer {
    fn write(&mut self, rel: &str, data: &[u8]) -> io::Result<()> {
        let path = self.root.join(rel);
        if let Some(dir) = path.parent() {
            if !self.dirs.contains(dir) {
                fs::create_dir_all(dir)?;
                self.dirs.insert(dir.to_path_buf());
            }
        }
        fs::write(&path, data)
            .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())))
    }
}

/// The files of the site besides the posts: configs, layouts, shortcodes, the theme, the
/// home, section and about pages.
fn write_skeleton(w: &mut Writer, rng: &mut Rng, hugo_toml: &str) -> io::Result<()> {
    w.write("hugo.toml", hugo_toml.as_bytes())?;
    w.write("pagelint.toml", pagelint_toml().as_bytes())?;
    w.write("layouts/_default/single.html", SINGLE_HTML.as_bytes())?;
    w.write("layouts/_default/list.html", LIST_HTML.as_bytes())?;
    w.write("layouts/index.html", LIST_HTML.as_bytes())?;
    w.write("layouts/shortcodes/callout.html", CALLOUT_HTML.as_bytes())?;
    w.write(
        "themes/mini/layouts/shortcodes/notice.html",
        NOTICE_HTML.as_bytes(),
    )?;
    w.write("themes/mini/theme.toml", b"name = \"mini\"\n")?;
    w.write(
        "content/_index.md",
        "---\ntitle: \"首頁\"\n---\n".as_bytes(),
    )?;
    w.write(
        "content/posts/_index.md",
        "---\ntitle: \"文章\"\n---\n".as_bytes(),
    )?;
    let about = format!(
        "---\ntitle: \"關於\"\ndate: 2024-01-01T00:00:00+08:00\n---\n\n{}\n",
        paragraph(rng)
    );
    w.write("content/about.md", about.as_bytes())?;
    Ok(())
}

fn resolve_kinds(opts: &Options) -> io::Result<Vec<&'static str>> {
    match &opts.kinds {
        Some(kinds) if !kinds.is_empty() && opts.all_kinds => Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "kinds and all_kinds exclude each other",
        )),
        Some(kinds) if !kinds.is_empty() => kinds
            .iter()
            .map(|k| {
                ALL_DEFECTS.iter().copied().find(|d| d == k).ok_or_else(|| {
                    io::Error::new(
                        io::ErrorKind::InvalidInput,
                        format!("unknown defect kind '{k}'"),
                    )
                })
            })
            .collect(),
        _ if opts.all_kinds => Ok(ALL_DEFECTS.to_vec()),
        _ => Ok(DEFECTS.to_vec()),
    }
}

/// Writes the site under `out` (which must not exist, or is replaced) and returns the
/// expected findings, in the order of the posts.
///
/// Fails with [`io::ErrorKind::InvalidInput`] on a kind not in [`ALL_DEFECTS`], before
/// touching `out`. Without a kind of [`NEW_DEFECTS`] the site is byte for byte what it was
/// before they existed.
pub fn generate(out: &Path, opts: &Options) -> io::Result<Vec<Expected>> {
    let kinds = resolve_kinds(opts)?;
    match fs::symlink_metadata(out) {
        Ok(meta) if meta.is_dir() => fs::remove_dir_all(out)?,
        Ok(_) => fs::remove_file(out)?,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(e) => return Err(e),
    }
    let mut w = Writer {
        root: out.to_path_buf(),
        dirs: HashSet::new(),
    };
    let mut rng = Rng::new(opts.seed);
    if kinds.iter().any(|k| NEW_DEFECTS.contains(k)) {
        return ext::generate(&mut w, opts, &kinds, &mut rng);
    }
    write_skeleton(&mut w, &mut rng, HUGO_TOML)?;

    let mut expected = Vec::new();
    for i in 0..opts.posts {
        let mut post = Post::new(&mut rng, i);
        post.add_front_matter(&mut rng);
        post.add_body(&mut rng);
        let defect = if rng.random() < opts.defects {
            Some(*rng.choice(&kinds))
        } else {
            None
        };
        if let Some(kind) = defect {
            let (line, line_max) = post.inject(&mut rng, kind);
            if post.bom && kind.starts_with("frontmatter") {
                post.bom = false;
            }
            expected.push(Expected {
                path: post.rel_path(),
                rule: rule_of(kind).to_string(),
                line,
                line_max,
                kind: kind.to_string(),
                variant: None,
            });
        }
        let rel = post.rel_path();
        w.write(&rel, post.text().as_bytes())?;
        for (path, data) in &post.images {
            w.write(&format!("static/{path}"), data)?;
        }
        let dir = rel.rsplit_once('/').map_or("", |(dir, _)| dir);
        for (name, data) in &post.bundle_files {
            w.write(&format!("{dir}/{name}"), data)?;
        }
    }
    Ok(expected)
}

/// `json.dumps` spacing: `{"a": 1, "b": 2}`.
struct PyFormatter;

impl serde_json::ser::Formatter for PyFormatter {
    fn begin_object_key<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        if first {
            Ok(())
        } else {
            writer.write_all(b", ")
        }
    }

    fn begin_object_value<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        writer.write_all(b": ")
    }
}

/// Writes the expected findings as JSON lines, one object per line, non-ASCII unescaped.
pub fn write_manifest(path: &Path, expected: &[Expected]) -> io::Result<()> {
    use serde::Serialize as _;
    let mut w = io::BufWriter::new(fs::File::create(path)?);
    for e in expected {
        let mut ser = serde_json::Serializer::with_formatter(&mut w, PyFormatter);
        e.serialize(&mut ser).map_err(io::Error::from)?;
        w.write_all(b"\n")?;
    }
    w.flush()
}
