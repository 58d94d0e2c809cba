//! The ids a page's Markdown gives its elements, exactly as Hugo's Goldmark makes them:
//! headings (and definition terms, when enabled) get an id from their text
//! (`markup/goldmark/autoid.go` `sanitizeAnchorName`, `idFactory.Generate`), a `{#custom}`
//! attribute sets one (`parser.WithAttribute`), and raw HTML's `id`/`name` attributes name
//! anchors where raw HTML renders.
//!
//! The text an id is made from is Hugo's `render.TextPlain` of the heading
//! (`markup/goldmark/internal/render`): the raw text of its inline nodes (emphasis, links,
//! images' alt text, code spans), raw HTML with its tags stripped, typographer replacements
//! (`--` is an en dash), then named entities resolved (`&amp;`; numeric ones stay as written);
//! of a multi-line setext heading, the last line (`attributes.go` `textHeadingID`). Ids are
//! given in document order: a custom id is taken as it is, an auto id that is taken already
//! gets `-1`, `-2`, ... (the first free one).
//!
//! When a heading holds a shortcode (`## {{< param x >}}`), Hugo fills its text in after the
//! ids are made from a placeholder: the ids are then [`Anchors::unknown`], and no fragment of
//! the page is reported missing.

use rustc_hash::FxHashSet as HashSet;
use std::sync::LazyLock;

use pulldown_cmark::{Event, Tag as MdTag, TagEnd};
use regex::Regex;

use super::links::html_unescape;
use super::masked::Masked;
use super::shortcode_lexer::{go_text, letters};
use super::{Delim, Shortcodes};
use crate::frontmatter::Span;
use crate::version::HugoVersion;

/// `markup.goldmark.parser.autoIDType` (`autoHeadingIDType` before 0.144).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum IdType {
    /// GitHub's: letters, digits and `_` lower-cased, spaces and `-` as `-`, the rest dropped.
    #[default]
    Github,
    /// The same on the text with accents removed, ASCII only.
    GithubAscii,
    /// Blackfriday's `SanitizedAnchorName`: runs of anything but letters and numbers as one `-`.
    Blackfriday,
}

/// What decides a page's ids: Hugo's `markup.goldmark` settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IdSettings {
    /// `parser.autoIDType`.
    pub id_type: IdType,
    /// `parser.autoHeadingID` (default true).
    pub auto_heading_id: bool,
    /// `parser.attribute.title` (default true): `## Title {#id}` sets the id.
    pub attribute_title: bool,
    /// `parser.autoDefinitionTermID` (default false).
    pub definition_term_ids: bool,
    /// `extensions.typographer` is on (default): `--` and `---` become dashes.
    pub typographer: bool,
    /// `renderer.unsafe`: raw HTML renders, so its `id` and `name` attributes exist.
    pub raw_html: bool,
}

impl Default for IdSettings {
    fn default() -> Self {
        IdSettings {
            id_type: IdType::Github,
            auto_heading_id: true,
            attribute_title: true,
            definition_term_ids: false,
            typographer: true,
            raw_html: false,
        }
    }
}

/// The ids of one page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Anchors {
    /// Every id, in document order: headings' and terms' (auto or custom), then raw HTML's.
    pub ids: Vec<String>,
    /// The page has footnotes, whose ids are `fn:N` and `fnref:N`.
    pub footnotes: bool,
    /// Why the page's ids cannot all be known, if they cannot.
    pub unknown: Option<&'static str>,
}

impl Anchors {
    /// Whether `fragment` (percent-decoded) names an element of the page.
    pub fn has(&self, fragment: &str) -> bool {
        self.ids.iter().any(|id| id == fragment)
            || (self.footnotes && (fragment.starts_with("fn:") || fragment.starts_with("fnref")))
    }
}

static HTML_ID: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"(?is)(?-u:\s)(?:id|name)(?-u:\s)*=(?-u:\s)*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))"#,
    )
    .expect("valid regex")
});
static TAG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?s)<!--.*?-->|<[^>]*>").expect("valid regex"));

/// Goldmark's `idFactory`: the ids given so far.
struct Factory {
    id_type: IdType,
    taken: HashSet<String>,
    ids: Vec<String>,
}

