//! Front matter: where it is (split exactly as Hugo's page lexer splits it)
//! and what it holds (a span tree, whatever the format).

pub mod date_chains;
pub mod hugo_date;
pub mod hugo_keys;
pub mod hugo_meta;
pub mod json;
pub mod toml;
mod toml10;
pub mod tree;
pub mod yaml;

use crate::version::{Behaviour, HugoVersion};
pub use tree::{Entry, Node, NodeKind, ParseError, Span};

/// A front matter format, told by the block's first character as Hugo's
/// page lexer tells it (`parser/pageparser/pagelexer_intro.go`,
/// `lexIntroSection`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Between `---` lines.
    Yaml,
    /// Between `+++` lines.
    Toml,
    /// One JSON object starting with `{`.
    Json,
    /// Leading Org mode keyword lines, `#+key: value`; every value is a string.
    Org,
}

impl Format {
    /// The format's name for messages: `YAML`, `TOML`, `JSON` or `Org`.
    pub fn name(self) -> &'static str {
        match self {
            Format::Yaml => "YAML",
            Format::Toml => "TOML",
            Format::Json => "JSON",
            Format::Org => "Org",
        }
    }
}

/// A content file's front matter block: its format, where it opens, and its
/// tree or why it does not parse.
#[derive(Debug, Clone)]
pub struct FrontMatter {
    /// The format, from the block's first character.
    pub format: Format,
    /// The opening delimiter (`---`, `+++`, `{`, `#+`), where findings about
    /// the block as a whole point.
    pub delimiter: Span,
    /// The parsed tree with file offsets, or why Hugo would reject the block.
    pub tree: Result<Node, ParseError>,
}

/// A content file cut as Hugo's page lexer cuts it: front matter, then body.
#[derive(Debug, Clone)]
pub struct Split {
    /// The front matter block, parsed or not. None when the first character
    /// after a BOM and whitespace is not `-`, `+`, `{` or the `#` of `#+`
    /// (before Hugo 0.123, after an opening `<!--` line is skipped).
    pub front_matter: Option<FrontMatter>,
    /// What Hugo treats as content after the front matter.
    pub body: Span,
    /// A front matter block that Hugo 0.123 and later read as body text
    /// because an HTML comment comes first: the span of its opening delimiter.
    pub demoted: Option<Span>,
}

/// Splits `text` as Hugo's page lexer does and parses the front matter.
pub fn split(text: &str, version: HugoVersion) -> Split {
    let bytes = text.as_bytes();
    let old = version.has(Behaviour::PlainHtmlDocuments);
    let mut start = 0;
    // Hugo before 0.123 reads front matter wrapped in an HTML comment: the
    // comment's first line is skipped, and `-->` must follow later, unless
    // the page ends with the front matter.
    let mut comment: Option<usize> = None;
    loop {
        match bytes.get(start) {
            Some(b' ' | b'\t' | b'\r' | b'\n') => start += 1,
            Some(b'\x0b' | b'\x0c') if !old => start += 1,
            Some(0xEF) if text[start..].starts_with('\u{feff}') => start += 3,
            Some(b'<') if old => {
                if !text[start..].starts_with("<!--") {
                    return failed(
                        Format::Yaml,
                        start..start + 1,
                        "plain HTML documents not supported (Hugo before 0.123)",
                        start..start + 1,
                        start..text.len(),
                    );
                }
                comment.get_or_insert(start);
                start = line_end(text, start).1;
            }
            _ => break,
        }
    }
    let rest = &text[start..];
    let mut result = match bytes.get(start) {
        Some(b'-') => delimited(text, start, "---", Format::Yaml, version),
        Some(b'+') => delimited(text, start, "+++", Format::Toml, version),
        Some(b'{') => json_block(text, start),
        Some(b'#') if rest.starts_with("#+") => org_block(text, start),
        Some(b'<') if !old => Split {
            front_matter: None,
            body: start..text.len(),
            demoted: demoted_block(text, start),
        },
        _ => Split {
            front_matter: None,
            body: start..text.len(),
            demoted: None,
        },
    };
    if let Some(open) = comment {
        let failed_already = result
            .front_matter
            .as_ref()
            .is_some_and(|f| f.tree.is_err());
        let body = result.body.clone();
        if !failed_already && body.start < text.len() {
            match text[body.clone()].find("-->") {
                Some(i) => result.body = body.start + i + 3..text.len(),
                None => {
                    return failed(
                        Format::Yaml,
                        open..open + 4,
                        "starting HTML comment with no end",
                        open..open + 4,
                        body,
                    )
                }
            }
        }
    }
    if result.front_matter.is_none() && comment.is_none() {
        result.body = 0..text.len();
    }
    result
}

