//! Hugo's `permalinks` configuration and the expansion of its patterns
//! (`resources/page/permalinks.go`: `DecodePermalinksConfig`, `PermalinkExpander`).
//!
//! Forms read: `[permalinks] posts = "…"` (pages and, since 0.115, terms of the section),
//! `[permalinks.page|section|taxonomy|term] posts = "…"` (0.115), and the list of
//! `{pattern, target: {kind, path}}` (0.161). Tokens, with the release that added them:
//! `:year :month :monthname :day :weekday :weekdayname :yearday :section :sections
//! :sections[a:b] :title :slug :filename`, Go date layouts (`:2006`), `:slugorfilename`
//! (0.101), `:contentbasename :slugorcontentbasename` (0.144), `:sectionslug :sectionslugs`
//! (0.149; their values come from other pages, so such a URL is unknown here).

use chrono::{Datelike, NaiveDate, Weekday};
use globset::{Glob, GlobMatcher};

use crate::frontmatter::{Node, NodeKind};
use crate::version::HugoVersion;

/// A page's kind, as Hugo names them (`resources/kinds`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The home page (`content/_index.md`).
    Home,
    /// A section's list page (`_index.md` below the root).
    Section,
    /// A taxonomy's list page (`content/tags/_index.md`).
    Taxonomy,
    /// A term's page (`content/tags/go/_index.md`).
    Term,
    /// A regular page.
    Page,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Home => "home",
            Kind::Section => "section",
            Kind::Taxonomy => "taxonomy",
            Kind::Term => "term",
            Kind::Page => "page",
        }
    }

    /// Whether the kind lists pages (home, section, taxonomy, term).
    pub fn is_branch(self) -> bool {
        self != Kind::Page
    }
}

/// A page's date as far as pagelint knows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageDate {
    /// A calendar date.
    Known(NaiveDate),
    /// No date: Hugo uses Go's zero time, 0001-01-01.
    Zero,
    /// From git or the file's time, or in a form not read here.
    Unknown,
}

/// What a permalink pattern reads of a page.
#[derive(Debug, Clone)]
pub struct PageFacts<'a> {
    /// The page's kind.
    pub kind: Kind,
    /// Hugo's `Path()`: `/posts/hello` (lowercased, no extension; a bundle is its folder).
    pub path: &'a str,
    /// The first-level section (`posts`), empty for the home page.
    pub section: &'a str,
    /// The current section's path entries (`["docs", "a"]`): the folder of a section page,
    /// else the nearest folder that is a section.
    pub sections: &'a [String],
    /// `title`.
    pub title: Option<&'a str>,
    /// `slug`.
    pub slug: Option<&'a str>,
    /// The date used for date tokens.
    pub date: PageDate,
    /// The file name without language and extension; a leaf bundle's folder name for
    /// `index`, empty for `_index` (`:filename`).
    pub filename: &'a str,
    /// The content base name as written (`:contentbasename`): a bundle's folder name.
    pub content_base_name: &'a str,
}

/// One rule: pages of `kind` whose path matches `path` get `pattern`.
#[derive(Debug, Clone)]
struct Rule {
    kinds: Vec<Kind>,
    path: GlobMatcher,
    pattern: String,
}

/// The site's permalink rules, first match wins.
#[derive(Debug, Clone, Default)]
pub struct Permalinks {
    rules: Vec<Rule>,
    version: Option<HugoVersion>,
}

/// Hugo's `sectionToPathGlob`: the section and everything below it.
fn section_glob(section: &str) -> Option<GlobMatcher> {
    let section = section.trim_matches([' ', '/']).to_lowercase();
    let glob = if section.is_empty() {
        "/*".to_string()
    } else {
        format!("/{{{section},{section}/**}}")
    };
    glob_matcher(&glob)
}

