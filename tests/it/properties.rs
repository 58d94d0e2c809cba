//! Properties of linting and fixing over generated documents: plausible and
//! hostile Markdown (front matter in every format, broken or not, CRLF,
//! CR-only and BOM files, CJK text, images, shortcodes, code fences,
//! suppression comments) and arbitrary bytes, linted through the library
//! against a small site whose schema and images make fixes likely.
//!
//! - every span (primary, related label, fix edit) lies within the text and
//!   on char boundaries;
//! - `LineIndex::position` agrees with a naive count, and `offset` inverts it;
//! - applying the fixes changes no byte outside their edit spans;
//! - fixing is idempotent, adds no finding, and a fixed finding is gone
//!   from where it was;
//! - linting never panics (each run is the check).
//!
//! Case counts keep a debug run to seconds on two shared cores;
//! `PROPTEST_CASES=N` runs every property with N cases instead. A failure
//! prints its shrunk input as Rust literals; inputs that failed once are
//! checked on every run by the `known_*` tests at the end.

use crate::common;

use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use pagelint::diagnostic::{Applicability, Diagnostic};
use pagelint::document::Document;
use pagelint::fix::{self, Mode};
use pagelint::lint::Linter;
use pagelint::rules;
use pagelint::select::Selection;
use pagelint::site::{LoadOptions, Site};
use pagelint::source::LineIndex;
use proptest::prelude::*;
use proptest::sample::{select, Index};
use proptest::test_runner::{Config, RngAlgorithm, TestCaseError, TestError, TestRng, TestRunner};

use common::TempSite;

// -- the site -------------------------------------------------------------------

const PAGELINT_TOML: &str = r#"[[schema]]
files = ["content/**"]

[schema.fields.title]
type = "string"
required = true

[schema.fields.slug]
type = "string"
pattern = "[a-z0-9-]+"

[schema.fields.date]
type = "datetime"

[schema.fields.categories]
type = "list"
values = ["AI 技術解析", "Research"]

[schema.fields.tags]
type = "list"
values = ["Claude", "安全", "LLM"]

[schema.fields.kind]
type = "string"
values = ["news", "Analysis"]

[schema.fields.source_url]
type = "url"

[images]
fields = ["images", "cover.image"]
"#;

/// Files of the site besides the Hugo config and `pagelint.toml`. Image names
/// differ in case from what the generated documents often write.
const SITE_FILES: &[(&str, &str)] = &[
    ("static/images/x.jpg", "jpg"),
    ("static/images/Photo.JPG", "jpg"),
    ("static/images/sub/Pic.png", "png"),
    ("static/images/my photo.jpg", "jpg"),
    ("static/images/日本.jpg", "jpg"),
    ("static/images/R&D.jpg", "jpg"),
    ("content/posts/other.md", "---\ntitle: other\n---\n"),
    ("content/posts/bundle/index.md", "---\ntitle: bundle\n---\n"),
    ("content/posts/bundle/Chart.png", "png"),
    ("content/posts/bundle/pic.png", "png"),
    (
        "layouts/shortcodes/callout.html",
        "<aside>{{ .Inner }}</aside>\n",
    ),
    (
        "layouts/shortcodes/notice.html",
        "<div>{{ .Get 0 }}{{ .Inner }}</div>\n",
    ),
    ("layouts/shortcodes/plain.html", "<hr>\n"),
];

/// Where generated documents are linted as if they were.
const REL_PATHS: &[&str] = &[
    "content/posts/p.md",
    "content/posts/bundle/index.md",
    "content/_index.md",
    "content/posts/deep/dir/x.markdown",
];

struct Fixture {
    _dir: TempSite,
    site: Site,
    selection: Selection,
}

fn fixture() -> Fixture {
    let dir = TempSite::empty();
    dir.write(
        "hugo.toml",
        "baseURL = \"https://example.org/\"\n[markup.goldmark.renderer]\nunsafe = true\n",
    );
    dir.write("pagelint.toml", PAGELINT_TOML);
    for (path, contents) in SITE_FILES {
        dir.write(path, contents);
    }
    let root = dir.root().canonicalize().unwrap();
    let site = Site::load(
        root,
        &LoadOptions {
            config: None,
            isolated: false,
            version: None,
            known_rules: rules::names(),
        },
    )
    .unwrap_or_else(|e| panic!("the test site loads: {:?}", e.errors));
    Fixture {
        _dir: dir,
        site,
        selection: Selection::all(),
    }
}

impl Fixture {
    /// Every rule, including those off by default.
    fn engine(&self) -> Linter<'_> {
        Linter::new(&self.site, &self.selection)
    }
}

fn lint(engine: &Linter<'_>, rel: &str, bytes: Vec<u8>) -> (Document, Vec<Diagnostic>) {
    let doc = Document::parse(rel.to_string(), bytes, engine.site.version);
    let diagnostics = engine.lint_document(&doc);
    (doc, diagnostics)
}

// -- documents ------------------------------------------------------------------

#[derive(Debug, Clone, Copy)]
enum Eol {
    Lf,
    Crlf,
    Cr,
    /// A random ending per line.
    Mixed,
}

/// A generated document: where it is linted as, and its text.
#[derive(Debug, Clone)]
struct Case {
    rel: &'static str,
    text: String,
}

fn category() -> impl Strategy<Value = &'static str> {
    select(vec![
        "AI 技術解析",
        "ai 技術解析",
        "Ai 技術解析 ",
        " Research ",
        "research",
        "RESEARCH",
        "Reserch",
        "Research",
        "AI 技术解析",
        "Uncategorized",
        "",
        "research\\t",
        "re\"search",
    ])
}

fn tag() -> impl Strategy<Value = &'static str> {
    select(vec![
        "claude", "Claude", "CLAUDE ", "安全", "llm", "LMM", "other",
    ])
}