/// Hugo 0.123 and later: a page starting with an HTML comment has no front
/// matter, so a `---` or `+++` block right after the comment's first line
/// (inside the comment, or right after a one-line comment) is body text.
/// Returns the block's opening delimiter when such a block is there and closed.
fn demoted_block(text: &str, start: usize) -> Option<Span> {
    let after = &text[start..];
    if !after.starts_with("<!--") {
        return None;
    }
    let (line_end_at, next) = line_end(text, start);
    let first_line = &text[start..line_end_at];
    let mut at = next;
    // A comment closed on its first line: the block may follow after blank lines.
    if first_line.contains("-->") {
        while at < text.len() && text[at..line_end(text, at).0].trim().is_empty() {
            at = line_end(text, at).1;
        }
    }
    let delim = ["---", "+++"]
        .into_iter()
        .find(|d| text[at..].starts_with(d))?;
    let (_, mut line) = line_end(text, at);
    while line < text.len() {
        let (end, next) = line_end(text, line);
        if text[line..end].starts_with(delim) {
            return Some(at..at + delim.len());
        }
        line = next;
    }
    None
}

fn failed(
    format: Format,
    delimiter: Span,
    message: impl Into<String>,
    at: Span,
    body: Span,
) -> Split {
    Split {
        front_matter: Some(FrontMatter {
            format,
            delimiter,
            tree: Err(ParseError::new(message, at)),
        }),
        body,
        demoted: None,
    }
}

/// End of the line starting at `from`: (index of the line ending, index after it).
fn line_end(text: &str, from: usize) -> (usize, usize) {
    let bytes = text.as_bytes();
    match bytes[from..].iter().position(|&b| b == b'\n' || b == b'\r') {
        None => (text.len(), text.len()),
        Some(i) => {
            let at = from + i;
            let next = if bytes[at] == b'\r' && bytes.get(at + 1) == Some(&b'\n') {
                at + 2
            } else {
                at + 1
            };
            (at, next)
        }
    }
}

fn delimited(text: &str, start: usize, delim: &str, format: Format, version: HugoVersion) -> Split {
    // The opener as written: up to three characters, never split inside one.
    let mut end = start + delim.len().min(text.len() - start);
    while !text.is_char_boundary(end) {
        end += 1;
    }
    let opener = start..end;
    if !text[start..].starts_with(delim) {
        let (end, _) = line_end(text, start);
        return failed(
            format,
            opener,
            format!("invalid {} delimiter", format.name()),
            start..end.max(start + 1),
            start..text.len(),
        );
    }
    let payload_start = start + delim.len();
    // The opening line's own line ending is consumed; any other text on it joins the payload.
    let (_, mut line) = line_end(text, payload_start);
    let first_line = if text[payload_start..line].trim().is_empty() {
        line
    } else {
        payload_start
    };
    while line < text.len() {
        let (end, next) = line_end(text, line);
        if text[line..end].starts_with(delim) {
            let payload = &text[first_line..line];
            let tree = parse_payload(format, payload, version).map(|mut node| {
                node.shift(first_line);
                if node.span.is_empty() {
                    node.span = opener.clone();
                }
                node
            });
            let tree = tree.map_err(|e| {
                ParseError::new(
                    e.message,
                    e.span.start + first_line..e.span.end + first_line,
                )
            });
            // Like Hugo, the closer's own line ending is not body text.
            let mut body = line + delim.len();
            body += usize::from(text.as_bytes().get(body) == Some(&b'\r'));
            body += usize::from(text.as_bytes().get(body) == Some(&b'\n'));
            return Split {
                front_matter: Some(FrontMatter {
                    format,
                    delimiter: opener,
                    tree,
                }),
                body: body..text.len(),
                demoted: None,
            };
        }
        line = next;
    }
    let kind = if format == Format::Yaml {
        "YAML"
    } else {
        "TOML"
    };
    failed(
        format,
        opener.clone(),
        format!(
            "EOF looking for end {kind} front matter delimiter: no line \
            starting with `{delim}` closes this block"
        ),
        opener,
        text.len()..text.len(),
    )
}

