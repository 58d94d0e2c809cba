//! Structure pass over lexed shortcode tags: how Hugo pairs openers and closers
//! (`hugolib/shortcode.go` `extractShortcode`, plus the cross-tag checks of
//! `parser/pageparser/pagelexer*.go`), as of Hugo 0.111.3.
//!
//! Hugo's pairing, which this mirrors:
//! - A shortcode whose template uses `.Inner`/`.InnerDeindent` ("needs inner") stays open after
//!   its `>}}` and is closed by the *next* closing tag that is not consumed by a nested one,
//!   whatever that tag's name is (the lexer only checks that the name was used earlier in the
//!   page). So `{{< a >}}{{< b >}}{{< /a >}}{{< /b >}}` builds fine, with `/a` closing `b`.
//! - Any other shortcode ends at its `>}}`; a later `{{< /name >}}` is then a stray close,
//!   which Hugo reports as "does not evaluate .Inner", as it does for a `/>}}` on it.
//! - An inline shortcode `{{< n.inline >}}` stays open until a closing tag, and no other tag
//!   (not even an escaped one) may come before that close.

use super::shortcode_lexer::{Broken, Delim, Lexed, Span, Tag};
use std::collections::{HashMap, HashSet};

/// Whether a shortcode's template evaluates `.Inner` / `.InnerDeindent` (Hugo's
/// `shortcode.needsInner`, `hugolib/shortcode.go`, from the template's info).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InnerKind {
    /// It does: an opener stays open until a closing tag.
    NeedsInner,
    /// It does not: the tag ends at its `>}}`, and a closing tag or `/>}}` is an error.
    NoInner,
    /// Name not known: be lenient.
    Unknown,
}

/// A structural error Hugo rejects the page for. Spans are file offsets of whole tags; names
/// are as written (empty for a bare `{{< / >}}`).
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// `shortcode "wrap" must be closed or self-closed` (`hugolib/shortcode.go`
    /// `extractShortcode`, at the end of the page).
    UnclosedInner {
        /// The opener never closed.
        open: Span,
        /// Its name.
        name: String,
    },
    /// `got closing shortcode, but none is open` (Hugo's lexer, `lexInsideShortcode` in
    /// `parser/pageparser/pagelexer_shortcode.go`, when no shortcode name came before in the
    /// page). Also used for any other closing tag with nothing open to close
    /// (a second close, a bare `{{< / >}}`): Hugo then says `shortcode "wrap" does not evaluate
    /// .Inner or .InnerDeindent, yet a closing tag was provided`, or, for a name not used before,
    /// `closing tag for shortcode 'x' does not match start tag`.
    CloseWithoutOpen {
        /// The closing tag.
        close: Span,
        /// The name it gives (empty for `{{< / >}}`).
        name: String,
    },
    /// `closing tag for shortcode 'b' does not match start tag` (`lexIdentifierInShortcode`:
    /// the closing name was not used before in the page).
    MismatchedClose {
        /// The innermost open shortcode, which the closer is taken to close.
        open: Span,
        /// Its name.
        open_name: String,
        /// The closing tag.
        close: Span,
        /// The name the closer gives, used by no tag before it.
        close_name: String,
    },
    /// `shortcode "pos" does not evaluate .Inner or .InnerDeindent, yet a closing tag was
    /// provided` (`extractShortcode`): a closing tag (nothing open) or `/>}}` for a shortcode
    /// without .Inner. (Hugo 0.111.3 names a self-closed one `">}}"`; fixed in 0.144.)
    ClosedNoInner {
        /// The closing tag, or the self-closed tag.
        tag: Span,
        /// The shortcode's name.
        name: String,
        /// The tag is a self-closed `{{< name />}}`, not a closing tag.
        self_closed: bool,
    },
    /// `inline shortcodes do not support nesting` (`parser/pageparser/pagelexer.go`, the
    /// shortcode section handler of `createSectionHandlers`).
    InlineNesting {
        /// The tag inside the body.
        tag: Span,
        /// The inline shortcode whose body it is in.
        inline_name: String,
    },
    /// `no earlier definition of shortcode "z.inline" found` (`hugolib/shortcode.go`
    /// `doRenderShortcode`): a reuse (`{{< z.inline />}}`, or an
    /// opener never closed) with no definition rendered before it. Hugo renders top-level
    /// `{{% %}}` shortcodes (and what they contain) first, in page order, then the `{{< >}}`
    /// ones, so a `{{< >}}` definition does not serve an earlier-rendered `{{% %}}` reuse, and a
    /// `{{% %}}` definition serves a `{{< >}}` reuse above it. Hugo only reports this when
    /// `enableInlineShortcodes = true` (otherwise inline shortcodes render nothing).
    InlineUndefined {
        /// The reuse.
        tag: Span,
        /// Its name, `….inline`.
        name: String,
    },
}