fn glob_matcher(glob: &str) -> Option<GlobMatcher> {
    globset::GlobBuilder::new(glob)
        .literal_separator(true)
        .build()
        .ok()
        .map(|g: Glob| g.compile_matcher())
}

fn kind_named(name: &str) -> Option<Kind> {
    [
        Kind::Home,
        Kind::Section,
        Kind::Taxonomy,
        Kind::Term,
        Kind::Page,
    ]
    .into_iter()
    .find(|k| k.name().eq_ignore_ascii_case(name))
}

impl Permalinks {
    /// Reads the `permalinks` value (a table or, since 0.161, a list). Entries that do not
    /// parse are left out.
    pub fn from_config(node: Option<&Node>, version: HugoVersion) -> Permalinks {
        let mut rules = Vec::new();
        match node.map(|n| &n.kind) {
            Some(NodeKind::Map(entries)) => {
                for e in entries {
                    if let Some(pattern) = e.value.as_str() {
                        let Some(path) = section_glob(&e.key) else {
                            continue;
                        };
                        let mut kinds = vec![Kind::Page];
                        if version.at_least(115) {
                            kinds.push(Kind::Term);
                        }
                        rules.push(Rule {
                            kinds,
                            path,
                            pattern: pattern.to_string(),
                        });
                    } else if let (Some(kind), Some(map)) = (kind_named(&e.key), e.value.as_map()) {
                        if !version.at_least(115) {
                            continue;
                        }
                        for s in map {
                            let (Some(pattern), Some(path)) =
                                (s.value.as_str(), section_glob(&s.key))
                            else {
                                continue;
                            };
                            rules.push(Rule {
                                kinds: vec![kind],
                                path,
                                pattern: pattern.to_string(),
                            });
                        }
                    }
                }
            }
            Some(NodeKind::List(items)) if version.at_least(161) => {
                for item in items {
                    let Some(pattern) = item.get("pattern").and_then(|e| e.value.as_str()) else {
                        continue;
                    };
                    let target = item.get("target").map(|e| &e.value);
                    let kinds = match target
                        .and_then(|t| t.get("kind"))
                        .and_then(|e| e.value.as_str())
                    {
                        Some(k) => kind_named(k).into_iter().collect(),
                        None => vec![
                            Kind::Home,
                            Kind::Section,
                            Kind::Taxonomy,
                            Kind::Term,
                            Kind::Page,
                        ],
                    };
                    let glob = target
                        .and_then(|t| t.get("path"))
                        .and_then(|e| e.value.as_str())
                        .map_or_else(|| "**".to_string(), str::to_lowercase);
                    let Some(path) = glob_matcher(&glob) else {
                        continue;
                    };
                    rules.push(Rule {
                        kinds,
                        path,
                        pattern: pattern.to_string(),
                    });
                }
            }
            _ => {}
        }
        Permalinks {
            rules,
            version: Some(version),
        }
    }

    /// Whether any rule exists.
    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }

    /// The pattern of the first rule matching the page, if any.
    pub fn pattern_for(&self, kind: Kind, path: &str) -> Option<&str> {
        let path = if path.is_empty() { "/" } else { path };
        self.rules
            .iter()
            .find(|r| r.kinds.contains(&kind) && r.path.is_match(path))
            .map(|r| r.pattern.as_str())
    }

    /// Expands `pattern` for a page (`ExpandPattern`); None when a token's value is unknown
    /// here (dates from git, `:sectionslug`) or the token is not one Hugo knows.
    pub fn expand(
        &self,
        pattern: &str,
        page: &PageFacts<'_>,
        urlize: &dyn Fn(&str) -> String,
    ) -> Option<String> {
        let version = self.version.unwrap_or_default();
        let pattern = pattern.replace("\\:", "\0");
        let mut out = String::with_capacity(pattern.len() + 16);
        let mut rest = pattern.as_str();
        while let Some(i) = rest.find(':') {
            out.push_str(&rest[..i]);
            let after = &rest[i + 1..];
            let word = after
                .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                .unwrap_or(after.len());
            if word == 0 {
                out.push(':');
                rest = after;
                continue;
            }
            let mut end = word;
            let mut cut = "";
            if after[word..].starts_with('[') {
                if let Some(close) = after[word..].find(']') {
                    cut = &after[word..word + close + 1];
                    end = word + close + 1;
                }
            }
            out.push_str(&token(&after[..word], cut, page, urlize, version)?);
            rest = &after[end..];
        }
        out.push_str(rest);
        Some(out.replace('\0', ":"))
    }
}