fn image_path() -> impl Strategy<Value = &'static str> {
    select(vec![
        "/images/x.jpg",
        "/images/X.JPG",
        "/images/X.jpg",
        "/IMAGES/x.jpg",
        "/Images/X.Jpg",
        "/images/photo.jpg",
        "/images/PHOTO.JPG",
        "/images/Photo.JPG",
        "/images/sub/pic.png",
        "/images/SUB/PIC.PNG",
        "/images/missing.png",
        "/images/my%20Photo.JPG",
        "/images/my photo.JPG",
        "/images/日本.JPG",
        "/images/r&amp;d.jpg",
        "/images/r&d.JPG",
        "/images/X.JPG?v=1",
        "/images/X.JPG#top",
        "/images//X.JPG",
        "/images/./X.JPG",
        "/images/sub/../X.JPG",
        "/../X.JPG",
        "images/X.JPG",
        "pic.PNG",
        "chart.png",
        "./Pic.png",
        "../bundle/PIC.png",
        "https://cdn.example.com/X.JPG",
        "//cdn.example.com/X.JPG",
        "data:image/png;base64,AAAA",
        "",
        " ",
        "/images/X\\.JPG",
        "/images/X&#46;JPG",
        "/images/(X).JPG",
        "/images/X.JPG \"t\"",
    ])
}

fn cjk() -> impl Strategy<Value = String> {
    "[\u{4e00}-\u{9fa5}，。「」a-z ]{1,24}"
}

/// Text of one line: mostly printable, sometimes anything at all (control
/// characters and line breaks included).
fn junk() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "\\PC{0,24}",
        1 => any::<String>().prop_map(|s| s.chars().take(24).collect()),
        1 => "[\\[\\]()<>{}%/*!\"'`#:=\\-+~|\\\\ \r\n\t]{0,16}",
    ]
}

fn yaml_scalar(value: &str, style: u8) -> String {
    let double = || format!("\"{}\"", value.replace('\\', "\\\\").replace('"', "\\\""));
    match style % 8 {
        0 | 1 => value.to_string(),
        2 | 3 => format!("'{}'", value.replace('\'', "''")),
        4 | 5 => double(),
        // A tag, and a value written with an escape.
        6 => format!(
            "!!str {}",
            if style % 16 == 6 {
                value.to_string()
            } else {
                double()
            }
        ),
        _ => double().replacen('e', "\\x65", 1),
    }
}

fn toml_string(value: &str, style: u8) -> String {
    let basic = || format!("\"{}\"", value.replace('\\', "\\\\").replace('"', "\\\""));
    match style % 5 {
        0 if !value.contains('\'') => format!("'{value}'"),
        1 if !value.contains('\'') => format!("'''{value}'''"),
        2 => format!("\"\"\"{}\"\"\"", value.replace('\\', "\\\\")),
        3 => basic().replacen('e', "\\u0065", 1),
        _ => basic(),
    }
}

/// A JSON string, with its first `e` escaped when `escape`.
fn json_string(value: &str, escape: bool) -> String {
    let s = serde_json::to_string(value).unwrap();
    if escape {
        s.replacen('e', "\\u0065", 1)
    } else {
        s
    }
}

/// The fields a front matter may hold, before formatting.
#[derive(Debug, Clone)]
struct Fields {
    title: Option<String>,
    date: Option<&'static str>,
    categories: Option<Vec<&'static str>>,
    tags: Option<Vec<&'static str>>,
    kind: Option<&'static str>,
    source_url: Option<&'static str>,
    images: Option<Vec<&'static str>>,
    cover: Option<&'static str>,
    url: Option<&'static str>,
    duplicate: bool,
    suppress: Option<&'static str>,
    junk: Option<String>,
    styles: Vec<u8>,
}

fn fields() -> impl Strategy<Value = Fields> {
    (
        (
            prop::option::of(cjk()),
            prop::option::of(select(vec![
                "2025-05-13T23:30:17+08:00",
                "2025-02-30",
                "\"13/05/2025\"",
                "2025-05-13",
                "yesterday",
            ])),
            prop::option::of(prop::collection::vec(category(), 0..4)),
            prop::option::of(prop::collection::vec(tag(), 0..3)),
            prop::option::of(select(vec!["news", "NEWS", "analysis", "Analisys", "x"])),
            prop::option::of(select(vec![
                "https://example.org/a",
                "news.example.com/a",
                "example.org",
                "",
                "not a url",
                "ftp://example.org/",
            ])),
        ),
        (
            prop::option::of(prop::collection::vec(image_path(), 0..3)),
            prop::option::of(image_path()),
            prop::option::of(select(vec![
                "/custom/",
                "/posts/bundle/",
                "",
                "x/y",
                "Bad Slug",
            ])),
            any::<bool>(),
            prop::option::of(select(vec![
                "unknown-value",
                "broken-image",
                "url-format",
                "no-such-rule",
                "",
            ])),
            prop::option::weighted(0.15, junk()),
            prop::collection::vec(any::<u8>(), 16),
        ),
    )
        .prop_map(
            |(
                (title, date, categories, tags, kind, source_url),
                (images, cover, url, duplicate, suppress, junk, styles),
            )| Fields {
                title,
                date,
                categories,
                tags,
                kind,
                source_url,
                images,
                cover,
                url,
                duplicate,
                suppress,
                junk,
                styles,
            },
        )
}

/// A YAML list, in flow or block style; `alias` adds an item `*a`.
fn yaml_list(key: &str, items: &[&str], style: u8, alias: bool, out: &mut Vec<String>) {
    if style % 4 == 3 {
        out.push(format!("{key}:"));
        for (i, item) in items.iter().enumerate() {
            let style = style.wrapping_add(i as u8);
            if style % 7 == 5 {
                // A block scalar, literal or folded.
                out.push(format!(
                    "  - {}",
                    ["|-", ">", "|2-"][usize::from(style % 3)]
                ));
                out.push(format!("    {item}"));
            } else {
                out.push(format!("  - {}", yaml_scalar(item, style)));
            }
        }
        if alias {
            out.push("  - *a".to_string());
        }
    } else {
        let mut items: Vec<String> = items
            .iter()
            .enumerate()
            .map(|(i, item)| yaml_scalar(item, style.wrapping_add(i as u8)))
            .collect();
        if alias {
            items.push("*a".to_string());
        }
        out.push(format!("{key}: [{}]", items.join(", ")));
    }
}