impl Problem {
    /// The span to point at: the closing tag for problems about a closer, else the tag at
    /// fault.
    pub fn span(&self) -> &Span {
        match self {
            Problem::UnclosedInner { open, .. } => open,
            Problem::CloseWithoutOpen { close, .. } => close,
            Problem::MismatchedClose { close, .. } => close,
            Problem::ClosedNoInner { tag, .. } => tag,
            Problem::InlineNesting { tag, .. } => tag,
            Problem::InlineUndefined { tag, .. } => tag,
        }
    }

    /// Hugo's wording (including its `failed to …` prefixes); the tests
    /// check each problem against the error Hugo gives for it.
    #[cfg(test)]
    pub fn hugo_message(&self) -> String {
        match self {
            Problem::UnclosedInner { name, .. } => format!(
                "failed to extract shortcode: shortcode \"{name}\" must be closed or self-closed"
            ),
            Problem::CloseWithoutOpen { .. } => "got closing shortcode, but none is open".into(),
            Problem::MismatchedClose { close_name, .. } => {
                format!("closing tag for shortcode '{close_name}' does not match start tag")
            }
            Problem::ClosedNoInner { name, .. } => {
                // Hugo prints the token after the `/`: `>}}` for a bare `{{< / >}}`.
                let shown = if name.is_empty() { ">}}" } else { name };
                format!(
                    "failed to extract shortcode: shortcode \"{shown}\" does not evaluate .Inner \
                     or .InnerDeindent, yet a closing tag was provided"
                )
            }
            Problem::InlineNesting { .. } => "inline shortcodes do not support nesting".into(),
            Problem::InlineUndefined { name, .. } => format!(
                "failed to render shortcode \"{name}\": no earlier definition of shortcode \
                 \"{name}\" found"
            ),
        }
    }

    /// The same in plain words.
    #[cfg(test)]
    pub fn reason(&self) -> String {
        match self {
            Problem::UnclosedInner { name, .. } => format!(
                "the `{name}` shortcode uses inner content, so it needs a closing \
                 `{{{{< /{name} >}}}}` or must be self-closed with `/>}}}}`"
            ),
            Problem::CloseWithoutOpen { name, .. } => {
                format!("this closing tag `/{name}` has no shortcode to close")
            }
            Problem::MismatchedClose {
                open_name,
                close_name,
                ..
            } => format!(
                "this closes `{close_name}`, but the open shortcode is `{open_name}` and no \
                 `{close_name}` was opened before"
            ),
            Problem::ClosedNoInner {
                name,
                self_closed: true,
                ..
            } => format!(
                "the `{name}` shortcode does not use inner content, so it must not be self-closed: \
                 remove the `/`"
            ),
            Problem::ClosedNoInner { name, .. } => format!(
                "this closing tag has no open shortcode to close: `{name}` does not use inner \
                 content, so its tags are not paired; remove the closing tag"
            ),
            Problem::InlineNesting { inline_name, .. } => format!(
                "the inline shortcode `{inline_name}` is still open here, and an inline shortcode \
                 body cannot contain other shortcode tags; the next tag must be \
                 `{{{{< /{inline_name} >}}}}`"
            ),
            Problem::InlineUndefined { name, .. } => format!(
                "`{name}` is used here without a body, but it is not defined earlier in this page \
                 (define it first: `{{{{< {name} >}}}}…{{{{< /{name} >}}}}`)"
            ),
        }
    }
}

/// The result of [`analyze`].
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Structure {
    /// Sorted by [`Problem::span`] start.
    pub problems: Vec<Problem>,
    /// Per tag index: for an opener Hugo kept open, the index of the tag that closed it.
    pub closed_by: Vec<Option<usize>>,
    /// Per tag index: the innermost open shortcode (tag index) the tag is inside.
    pub parent: Vec<Option<usize>>,
}

/// Structural problems of a page's tags (broken tags and escaped regions unknown), sorted by
/// span start. `inner` tells the kind of a shortcode name (not asked for `….inline` names).
pub fn check(tags: &[Tag], inner: impl Fn(&str) -> InnerKind) -> Vec<Problem> {
    analyze(tags, &[], &[], inner).problems
}