/// Parses a block's payload as `version` of Hugo reads it: YAML 1.1 or 1.2, TOML 1.0 or
/// 1.1. Front matter that is not a map (a YAML list or scalar) is an error, as Hugo fails
/// to unmarshal it into a map.
fn parse_payload(format: Format, payload: &str, version: HugoVersion) -> Result<Node, ParseError> {
    let node = match format {
        Format::Yaml => yaml::parse_as(payload, yaml::Dialect::of(version))?,
        Format::Toml => toml::parse_as(payload, version.has(Behaviour::Toml11))?,
        Format::Json => json::parse(payload)?,
        Format::Org => org(payload),
    };
    if node.as_map().is_none() {
        let what = match node.kind {
            NodeKind::List(_) => "a list",
            _ => "a single value",
        };
        return Err(ParseError::new(
            format!(
                "the front matter is {what}, not a map of keys and values: Hugo fails \
                 (sequence was used where mapping is expected)"
            ),
            node.span.clone(),
        ));
    }
    Ok(node)
}

fn json_block(text: &str, start: usize) -> Split {
    let opener = start..start + 1;
    match json::json_extent(&text[start..]) {
        None => failed(
            Format::Json,
            opener.clone(),
            "unexpected EOF parsing JSON front matter: no `}` closes this block",
            opener,
            text.len()..text.len(),
        ),
        Some(len) => {
            let end = start + len;
            let tree = json::parse(&text[start..end])
                .map(|mut node| {
                    node.shift(start);
                    node
                })
                .map_err(|e| ParseError::new(e.message, e.span.start + start..e.span.end + start));
            Split {
                front_matter: Some(FrontMatter {
                    format: Format::Json,
                    delimiter: opener,
                    tree,
                }),
                body: end..text.len(),
                demoted: None,
            }
        }
    }
}

/// Org mode front matter: every leading line that starts with `#+`.
fn org_block(text: &str, start: usize) -> Split {
    let mut line = start;
    while line < text.len() && text[line..].starts_with("#+") {
        line = line_end(text, line).1;
    }
    let mut node = org(&text[start..line]);
    node.shift(start);
    Split {
        front_matter: Some(FrontMatter {
            format: Format::Org,
            delimiter: start..start + 2,
            tree: Ok(node),
        }),
        body: line..text.len(),
        demoted: None,
    }
}