fn yaml(f: &Fields) -> Vec<String> {
    let s = |i: usize| f.styles[i];
    let mut out = vec!["---".to_string()];
    if let Some(t) = &f.title {
        out.push(format!("title: {}", yaml_scalar(t, s(0))));
    }
    if let Some(d) = f.date {
        out.push(format!("date: {d}"));
    }
    let alias = s(10) % 4 == 0;
    if alias {
        out.push(format!(
            "anchor: &a {}",
            yaml_scalar(
                ["research", "AI 技術解析", "/images/X.JPG"][usize::from(s(11) % 3)],
                s(12)
            )
        ));
    }
    if let Some(c) = &f.categories {
        yaml_list("categories", c, s(1), alias, &mut out);
    }
    if let Some(t) = &f.tags {
        yaml_list("tags", t, s(2), false, &mut out);
    }
    if let Some(k) = f.kind {
        if s(3) % 5 == 4 {
            out.push(format!("kind: {}", ["|", ">-"][usize::from(s(14) % 2)]));
            out.push(format!("  {k}"));
        } else {
            out.push(format!("kind: {}", yaml_scalar(k, s(3))));
        }
    }
    if let Some(u) = f.source_url {
        out.push(format!("source_url: {}", yaml_scalar(u, s(4))));
    }
    if let Some(i) = &f.images {
        yaml_list("images", i, s(5), alias && s(13) % 2 == 0, &mut out);
    }
    if let Some(c) = f.cover {
        out.push("cover:".to_string());
        out.push(format!("  image: {}", yaml_scalar(c, s(6))));
    }
    if let Some(u) = f.url {
        let key = ["url", "slug"][usize::from(s(9) % 2)];
        out.push(format!("{key}: {}", yaml_scalar(u, s(7))));
    }
    if f.duplicate {
        out.push("Categories: [\"research\"]".to_string());
    }
    if let Some(j) = &f.junk {
        out.push(j.clone());
    }
    if let Some(rule) = f.suppress {
        let at = usize::from(s(8)) % out.len();
        out[at].push_str(&format!(" # pagelint: ignore[{rule}]"));
    }
    out.push("---".to_string());
    out
}

fn toml_list(items: &[&str], style: u8) -> String {
    let items: Vec<String> = items
        .iter()
        .enumerate()
        .map(|(i, item)| toml_string(item, style.wrapping_add(i as u8)))
        .collect();
    format!("[{}]", items.join(", "))
}

fn toml(f: &Fields) -> Vec<String> {
    let s = |i: usize| f.styles[i];
    let mut out = vec!["+++".to_string()];
    if let Some(t) = &f.title {
        out.push(format!("title = {}", toml_string(t, s(0))));
    }
    if let Some(d) = f.date {
        out.push(format!("date = {d}"));
    }
    if let Some(c) = &f.categories {
        out.push(format!("categories = {}", toml_list(c, s(1))));
    }
    if let Some(t) = &f.tags {
        out.push(format!("tags = {}", toml_list(t, s(2))));
    }
    if let Some(k) = f.kind {
        out.push(format!("kind = {}", toml_string(k, s(3))));
    }
    if let Some(u) = f.source_url {
        out.push(format!("source_url = {}", toml_string(u, s(4))));
    }
    if let Some(i) = &f.images {
        out.push(format!("images = {}", toml_list(i, s(5))));
    }
    if let Some(u) = f.url {
        let key = ["url", "slug"][usize::from(s(9) % 2)];
        out.push(format!("{key} = {}", toml_string(u, s(7))));
    }
    if f.duplicate {
        out.push("categories = [\"research\"]".to_string());
    }
    if let Some(j) = &f.junk {
        out.push(j.clone());
    }
    if let Some(c) = f.cover {
        if s(6) % 2 == 0 {
            out.push("[cover]".to_string());
            out.push(format!("image = {}", toml_string(c, s(6) / 2)));
        } else {
            out.push(format!("cover.image = {}", toml_string(c, s(6) / 2)));
        }
    }
    if let Some(rule) = f.suppress {
        let at = usize::from(s(8)) % out.len();
        out[at].push_str(&format!(" # pagelint: ignore[{rule}]"));
    }
    out.push("+++".to_string());
    out
}

fn json(f: &Fields) -> Vec<String> {
    let list = |items: &[&str]| {
        let items: Vec<String> = items
            .iter()
            .enumerate()
            .map(|(i, item)| json_string(item, f.styles[15].wrapping_add(i as u8) % 3 == 0))
            .collect();
        format!("[{}]", items.join(", "))
    };
    let mut entries = Vec::new();
    if let Some(t) = &f.title {
        entries.push(format!(
            "  \"title\": {}",
            json_string(t, f.styles[15] % 2 == 1)
        ));
    }
    if let Some(d) = f.date {
        entries.push(format!(
            "  \"date\": {}",
            json_string(d.trim_matches('"'), f.styles[15] % 2 == 1)
        ));
    }
    if let Some(c) = &f.categories {
        entries.push(format!("  \"categories\": {}", list(c)));
    }
    if let Some(t) = &f.tags {
        entries.push(format!("  \"tags\": {}", list(t)));
    }
    if let Some(k) = f.kind {
        entries.push(format!(
            "  \"kind\": {}",
            json_string(k, f.styles[15] % 2 == 1)
        ));
    }
    if let Some(u) = f.source_url {
        entries.push(format!(
            "  \"source_url\": {}",
            json_string(u, f.styles[15] % 2 == 1)
        ));
    }
    if let Some(i) = &f.images {
        entries.push(format!("  \"images\": {}", list(i)));
    }
    if let Some(c) = f.cover {
        entries.push(format!(
            "  \"cover\": {{\"image\": {}}}",
            json_string(c, f.styles[15] % 2 == 1)
        ));
    }
    if f.duplicate {
        entries.push("  \"categories\": [\"research\"]".to_string());
    }
    if let Some(j) = &f.junk {
        entries.push(j.clone());
    }
    let mut out = vec!["{".to_string()];
    let n = entries.len();
    for (i, e) in entries.into_iter().enumerate() {
        out.push(if i + 1 < n { format!("{e},") } else { e });
    }
    out.push("}".to_string());
    out
}

fn org(f: &Fields) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(t) = &f.title {
        out.push(format!("#+title: {t}"));
    }
    if let Some(c) = &f.categories {
        out.push(format!("#+categories: {}", c.join(" ")));
    }
    if let Some(u) = f.source_url {
        out.push(format!("#+source_url: {u}"));
    }
    if out.is_empty() {
        out.push("#+title: x".to_string());
    }
    out
}