/// Like [`check`], but also uses the broken tags and escaped regions of the lexer, so that a
/// broken tag does not leave its partner looking unpaired, and escaped or broken tags inside an
/// inline shortcode body are reported as nesting.
pub fn check_lexed(lexed: &Lexed, inner: impl Fn(&str) -> InnerKind) -> Vec<Problem> {
    analyze(&lexed.tags, &lexed.broken, &lexed.escaped, inner).problems
}

/// One tag-like thing in source order.
struct Ev<'a> {
    span: Span,
    /// Index into `tags` for a tag that lexed.
    good: Option<usize>,
    name: Option<&'a str>,
    closing: bool,
    self_closing: bool,
    escaped: bool,
    /// Hugo's render pass if it is top-level: 0 for `{{% %}}` (rendered while the Markdown is
    /// assembled), 1 for `{{< >}}` (rendered after, into placeholders).
    pass: u8,
}

fn pass_of(d: Delim) -> u8 {
    match d {
        Delim::Percent => 0,
        Delim::Angle => 1,
    }
}

impl Ev<'_> {
    fn inline(&self) -> bool {
        self.name.is_some_and(|n| n.ends_with(".inline"))
    }
}

struct Open<'a> {
    name: &'a str,
    span: Span,
    inline: bool,
    /// Report problems about it (a lexed tag of known kind).
    report: bool,
    tag: Option<usize>,
    /// Innermost lexed tag among this entry and the entries below it.
    anchor: Option<usize>,
    /// Render pass of its outermost enclosing shortcode (or its own when top-level).
    pass: u8,
}

/// Full structure pass. `broken` and `escaped` come from `lex_detailed` and may be empty.
///
/// All spans are file offsets, as the lexer gives them. Hugo's pairing (see the module
/// comment) is walked once over every tag-like thing in source order: lexed tags, broken tags
/// and escaped regions.
pub fn analyze(
    tags: &[Tag],
    broken: &[Broken],
    escaped: &[Span],
    inner: impl Fn(&str) -> InnerKind,
) -> Structure {
    let evs = events(tags, broken, escaped);
    let kinds = inner_kinds(&evs, inner);
    let mut walk = Walk::new(tags.len(), kinds, &evs);
    for (ei, e) in evs.iter().enumerate() {
        walk.event(ei, e);
    }
    walk.finish()
}

/// Lexed tags, broken tags and escaped regions as one list of events in source order.
fn events<'a>(tags: &'a [Tag], broken: &'a [Broken], escaped: &[Span]) -> Vec<Ev<'a>> {
    let mut evs: Vec<Ev> = Vec::with_capacity(tags.len() + broken.len() + escaped.len());
    evs.extend(tags.iter().enumerate().map(|(i, t)| Ev {
        span: t.span.clone(),
        good: Some(i),
        name: Some(t.name.as_str()),
        closing: t.closing,
        self_closing: t.self_closing,
        escaped: false,
        pass: pass_of(t.open_delim),
    }));
    evs.extend(broken.iter().map(|b| Ev {
        span: b.span.clone(),
        good: None,
        name: b.name.as_deref(),
        closing: b.closing,
        self_closing: b.self_closing,
        escaped: false,
        pass: pass_of(b.delim),
    }));
    evs.extend(escaped.iter().map(|s| Ev {
        span: s.clone(),
        good: None,
        name: None,
        closing: false,
        self_closing: false,
        escaped: true,
        pass: 1,
    }));
    evs.sort_by_key(|e| e.span.start);
    evs
}

/// The inner kind of every name used, looked up once per name (inline names are not looked up).
fn inner_kinds<'a>(
    evs: &[Ev<'a>],
    inner: impl Fn(&str) -> InnerKind,
) -> HashMap<&'a str, InnerKind> {
    let mut kinds: HashMap<&str, InnerKind> = HashMap::new();
    for e in evs {
        if let Some(n) = e.name.filter(|n| !n.is_empty() && !e.inline()) {
            kinds.entry(n).or_insert_with(|| inner(n));
        }
    }
    kinds
}

fn kind_in(kinds: &HashMap<&str, InnerKind>, n: &str) -> InnerKind {
    kinds.get(n).copied().unwrap_or(InnerKind::Unknown)
}