impl Factory {
    /// `Generate`: the id of `text`, `-N` added when it is taken.
    fn generate(&mut self, text: &str, empty: &str) -> String {
        let mut id = sanitize(text, self.id_type);
        if id.is_empty() {
            id = empty.to_string();
        }
        if self.taken.contains(&id) {
            let base = format!("{id}-");
            id = (1..)
                .map(|i| format!("{base}{i}"))
                .find(|c| !self.taken.contains(c))
                .expect("a free number");
        }
        self.put(id.clone());
        id
    }

    /// `Put`: a custom id, taken as it is.
    fn put(&mut self, id: String) {
        self.taken.insert(id.clone());
        self.ids.push(id);
    }
}

/// Hugo's `sanitizeAnchorName` for one id type.
pub fn sanitize(text: &str, id_type: IdType) -> String {
    match id_type {
        IdType::Blackfriday => blackfriday(text),
        IdType::Github => github(text.trim(), false),
        IdType::GithubAscii => {
            let nfd = icu_normalizer::DecomposingNormalizerBorrowed::new_nfd();
            github(&nfd.normalize(text.trim()), true)
        }
    }
}

/// Go's `unicode.IsLetter || unicode.IsDigit` (or `_`) at the Unicode tables of the latest
/// release's Go: the ids are checked against Hugo 0.168.0's (`tests/it/hugo_links.rs`).
fn is_alnum(c: char) -> bool {
    go_text::is_alnum(c, letters(HugoVersion::LATEST))
}

fn lower(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

fn github(text: &str, ascii_only: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if ascii_only && !c.is_ascii() {
            continue;
        }
        if c == '-' || c == ' ' {
            out.push('-');
        } else if is_alnum(c) {
            out.push(lower(c));
        }
    }
    out
}

/// `blackfriday.SanitizedAnchorName`: letters and numbers (Go's `IsLetter`, `IsNumber`)
/// lower-cased, every run of other characters between two of them as one `-`.
fn blackfriday(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut dash = false;
    for c in text.chars() {
        if (is_alnum(c) && c != '_') || c.is_numeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(lower(c));
        } else {
            dash = true;
        }
    }
    out
}

/// The named entities Goldmark's `ResolveEntityNames` turns into characters, for those that
/// appear in headings; another name makes the page's ids unknown.
fn entity(name: &str) -> Option<&'static str> {
    Some(match name {
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "quot" => "\"",
        "apos" => "'",
        "nbsp" => "\u{a0}",
        "copy" => "©",
        "reg" => "®",
        "trade" => "™",
        "hellip" => "…",
        "mdash" => "—",
        "ndash" => "–",
        "lsquo" => "‘",
        "rsquo" => "’",
        "ldquo" => "“",
        "rdquo" => "”",
        "laquo" => "«",
        "raquo" => "»",
        "middot" => "·",
        "times" => "×",
        "divide" => "÷",
        "deg" => "°",
        "euro" => "€",
        "pound" => "£",
        "yen" => "¥",
        "cent" => "¢",
        "sect" => "§",
        "para" => "¶",
        "shy" => "\u{ad}",
        "zwj" => "\u{200d}",
        "zwnj" => "\u{200c}",
        _ => return None,
    })
}

/// `&name;` resolved; None when a name is one pagelint does not know.
fn resolve_entities(text: &str) -> Option<String> {
    if !text.contains('&') {
        return Some(text.to_string());
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let name_len = after
            .bytes()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        if name_len > 0 && after.as_bytes().get(name_len) == Some(&b';') {
            out.push_str(entity(&after[..name_len])?);
            rest = &after[name_len + 1..];
        } else {
            out.push('&');
            rest = after;
        }
    }
    out.push_str(rest);
    Some(out)
}

/// Goldmark's typographer on a text node: `---` and `--` become dashes (the quotes, `...`
/// and `<<` it replaces are dropped from ids either way).
fn typographer(text: &str) -> String {
    text.replace("---", "—").replace("--", "–")
}