/// The value of one token (`attr` without its `:`, `cut` its `[a:b]` if any).
fn token(
    attr: &str,
    cut: &str,
    page: &PageFacts<'_>,
    urlize: &dyn Fn(&str) -> String,
    version: HugoVersion,
) -> Option<String> {
    let date = || match page.date {
        PageDate::Known(d) => Some(d),
        PageDate::Zero => NaiveDate::from_ymd_opt(1, 1, 1),
        PageDate::Unknown => None,
    };
    let slug = || page.slug.filter(|s| !s.is_empty()).map(urlize);
    Some(match attr {
        "year" => date()?.year().to_string(),
        "month" => format!("{:02}", date()?.month()),
        "monthname" => MONTHS[date()?.month0() as usize].to_string(),
        "day" => format!("{:02}", date()?.day()),
        "weekday" => date()?.weekday().num_days_from_sunday().to_string(),
        "weekdayname" => weekday_name(date()?.weekday()).to_string(),
        "yearday" => date()?.ordinal().to_string(),
        "section" => page.section.to_string(),
        "sections" if cut.is_empty() => page.sections.join("/"),
        "sections" => slice(page.sections, cut).join("/"),
        "title" => urlize(page.title.unwrap_or("")),
        "slug" => slug().unwrap_or_else(|| urlize(page.title.unwrap_or(""))),
        "slugorfilename" if version.at_least(101) => {
            slug().unwrap_or_else(|| urlize(page.filename))
        }
        "filename" => urlize(page.filename),
        "contentbasename" if version.at_least(144) => urlize(page.content_base_name),
        "slugorcontentbasename" if version.at_least(144) => {
            slug().unwrap_or_else(|| urlize(page.content_base_name))
        }
        _ => go_layout(attr, date)?,
    })
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn weekday_name(d: Weekday) -> &'static str {
    match d {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}

/// A Go date layout token (`2006`, `01`, `Jan`…) made only of date elements; None for
/// anything else (time of day, unknown words), which Hugo either formats from a time pagelint
/// does not know or rejects.
fn go_layout(attr: &str, date: impl Fn() -> Option<NaiveDate>) -> Option<String> {
    let d = date()?;
    let mut out = String::new();
    let mut rest = attr;
    const ELEMENTS: [&str; 12] = [
        "January", "Monday", "2006", "Jan", "Mon", "002", "06", "01", "02", "_2", "1", "2",
    ];
    while !rest.is_empty() {
        let Some(el) = ELEMENTS.iter().find(|e| rest.starts_with(**e)) else {
            let c = rest.chars().next()?;
            if c.is_ascii_digit() || c.is_alphabetic() {
                return None;
            }
            out.push(c);
            rest = &rest[c.len_utf8()..];
            continue;
        };
        out.push_str(&match *el {
            "January" => MONTHS[d.month0() as usize].to_string(),
            "Monday" => weekday_name(d.weekday()).to_string(),
            "2006" => format!("{:04}", d.year()),
            "Jan" => MONTHS[d.month0() as usize][..3].to_string(),
            "Mon" => weekday_name(d.weekday())[..3].to_string(),
            "002" => format!("{:03}", d.ordinal()),
            "06" => format!("{:02}", d.year() % 100),
            "01" => format!("{:02}", d.month()),
            "02" => format!("{:02}", d.day()),
            "_2" => format!("{:>2}", d.day()),
            "1" => d.month().to_string(),
            _ => d.day().to_string(),
        });
        rest = &rest[el.len()..];
    }
    Some(out)
}

/// Hugo's `toSliceFunc`: `[2]`, `[1:]`, `[:last]`, `[last]`, lenient out of bounds.
fn slice<'a>(s: &'a [String], cut: &str) -> &'a [String] {
    let cut = cut.trim().to_lowercase();
    if cut.len() < 3 || !cut.starts_with('[') || !cut.ends_with(']') || s.is_empty() {
        return &[];
    }
    let inner = &cut[1..cut.len() - 1];
    let index = |t: &str, low: bool| -> Option<usize> {
        let t = t.trim();
        if t.is_empty() {
            return Some(if low { 0 } else { s.len() });
        }
        if t == "last" {
            return Some(s.len() - 1);
        }
        let n: usize = t.parse().unwrap_or(0);
        if n >= s.len() {
            return if low { None } else { Some(s.len()) };
        }
        Some(n)
    };
    match inner.split_once(':') {
        None => match index(inner, true) {
            Some(n) => std::slice::from_ref(&s[n]),
            None => &[],
        },
        Some((a, b)) => match (index(a, true), index(b, false)) {
            (Some(a), Some(b)) if a <= b => &s[a..b],
            _ => &[],
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts<'a>(sections: &'a [String]) -> PageFacts<'a> {
        PageFacts {
            kind: Kind::Page,
            path: "/posts/hello",
            section: "posts",
            sections,
            title: Some("What's New? (Part 1)"),
            slug: None,
            date: PageDate::Known(NaiveDate::from_ymd_opt(2024, 2, 29).unwrap()),
            filename: "hello",
            content_base_name: "hello",
        }
    }

    fn urlize(s: &str) -> String {
        super::super::page_url::sanitize(s, false, false)
    }

    #[test]
    fn tokens_expand_as_hugo_does() {
        let sections = vec!["docs".to_string(), "a".into(), "b".into()];
        let p = Permalinks::default();
        let f = facts(&sections);
        let e = |pat: &str| p.expand(pat, &f, &urlize);
        assert_eq!(
            e("/:year/:month/:slug/").as_deref(),
            Some("/2024/02/whats-new-part-1/")
        );
        assert_eq!(
            e("/:monthname/:weekdayname/:yearday/:weekday/:2006-01-02/").as_deref(),
            Some("/February/Thursday/60/4/2024-01-02/")
        );
        assert_eq!(
            e("/:sections[1:]/:filename/").as_deref(),
            Some("/a/b/hello/")
        );
        assert_eq!(e("/:sections[last]/x\\:y/").as_deref(), Some("/b/x:y/"));
        assert_eq!(e("/:nosuch/"), None);
        let zero = PageFacts {
            date: PageDate::Zero,
            ..facts(&sections)
        };
        assert_eq!(
            p.expand("/:year/:month/", &zero, &urlize).as_deref(),
            Some("/1/01/")
        );
    }

    #[test]
    fn rules_match_sections_and_kinds() {
        let tree = crate::frontmatter::toml::parse(
            "posts = \"/:year/\"\n[section]\nposts = \"/s/:title/\"\n",
        )
        .unwrap();
        let p = Permalinks::from_config(Some(&tree), HugoVersion::minor(160));
        assert_eq!(p.pattern_for(Kind::Page, "/posts/a"), Some("/:year/"));
        assert_eq!(p.pattern_for(Kind::Page, "/posts/sub/a"), Some("/:year/"));
        assert_eq!(p.pattern_for(Kind::Page, "/postsx/a"), None);
        assert_eq!(p.pattern_for(Kind::Section, "/posts"), Some("/s/:title/"));
        assert_eq!(p.pattern_for(Kind::Home, ""), None);
    }
}