/// Pre-pass: pair closers with earlier openers of the same name, innermost first. Used only
/// to decide, leniently, whether an opener of unknown kind (or a broken opener) takes a
/// closing tag: it does if a closer with its name follows. Returns, per event, whether it is
/// an opener so paired, and per name the index of its last closer.
fn pair_by_name<'a>(
    evs: &[Ev<'a>],
    kinds: &HashMap<&str, InnerKind>,
) -> (Vec<bool>, HashMap<&'a str, usize>) {
    let mut paired = vec![false; evs.len()];
    let mut last_close: HashMap<&str, usize> = HashMap::new();
    let mut stacks: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, e) in evs.iter().enumerate() {
        let Some(name) = e.name else { continue };
        if e.closing {
            last_close.insert(name, i);
            if let Some(o) = stacks.get_mut(name).and_then(Vec::pop) {
                paired[o] = true;
            }
        } else if !e.self_closing
            && (e.good.is_none() || e.inline() || kind_in(kinds, name) != InnerKind::NoInner)
        {
            stacks.entry(name).or_default().push(i);
        }
    }
    (paired, last_close)
}

/// A reuse of an inline shortcode: its render key (pass, position), its span and its name.
type Reuse<'a> = ((u8, usize), Span, &'a str);

/// State of the walk over the events: what Hugo has open, which names it has seen, and the
/// inline definitions and reuses to match at the end.
struct Walk<'a> {
    kinds: HashMap<&'a str, InnerKind>,
    /// Per event: an opener that a later closer of its name pairs with ([`pair_by_name`]).
    paired: Vec<bool>,
    /// Per name: the index of its last closing event.
    last_close: HashMap<&'a str, usize>,
    out: Structure,
    stack: Vec<Open<'a>>,
    seen: HashSet<&'a str>,
    /// A shortcode name came before, anywhere in the page.
    any_seen: bool,
    /// Inline shortcodes: Hugo parses a definition when it renders it, and a reuse needs one
    /// parsed before it is rendered. Render order: top-level `{{% %}}` shortcodes (with all
    /// nested in them) in page order, then the `{{< >}}` ones; keys are (pass, position).
    defs: HashMap<&'a str, (u8, usize)>,
    reuses: Vec<Reuse<'a>>,
}