/// A heading or term being read: its text so far.
struct Open {
    custom: Option<String>,
    text: String,
    range: Span,
    term: bool,
    /// How deep in inline containers (emphasis, links, images) the parse is.
    depth: usize,
    /// Text pieces met in the current outermost container.
    leaves: usize,
    /// The text Goldmark sees may differ from what is gathered here.
    uncertain: bool,
}

/// Characters at which Goldmark may cut a container's text into several nodes (delimiters,
/// the typographer's quotes, escapes, brackets, entities): `TextPlain` writes only the first
/// node of a container (`textPlainTo(c.FirstChild())`), so such a heading's id is not known.
fn may_split(text: &str) -> bool {
    text.contains([
        '_', '*', '~', '\'', '"', '\\', '[', ']', '<', '>', '&', '`', '!',
    ]) || text.contains("--")
        || text.contains("...")
}

/// Whether the body may hold an id: a `#` (ATX headings, `{#id}`), a setext underline, a
/// footnote, raw HTML's `id=`/`name=`, or a definition list when terms get ids. Most pages
/// of a blog have headings, but this spares the parse of those that have none.
pub(super) fn may_hold_ids(body: &str, s: &IdSettings) -> bool {
    s.definition_term_ids
        || body.contains('#')
        || body.contains("[^")
        || (s.raw_html && (body.contains("id=") || body.contains("name=")))
        || body.lines().any(|l| {
            let t = l.trim();
            !t.is_empty() && (t.bytes().all(|b| b == b'=') || t.bytes().all(|b| b == b'-'))
        })
}

/// Collects the ids of one Markdown parse of the masked body (see `scan.rs`).
pub(super) struct AnchorCollector<'m> {
    masked: &'m Masked<'m>,
    settings: IdSettings,
    inner: Vec<Span>,
    factory: Factory,
    html_ids: Vec<String>,
    out: Anchors,
    open: Option<Open>,
}

impl<'m> AnchorCollector<'m> {
    /// A collector for a parse of `masked` with the site's `settings`.
    pub(super) fn new(
        masked: &'m Masked<'m>,
        shortcodes: &Shortcodes,
        settings: &IdSettings,
    ) -> Self {
        AnchorCollector {
            masked,
            settings: *settings,
            inner: angle_inner_ranges(masked, shortcodes),
            factory: Factory {
                id_type: settings.id_type,
                taken: HashSet::default(),
                ids: Vec::new(),
            },
            html_ids: Vec::new(),
            out: Anchors::default(),
            open: None,
        }
    }