/// Ways to break a front matter block.
#[derive(Debug, Clone, Copy)]
enum Breakage {
    None,
    /// The closing delimiter is missing.
    Unclosed,
    /// The closing delimiter has trailing text.
    BadClose,
    /// An unterminated quote or bracket on some line.
    Unterminated(u8),
    /// A line cut at some character.
    Cut(u8, u8),
    /// The opening delimiter has trailing spaces.
    PaddedOpen,
}

fn breakage() -> impl Strategy<Value = Breakage> {
    prop_oneof![
        6 => Just(Breakage::None),
        1 => Just(Breakage::Unclosed),
        1 => Just(Breakage::BadClose),
        1 => any::<u8>().prop_map(Breakage::Unterminated),
        1 => (any::<u8>(), any::<u8>()).prop_map(|(a, b)| Breakage::Cut(a, b)),
        1 => Just(Breakage::PaddedOpen),
    ]
}

fn break_front_matter(mut lines: Vec<String>, b: Breakage) -> Vec<String> {
    let n = lines.len();
    match b {
        Breakage::None => {}
        Breakage::Unclosed => {
            lines.pop();
        }
        Breakage::BadClose => {
            if let Some(last) = lines.last_mut() {
                last.push_str(" x");
            }
        }
        Breakage::Unterminated(at) => {
            let at = usize::from(at) % n;
            lines.insert(at.max(1).min(n), "title: \"unterminated [".to_string());
        }
        Breakage::Cut(at, len) => {
            let line = &mut lines[usize::from(at) % n];
            let keep = usize::from(len) % (line.chars().count() + 1);
            *line = line.chars().take(keep).collect();
        }
        Breakage::PaddedOpen => lines[0].push_str("  "),
    }
    lines
}

fn front_matter() -> impl Strategy<Value = Vec<String>> {
    (0u8..10, fields(), breakage()).prop_map(|(format, f, b)| match format {
        0 => Vec::new(),
        1..=4 => break_front_matter(yaml(&f), b),
        5..=6 => break_front_matter(toml(&f), b),
        7..=8 => break_front_matter(json(&f), b),
        _ => org(&f),
    })
}

/// An image written in one of the forms pagelint reads, as body lines.
fn image() -> impl Strategy<Value = Vec<String>> {
    (0u8..24, image_path(), image_path(), cjk(), 1u8..4).prop_map(|(form, p, q, alt, r)| {
        match form {
            0 | 1 => vec![format!("![{alt}]({p})")],
            2 => vec![format!("![{alt}]({p} \"標題\")")],
            3 => vec![format!("![{alt}](<{p}>)")],
            4 => vec![
                format!("![{alt}][r{r}]"),
                String::new(),
                format!("[r{r}]: {p}"),
            ],
            5 => vec![
                format!("![R{r}]"),
                String::new(),
                format!("[r{r}]: <{p}> \"t\""),
            ],
            6 => vec![format!("<img src=\"{p}\" alt=\"{alt}\">")],
            7 => vec![format!("<img alt=x src='{p}' />")],
            8 => vec![format!("<IMG SRC={p}>")],
            9 => vec![format!("{{{{< figure src=\"{p}\" caption=\"{alt}\" >}}}}")],
            10 => vec![format!("{{{{< figure src={p} >}}}}")],
            11 => vec![format!("{{{{% figure src=\"{p}\" %}}}}")],
            12 => vec![format!("- 項目 ![a]({p}) and `![b]({p})`")],
            13 => vec![format!("| ![a]({p}) | {alt} |"), "|---|---|".to_string()],
            // Hostile: the path again in the title, the alt or a link around it.
            14 => vec![format!("![{alt}]({p} \"]({q}\")")],
            15 => vec![format!("![{p}]({q})")],
            16 => vec![format!("[![{alt}]({p})]({q})")],
            17 => vec![format!("![a [b]]({p}) ![c]({p})")],
            18 => vec![format!("![{q}][{p}]"), String::new(), format!("[{p}]: {q}")],
            19 => vec![format!("<img alt=\"a src={p}\" src=\"{q}\">")],
            20 => vec![format!("<img\tsrc = \"{p}\"\tsrc=\"{q}\">")],
            21 => vec![
                "<div>".to_string(),
                format!("![{alt}]({p}) <img src=\"{q}\">"),
                "</div>".to_string(),
            ],
            22 => vec![format!("![{alt}]({p} ({q}))")],
            _ => vec![format!("![{alt}]({p}){alt}![{alt}]({q} '{p}')")],
        }
    })
}

fn shortcode() -> impl Strategy<Value = Vec<String>> {
    let one = select(vec![
        "{{< youtube dVq6R8v3NVE >}}",
        "{{< youtube >}}",
        "{{< youtube id=\"x\" >}}",
        "{{< callout >}}",
        "{{< /callout >}}",
        "{{% notice info %}}",
        "{{% /notice %}}",
        "{{< plain />}}",
        "{{< plain >}}x{{< /plain >}}",
        "{{< ref \"posts/other.md\" >}}",
        "{{< relref \"nope.md\" >}}",
        "{{< param \"title\" >}}",
        "{{< param \"nokey\" >}}",
        "{{< youtube",
        "{{< youtube abc %}}",
        "{{< youtub abc >}}",
        "{{< /figure >}}",
        "{{< \"quoted >}}",
        "{{<",
        ">}}",
        "{{< figure src=\"a >}} b\" >}}",
        "{{</* youtube VIDEO */>}}",
        "{{%/* notice */%}}",
        "{{</* unclosed",
        "{{< x.inline >}}{{ .Site.Title }}{{< /x.inline >}}",
        "{{< callout `raw\nstring` >}}",
        "{{< callout >}}{{< callout >}}{{< /callout >}}",
    ]);
    prop::collection::vec(one, 1..4).prop_map(|v| vec![v.concat()])
}

fn fence() -> impl Strategy<Value = Vec<String>> {
    (
        select(vec!["```", "````", "~~~", "```markdown", "  ```"]),
        prop::collection::vec(prop_oneof![image().prop_map(|v| v.join(" ")), junk()], 0..3),
        any::<bool>(),
    )
        .prop_map(|(open, inner, closed)| {
            let mut out = vec![open.to_string()];
            out.extend(inner);
            if closed {
                out.push(open.trim().trim_end_matches("markdown").to_string());
            }
            out
        })
}