fn org(payload: &str) -> Node {
    let mut entries = Vec::new();
    let mut at = 0;
    for line in payload.split_inclusive('\n') {
        let content = line.trim_end();
        if let Some((key, value)) = content.strip_prefix("#+").and_then(|l| l.split_once(':')) {
            let key_start = at + 2;
            let value_trimmed = value.trim();
            let value_start =
                at + content.len() - value.len() + (value.len() - value.trim_start().len());
            entries.push(Entry {
                key: key.trim().to_string(),
                key_span: key_start..key_start + key.len(),
                value: Node::new(
                    value_start..value_start + value_trimmed.len(),
                    NodeKind::String {
                        value: value_trimmed.to_string(),
                        quoted: false,
                    },
                ),
            });
        }
        at += line.len();
    }
    Node::new(0..payload.len(), NodeKind::Map(entries))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn latest(text: &str) -> Split {
        split(text, HugoVersion::LATEST)
    }

    fn error(text: &str) -> String {
        latest(text).front_matter.unwrap().tree.unwrap_err().message
    }

    #[test]
    fn yaml_block_and_body() {
        let text = "---\ntitle: x\n---\nbody\n";
        let s = latest(text);
        let fm = s.front_matter.unwrap();
        assert_eq!(fm.format, Format::Yaml);
        let tree = fm.tree.unwrap();
        assert_eq!(&text[tree.get("title").unwrap().value.span.clone()], "x");
        assert_eq!(&text[s.body], "body\n");
    }

    #[test]
    fn bom_and_leading_space_are_skipped() {
        let text = "\u{feff}\n  +++\ntitle = \"x\"\n+++\n";
        let fm = latest(text).front_matter.unwrap();
        assert_eq!(fm.format, Format::Toml);
        assert!(fm.tree.is_ok());
    }

    #[test]
    fn closing_line_only_needs_to_start_with_the_delimiter() {
        let text = "---\na: 1\n----\n";
        let s = latest(text);
        assert!(s.front_matter.unwrap().tree.is_ok());
        assert_eq!(&text[s.body], "-\n");
    }

    #[test]
    fn indented_or_dotted_closers_do_not_close() {
        assert!(error("---\na: 1\n  ---\n").contains("EOF looking for end YAML"));
        assert!(error("---\na: 1\n...\n").contains("EOF looking for end YAML"));
        assert!(error("---\n").contains("EOF looking for end YAML"));
    }

    #[test]
    fn text_after_the_opener_joins_the_payload() {
        assert!(latest("---x\na: 1\n---\n")
            .front_matter
            .unwrap()
            .tree
            .is_err());
        assert!(latest("---   \na: 1\n---\n")
            .front_matter
            .unwrap()
            .tree
            .is_ok());
    }

    #[test]
    fn invalid_delimiter_spans_stay_on_char_boundaries() {
        let text = "+\u{fffd}";
        let fm = latest(text).front_matter.unwrap();
        assert!(text.is_char_boundary(fm.delimiter.end) && fm.delimiter.end <= text.len());
    }

    #[test]
    fn bad_delimiters() {
        assert_eq!(error("- item\n"), "invalid YAML delimiter");
        assert_eq!(error("++\n"), "invalid TOML delimiter");
        assert!(error("{ \"a\": 1\n").contains("unexpected EOF parsing JSON"));
    }

    #[test]
    fn line_endings() {
        for nl in ["\n", "\r\n", "\r"] {
            let text = format!("---{nl}a: 1{nl}---{nl}body");
            assert!(latest(&text).front_matter.unwrap().tree.is_ok(), "{nl:?}");
        }
    }

    #[test]
    fn empty_block_is_an_empty_map() {
        let fm = latest("---\n---\n").front_matter.unwrap();
        assert_eq!(fm.tree.unwrap().as_map().map(<[Entry]>::len), Some(0));
    }

    #[test]
    fn json_and_org() {
        let text = "{\"title\": \"a}b\"}\nbody";
        let s = latest(text);
        assert!(s.front_matter.unwrap().tree.is_ok());
        assert_eq!(&text[s.body], "\nbody");
        let s = latest("#+title: Hello\n#+date: 2020-01-01\nbody\n");
        let tree = s.front_matter.unwrap().tree.unwrap();
        assert_eq!(tree.get("title").unwrap().value.as_str(), Some("Hello"));
    }

    #[test]
    fn no_front_matter() {
        assert!(latest("# Title\n").front_matter.is_none());
        assert!(latest("").front_matter.is_none());
        assert!(latest("<p>x</p>").front_matter.is_none());
    }

    #[test]
    fn html_start_before_0_123() {
        let old = HugoVersion::minor(111);
        assert!(split("<p>x</p>", old).front_matter.unwrap().tree.is_err());
        assert!(split("<!-- x", old).front_matter.is_none());
        let s = split("<!--\n---\na: 1\n---\n-->\nbody", old);
        assert!(s.front_matter.unwrap().tree.is_ok());
        // The comment's own first line is skipped, `-->` included.
        assert!(split("<!-- x -->\nbody", old)
            .front_matter
            .unwrap()
            .tree
            .is_err());
        // A page that ends with its front matter needs no `-->`.
        assert!(split("<!-- no end\n---\na: 1\n---\n", old)
            .front_matter
            .unwrap()
            .tree
            .is_ok());
        assert!(split("<!--x", old).front_matter.is_none());
    }
}