    /// Takes one event of the parse, at `range` of the masked text.
    pub(super) fn event(&mut self, event: &Event<'_>, range: &Span) {
        match event {
            Event::Start(MdTag::Heading { id, .. }) => self.start(id.as_deref(), range, false),
            Event::Start(MdTag::DefinitionListTitle) => self.start(None, range, true),
            Event::End(TagEnd::Heading(_) | TagEnd::DefinitionListTitle) => {
                if let Some(o) = self.open.take() {
                    let s = self.settings;
                    if let Err(why) = close(o, self.masked, &self.inner, &s, &mut self.factory) {
                        self.out.unknown.get_or_insert(why);
                    }
                }
            }
            Event::Start(
                MdTag::Emphasis
                | MdTag::Strong
                | MdTag::Strikethrough
                | MdTag::Link { .. }
                | MdTag::Image { .. },
            ) => {
                if let Some(o) = self.open.as_mut() {
                    if o.depth == 0 {
                        o.leaves = 0;
                    }
                    o.depth += 1;
                }
            }
            Event::End(
                TagEnd::Emphasis
                | TagEnd::Strong
                | TagEnd::Strikethrough
                | TagEnd::Link
                | TagEnd::Image,
            ) => {
                if let Some(o) = self.open.as_mut() {
                    o.depth = o.depth.saturating_sub(1);
                }
            }
            Event::Text(t) => {
                // A raw slice holds an escape's backslash, as Goldmark's segment does; an
                // entity's raw text is resolved at the end, as TextPlain does.
                let raw = self.masked.text.get(range.clone()).unwrap_or(t);
                let typographer = self.settings.typographer;
                if let Some(o) = self.open.as_mut() {
                    if o.leaf(raw) {
                        o.text.push_str(&if typographer {
                            self::typographer(raw)
                        } else {
                            raw.into()
                        });
                    }
                }
            }
            Event::Code(t) => {
                if let Some(o) = self.open.as_mut() {
                    if o.leaf(t) {
                        o.text.push_str(t);
                    }
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(o) = self.open.as_mut() {
                    o.text.push('\n');
                }
            }
            Event::InlineHtml(h) | Event::Html(h) => {
                if let Some(o) = self.open.as_mut() {
                    o.text.push_str(TAG.replace_all(h, "").trim());
                }
                if self.settings.raw_html {
                    self.html_ids.extend(raw_html_ids(h));
                }
            }
            Event::Start(MdTag::FootnoteDefinition(_)) => self.out.footnotes = true,
            _ => {}
        }
    }

    fn start(&mut self, custom: Option<&str>, range: &Span, term: bool) {
        self.open = Some(Open {
            custom: custom.map(str::to_string),
            text: String::new(),
            range: range.clone(),
            term,
            depth: 0,
            leaves: 0,
            uncertain: false,
        });
    }

    /// The ids found: headings' and terms' in order, then raw HTML's.
    pub(super) fn finish(mut self) -> Anchors {
        self.out.ids = self.factory.ids;
        self.out.ids.extend(self.html_ids);
        self.out
    }
}

impl Open {
    /// Whether a piece of text is written into the id's text: at the top level always, in
    /// a container only the first piece (see [`may_split`]).
    fn leaf(&mut self, text: &str) -> bool {
        if self.depth == 0 {
            return true;
        }
        self.leaves += 1;
        if self.leaves > 1 || may_split(text) {
            self.uncertain = true;
        }
        self.leaves == 1
    }
}

/// Gives the heading or term its id; Err(why) when its id cannot be known.
fn close(
    o: Open,
    masked: &Masked,
    inner: &[Span],
    s: &IdSettings,
    factory: &mut Factory,
) -> Result<(), &'static str> {
    if masked.tags_in(&o.range).next().is_some() {
        return Err("a heading holds a shortcode, whose output Hugo puts in after the ids");
    }
    if inner
        .iter()
        .any(|r| r.start <= o.range.start && o.range.end <= r.end)
    {
        return Err("a heading is inside a shortcode, which renders it");
    }
    if let Some(id) = o.custom {
        factory.put(id);
        return Ok(());
    }
    if o.uncertain {
        return Err("a heading's inline markup may hide part of its text from its id");
    }
    if o.term && !s.definition_term_ids || !o.term && !s.auto_heading_id {
        return Ok(());
    }
    let text = resolve_entities(&o.text).ok_or("a heading holds an HTML entity")?;
    let text = if o.term {
        text.as_str()
    } else {
        text.rsplit('\n').next().unwrap_or("")
    };
    factory.generate(text, if o.term { "term" } else { "heading" });
    Ok(())
}

/// The insides of paired `{{< >}}` shortcodes (offsets of the masked text): Goldmark never
/// sees them; the shortcode's template renders them, or not.
fn angle_inner_ranges(masked: &Masked, shortcodes: &Shortcodes) -> Vec<Span> {
    let mut open: Vec<(usize, &str)> = Vec::new();
    let mut out = Vec::new();
    for (span, i) in &masked.tags {
        let tag = &shortcodes.tags[*i];
        if tag.closing {
            if let Some(k) = open.iter().rposition(|(_, n)| *n == tag.name) {
                let (start, _) = open[k];
                open.truncate(k);
                out.push(start..span.start);
            }
        } else if !tag.self_closing && tag.open_delim == Delim::Angle {
            open.push((span.end, tag.name.as_str()));
        }
    }
    out
}