fn suppression() -> impl Strategy<Value = Vec<String>> {
    select(vec![
        "<!-- pagelint-disable-next-line broken-image -->",
        "<!-- pagelint-disable broken-image, shortcode-unknown -->",
        "<!-- pagelint-enable broken-image -->",
        "<!-- pagelint-disable-next-line -->",
        "<!-- pagelint-disable-next-line no-such-rule -->",
        "<!-- pagelint-disable-next-line unknown-value shortcode-syntax -->",
        "<!-- pagelint-disable shortcode-syntax",
        "<!-- ![x](/images/X.JPG) -->",
    ])
    .prop_map(|s| vec![s.to_string()])
}

fn body_piece() -> impl Strategy<Value = Vec<String>> {
    prop_oneof![
        3 => cjk().prop_map(|s| vec![s]),
        2 => Just(vec![String::new()]),
        6 => image(),
        3 => shortcode(),
        1 => fence(),
        1 => image().prop_map(|v| v.into_iter().map(|l| format!("    {l}")).collect()),
        1 => image().prop_map(|v| v.into_iter().map(|l| format!("> {l}")).collect()),
        2 => suppression(),
        2 => junk().prop_map(|s| vec![s]),
        1 => (cjk(), image()).prop_map(|(t, v)| vec![format!("{t}{}", v.concat())]),
    ]
}

fn eol() -> impl Strategy<Value = Eol> {
    prop_oneof![
        4 => Just(Eol::Lf),
        2 => Just(Eol::Crlf),
        1 => Just(Eol::Cr),
        1 => Just(Eol::Mixed),
    ]
}

/// A random edit of the text: a splice of junk, or a cut at some character.
#[derive(Debug, Clone)]
enum Mutation {
    Splice(Index, String),
    Cut(Index),
}

fn mutation() -> impl Strategy<Value = Option<Mutation>> {
    prop_oneof![
        8 => Just(None),
        1 => (any::<Index>(), junk()).prop_map(|(i, s)| Some(Mutation::Splice(i, s))),
        1 => any::<Index>().prop_map(|i| Some(Mutation::Cut(i))),
    ]
}

fn char_at(text: &str, i: &Index) -> usize {
    let boundaries: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain([text.len()])
        .collect();
    boundaries[i.index(boundaries.len())]
}

fn document() -> impl Strategy<Value = Case> {
    (
        select(REL_PATHS.to_vec()),
        prop::bool::weighted(0.15),
        front_matter(),
        prop::collection::vec(body_piece(), 0..16),
        eol(),
        prop::collection::vec(0u8..3, 60),
        any::<bool>(),
        mutation(),
    )
        .prop_map(|(rel, bom, fm, body, eol, mixed, final_eol, mutation)| {
            let mut lines = fm;
            lines.extend(body.into_iter().flatten());
            let mut text = String::new();
            if bom {
                text.push('\u{feff}');
            }
            let n = lines.len();
            for (i, line) in lines.into_iter().enumerate() {
                text.push_str(&line);
                if i + 1 < n || final_eol {
                    text.push_str(match eol {
                        Eol::Lf => "\n",
                        Eol::Crlf => "\r\n",
                        Eol::Cr => "\r",
                        Eol::Mixed => ["\n", "\r\n", "\r"][usize::from(mixed[i % 60])],
                    });
                }
            }
            match mutation {
                None => {}
                Some(Mutation::Splice(i, s)) => {
                    let at = char_at(&text, &i);
                    text.insert_str(at, &s);
                }
                Some(Mutation::Cut(i)) => {
                    let at = char_at(&text, &i);
                    text.truncate(at);
                }
            }
            Case { rel, text }
        })
}

/// Bytes that are often not text: arbitrary bytes, a generated document
/// with some bytes overwritten, or a soup of delimiters, markup pieces and
/// broken UTF-8.
fn byte_soup() -> impl Strategy<Value = (&'static str, Vec<u8>)> {
    prop_oneof![
        (
            select(REL_PATHS.to_vec()),
            prop::collection::vec(any::<u8>(), 0..600)
        ),
        (
            document(),
            prop::collection::vec((any::<Index>(), any::<u8>()), 1..6)
        )
            .prop_map(|(case, flips)| {
                let mut bytes = case.text.into_bytes();
                if !bytes.is_empty() {
                    for (i, b) in flips {
                        let at = i.index(bytes.len());
                        bytes[at] = b;
                    }
                }
                (case.rel, bytes)
            }),
        (
            select(REL_PATHS.to_vec()),
            prop::collection::vec(
                select(vec![
                    &b"---"[..],
                    b"+++",
                    b"{",
                    b"}",
                    b"\n",
                    b"\r\n",
                    b"\r",
                    b"\xef\xbb\xbf",
                    b"\xff\xfe",
                    b"\0",
                    b"\xe6\x8a",
                    b"title: ",
                    b"categories: [",
                    b"]",
                    b"\"",
                    b"'",
                    b"![a](",
                    b"/images/X.JPG",
                    b")",
                    b"{{<",
                    b">}}",
                    b"{{%",
                    b"%}}",
                    b"/*",
                    b"*/",
                    b"```",
                    b"<!-- pagelint-disable-next-line broken-image -->",
                    b"<img src=",
                    "技術".as_bytes(),
                ]),
                0..60
            )
            .prop_map(|parts| parts.concat())
        ),
    ]
}

// -- running --------------------------------------------------------------------

fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Runs `test` on `cases` values of `strategy`. A failure is reported with
/// its minimal input, which is printed as Rust literals: add it to the
/// known inputs at the end of this file.
fn run<S: Strategy>(
    name: &str,
    default_cases: u32,
    strategy: S,
    test: impl Fn(S::Value) -> Result<(), TestCaseError>,
) where
    S::Value: std::fmt::Debug,
{
    let config = Config {
        cases: cases(default_cases),
        source_file: Some(file!()),
        failure_persistence: None,
        // Shrinking a document is slow in a debug build; a few thousand steps suffice.
        max_shrink_iters: 4096,
        ..Config::default()
    };
    // A fixed seed, so that a failure in CI is the same failure on every
    // machine; `PROPTEST_SEED=N` explores elsewhere (and names the seed to
    // reproduce with).
    let seed: u64 = std::env::var("PROPTEST_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0x7061_6765_6c69_6e74);
    let mut bytes = [0u8; 32];
    bytes[..8].copy_from_slice(&seed.to_le_bytes());
    let rng = TestRng::from_seed(RngAlgorithm::ChaCha, &bytes);
    let mut runner = TestRunner::new_with_rng(config, rng);
    match runner.run(&strategy, test) {
        Ok(()) => {}
        Err(TestError::Fail(why, value)) => {
            panic!("{name} (PROPTEST_SEED={seed}): {why}\nminimal input: {value:#?}")
        }
        Err(e) => panic!("{name} (PROPTEST_SEED={seed}): {e}"),
    }
}

/// Runs a check on one known input.
fn known(name: &str, result: Result<(), TestCaseError>) {
    if let Err(e) = result {
        panic!("{name}: {e}");
    }
}

// -- checks -----------------------------------------------------------------------

fn in_text(text: &str, span: &Range<usize>) -> bool {
    span.start <= span.end
        && span.end <= text.len()
        && text.is_char_boundary(span.start)
        && text.is_char_boundary(span.end)
}

/// Every primary, related and edit span lies within the text, on char boundaries.
fn check_spans(text: &str, diagnostics: &[Diagnostic]) -> Result<(), TestCaseError> {
    for d in diagnostics {
        prop_assert!(
            in_text(text, &d.span),
            "{} span {:?} is not within the text of {} bytes on char boundaries: {d:?}\nin {text:?}",
            d.rule,
            d.span,
            text.len()
        );
        for l in &d.related {
            prop_assert!(
                in_text(text, &l.span),
                "{} related span {:?} is out of the text: {d:?}\nin {text:?}",
                d.rule,
                l.span
            );
        }
        for e in d.fix.iter().flat_map(|f| &f.edits) {
            prop_assert!(
                in_text(text, &e.span),
                "{} edit span {:?} is out of the text or splits a character: {d:?}\nin {text:?}",
                d.rule,
                e.span
            );
        }
    }
    Ok(())
}

/// Whether two edits touch: an insertion occupies the character after it.
fn conflict(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end.max(b.start + 1) && b.start < a.end.max(a.start + 1)
}

/// The fixes `fix::apply` should apply, chosen independently of it: in
/// diagnostic order, each allowed fix whose edits touch no edit chosen before.
fn chosen_fixes(diagnostics: &[Diagnostic], mode: Mode) -> Vec<&Diagnostic> {
    let mut taken: Vec<Range<usize>> = Vec::new();
    let mut chosen = Vec::new();
    for d in diagnostics {
        let Some(fix) = &d.fix else { continue };
        if !mode.allows(fix.applicability) {
            continue;
        }
        if fix
            .edits
            .iter()
            .any(|e| taken.iter().any(|t| conflict(&e.span, t)))
        {
            continue;
        }
        taken.extend(fix.edits.iter().map(|e| e.span.clone()));
        chosen.push(d);
    }
    chosen
}

/// The text the chosen fixes make: the original bytes between the edits,
/// each edit's content in its place.
fn reconstruct(text: &str, chosen: &[&Diagnostic]) -> String {
    let mut edits: Vec<(Range<usize>, &str)> = chosen
        .iter()
        .flat_map(|d| &d.fix.as_ref().unwrap().edits)
        .map(|e| (e.span.clone(), e.content.as_str()))
        .collect();
    edits.sort_by_key(|(span, _)| span.start);
    let mut pieces: Vec<&str> = Vec::new();
    let mut at = 0;
    for (span, content) in &edits {
        pieces.push(&text[at..span.start]);
        pieces.push(content);
        at = span.end;
    }
    pieces.push(&text[at..]);
    pieces.concat()
}

/// Where offset `p` of the old text is after the chosen edits.
fn moved(p: usize, chosen: &[&Diagnostic]) -> usize {
    let mut q = p as isize;
    for e in chosen.iter().flat_map(|d| &d.fix.as_ref().unwrap().edits) {
        if e.span.end <= p && !(e.span.is_empty() && e.span.start == p) {
            q += e.content.len() as isize - e.span.len() as isize;
        }
    }
    q as usize
}

/// `fix::apply` in both modes changes the bytes of the chosen edits and
/// nothing else.
fn check_apply(text: &str, diagnostics: &[Diagnostic]) -> Result<(), TestCaseError> {
    for mode in [Mode::Safe, Mode::Unsafe] {
        let (fixed, applied) = fix::apply(text, diagnostics, mode);
        let chosen = chosen_fixes(diagnostics, mode);
        prop_assert_eq!(applied, chosen.len(), "fixes applied in {:?}", mode);
        prop_assert_eq!(
            &fixed,
            &reconstruct(text, &chosen),
            "{:?} fixes of {:?}",
            mode,
            text
        );
    }
    Ok(())
}

/// Fixing the fixed text changes nothing, the fixes add no finding, and no
/// fixed finding is reported again where it was. Returns the number of
/// fixes applied the first time.
fn check_idempotent(engine: &Linter<'_>, rel: &str, text: &str) -> Result<usize, TestCaseError> {
    let (doc, diagnostics) = lint(engine, rel, text.as_bytes().to_vec());
    if doc.unreadable.is_some() {
        return Ok(0);
    }
    let (fixed, applied) = fix::apply(&doc.text, &diagnostics, Mode::Unsafe);
    if applied == 0 {
        return Ok(0);
    }
    let chosen = chosen_fixes(&diagnostics, Mode::Unsafe);
    let (again, again_diagnostics) = lint(engine, rel, fixed.clone().into_bytes());
    check_spans(&again.text, &again_diagnostics)?;
    let (twice, applied_twice) = fix::apply(&fixed, &again_diagnostics, Mode::Unsafe);
    prop_assert!(
        applied_twice == 0 && twice == fixed,
        "a second fix changes {:?}\ninto {:?}\nwith {:?}\n(the first fixed {:?})",
        fixed,
        twice,
        chosen_fixes(&again_diagnostics, Mode::Unsafe),
        doc.text
    );
    // A fix adds no finding (a suppression it made useless aside).
    for rule in rules::names()
        .iter()
        .copied()
        .filter(|r| *r != "unused-suppression")
    {
        let count = |ds: &[Diagnostic]| ds.iter().filter(|d| d.rule == rule).count();
        prop_assert!(
            count(&again_diagnostics) <= count(&diagnostics),
            "the fixes add `{}` findings: {:?}\nbefore: {:?}\nafter: {:?}",
            rule,
            again_diagnostics
                .iter()
                .filter(|d| d.rule == rule)
                .collect::<Vec<_>>(),
            doc.text,
            fixed
        );
    }
    for d in &chosen {
        let at = moved(d.span.start, &chosen);
        let still = again_diagnostics
            .iter()
            .find(|a| a.rule == d.rule && a.span.start == at);
        prop_assert!(
            still.is_none(),
            "{} at {:?} is still reported after its fix {:?}:\n{:?}\nbefore: {:?}\nafter: {:?}",
            d.rule,
            d.span,
            d.fix,
            still,
            doc.text,
            fixed
        );
    }
    Ok(applied)
}

/// (line, column) of `offset` by counting from the start of the text.
fn naive_position(text: &str, offset: usize) -> (usize, usize) {
    let bytes = text.as_bytes();
    let (mut line, mut line_start) = (1, 0);
    let mut i = 0;
    while i < offset {
        match bytes[i] {
            b'\n' => (line, line_start) = (line + 1, i + 1),
            b'\r' if bytes.get(i + 1) == Some(&b'\n') => {
                if i + 1 < offset {
                    (line, line_start) = (line + 1, i + 2);
                }
                i += 1;
            }
            b'\r' => (line, line_start) = (line + 1, i + 1),
            _ => {}
        }
        i += 1;
    }
    let mut column = text[line_start..offset].chars().count() + 1;
    if line_start == 0 && offset >= 3 && text.starts_with('\u{feff}') {
        column -= 1;
    }
    (line, column)
}

/// `position` agrees with a naive count, `offset` inverts it, and where
/// `offset` answers, `position` of its answer is the position asked for.
fn check_line_index(text: &str) -> Result<(), TestCaseError> {
    let index = LineIndex::new(text);
    let boundaries: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain([text.len()])
        .collect();
    // Every boundary of a short text; about 512 of a long one, both ends included.
    let step = (boundaries.len() / 512).max(1);
    let sample = boundaries.iter().copied().step_by(step).chain([text.len()]);
    for offset in sample {
        let (line, column) = index.position(text, offset);
        prop_assert_eq!(
            (line, column),
            naive_position(text, offset),
            "position of offset {} in {:?}",
            offset,
            text
        );
        // A BOM is no column: offset 0 and the first character after it
        // share (1, 1), and (1, 1) means the character after it.
        let expected = if offset == 0 && text.starts_with('\u{feff}') {
            3
        } else {
            offset
        };
        prop_assert_eq!(
            index.offset(text, line, column),
            Some(expected),
            "offset of ({}, {}), the position of offset {} in {:?}",
            line,
            column,
            offset,
            text
        );
    }
    for line in (1..=index.line_count() + 1).step_by(step) {
        let width = index
            .line_span(text, (line - 1).min(index.line_count() - 1))
            .len();
        for column in 1..=width + 4 {
            if let Some(offset) = index.offset(text, line, column) {
                prop_assert_eq!(
                    index.position(text, offset),
                    (line, column),
                    "offset({}, {}) = {} in {:?}",
                    line,
                    column,
                    offset,
                    text
                );
            }
        }
    }
    Ok(())
}

// -- properties -------------------------------------------------------------------

#[test]
fn spans_lie_within_the_text_on_char_boundaries() {
    let fx = fixture();
    let engine = fx.engine();
    let seen = Mutex::new(BTreeMap::<String, usize>::new());
    run("spans (documents)", DOCUMENT_CASES, document(), |case| {
        let (doc, diagnostics) = lint(&engine, case.rel, case.text.into_bytes());
        let mut seen = seen.lock().unwrap();
        for d in &diagnostics {
            let fix = match d.fix.as_ref().map(|f| f.applicability) {
                None => "",
                Some(Applicability::Safe) => " (safe fix)",
                Some(Applicability::Unsafe) => " (unsafe fix)",
            };
            *seen.entry(format!("{}{fix}", d.rule)).or_default() += 1;
        }
        check_spans(&doc.text, &diagnostics)
    });
    eprintln!(
        "findings in the generated documents: {:#?}",
        seen.lock().unwrap()
    );
    run("spans (bytes)", BYTES_CASES, byte_soup(), |(rel, bytes)| {
        let (doc, diagnostics) = lint(&engine, rel, bytes);
        check_spans(&doc.text, &diagnostics)
    });
}

#[test]
fn line_index_positions_round_trip() {
    run(
        "line index (documents)",
        DOCUMENT_CASES / 2,
        document(),
        |case| check_line_index(&case.text),
    );
    let endings = prop::collection::vec(
        select(vec![
            "\n", "\r\n", "\r", "\r\r\n", "\n\r", "a", "標", "\u{feff}", "😀", " ", "",
        ]),
        0..40,
    )
    .prop_map(|parts| parts.concat());
    run("line index (line endings)", 1024, endings, |text| {
        check_line_index(&text)
    });
    let bom = ("\\PC{0,8}", any::<String>()).prop_map(|(a, b)| format!("\u{feff}{a}\r\n{b}"));
    run("line index (BOM)", 256, bom, |text| check_line_index(&text));
    // Long texts, past the index's blocks of 4096 bytes: the lengths near
    // multiples of 4096 are drawn often.
    let long = (
        prop_oneof![
            1usize..9000,
            (1usize..3, 0usize..3).prop_map(|(k, d)| k * 4096 - d)
        ],
        0usize..3,
    )
        .prop_map(|(n, unit)| {
            let mut s = ["a", "標", "é\r\n"][unit].repeat(n);
            let mut len = n;
            while !s.is_char_boundary(len) {
                len -= 1;
            }
            s.truncate(len);
            s
        });
    run("line index (long texts)", 64, long, |text| {
        check_line_index(&text)
    });
}

#[test]
fn fixes_change_no_byte_outside_their_edits() {
    let fx = fixture();
    let engine = fx.engine();
    run("fix::apply", DOCUMENT_CASES, document(), |case| {
        let (doc, diagnostics) = lint(&engine, case.rel, case.text.into_bytes());
        check_spans(&doc.text, &diagnostics)?;
        check_apply(&doc.text, &diagnostics)
    });
}

#[test]
fn fixing_is_idempotent_and_fixes_what_it_fixed() {
    let fx = fixture();
    let engine = fx.engine();
    let (documents, fixes) = (AtomicUsize::new(0), AtomicUsize::new(0));
    run("idempotent fixes", DOCUMENT_CASES, document(), |case| {
        let applied = check_idempotent(&engine, case.rel, &case.text)?;
        if applied > 0 {
            documents.fetch_add(1, Ordering::Relaxed);
            fixes.fetch_add(applied, Ordering::Relaxed);
        }
        Ok(())
    });
    let (documents, fixes) = (documents.into_inner(), fixes.into_inner());
    eprintln!("idempotent fixes: {fixes} fixes applied in {documents} documents");
    assert!(
        documents * 5 >= cases(DOCUMENT_CASES) as usize,
        "a fifth of the documents at least should have fixes: {documents}"
    );
}

#[test]
fn arbitrary_bytes_never_panic() {
    let fx = fixture();
    let engine = fx.engine();
    run("byte soup", BYTES_CASES, byte_soup(), |(rel, bytes)| {
        let (doc, diagnostics) = lint(&engine, rel, bytes);
        // What a report would do with them: positions and fixes.
        let index = LineIndex::new(&doc.text);
        for d in &diagnostics {
            index.position(&doc.text, d.span.start);
            index.position(&doc.text, d.span.end);
        }
        if doc.unreadable.is_none() {
            fix::apply(&doc.text, &diagnostics, Mode::Unsafe);
        }
        Ok(())
    });
}

/// Cases per property: about a second each in a debug build.
const DOCUMENT_CASES: u32 = 3000;
const BYTES_CASES: u32 = 3000;

// -- known inputs -----------------------------------------------------------------
//
// Inputs that broke a property once, each checked on every run whatever the
// random cases. Each test names the bug it caught.

/// The document checks on one text: spans, `fix::apply`, idempotence.
fn check_document(engine: &Linter<'_>, rel: &str, text: &str) -> Result<(), TestCaseError> {
    let (doc, diagnostics) = lint(engine, rel, text.as_bytes().to_vec());
    check_spans(&doc.text, &diagnostics)?;
    check_apply(&doc.text, &diagnostics)?;
    check_idempotent(engine, rel, text).map(|_| ())
}

fn check_documents(texts: &[&str]) {
    let fx = fixture();
    let engine = fx.engine();
    for text in texts {
        known(text, check_document(&engine, REL_PATHS[0], text));
    }
}

/// A fix inside a YAML block scalar (`>`, `|`) cut the indicator's
/// neighbour and the value's last byte: `claude` became `cClaude`, and a
/// CJK value got an edit that splits a character.
#[test]
fn known_yaml_block_scalar_values() {
    check_documents(&[
        "---\ntitle: x\ntags:\n  - >\n    claude\n---\n",
        "---\ntitle: x\ntags:\n  - >\n    安全\n---\n",
        "---\ntitle: x\nkind: >-\n  NEWS\n---\n",
        "---\ntitle: x\nsource_url: >-\n  example.org/a\n---\n",
    ]);
}

/// A fix of a tagged plain scalar (`!!str claude`) treated it as quoted.
#[test]
fn known_yaml_tagged_values() {
    check_documents(&[
        "---\ntitle: x\ntags: [!!str claude]\n---\n",
        "---\ntitle: x\nkind: !!str NEWS\n---\n",
        "---\ntitle: x\ncategories: [!!str ai 技術解析]\n---\n",
        "---\ntitle: x\nsource_url: !!str example.org/a\n---\n",
    ]);
}

/// A fix of an alias to a quoted anchor wrote inside the alias: `*a` became `*Researcha`.
#[test]
fn known_yaml_alias_to_a_quoted_value() {
    check_documents(&[
        "---\ntitle: x\nanchor: &a 'research'\ncategories: [*a]\n---\n",
        "---\ntitle: x\nanchor: &a \"research\"\ncategories:\n  - *a\n---\n",
    ]);
}

/// An image whose title holds `](` and the path: the fix edited the title.
#[test]
fn known_image_title_holding_the_path() {
    check_documents(&["![a](/images/X.JPG \"](/images/X.JPG\")\n"]);
}

/// `https://` in front of a value that is still no URL is no fix.
#[test]
fn known_url_suggestion_that_is_no_url() {
    check_documents(&[
        "---\ntitle: x\nsource_url: \"example.org:99999/a\"\n---\n",
        "---\ntitle: x\nsource_url: \":news.example.com/a\"\n---\n",
    ]);
}

/// Positions at the end of a text whose length is a multiple of 4096
/// (one column off, or a subtraction overflow), inside a CRLF, and
/// `offset` answering columns past a line's end.
#[test]
fn known_line_index_edges() {
    let texts = [
        "a\r\n".to_string(),
        "標\ncd".to_string(),
        "ab".to_string(),
        String::new(),
        "a".repeat(4096),
        format!("x\n{}", "a".repeat(4094)),
    ];
    for text in &texts {
        known(text, check_line_index(text));
    }
}

/// `pagelint check` on a 4096-byte file ending in an unclosed shortcode
/// panicked computing the column of its end.
#[test]
fn known_unclosed_shortcode_at_the_end_of_4096_bytes() {
    let head = "---\ntitle: x\n---\n\n";
    let tail = "\n{{< youtube";
    let text = format!("{head}{}{tail}", "a".repeat(4096 - head.len() - tail.len()));
    assert_eq!(text.len(), 4096);
    let site = common::TempSite::new();
    site.write("content/a.md", &text);
    let out = site
        .cmd()
        .args(["check", "--format", "json"])
        .output()
        .unwrap();
    common::exit_code(&out);
}

/// An empty block scalar (`- |-` followed by nothing) has an empty span at
/// the start of the next line; a did-you-mean fix there inserted the
/// suggestion into the next key (`安全kind:`) or the next list item, so the
/// fixed file no longer parsed.
#[test]
fn known_empty_block_scalar_values() {
    check_documents(&[
        "---\ncategories: []\ntags:\n  - |-\n\nkind: \"n\\x65ws\"\ncover:\n  image: /images/x.jpg\n---",
        "---\ndate: 2025-05-13T23:30:17+08:00\ntags:\n  - |-\n\n  - \"claude\"\ncover:\n  \
         image: /images/x.jpg\nurl: /custom/\n---",
    ]);
}