impl<'a> Walk<'a> {
    fn new(tag_count: usize, kinds: HashMap<&'a str, InnerKind>, evs: &[Ev<'a>]) -> Walk<'a> {
        let (paired, last_close) = pair_by_name(evs, &kinds);
        Walk {
            kinds,
            paired,
            last_close,
            out: Structure {
                problems: Vec::new(),
                closed_by: vec![None; tag_count],
                parent: vec![None; tag_count],
            },
            stack: Vec::new(),
            seen: HashSet::new(),
            any_seen: false,
            defs: HashMap::new(),
            reuses: Vec::new(),
        }
    }

    fn kind_of(&self, n: &str) -> InnerKind {
        kind_in(&self.kinds, n)
    }

    /// Render pass of a tag: that of its outermost enclosing shortcode, or its own.
    fn pass_for(&self, e: &Ev) -> u8 {
        self.stack.first().map_or(e.pass, |o| o.pass)
    }

    /// The event at index `ei` in source order.
    fn event(&mut self, ei: usize, e: &Ev<'a>) {
        if self.inside_inline_body(ei, e) || e.escaped {
            return;
        }
        // Hugo's lexer: a `/` before any shortcode name in the page. It checks this before
        // lexing the rest of the tag, so a broken closer counts too.
        if e.closing && !self.any_seen {
            self.out.problems.push(Problem::CloseWithoutOpen {
                close: e.span.clone(),
                name: e.name.unwrap_or("").to_string(),
            });
            return;
        }
        let Some(name) = e.name else { return };
        let parent = self.stack.last().and_then(|o| o.anchor);
        if let Some(t) = e.good {
            self.out.parent[t] = parent;
        }
        if e.closing {
            self.closer(e, name);
        } else {
            self.opener(ei, e, name, parent);
        }
    }

    /// Inside an inline shortcode body Hugo's lexer accepts only `{{< /same.name ` next. Reports
    /// any other tag as nesting; returns whether the tag sits inside the body (and is skipped).
    fn inside_inline_body(&mut self, ei: usize, e: &Ev) -> bool {
        let Some(top) = self.stack.last().filter(|o| o.inline) else {
            return false;
        };
        if e.closing && e.name == Some(top.name) {
            return false;
        }
        let inline_name = top.name;
        self.out.problems.push(Problem::InlineNesting {
            tag: e.span.clone(),
            inline_name: inline_name.to_string(),
        });
        // If its closing tag comes later, this tag sits inside the body: skip it.
        if self.last_close.get(inline_name).is_some_and(|&c| c > ei) {
            return true;
        }
        // Otherwise the opener was a reuse written without `/`, which ends here.
        let top = self.stack.pop().expect("checked above");
        if top.report {
            self.reuses
                .push(((top.pass, top.span.start), top.span, top.name));
        }
        false
    }

    /// A closing tag `{{< /name >}}` (or a bare `{{< / >}}`, whose name is empty).
    fn closer(&mut self, e: &Ev, name: &'a str) {
        // Hugo's lexer: the closing name must have been used earlier in the page (checked
        // on the name, before the rest of the tag, so broken closers count too).
        if !name.is_empty() && !self.seen.contains(name) {
            self.seen.insert(name);
            self.close_unseen_name(e, name);
            return;
        }
        if !name.is_empty() {
            self.seen.insert(name);
            self.any_seen = true;
        }
        match self.stack.pop() {
            // Hugo closes the innermost open shortcode, whatever name the closer has.
            Some(top) => {
                if top.inline {
                    let key = (top.pass, top.span.start);
                    let d = self.defs.entry(top.name).or_insert(key);
                    *d = (*d).min(key);
                }
                if let (Some(o), Some(c)) = (top.tag, e.good) {
                    self.out.closed_by[o] = Some(c);
                }
            }
            None if e.good.is_some() => self.close_nothing_open(e, name),
            None => {}
        }
    }

    /// A closer whose name no tag used before it.
    fn close_unseen_name(&mut self, e: &Ev, name: &str) {
        match self.stack.pop() {
            // Recover as if it closed the innermost open one (likely a typo).
            Some(top) => {
                if let (Some(o), Some(c)) = (top.tag, e.good) {
                    self.out.closed_by[o] = Some(c);
                }
                self.out.problems.push(Problem::MismatchedClose {
                    open: top.span,
                    open_name: top.name.to_string(),
                    close: e.span.clone(),
                    close_name: name.to_string(),
                });
            }
            // Hugo says "does not match start tag" here too; nothing is open.
            None => self.out.problems.push(Problem::CloseWithoutOpen {
                close: e.span.clone(),
                name: name.to_string(),
            }),
        }
    }

    /// A closer with nothing open. Hugo extracts it as a shortcode of its own with no template
    /// info and says "does not evaluate .Inner" whatever the name; that is what happens to the
    /// closer of a shortcode without .Inner, so only then is it reported as such. For a name
    /// with .Inner (a second close), an inline name or a bare `{{< / >}}` it is reported as a
    /// close without an open, which is what the user has to fix; unknown names are left to the
    /// unknown-name check.
    fn close_nothing_open(&mut self, e: &Ev, name: &str) {
        let kind = if e.inline() || name.is_empty() {
            InnerKind::NeedsInner
        } else {
            self.kind_of(name)
        };
        match kind {
            InnerKind::NoInner => self.out.problems.push(Problem::ClosedNoInner {
                tag: e.span.clone(),
                name: name.to_string(),
                self_closed: false,
            }),
            InnerKind::NeedsInner => self.out.problems.push(Problem::CloseWithoutOpen {
                close: e.span.clone(),
                name: name.to_string(),
            }),
            InnerKind::Unknown => {}
        }
    }

    /// An opening (or self-closed) tag; `parent` is the innermost open lexed tag around it.
    fn opener(&mut self, ei: usize, e: &Ev, name: &'a str, parent: Option<usize>) {
        self.seen.insert(name);
        self.any_seen = true;
        if e.inline() {
            self.inline_opener(ei, e, name, parent);
            return;
        }
        let kind = self.kind_of(name);
        if e.self_closing {
            // Hugo: `/>}}` on a shortcode without .Inner is an error; with .Inner it is fine.
            if e.good.is_some() && kind == InnerKind::NoInner {
                self.out.problems.push(Problem::ClosedNoInner {
                    tag: e.span.clone(),
                    name: name.to_string(),
                    self_closed: true,
                });
            }
            return;
        }
        let stays_open = match kind {
            InnerKind::NeedsInner => e.good.is_some() || self.paired[ei],
            InnerKind::NoInner => false,
            // Lenient: unknown (or broken) openers take a closer only if one with their name
            // follows.
            InnerKind::Unknown => self.paired[ei],
        };
        if stays_open {
            self.stack.push(Open {
                name,
                span: e.span.clone(),
                inline: false,
                report: e.good.is_some() && kind == InnerKind::NeedsInner,
                tag: e.good,
                anchor: e.good.or(parent),
                pass: self.pass_for(e),
            });
        }
    }

    /// `{{< n.inline >}}` (a definition, or a reuse without `/`) or `{{< n.inline />}}`.
    fn inline_opener(&mut self, ei: usize, e: &Ev, name: &'a str, parent: Option<usize>) {
        if e.self_closing {
            // A reuse: its definition must come earlier in the page.
            if e.good.is_some() {
                let pass = self.pass_for(e);
                self.reuses
                    .push(((pass, e.span.start), e.span.clone(), name));
            }
        } else if e.good.is_some() || self.paired[ei] {
            // Hugo keeps every inline opener open: its body runs to the next closer.
            self.stack.push(Open {
                name,
                span: e.span.clone(),
                inline: true,
                report: e.good.is_some(),
                tag: e.good,
                anchor: e.good.or(parent),
                pass: self.pass_for(e),
            });
        }
    }

    /// At the end of the page: what is still open, and the inline reuses without an earlier
    /// definition. Problems come out sorted by span start.
    fn finish(mut self) -> Structure {
        // Hugo reports the innermost unclosed one first; we report all.
        while let Some(top) = self.stack.pop() {
            if !top.report {
                continue;
            }
            if top.inline {
                // Never closed, so it was a reuse without `/`.
                self.reuses
                    .push(((top.pass, top.span.start), top.span, top.name));
            } else {
                self.out.problems.push(Problem::UnclosedInner {
                    open: top.span,
                    name: top.name.to_string(),
                });
            }
        }
        for (key, span, name) in self.reuses {
            if self.defs.get(name).is_none_or(|d| *d >= key) {
                self.out.problems.push(Problem::InlineUndefined {
                    tag: span,
                    name: name.to_string(),
                });
            }
        }
        self.out.problems.sort_by_key(|p| p.span().start);
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::super::shortcode_lexer::lex_detailed;
    use super::*;

    fn kind(name: &str) -> InnerKind {
        match name {
            "wrap" | "a" | "b" | "highlight" => InnerKind::NeedsInner,
            "pos" | "youtube" => InnerKind::NoInner,
            _ => InnerKind::Unknown,
        }
    }

    fn probs(src: &str) -> Vec<Problem> {
        let l = lex_detailed(src, 0);
        check_lexed(&l, kind)
    }

    fn msgs(src: &str) -> Vec<String> {
        probs(src).iter().map(Problem::hugo_message).collect()
    }

    fn ok(src: &str) {
        assert_eq!(probs(src), vec![], "{src}");
    }

    #[test]
    fn well_formed_pages() {
        ok("{{< wrap >}}x{{< /wrap >}}");
        ok("{{< wrap />}}");
        ok("{{< pos >}} {{< youtube id >}}");
        ok("{{< wrap >}}{{< wrap >}}{{< pos >}}{{< /wrap >}}{{< /wrap >}}");
        ok("{{< wrap >}}x{{% /wrap %}}");
        // Hugo closes the innermost open shortcode whatever the closing name (names seen before).
        ok("{{< a >}}{{< b >}}x{{< /a >}}y{{< /b >}}");
        // A bare `{{< / >}}` closes the open one.
        ok("{{< wrap >}}x{{< / >}}");
    }

    #[test]
    fn unclosed_inner() {
        let p = probs("{{< wrap >}}x");
        assert_eq!(
            p,
            vec![Problem::UnclosedInner {
                open: 0..12,
                name: "wrap".into()
            }]
        );
        assert_eq!(
            p[0].hugo_message(),
            "failed to extract shortcode: shortcode \"wrap\" must be closed or self-closed"
        );
        // Nested same name: the close goes to the inner one.
        assert_eq!(
            msgs("{{< wrap >}}{{< wrap >}}{{< /wrap >}}"),
            vec!["failed to extract shortcode: shortcode \"wrap\" must be closed or self-closed"]
        );
        assert_eq!(
            probs("{{< wrap >}}{{< wrap >}}{{< /wrap >}}")[0].span(),
            &(0..12)
        );
    }

    #[test]
    fn close_without_open() {
        // Hugo's lexer: a `/` before any shortcode name in the page.
        let p = probs("text {{< /wrap >}}");
        assert_eq!(
            p,
            vec![Problem::CloseWithoutOpen {
                close: 5..18,
                name: "wrap".into()
            }]
        );
        assert_eq!(
            p[0].hugo_message(),
            "got closing shortcode, but none is open"
        );
        assert_eq!(
            msgs("{{< / >}}"),
            vec!["got closing shortcode, but none is open"]
        );
    }

    #[test]
    fn stray_close_of_a_seen_name() {
        // The closer of a shortcode without .Inner is a stray close (Hugo: "does not evaluate
        // .Inner").
        let p = probs("{{< pos >}} t {{< /pos >}}");
        assert_eq!(
            p,
            vec![Problem::ClosedNoInner {
                tag: 14..26,
                name: "pos".into(),
                self_closed: false
            }]
        );
        assert_eq!(
            p[0].hugo_message(),
            "failed to extract shortcode: shortcode \"pos\" does not \
            evaluate .Inner or .InnerDeindent, yet a closing tag was provided"
        );
        // A second close of a shortcode with .Inner, a bare `/`, an inline name: nothing to close.
        for src in [
            "{{< wrap >}}x{{< /wrap >}}{{< /wrap >}}",
            "{{< pos >}}{{< / >}}",
            "{{< n.inline >}}x{{< /n.inline >}}{{< /n.inline >}}",
        ] {
            assert!(
                matches!(probs(src)[..], [Problem::CloseWithoutOpen { .. }]),
                "{src}"
            );
        }
        // A closing tag inside an inner shortcode closes it, so pos's stray close is found after.
        assert_eq!(
            probs("{{< pos >}}{{< n.inline >}}{{< /n.inline >}}{{< /pos >}}").len(),
            1
        );
    }

    #[test]
    fn self_closed_without_inner() {
        let p = probs("{{< pos x />}}");
        assert_eq!(
            p,
            vec![Problem::ClosedNoInner {
                tag: 0..14,
                name: "pos".into(),
                self_closed: true
            }]
        );
        ok("{{< wrap x />}}");
    }

    #[test]
    fn mismatched_close() {
        let p = probs("{{< wrap >}}x{{< /zz >}}");
        assert_eq!(
            p,
            vec![Problem::MismatchedClose {
                open: 0..12,
                open_name: "wrap".into(),
                close: 13..24,
                close_name: "zz".into()
            }]
        );
        assert_eq!(
            p[0].hugo_message(),
            "closing tag for shortcode 'zz' does not match start tag"
        );
        // Recovery: the typo'd close counts as the close, so nothing else is reported.
        assert_eq!(probs("{{< wrap >}}x{{< /wrpa >}}{{< pos >}}").len(), 1);
        // Nothing open: reported as a close without an open.
        assert!(matches!(
            probs("{{< pos >}}{{< /zz >}}")[..],
            [Problem::CloseWithoutOpen { .. }]
        ));
    }

    #[test]
    fn unknown_names_are_lenient() {
        ok("{{< u >}}x{{< /u >}}");
        ok("{{< u >}}");
        ok("{{< u />}}");
        ok("{{< u >}}{{< u >}}x{{< /u >}}");
        ok("{{< u >}}{{< wrap >}}x{{< /wrap >}}{{< /u >}}");
        // An unknown opener without a later closer does not swallow the outer close.
        ok("{{< wrap >}}{{< u >}}{{< /wrap >}}");
        // A stray close of an unknown name is left to the unknown-name check.
        ok("{{< u />}}{{< /u >}}");
    }

    #[test]
    fn inline_shortcodes() {
        ok("{{< n.inline >}}A{{< /n.inline >}}{{< n.inline />}}");
        ok("{{< n.inline >}}A{{< /n.inline >}}{{< n.inline >}}");
        ok("{{< wrap >}}{{< n.inline >}}A{{< /n.inline >}}{{< /wrap >}}");
        let p = probs("{{< z.inline />}}");
        assert_eq!(
            p,
            vec![Problem::InlineUndefined {
                tag: 0..17,
                name: "z.inline".into()
            }]
        );
        assert_eq!(
            p[0].hugo_message(),
            "failed to render shortcode \"z.inline\": no earlier definition of shortcode \
             \"z.inline\" found"
        );
        assert!(matches!(
            probs("{{< z.inline >}}")[..],
            [Problem::InlineUndefined { .. }]
        ));
        // Defined later does not count.
        assert_eq!(
            probs("{{< z.inline />}}{{< z.inline >}}x{{< /z.inline >}}").len(),
            1
        );
        // ...except that Hugo renders top-level `{{% %}}` shortcodes before `{{< >}}` ones.
        ok("{{< m.inline />}} {{% m.inline %}}body{{% /m.inline %}}");
        ok("{{< wrap >}}{{< m.inline />}}{{< /wrap >}} {{% m.inline %}}b{{% /m.inline %}}");
        ok("{{% wrap %}}{{< m.inline >}}b{{< /m.inline >}}{{% /wrap %}} {{% m.inline /%}}");
        assert_eq!(
            probs("{{< m.inline >}}b{{< /m.inline >}} {{% m.inline /%}}").len(),
            1
        );
        assert_eq!(
            probs("{{% wrap %}}{{< m.inline />}}{{% /wrap %}} {{< m.inline >}}b{{< /m.inline >}}")
                .len(),
            1
        );
    }

    #[test]
    fn inline_nesting() {
        let p = probs("{{< n.inline >}}{{< pos >}}{{< /n.inline >}}");
        assert_eq!(
            p,
            vec![Problem::InlineNesting {
                tag: 16..27,
                inline_name: "n.inline".into()
            }]
        );
        assert_eq!(
            p[0].hugo_message(),
            "inline shortcodes do not support nesting"
        );
        // Every tag inside the body is reported; the body still ends at its close.
        assert_eq!(
            probs("{{< n.inline >}}{{< pos >}}{{< youtube >}}{{< /n.inline >}}{{< pos >}}").len(),
            2
        );
        // A closer of another name is nesting too.
        assert_eq!(
            msgs("{{< wrap >}}{{< n.inline >}}{{< /wrap >}}{{< /n.inline >}}{{< /wrap >}}"),
            vec!["inline shortcodes do not support nesting"]
        );
        // A reuse written without `/`: the next tag is nesting, then things go on normally.
        let p = probs("{{< n.inline >}}A{{< /n.inline >}}{{< n.inline >}}{{< pos >}}{{< pos >}}");
        assert_eq!(p.len(), 1);
        assert!(matches!(p[0], Problem::InlineNesting { .. }));
        // A closer Hugo's lexer rejects (`.inline` must be followed by a space) still ends the
        // body here: only its lexer error is reported.
        ok("{{< n.inline >}}A{{</n.inline>}}{{< pos >}}");
        // Escaped and broken tags count too.
        assert_eq!(
            msgs("{{< n.inline >}}{{</* x */>}}{{< /n.inline >}}"),
            vec!["inline shortcodes do not support nesting"]
        );
    }

    #[test]
    fn broken_tags_do_not_orphan_their_partners() {
        // The opener is broken (lexer error reported elsewhere); its close is not a stray.
        ok("{{< wrap a=1 b >}}x{{< /wrap >}}");
        // The closer is broken; the opener is not reported unclosed.
        ok("{{< wrap >}}x{{< /wrap junk >}}");
        // Checks Hugo's lexer makes before reaching the broken part still apply.
        assert!(matches!(
            probs("{{< /wrap junk >}}")[..],
            [Problem::CloseWithoutOpen { .. }]
        ));
        assert!(matches!(
            probs("{{< wrap >}}x{{< /zz\n>}}")[..],
            [Problem::MismatchedClose { .. }]
        ));
        // A broken self-closed tag does not take a closer.
        ok("{{< wrap >}}{{< wrap a=1 b />}}{{< /wrap >}}");
        // Without the lexer's help (`check`), the partner is reported.
        let l = lex_detailed("{{< wrap >}}x{{< /wrap junk >}}", 0);
        assert_eq!(check(&l.tags, kind).len(), 1);
    }

    #[test]
    fn structure_links() {
        let l = lex_detailed(
            "{{< wrap >}}{{< pos >}}{{< b >}}x{{< /b >}}{{< /wrap >}}",
            0,
        );
        let s = analyze(&l.tags, &l.broken, &l.escaped, kind);
        assert!(s.problems.is_empty());
        assert_eq!(s.closed_by, vec![Some(4), None, Some(3), None, None]);
        assert_eq!(s.parent, vec![None, Some(0), Some(0), Some(2), Some(0)]);
    }

    #[test]
    fn deep_nesting_is_fine() {
        // Within the lexer's limit of tags per page.
        let src = format!(
            "{}{}",
            "{{< wrap >}}".repeat(50_000),
            "{{< /wrap >}}".repeat(50_000)
        );
        ok(&src);
        let src = "{{< wrap >}}".repeat(100_000);
        assert_eq!(probs(&src).len(), 100_000);
    }
}