/// The `id` and `name` attribute values of a piece of raw HTML.
fn raw_html_ids(html: &str) -> impl Iterator<Item = String> + '_ {
    HTML_ID.captures_iter(html).filter_map(|c| {
        c.get(1)
            .or_else(|| c.get(2))
            .or_else(|| c.get(3))
            .map(|m| html_unescape(m.as_str()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::body::anchors;

    fn ids_with(text: &str, s: &IdSettings) -> Anchors {
        let sc = super::super::shortcodes(text, 0, crate::version::HugoVersion::LATEST);
        anchors(text, 0..text.len(), &sc, s)
    }

    fn ids(text: &str) -> Vec<String> {
        ids_with(text, &IdSettings::default()).ids
    }

    #[test]
    fn github_ids_and_duplicates() {
        let text = concat!(
            "# Hello, World!\n\n## Hello World\n\n## hello world\n\n## Hello World 1\n\n",
            "## 中文：標題（AI 與 LLM）\n\n## ***\n\n",
            "## `code` and [link](/x/) and ![alt](/i.png)\n",
        );
        assert_eq!(
            ids(text),
            [
                "hello-world",
                "hello-world-1",
                "hello-world-2",
                "hello-world-1-1",
                "中文標題ai-與-llm",
                "heading",
                "code-and-link-and-alt",
            ]
        );
    }

    #[test]
    fn custom_ids_taken_in_order() {
        let text = "## Intro\n\n## Other {#intro}\n\n## Intro\n\n## X {#custom-id}\n";
        assert_eq!(ids(text), ["intro", "intro", "intro-1", "custom-id"]);
        let off = IdSettings {
            attribute_title: false,
            ..IdSettings::default()
        };
        assert_eq!(ids_with("## X {#custom-id}\n", &off).ids, ["x-custom-id"]);
    }

    #[test]
    fn typographer_entities_and_setext() {
        assert_eq!(ids("## a--b---c - d\n"), ["abc---d"]);
        assert_eq!(ids("## Tom &amp; Jerry&#39;s\n"), ["tom--jerry39s"]);
        assert_eq!(ids("first line\nsecond line\n===\n"), ["second-line"]);
    }

    #[test]
    fn blackfriday_and_ascii() {
        let bf = IdSettings {
            id_type: IdType::Blackfriday,
            ..IdSettings::default()
        };
        assert_eq!(
            ids_with("## Hello, World! _x_\n", &bf).ids,
            ["hello-world-x"]
        );
        let ascii = IdSettings {
            id_type: IdType::GithubAscii,
            ..IdSettings::default()
        };
        assert_eq!(ids_with("## Café 中文 Über\n", &ascii).ids, ["cafe--uber"]);
    }

    #[test]
    fn a_container_goldmark_may_cut_makes_ids_unknown() {
        // Hugo 0.168.0 makes `under_-and` of this: TextPlain writes a container's first node.
        let a = ids_with("## _under_score_ and more\n", &IdSettings::default());
        assert!(a.unknown.is_some());
        let b = ids_with(
            "## *plain emphasis* and [a link](/x/)\n",
            &IdSettings::default(),
        );
        assert_eq!(
            (b.unknown, b.ids),
            (None, vec!["plain-emphasis-and-a-link".to_string()])
        );
    }

    #[test]
    fn shortcodes_make_ids_unknown() {
        let a = ids_with("## {{< param x >}}\n\n## Known\n", &IdSettings::default());
        assert!(a.unknown.is_some());
        let b = ids_with(
            "{{< box >}}\n## Inside\n{{< /box >}}\n",
            &IdSettings::default(),
        );
        assert!(b.unknown.is_some());
        let c = ids_with(
            "{{% box %}}\n## Inside\n{{% /box %}}\n",
            &IdSettings::default(),
        );
        assert_eq!((c.unknown, c.ids), (None, vec!["inside".to_string()]));
    }

    #[test]
    fn raw_html_ids_where_raw_html_renders() {
        let text = "<div id=\"top\"><a name='old'></a></div>\n\n## T\n";
        let s = IdSettings {
            raw_html: true,
            ..IdSettings::default()
        };
        assert_eq!(ids_with(text, &s).ids, ["t", "top", "old"]);
        assert_eq!(ids(text), ["t"]);
    }

    #[test]
    fn footnotes_and_code() {
        let a = ids_with(
            "x[^1]\n\n[^1]: note\n\n```\n## not a heading\n```\n",
            &IdSettings::default(),
        );
        assert!(a.has("fn:1") && a.has("fnref:1") && a.ids.is_empty());
    }
}
