//! Hugo-exact lexer for shortcode tags (`{{< … >}}` and `{{% … %}}`) in a page body.
//!
//! It mirrors the state machine of Hugo 0.111.3 (`parser/pageparser/pagelexer_shortcode.go`,
//! `pagelexer.go`, `item.go`) plus the per-tag checks Hugo only makes later while extracting
//! shortcodes (`hugolib/shortcode.go`: nameless tags, mixed parameter kinds). Checks that need
//! more than one tag (pairing of openers and closers, inline shortcodes) live in
//! `shortcode_tree`.
//!
//! Unlike Hugo, lexing does not stop at the first error: after a broken tag it resumes at the
//! next `{{<` / `{{%` after that tag's start, so every broken tag of a page is reported. Long
//! scans are memoised so that restarting inside an earlier broken tag costs no rescans.

pub(crate) mod go_text;
mod memo;
mod unicode_tables;

use go_text::{go_sharp_u, is_alnum, is_alnum_or_hyphen, quote_text};
use unicode_tables::{LETTER_DIGIT_13, LETTER_DIGIT_15, LETTER_DIGIT_17};

use crate::version::{Behaviour, HugoVersion, UnicodeVersion};
use memo::{
    checkpoint_key, FailMemo, Memo, CHECKPOINT_GAP, M_COMMENT_ANGLE, M_COMMENT_PERCENT,
    M_PRE_QUOTE, M_QUOTED, M_QUOTED_NOESC, M_RAW, M_TO_SPACE, O_BAD_ESC, O_END, O_END_BS, O_EOF,
    O_EOL,
};

/// A byte range, end exclusive: a file offset in everything this module returns (the text
/// lexed starts at `base`).
pub type Span = std::ops::Range<usize>;

/// Which delimiter pair a tag uses (Hugo's `tLeftDelimScNoMarkup` / `tLeftDelimScWithMarkup`,
/// `parser/pageparser/item.go`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delim {
    /// `{{< … >}}`: output inserted as is.
    Angle,
    /// `{{% … %}}`: inner content and output rendered as Markdown.
    Percent,
}

impl Delim {
    /// The left delimiter text: `{{<` or `{{%`.
    pub fn open_str(self) -> &'static str {
        match self {
            Delim::Angle => "{{<",
            Delim::Percent => "{{%",
        }
    }

    /// The right delimiter text: `>}}` or `%}}`.
    pub fn close_str(self) -> &'static str {
        match self {
            Delim::Angle => ">}}",
            Delim::Percent => "%}}",
        }
    }
}

/// One parameter value (Hugo's `tScParam` for a positional one, `tScParamVal` for the value of
/// a named one).
#[derive(Debug, Clone, PartialEq)]
pub struct Param {
    /// The value as Hugo sees it: quotes removed; for `"…"` values that contain `\"`, every
    /// backslash removed (Hugo's `ignoreEscapesAndEmit`); otherwise verbatim.
    pub value: String,
    /// The value as written, including its quotes or backticks.
    pub span: Span,
    /// Written in `"…"` or backticks; Hugo then keeps it a string instead of typing it as a
    /// bool, int or float.
    pub quoted: bool,
}

/// The parameters of an opening tag. Hugo allows one kind per tag (`hugolib/shortcode.go`
/// `extractShortcode`); a tag that mixes them is a [`LexError`], not a [`Tag`].
#[derive(Debug, Clone, PartialEq)]
pub enum Params {
    /// No parameters (also every closing tag).
    None,
    /// `{{< name a "b c" >}}`: values in source order (Hugo's `.Get 0`, `.Get 1`, …).
    Positional(Vec<Param>),
    /// `{{< name k=v >}}`: key, span of the key, value. In source order; a repeated key is
    /// kept twice here (Hugo keeps the last value).
    Named(Vec<(String, Span, Param)>),
}

/// A shortcode tag that lexed without error.
#[derive(Debug, Clone, PartialEq)]
pub struct Tag {
    /// The whole tag from `{{` to `}}` inclusive.
    pub span: Span,
    /// Delimiter kind that opened (and therefore closes) it.
    pub open_delim: Delim,
    /// E.g. "youtube", "sub/x", "n.inline". Empty only for the bare closer `{{< / >}}`.
    pub name: String,
    /// Where the name is; an empty span just before `>}}` for `{{< / >}}`.
    pub name_span: Span,
    /// `{{< /name >}}`.
    pub closing: bool,
    /// `{{< name … / >}}`: a `/` anywhere after the name (outside quotes) makes Hugo treat the tag
    /// as self-closed. Note `{{< name/>}}` is *not* self-closing: the `/` belongs to the name.
    pub self_closing: bool,
    /// The name ends with `.inline`.
    pub inline: bool,
    /// Its parameters; [`Params::None`] for a closing tag.
    pub params: Params,
}

/// A tag Hugo would reject: one of the errors of Hugo's page lexer
/// (`parser/pageparser/pagelexer_shortcode.go`, `l.errorf`) or of its extraction step
/// (`hugolib/shortcode.go` `extractShortcode`) that concern one tag.
#[derive(Debug, Clone, PartialEq)]
pub struct LexError {
    /// The exact offending character(s); empty only at end of input.
    pub span: Span,
    /// Where the `{{<` / `{{%` of the failing tag starts.
    pub tag_start: usize,
    /// Hugo's own wording (quoted input inside it is cut to 40 characters and one line).
    pub hugo_message: String,
    /// The same in plain words for a user.
    pub reason: String,
}

/// What is known about a tag that failed to lex; used by the structure pass so that a broken
/// tag does not make its partner look unpaired.
#[derive(Debug, Clone, PartialEq)]
pub struct Broken {
    /// Start of the tag's `{{`.
    pub tag_start: usize,
    /// The `{{<` / `{{%` of the tag.
    pub span: Span,
    /// The name, if the lexer got that far.
    pub name: Option<String>,
    /// A `/` came before the name.
    pub closing: bool,
    /// A `/` came after the name, or (for a tag that failed before its end) the first right
    /// delimiter after the failure, on the same line, follows a `/`.
    pub self_closing: bool,
    /// The delimiter kind of its `{{<` / `{{%`.
    pub delim: Delim,
    /// Index of the error in [`Lexed::errors`].
    pub error: usize,
}

/// Everything [`lex_detailed`] finds.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Lexed {
    /// The tags that lexed, in source order.
    pub tags: Vec<Tag>,
    /// One per broken tag, in source order of the tags' starts.
    pub errors: Vec<LexError>,
    /// One entry per error, in source order.
    pub broken: Vec<Broken>,
    /// Escaped `{{</* … */>}}` / `{{%/* … */%}}` regions, whole.
    pub escaped: Vec<Span>,
    /// Where lexing stopped at [`MAX_TAGS`] (a file offset), if it did.
    pub stopped_at: Option<usize>,
}

/// Tags and broken tags lexed in one page at the most: a hostile page of a
/// million tags costs bounded memory, and no real page comes near.
pub const MAX_TAGS: usize = 100_000;

/// Lex every shortcode tag in `text` (a page body; `base` is added to all spans so they become
/// file offsets). Escaped `{{</* ... */>}}` / `{{%/* ... */%}}` are skipped. After an error,
/// scanning resumes at the next `{{<` / `{{%` after the failing tag's start. Returns the tags
/// that lexed and the errors, each in source order; at most [`MAX_TAGS`] of both together.
pub fn lex(text: &str, base: usize) -> (Vec<Tag>, Vec<LexError>) {
    let l = lex_detailed(text, base);
    (l.tags, l.errors)
}

/// Like [`lex`], but also returns what is known about broken tags and the escaped regions, for
/// `shortcode_tree::check_lexed`.
pub fn lex_detailed(text: &str, base: usize) -> Lexed {
    lex_for(text, base, HugoVersion::LATEST)
}

/// Go's letter-and-digit table at the Unicode version of `version`'s Go (sorted inclusive
/// `[start, end]` pairs), for [`go_text::is_alnum`].
pub(crate) fn letters(version: HugoVersion) -> &'static [u32] {
    match version.unicode() {
        UnicodeVersion::V13 => LETTER_DIGIT_13,
        UnicodeVersion::V15 => LETTER_DIGIT_15,
        UnicodeVersion::V17 => LETTER_DIGIT_17,
    }
}

/// [`lex_detailed`] as `version` of Hugo lexes: the Unicode tables of its Go decide what a
/// letter is, and from Hugo 0.143 a `/` makes what follows a closing tag's name (so
/// `{{< wrap / extra >}}` closes `extra`, c939c33fd).
pub fn lex_for(text: &str, base: usize, version: HugoVersion) -> Lexed {
    let letters = letters(version);
    let mut lx = Lexer {
        s: text,
        b: text.as_bytes(),
        base,
        letters,
        slash_resets_name: version.has(Behaviour::SelfCloseWordsFatal),
        memo: Default::default(),
        failed: FailMemo::default(),
        out: Lexed::default(),
    };
    lx.run();
    lx.out
}

// ---------------------------------------------------------------------------------------------
// Internals
// ---------------------------------------------------------------------------------------------

/// Hugo's item types inside a tag (`tScClose`, `tScParam`, `tScParamVal`, `tScName*`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Close,
    Param,
    Val,
    Name,
}

#[derive(Debug, Clone)]
struct Item {
    kind: Kind,
    value: String,
    raw: Span,
    quoted: bool,
}

/// A failure inside one tag (relative spans).
struct Fail {
    span: Span,
    msg: String,
    reason: String,
}

fn fail(span: Span, msg: impl Into<String>, reason: impl Into<String>) -> Fail {
    Fail {
        span,
        msg: msg.into(),
        reason: reason.into(),
    }
}

enum Stop {
    Fail(Fail),
    /// The tag fell into step with an earlier tag that failed; it fails the same way.
    Merged(usize),
}

/// Lexer state of one tag (Hugo's `lexerShortcodeState`, per tag).
struct St {
    start: usize,
    delim: Delim,
    pos: usize,
    /// Hugo's `elementStepNum > 0`: the name has been lexed.
    named: bool,
    /// Hugo's `paramElements`: 0 none yet, 1 positional, 2 named.
    pe: u8,
    /// Hugo's `closingState`: `/` seen since the last name.
    closing: u32,
    name: Option<(Span, bool)>,
    /// A `/` came before the name (Hugo's closing-name path).
    closing_name: bool,
    slash_after_name: bool,
    items: Vec<Item>,
    /// Checkpoint keys for the failure memo.
    cps: Vec<u64>,
    last_cp: usize,
}

impl St {
    /// A tag whose `{{` is at `start`, its delimiter's first char lexed; `pos` is after it.
    fn new(start: usize, delim: Delim, pos: usize) -> St {
        St {
            start,
            delim,
            pos,
            named: false,
            pe: 0,
            closing: 0,
            name: None,
            closing_name: false,
            slash_after_name: false,
            items: Vec::new(),
            cps: Vec::new(),
            last_cp: pos,
        }
    }

    /// The [`FailMemo`] key of the lexer's state now: its position and the state bits that
    /// decide how the rest of the tag lexes.
    fn key(&self) -> u64 {
        let bits = (self.delim == Delim::Percent) as u64
            | (self.named as u64) << 1
            | (self.pe as u64) << 2
            | ((self.closing > 0) as u64) << 4;
        checkpoint_key(self.pos, bits)
    }
}

struct Lexer<'a> {
    s: &'a str,
    b: &'a [u8],
    base: usize,
    /// Go's letters and digits at the Unicode version of the release's Go.
    letters: &'static [u32],
    /// Hugo 0.143 and later: `/` resets the element count, so a word after it is a name.
    slash_resets_name: bool,
    memo: [Memo; 7],
    /// The checkpoints of the tags that failed.
    failed: FailMemo,
    out: Lexed,
}

impl Lexer<'_> {
    fn run(&mut self) {
        let mut pos = 0;
        while let Some(i) = self.find_open(pos) {
            if self.out.tags.len() + self.out.broken.len() >= MAX_TAGS {
                self.out.stopped_at = Some(i + self.base);
                return;
            }
            pos = self.tag_at(i);
        }
    }

    /// Next `{{<` / `{{%` at or after `from`. Like Hugo, a `{{` that is not one moves on by one
    /// byte, so `{{{<` starts a tag at its second brace.
    fn find_open(&self, from: usize) -> Option<usize> {
        let mut p = from;
        loop {
            // memchr on one byte: `{` is rare in prose, and `str::find` of
            // "{{" was 3% of a whole-site run.
            let i = p + memchr::memchr(b'{', self.b.get(p..)?)?;
            match (self.b.get(i + 1), self.b.get(i + 2)) {
                (Some(b'{'), Some(b'<' | b'%')) => return Some(i),
                (Some(_), Some(_)) => p = i + 1,
                _ => return None,
            }
        }
    }

    fn char_at(&self, p: usize) -> Option<(char, usize)> {
        let b0 = *self.b.get(p)?;
        if b0 < 0x80 {
            return Some((b0 as char, 1));
        }
        let c = self.s.get(p..)?.chars().next()?;
        Some((c, c.len_utf8()))
    }

    fn abs(&self, r: &Span) -> Span {
        r.start + self.base..r.end + self.base
    }

    /// Lex the tag whose `{{` is at `i`; returns where to continue.
    fn tag_at(&mut self, i: usize) -> usize {
        let delim = if self.b[i + 2] == b'<' {
            Delim::Angle
        } else {
            Delim::Percent
        };
        let p = i + 3;
        if self.b[p..].starts_with(b"/*") {
            return self.escaped(i, p, delim);
        }
        let mut st = St::new(i, delim, p);
        match self.inside(&mut st) {
            Ok(end) => match self.finish(&st, end) {
                Ok(tag) => {
                    self.out.tags.push(tag);
                    end
                }
                Err(f) => {
                    // The tag lexed, so Hugo knows where it ends: its error comes from the
                    // extraction step, and lexing goes on after it.
                    self.push_error(&st, f);
                    end
                }
            },
            Err(Stop::Fail(f)) => {
                let after = f.span.end;
                let idx = self.push_error(&st, f);
                self.guess_self_closing(&st, after);
                self.commit(&st, idx);
                i + 1
            }
            Err(Stop::Merged(e)) => {
                let mut err = self.out.errors[e].clone();
                err.tag_start = i + self.base;
                let idx = self.out.errors.len();
                let after = err.span.end - self.base;
                self.out.errors.push(err);
                self.push_broken(&st, idx);
                self.guess_self_closing(&st, after);
                self.commit(&st, idx);
                i + 1
            }
        }
    }

    /// Remembers the checkpoints of the failed tag `st`, whose error is `idx`.
    fn commit(&mut self, st: &St, idx: usize) {
        self.failed.remember(&st.cps, idx);
    }

    fn push_error(&mut self, st: &St, f: Fail) -> usize {
        let idx = self.out.errors.len();
        self.out.errors.push(LexError {
            span: self.abs(&f.span),
            tag_start: st.start + self.base,
            hugo_message: f.msg,
            reason: f.reason,
        });
        self.push_broken(st, idx);
        idx
    }

    fn push_broken(&mut self, st: &St, idx: usize) {
        let name = st.name.as_ref().map(|(r, _)| self.s[r.clone()].to_string());
        let closing = st.items.first().map(|it| it.kind) == Some(Kind::Close);
        self.out.broken.push(Broken {
            tag_start: st.start + self.base,
            span: self.abs(&(st.start..st.start + 3)),
            name,
            closing,
            self_closing: st.slash_after_name,
            delim: st.delim,
            error: idx,
        });
    }

    /// For an opener that failed before its end: if the first right delimiter within the
    /// rest of the line (up to 256 bytes) follows a `/`, assume it was meant as self-closed, so
    /// the structure pass does not let it take a closing tag.
    fn guess_self_closing(&mut self, st: &St, after: usize) {
        let b = self.b;
        let end = b.len().min(after + 256);
        let window = &b[after.min(end)..end];
        let window = &window[..window
            .iter()
            .position(|&c| c == b'\n')
            .unwrap_or(window.len())];
        let close = st.delim.close_str().as_bytes();
        let Some(k) = window.windows(3).position(|w| w == close) else {
            return;
        };
        let before = window[..k].iter().rev().find(|&&c| c != b' ' && c != b'\t');
        if before == Some(&b'/') {
            if let Some(last) = self.out.broken.last_mut() {
                last.self_closing = true;
            }
        }
    }

    /// `{{</* … */>}}`: Hugo looks for the first `*/>}}` (same delimiter) anywhere after it.
    fn escaped(&mut self, i: usize, p: usize, delim: Delim) -> usize {
        let (kind, pat): (usize, &'static [u8]) = match delim {
            Delim::Angle => (M_COMMENT_ANGLE, b"*/>}}"),
            Delim::Percent => (M_COMMENT_PERCENT, b"*/%}}"),
        };
        let b = self.b;
        let len = b.len();
        let (m, o) = self.memo[kind].run(p, len, |q, limit| {
            let mut j = q;
            while j < limit {
                match b[j..limit].iter().position(|&c| c == b'*') {
                    Some(k) => {
                        j += k;
                        if b[j..].starts_with(pat) {
                            return Some((j, O_END));
                        }
                        j += 1;
                    }
                    None => break,
                }
            }
            (limit == len).then_some((len, O_EOF))
        });
        // Hugo: the marker must be found, and not overlap the opening `/*` (`{{</*/>}}`).
        if o == O_EOF || m <= p + 1 {
            let st = St::new(i, delim, p);
            let close = delim.close_str();
            self.push_error(
                &st,
                fail(
                    p..p + 2,
                    "comment must be closed",
                    format!(
                        "this escaped shortcode `{}/* … */{}` is never ended: Hugo needs exactly \
                         `*/{}`, with nothing between `*/` and `{}`",
                        delim.open_str(),
                        close,
                        close,
                        close
                    ),
                ),
            );
            return i + 1;
        }
        let end = m + pat.len();
        self.out.escaped.push(self.abs(&(i..end)));
        end
    }

    /// Hugo's `lexInsideShortcode` loop. Returns the end of the tag (after `}}`).
    fn inside(&mut self, st: &mut St) -> Result<usize, Stop> {
        loop {
            let unit_start = st.pos;
            let key = st.key();
            if let Some(e) = self.failed.get(unit_start, key) {
                return Err(Stop::Merged(e));
            }
            match self.unit(st) {
                Ok(Some(end)) => return Ok(end),
                Ok(None) => {
                    if st.pos - st.last_cp >= CHECKPOINT_GAP {
                        st.cps.push(key);
                        st.last_cp = unit_start;
                    }
                }
                Err(f) => {
                    st.cps.push(key);
                    return Err(Stop::Fail(f));
                }
            }
        }
    }

    /// One step of `lexInsideShortcode`; `Some(end)` when the right delimiter was found.
    fn unit(&mut self, st: &mut St) -> Result<Option<usize>, Fail> {
        let b = self.b;
        let p = st.pos;
        if b[p..].starts_with(st.delim.close_str().as_bytes()) {
            return Ok(Some(p + 3));
        }
        let Some((c, w)) = self.char_at(p) else {
            return Err(fail(
                p..p,
                "unclosed shortcode action",
                format!(
                    "this tag is never closed: there is no `{}` before the end of the page",
                    st.delim.close_str()
                ),
            ));
        };
        match c {
            // Hugo skips spaces, tabs and line ends one by one; a run is equivalent.
            ' ' | '\t' | '\r' | '\n' => {
                let mut q = p;
                while matches!(b.get(q), Some(b' ' | b'\t' | b'\r' | b'\n')) {
                    q += 1;
                }
                st.pos = q;
            }
            '=' => self.equals(st)?,
            '/' => {
                st.closing += 1;
                if st.named {
                    st.slash_after_name = true;
                }
                if self.slash_resets_name {
                    st.named = false;
                }
                st.items.push(Item {
                    kind: Kind::Close,
                    value: String::new(),
                    raw: p..p + 1,
                    quoted: false,
                });
                st.pos = p + 1;
            }
            '\\' => {
                // A backslash is dropped; before a quote or backtick it starts an escaped value.
                st.pos = p + 1;
                if matches!(b.get(p + 1), Some(b'"' | b'`')) {
                    self.param(st, true)?;
                }
            }
            _ if st.named && (is_alnum_or_hyphen(c, self.letters) || c == '"' || c == '`') => {
                self.param(st, false)?
            }
            _ if is_alnum(c, self.letters) => return self.identifier(st),
            _ => return Err(unrecognized(st, c, p, w, b)),
        }
        Ok(None)
    }

    /// After `=`: Hugo skips Unicode spaces (newlines too), then lexes a value.
    fn equals(&mut self, st: &mut St) -> Result<(), Fail> {
        let mut q = st.pos + 1;
        while let Some((c, w)) = self.char_at(q) {
            if !c.is_whitespace() {
                break;
            }
            q += w;
        }
        st.pos = q;
        match self.b.get(q) {
            Some(b'"') => self.quoted(st, q, true, Kind::Val),
            Some(b'\\') => self.quoted(st, q, false, Kind::Val),
            Some(b'`') => self.raw(st, q, Kind::Val),
            _ => {
                let (s, b) = (self.s, self.b);
                let (e, _) = self.memo[M_TO_SPACE].run(q, b.len(), |q, limit| {
                    for (j, &x) in b.iter().enumerate().take(limit).skip(q) {
                        let space = if x < 0x80 {
                            matches!(x, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r')
                        } else if matches!(x, 0xC2 | 0xE1 | 0xE2 | 0xE3) {
                            s.get(j..)
                                .and_then(|t| t.chars().next())
                                .is_some_and(char::is_whitespace)
                        } else {
                            false
                        };
                        if space {
                            return Some((j, O_END));
                        }
                    }
                    (limit == b.len()).then_some((b.len(), O_END))
                });
                st.items.push(Item {
                    kind: Kind::Val,
                    value: self.s[q..e].to_string(),
                    raw: q..e,
                    quoted: false,
                });
                st.pos = e;
                Ok(())
            }
        }
    }

    /// Hugo's `lexShortcodeParam`; `esc`: started by a backslash before a quote or backtick.
    fn param(&mut self, st: &mut St, esc: bool) -> Result<(), Fail> {
        let p = st.pos;
        let c = self.b[p];
        if c == b'"' || (c == b'`' && !esc) {
            if st.pe == 2 {
                return Err(fail(
                    p..p + 1,
                    "got quoted positional parameter. Cannot mix named and positional parameters",
                    "this tag mixes named (`key=value`) and positional parameters; a quoted value \
                     without `key=` is positional",
                ));
            }
            st.pe = 1;
            return if c == b'"' {
                self.quoted(st, p, !esc, Kind::Param)
            } else {
                self.raw(st, p, Kind::Param)
            };
        }
        if c == b'`' {
            return Err(fail(
                p - 1..p + 1,
                "unrecognized escape character",
                "a backslash cannot escape a backtick in a shortcode parameter",
            ));
        }
        let mut q = p;
        while let Some((c, w)) = self.char_at(q) {
            if !(is_alnum_or_hyphen(c, self.letters) || c == '.') {
                break;
            }
            q += w;
        }
        let next_eq = self.b.get(q) == Some(&b'=');
        // The value is the whole token; only messages quote it shortened.
        let value = &self.s[p..q];
        let tok = quote_text(value);
        if st.pe == 0 {
            st.pe = if next_eq { 2 } else { 1 };
        } else if next_eq && st.pe == 1 {
            return Err(fail(
                p..q,
                format!("got named parameter '{tok}'. Cannot mix named and positional parameters"),
                format!(
                    "`{tok}=` is a named parameter, but this tag already has a positional one; use \
                     either only `key=value` parameters or only positional ones"
                ),
            ));
        } else if !next_eq && st.pe == 2 {
            return Err(fail(
                p..q,
                format!(
                    "got positional parameter '{tok}'. Cannot mix named and positional parameters"
                ),
                format!(
                    "`{tok}` is a positional parameter, but this tag already has a named \
                     (`key=value`) one; use one style only (or quote a value that contains spaces)"
                ),
            ));
        }
        st.items.push(Item {
            kind: Kind::Param,
            value: value.to_string(),
            raw: p..q,
            quoted: false,
        });
        st.pos = q;
        Ok(())
    }

    /// Hugo's `lexShortcodeQuotedParamVal`. `from` is the opening quote, or (only for `k=\…`)
    /// a backslash, from which Hugo skips to the first quote.
    fn quoted(&mut self, st: &mut St, from: usize, allowed: bool, kind: Kind) -> Result<(), Fail> {
        let (s, b) = (self.s, self.b);
        let len = b.len();
        let open = if b[from] == b'"' {
            from
        } else {
            let (e, o) = self.memo[M_PRE_QUOTE].run(from, len, |q, limit| {
                for (j, &x) in b.iter().enumerate().take(limit).skip(q) {
                    match x {
                        b'\n' => return Some((j, O_EOL)),
                        b'"' => return Some((j, O_END)),
                        b'`' if j > q && b[j - 1] == b'\\' => return Some((j - 1, O_BAD_ESC)),
                        _ => {}
                    }
                }
                (limit == len).then_some((len, O_EOL))
            });
            match o {
                O_END => e,
                O_BAD_ESC => return Err(bad_escape(e)),
                _ => return Err(unterminated(from, &s[from..e])),
            }
        };
        let c0 = open + 1;
        let which = if allowed { M_QUOTED } else { M_QUOTED_NOESC };
        let (e, o) = self.memo[which].run(c0, len, |q, limit| {
            // `j > q` / `b[j - 1]`: the byte before `q` is the opening quote, never a backslash.
            for (j, &x) in b.iter().enumerate().take(limit).skip(q) {
                let escaped = j > q && b[j - 1] == b'\\';
                match x {
                    b'\n' => return Some((j, O_EOL)),
                    // An escaped quote is part of the value, or ends a no-escape value.
                    b'"' if escaped && allowed => {}
                    b'"' if escaped => return Some((j - 1, O_END_BS)),
                    b'"' => return Some((j, O_END)),
                    b'`' if escaped => return Some((j - 1, O_BAD_ESC)),
                    _ => {}
                }
            }
            (limit == len).then_some((len, O_EOL))
        });
        let (value_end, next) = match o {
            O_END => (e, e + 1),
            O_END_BS => (e, e + 2),
            O_BAD_ESC => return Err(bad_escape(e)),
            _ => return Err(unterminated(open, &s[c0..e])),
        };
        let raw = &s[c0..value_end];
        // Hugo drops every backslash of a value that contained an escaped quote.
        let value = if allowed && raw.contains("\\\"") {
            raw.replace('\\', "")
        } else {
            raw.to_string()
        };
        st.items.push(Item {
            kind,
            value,
            raw: from..next,
            quoted: true,
        });
        st.pos = next;
        Ok(())
    }

    /// Hugo's `lexShortCodeParamRawStringVal`; `from` is the opening backtick.
    fn raw(&mut self, st: &mut St, from: usize, kind: Kind) -> Result<(), Fail> {
        let b = self.b;
        let len = b.len();
        let c0 = from + 1;
        let (e, o) = self.memo[M_RAW].run(c0, len, |q, limit| {
            match b[q..limit].iter().position(|&x| x == b'`') {
                Some(k) => Some((q + k, O_END)),
                None => (limit == len).then_some((len, O_EOF)),
            }
        });
        if o != O_END {
            return Err(fail(
                from..from + 1,
                format!(
                    "unterminated raw string in shortcode parameter-argument: '{}'",
                    quote_text(&self.s[c0..])
                ),
                "the backtick-quoted value starting here is never closed with another backtick",
            ));
        }
        st.items.push(Item {
            kind,
            value: self.s[c0..e].to_string(),
            raw: from..e + 1,
            quoted: true,
        });
        st.pos = e + 1;
        Ok(())
    }

    /// Hugo's `lexIdentifierInShortcode` (and `lexEndOfShortcode` for closing tags).
    fn identifier(&mut self, st: &mut St) -> Result<Option<usize>, Fail> {
        let b = self.b;
        let p = st.pos;
        let mut q = p;
        let mut inline = false;
        while let Some((c, w)) = self.char_at(q) {
            if is_alnum_or_hyphen(c, self.letters) || c == '/' {
                q += w;
            } else if c == '.' {
                // Only `.inline` directly followed by a space (not a tab, newline or `>}}`).
                if !b[q + 1..].starts_with(b"inline ") {
                    // For the structure pass, remember the whole would-be name
                    // (e.g. `/n.inline>}}` still closes `n.inline`).
                    let mut r = q;
                    while let Some((c, w)) = self.char_at(r) {
                        if !(is_alnum_or_hyphen(c, self.letters) || c == '/' || c == '.') {
                            break;
                        }
                        r += w;
                    }
                    if self.s[p..r].ends_with(".inline") {
                        st.name = Some((p..r, true));
                    }
                    return Err(fail(
                        q..q + 1,
                        "period in shortcode name only allowed for inline identifiers",
                        "a `.` may appear in a shortcode name only as the `.inline` ending of an \
                         inline shortcode, followed by a space",
                    ));
                }
                inline = true;
                q += 1;
            } else {
                break;
            }
        }
        st.named = true;
        st.name = Some((p..q, inline));
        st.items.push(Item {
            kind: Kind::Name,
            value: self.s[p..q].to_string(),
            raw: p..q,
            quoted: false,
        });
        st.pos = q;
        let was_closing = st.closing > 0;
        st.closing = 0;
        if !was_closing {
            return Ok(None);
        }
        st.closing_name = true;
        let close = st.delim.close_str();
        loop {
            if b[q..].starts_with(close.as_bytes()) {
                return Ok(Some(q + 3));
            }
            match b.get(q) {
                Some(b' ' | b'\t') => q += 1,
                _ => {
                    let w = self.char_at(q).map_or(0, |(_, w)| w);
                    let name = quote_text(&self.s[p..st.pos]);
                    return Err(fail(
                        q..q + w,
                        "unclosed shortcode",
                        format!(
                            "a closing tag may contain only `/{name}`: end it with `{close}` on \
                             the same line, with nothing else after the name"
                        ),
                    ));
                }
            }
        }
    }

    /// Checks Hugo makes on a lexed tag while extracting it (`hugolib/shortcode.go`
    /// `extractShortcode`), and builds the [`Tag`]. `end` is just after the tag's `}}`.
    fn finish(&self, st: &St, end: usize) -> Result<Tag, Fail> {
        let whole = st.start..end;
        let Some(first) = st.items.first() else {
            return Err(no_name(whole, ""));
        };
        if first.kind == Kind::Close {
            return self.closing_tag(st, end);
        }
        let Some((name_range, inline)) = st.name.clone() else {
            // Hugo 0.111.3 crashes on these (nil template info); no release accepts them.
            return Err(no_name(whole, " before its parameters"));
        };
        let name = self.s[name_range.clone()].to_string();
        if st.closing_name {
            return Err(malformed_closer(st, whole, &name));
        }
        let params = self.params(&st.items, &quote_text(&name))?;
        Ok(Tag {
            span: self.abs(&whole),
            open_delim: st.delim,
            name,
            name_span: self.abs(&name_range),
            closing: false,
            self_closing: st.items.iter().any(|it| it.kind == Kind::Close),
            inline,
            params,
        })
    }

    /// A tag whose first item is a `/`: after the `/`s, only the name (or nothing, for
    /// `{{< / >}}`) may follow.
    fn closing_tag(&self, st: &St, end: usize) -> Result<Tag, Fail> {
        let items = &st.items;
        let k = items.iter().take_while(|it| it.kind == Kind::Close).count();
        let (name, name_span, inline) = match &items[k..] {
            [] => (String::new(), end - 3..end - 3, false),
            [n] if n.kind == Kind::Name => (
                n.value.clone(),
                n.raw.clone(),
                st.name.as_ref().is_some_and(|x| x.1),
            ),
            _ => {
                let n = st.name.as_ref().map_or("", |(r, _)| &self.s[r.clone()]);
                return Err(malformed_closer(st, st.start..end, n));
            }
        };
        Ok(Tag {
            span: self.abs(&(st.start..end)),
            open_delim: st.delim,
            name,
            name_span: self.abs(&name_span),
            closing: true,
            self_closing: false,
            inline,
            params: Params::None,
        })
    }

    /// The parameters of an opening tag, as Hugo's extraction step reads the items: a
    /// parameter followed by a value is named, one without is positional, and a tag may not
    /// have both. `shown_name` is the tag's name as quoted in messages.
    fn params(&self, items: &[Item], shown_name: &str) -> Result<Params, Fail> {
        let mut positional = Vec::new();
        let mut named = Vec::new();
        let mut seen_name = false;
        let mut k = 0;
        while k < items.len() {
            let it = &items[k];
            match it.kind {
                Kind::Name => seen_name = true,
                Kind::Param => {
                    // Hugo names the shortcode in the message only once it has seen the name.
                    let sc_name = if seen_name { shown_name } else { "" };
                    if let Some(v) = items.get(k + 1).filter(|v| v.kind == Kind::Val) {
                        if !positional.is_empty() {
                            return Err(self.named_after_positional(it, v, sc_name));
                        }
                        named.push((
                            it.value.clone(),
                            self.abs(&it.raw),
                            Param {
                                value: v.value.clone(),
                                span: self.abs(&v.raw),
                                quoted: v.quoted,
                            },
                        ));
                        k += 2;
                        continue;
                    }
                    if !named.is_empty() {
                        return Err(self.positional_after_named(it, sc_name));
                    }
                    positional.push(Param {
                        value: it.value.clone(),
                        span: self.abs(&it.raw),
                        quoted: it.quoted,
                    });
                }
                Kind::Close | Kind::Val => {}
            }
            k += 1;
        }
        Ok(if !named.is_empty() {
            Params::Named(named)
        } else if !positional.is_empty() {
            Params::Positional(positional)
        } else {
            Params::None
        })
    }

    /// Hugo's extraction error for `key` `value` after positional parameters (Go's `%T` of
    /// the map it could not add to).
    fn named_after_positional(&self, key: &Item, value: &Item, sc_name: &str) -> Fail {
        fail(
            key.raw.start..value.raw.end,
            format!(
                "failed to extract shortcode: invalid state: invalid param type \
                 map[string]interface {{}} for shortcode \"{sc_name}\", expected a map"
            ),
            format!(
                "`{}` is written as a named parameter, but this tag already has positional \
                 parameters; use one style only (write `key=value` without spaces around `=`)",
                quote_text(&self.s[key.raw.start..value.raw.end])
            ),
        )
    }

    /// Hugo's extraction error for a positional parameter after named ones (Go's `%T` of the
    /// slice it could not add to).
    fn positional_after_named(&self, it: &Item, sc_name: &str) -> Fail {
        fail(
            it.raw.clone(),
            format!(
                "failed to extract shortcode: invalid state: invalid param type \
                 []interface {{}} for shortcode \"{sc_name}\", expected a slice"
            ),
            format!(
                "`{}` is a positional parameter, but this tag already has named (`key=value`) \
                 ones; use one style only",
                quote_text(&self.s[it.raw.clone()])
            ),
        )
    }
}

/// Hugo's `shortcode has no name`, for the whole tag; `why` ends the reason.
fn no_name(whole: Span, why: &str) -> Fail {
    fail(
        whole,
        "shortcode has no name",
        format!("a shortcode tag must contain the shortcode name{why}"),
    )
}

/// Hugo's `unclosed shortcode` for a closing tag that holds more than `/` and the name.
fn malformed_closer(st: &St, whole: Span, name: &str) -> Fail {
    let close = st.delim.close_str();
    fail(
        whole,
        "unclosed shortcode",
        format!(
            "a closing tag may contain only `/` and the name, like `{}/{} {close}`",
            st.delim.open_str(),
            quote_text(name)
        ),
    )
}

fn bad_escape(backslash: usize) -> Fail {
    fail(
        backslash..backslash + 2,
        "unrecognized escape character",
        "a backslash cannot escape a backtick in a shortcode parameter",
    )
}

fn unterminated(open: usize, rest: &str) -> Fail {
    fail(
        open..open + 1,
        format!(
            "unterminated quoted string in shortcode parameter-argument: '{}'",
            quote_text(rest)
        ),
        "the quoted value starting here has no closing `\"` on the same line; a \"…\" value cannot \
         span lines (use backticks for that)",
    )
}

/// Hugo's `unrecognized character` error, with a reason for the usual causes.
fn unrecognized(st: &St, c: char, p: usize, w: usize, b: &[u8]) -> Fail {
    let msg = format!(
        "unrecognized character in shortcode action: {}. Note: Parameters with non-alphanumeric \
         args must be quoted",
        go_sharp_u(c)
    );
    let after = &b[p + w..];
    let reason = match (st.delim, c) {
        (Delim::Angle, '%') if after.starts_with(b"}}") => {
            "this tag was opened with `{{<` so it must end with `>}}`, not `%}}`".to_string()
        }
        (Delim::Percent, '>') if after.starts_with(b"}}") => {
            "this tag was opened with `{{%` so it must end with `%}}`, not `>}}`".to_string()
        }
        (_, '{') if after.starts_with(b"{<") || after.starts_with(b"{%") => format!(
            "a new shortcode tag starts here, but the tag before it was never closed with `{}`",
            st.delim.close_str()
        ),
        _ if c.is_whitespace() => format!(
            "{} is a Unicode space that Hugo does not accept between the parts of a shortcode tag; \
             use a plain space",
            go_sharp_u(c)
        ),
        _ if !st.named => {
            "a shortcode tag must start with the shortcode name, whose first character must be a \
             letter, digit or `_`"
                .to_string()
        }
        _ => format!(
            "`{c}` cannot appear in an unquoted parameter (only letters, digits, `_`, `-` and `.` \
             can); put the value in quotes"
        ),
    };
    fail(p..p + w, msg, reason)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(s: &str) -> Vec<Tag> {
        let (t, e) = lex(s, 0);
        assert!(e.is_empty(), "unexpected errors for {s:?}: {e:#?}");
        t
    }

    fn one(s: &str) -> Tag {
        let mut t = tags(s);
        assert_eq!(t.len(), 1, "{s:?}: {t:#?}");
        t.remove(0)
    }

    fn err(s: &str) -> LexError {
        let (t, mut e) = lex(s, 0);
        assert_eq!(e.len(), 1, "{s:?}: tags {t:#?} errors {e:#?}");
        e.remove(0)
    }

    fn msg(s: &str) -> String {
        err(s).hugo_message
    }

    fn positional(t: &Tag) -> Vec<&str> {
        match &t.params {
            Params::Positional(v) => v.iter().map(|p| p.value.as_str()).collect(),
            Params::None => vec![],
            other => panic!("not positional: {other:?}"),
        }
    }

    fn named(t: &Tag) -> Vec<(&str, &str)> {
        match &t.params {
            Params::Named(v) => v
                .iter()
                .map(|(k, _, p)| (k.as_str(), p.value.as_str()))
                .collect(),
            Params::None => vec![],
            other => panic!("not named: {other:?}"),
        }
    }

    const UNRECOGNIZED_PCT: &str = "unrecognized character in shortcode action: U+0025 '%'. Note: \
        Parameters with non-alphanumeric args must be quoted";
    const MIX_NOTE: &str = "Cannot mix named and positional parameters";

    #[test]
    fn both_delimiters_and_spans() {
        let t = tags("a {{< yt abc >}} b {{% md %}}");
        assert_eq!(t.len(), 2);
        assert_eq!(
            (t[0].open_delim, t[0].name.as_str(), t[0].span.clone()),
            (Delim::Angle, "yt", 2..16)
        );
        assert_eq!(t[0].name_span, 6..8);
        assert_eq!(
            (t[1].open_delim, t[1].name.as_str(), t[1].span.clone()),
            (Delim::Percent, "md", 19..29)
        );
        assert!(!t[0].closing && !t[0].self_closing && !t[0].inline);
    }

    #[test]
    fn long_unquoted_values_are_whole() {
        // Issue 15, K6: values over 40 characters were cut by the message helper.
        let long = "howto-schedule-and-handle-triggered-jobs.md";
        assert!(long.len() > 40);
        let t = one(&format!("{{{{< ref {long} >}}}}"));
        assert_eq!(positional(&t), [long]);
        let t = one(&format!("{{{{< x a={long} b=1 >}}}}"));
        assert_eq!(named(&t), [("a", long), ("b", "1")]);
        // Messages still quote a long token shortened.
        let m = msg(&format!("{{{{< x {long} b=1 >}}}}"));
        assert!(m.contains("got named parameter 'b'"), "{m}");
    }

    #[test]
    fn base_is_added_to_every_span() {
        let (t, e) = lex("{{< x a >}}{{< y %}}", 100);
        assert_eq!(t[0].span, 100..111);
        assert_eq!(t[0].name_span, 104..105);
        match &t[0].params {
            Params::Positional(p) => assert_eq!(p[0].span, 106..107),
            _ => panic!(),
        }
        assert_eq!(e[0].tag_start, 111);
        assert_eq!(e[0].span, 117..118);
    }

    #[test]
    fn plain_double_braces_are_text_and_triple_brace_starts_at_second() {
        assert!(tags("{{ .Title }} {{ x }}").is_empty());
        assert_eq!(one("{{{< x >}}").span, 1..10);
    }

    #[test]
    fn mismatched_delimiter_is_unrecognized_character() {
        let e = err("{{< x %}}");
        assert_eq!(e.hugo_message, UNRECOGNIZED_PCT);
        assert_eq!((e.span.clone(), e.tag_start), (6..7, 0));
        assert!(
            e.reason.contains("must end with `>}}`, not `%}}`"),
            "{}",
            e.reason
        );
        let e = err("{{% x >}}");
        assert!(e
            .hugo_message
            .starts_with("unrecognized character in shortcode action: U+003E '>'."));
        assert!(e.reason.contains("must end with `%}}`"));
    }

    #[test]
    fn open_and_close_may_use_different_delimiters() {
        let t = tags("{{< wrap >}}x{{% /wrap %}}");
        assert_eq!(t.len(), 2);
        assert!(t[1].closing && t[1].open_delim == Delim::Percent);
    }

    #[test]
    fn newlines_inside_tags() {
        let t = one("{{<\n  figure\n  src=\"a.jpg\"\r\n  alt=x\n>}}");
        assert_eq!(named(&t), vec![("src", "a.jpg"), ("alt", "x")]);
    }

    #[test]
    fn names() {
        assert_eq!(one("{{< sub/x >}}").name, "sub/x");
        assert_eq!(one("{{< _a-b9 >}}").name, "_a-b9");
        assert_eq!(one("{{< 日本 >}}").name, "日本");
        assert_eq!(one("{{< x>}}").name, "x");
        let t = one("{{< n.inline >}}");
        assert!(t.inline && t.name == "n.inline");
        // The slash belongs to the name: this is not self-closing (Hugo: template "wrap/" not
        // found).
        let t = one("{{< wrap/>}}");
        assert_eq!((t.name.as_str(), t.self_closing), ("wrap/", false));
    }

    #[test]
    fn name_errors() {
        let period = "period in shortcode name only allowed for inline identifiers";
        for s in [
            "{{< n.inline>}}",
            "{{< a.b >}}",
            "{{< n.inline\t>}}",
            "{{< n.inline\n>}}",
            "{{< a.b.inline >}}",
        ] {
            let e = err(s);
            assert_eq!(e.hugo_message, period, "{s}");
            assert_eq!(&s[e.span.clone()], ".", "{s}");
        }
        assert!(msg("{{< -x >}}").contains("U+002D '-'"));
        assert!(msg("{{< \"x\" >}}").contains("U+0022 '\"'"));
        assert!(msg("{{< .x >}}").contains("U+002E '.'"));
    }

    #[test]
    fn no_name() {
        for s in [
            "{{< >}}",
            "{{<>}}",
            "{{%  \n %}}",
            "{{< =a >}}",
            "{{< \\\"x\\\" >}}",
        ] {
            let e = err(s);
            assert_eq!(e.hugo_message, "shortcode has no name", "{s}");
            assert_eq!(e.span, 0..s.len());
        }
    }

    #[test]
    fn parameters_before_the_name_count() {
        // Hugo accepts these: a `\"…\"` value or a `=v` value before the name.
        assert_eq!(positional(&one("{{< \\\"a\\\" pos >}}")), vec!["a"]);
        assert_eq!(one("{{< =v pos >}}").params, Params::None);
        assert_eq!(named(&one("{{< \\\"k\\\" =v pos >}}")), vec![("k", "v")]);
    }

    #[test]
    fn positional_and_named_params() {
        let t = one("{{< p a.b-c_d 1.5 -x 日本 >}}");
        assert_eq!(positional(&t), vec!["a.b-c_d", "1.5", "-x", "日本"]);
        let t = one("{{< p a = 1 b = 2 c =\n\"x y\" >}}");
        assert_eq!(named(&t), vec![("a", "1"), ("b", "2"), ("c", "x y")]);
        let t = one("{{< p \"a b\" `c\nd` >}}");
        assert_eq!(positional(&t), vec!["a b", "c\nd"]);
        match &t.params {
            Params::Positional(p) => {
                assert!(p[0].quoted && p[1].quoted);
                assert_eq!(p[0].span, 6..11);
            }
            _ => panic!(),
        }
        // Repeated keys are all kept (Hugo keeps the last).
        assert_eq!(
            named(&one("{{< p k=\"a\" k=\"b\" >}}")),
            vec![("k", "a"), ("k", "b")]
        );
        // `a=b=c`: an unquoted value runs to the next space.
        assert_eq!(named(&one("{{< p a=b=c >}}")), vec![("a", "b=c")]);
        // `=v` with no key is ignored by Hugo.
        assert_eq!(one("{{< p =v >}}").params, Params::None);
    }

    #[test]
    fn unquoted_values() {
        // Named values may hold anything but whitespace.
        assert_eq!(
            named(&one("{{< p url=https://a.b/c?x=1&y=\"2\" >}}")),
            vec![("url", "https://a.b/c?x=1&y=\"2\"")]
        );
        // Positional ones only letters, digits, `_`, `-`, `.`.
        let e = err("{{< p https://a.b >}}");
        assert!(e
            .hugo_message
            .starts_with("unrecognized character in shortcode action: U+003A ':'. Note:"));
        assert_eq!(e.span, 11..12);
        // Go's IsLetter/IsDigit, not Rust's is_alphanumeric.
        assert!(msg("{{< p ½ >}}").contains("U+00BD '½'"));
        assert!(msg("{{< p नमस्ते >}}").contains("U+094D"));
        assert!(msg("{{< p .5 >}}").contains("U+002E '.'"));
        // Adjacent quotes split a value.
        assert_eq!(positional(&one("{{< p \"a\"b >}}")), vec!["a", "b"]);
        assert_eq!(positional(&one("{{< p a\"b\" >}}")), vec!["a", "b"]);
        // A lone backslash is dropped.
        assert_eq!(positional(&one("{{< p a\\b >}}")), vec!["a", "b"]);
        assert_eq!(one("{{< \\p >}}").name, "p");
        // `a=v>}}`: the value swallows `>}}`.
        let e = err("{{< p a=v>}}");
        assert_eq!(e.hugo_message, "unclosed shortcode action");
        assert_eq!(e.span, 12..12);
    }

    #[test]
    fn unicode_spaces_are_not_separators() {
        let e = err("{{< p\u{3000}a >}}");
        assert!(
            e.hugo_message
                .starts_with("unrecognized character in shortcode action: U+3000. Note:"),
            "{}",
            e.hugo_message
        );
        assert_eq!(e.span, 5..8);
        assert!(msg("{{< p\u{a0}a >}}").contains("U+00A0."));
        // ...except right after `=`, where Hugo skips Unicode spaces.
        assert_eq!(named(&one("{{< p k=\u{3000}a >}}")), vec![("k", "a")]);
    }

    #[test]
    fn mixing_errors() {
        let e = err("{{< p a b=c >}}");
        assert_eq!(
            e.hugo_message,
            format!("got named parameter 'b'. {MIX_NOTE}")
        );
        assert_eq!(e.span, 8..9);
        assert_eq!(
            msg("{{< p a=b c >}}"),
            format!("got positional parameter 'c'. {MIX_NOTE}")
        );
        assert_eq!(
            msg("{{< p a=b \"c\" >}}"),
            format!("got quoted positional parameter. {MIX_NOTE}")
        );
        assert_eq!(
            msg("{{< p a=b `c` >}}"),
            format!("got quoted positional parameter. {MIX_NOTE}")
        );
        // Spaces around `=` make the key look positional to Hugo's lexer.
        assert_eq!(
            msg("{{< p a = b c=d >}}"),
            format!("got named parameter 'c'. {MIX_NOTE}")
        );
        assert_eq!(
            msg("{{< p a=b c = d >}}"),
            format!("got positional parameter 'c'. {MIX_NOTE}")
        );
        assert_eq!(
            named(&one("{{< p a = b c = d >}}")),
            vec![("a", "b"), ("c", "d")]
        );
        // ...and the extraction step then finds the mix (Hugo's odd %T wording kept).
        let e = err("{{< pos a = b c >}}");
        assert_eq!(
            e.hugo_message,
            "failed to extract shortcode: invalid state: invalid param type []interface {} for \
             shortcode \"pos\", expected a slice"
        );
        assert_eq!(e.span, 14..15);
        let e = err("{{< pos \"p\" k = v >}}");
        assert_eq!(
            e.hugo_message,
            "failed to extract shortcode: invalid state: invalid param type map[string]interface \
             {} for shortcode \"pos\", expected a map"
        );
        assert_eq!(e.span, 12..17);
    }

    #[test]
    fn quoted_values_and_escapes() {
        assert_eq!(
            named(&one(r#"{{< p k="a\"b\\c" >}}"#)),
            vec![("k", "a\"bc")]
        );
        assert_eq!(named(&one(r#"{{< p k="a\\c" >}}"#)), vec![("k", "a\\\\c")]);
        assert_eq!(positional(&one(r#"{{< p \"abc\" >}}"#)), vec!["abc"]);
        assert_eq!(positional(&one(r#"{{< p \"abc" >}}"#)), vec!["abc"]);
        assert_eq!(named(&one(r#"{{< p k=\"abc\" >}}"#)), vec![("k", "abc")]);
        // `k=\…`: Hugo skips to the first quote.
        assert_eq!(named(&one(r#"{{< p k=\x y "z" >}}"#)), vec![("k", "z")]);
        assert_eq!(positional(&one("{{< p \">}}\" >}}")), vec![">}}"]);
        assert_eq!(positional(&one("{{< p \"日本 語\" >}}")), vec!["日本 語"]);
        for s in [
            "{{< p \"a\\`b\" >}}",
            "{{< p \\`a` >}}",
            "{{< p k=\\`a` >}}",
        ] {
            let e = err(s);
            assert_eq!(e.hugo_message, "unrecognized escape character", "{s}");
            assert_eq!(&s[e.span.clone()], "\\`", "{s}");
        }
    }

    #[test]
    fn unterminated_quotes() {
        let e = err("{{< p \"abc\n>}}");
        assert_eq!(
            e.hugo_message,
            "unterminated quoted string in shortcode parameter-argument: 'abc'"
        );
        assert_eq!(e.span, 6..7);
        let e = err("{{< p k=\"abc\r\n>}}");
        assert_eq!(
            e.hugo_message,
            "unterminated quoted string in shortcode parameter-argument: 'abc'"
        );
        let e = err("{{< p \"abc");
        assert!(e.hugo_message.ends_with("'abc'"));
        // Quoted input is cut to 40 characters.
        let long = format!("{{{{< p \"{}\n>}}}}", "é".repeat(100));
        let e = err(&long);
        assert_eq!(
            e.hugo_message,
            format!(
                "unterminated quoted string in shortcode parameter-argument: '{}…'",
                "é".repeat(39)
            )
        );
        let e = err("{{< p k=\\x y\n>}}");
        assert_eq!(
            e.hugo_message,
            "unterminated quoted string in shortcode parameter-argument: '\\x y'"
        );
        assert_eq!(e.span, 8..9);
    }

    #[test]
    fn raw_strings() {
        assert_eq!(
            named(&one("{{< p k=`a\n\"b\" >}}` >}}")),
            vec![("k", "a\n\"b\" >}}")]
        );
        let e = err("{{< p `abc >}}\nmore");
        assert_eq!(
            e.hugo_message,
            "unterminated raw string in shortcode parameter-argument: 'abc >}}'"
        );
        assert_eq!(e.span, 6..7);
        assert!(msg("{{< p k=`abc >}}").starts_with("unterminated raw string"));
    }

    #[test]
    fn closing_and_self_closing() {
        for s in [
            "{{< /wrap >}}",
            "{{</wrap>}}",
            "{{< / wrap\t>}}",
            "{{< /\n wrap >}}",
            "{{% /wrap %}}",
        ] {
            let t = one(s);
            assert!(t.closing && !t.self_closing, "{s}");
            assert_eq!(t.name, "wrap");
        }
        let t = one("{{< /n.inline >}}");
        assert!(t.closing && t.inline);
        let t = one("{{< / >}}");
        assert!(t.closing && t.name.is_empty() && t.name_span == (6..6));
        for s in [
            "{{< wrap />}}",
            "{{< wrap a=1 />}}",
            "{{< wrap a / >}}",
            "{{< wrap a/>}}",
            "{{< n.inline />}}",
        ] {
            let t = one(s);
            assert!(t.self_closing && !t.closing, "{s}");
        }
    }

    #[test]
    fn closing_tag_errors() {
        for s in [
            "{{< /wrap x >}}",
            "{{< /wrap\n>}}",
            "{{< /wrap/ x >}}",
            "{{< /wrap=1 >}}",
        ] {
            assert_eq!(msg(s), "unclosed shortcode", "{s}");
        }
        let e = err("{{< /wrap x >}}");
        assert_eq!(e.span, 10..11);
        let e = err("{{< /wrap");
        assert_eq!(
            (e.hugo_message.as_str(), e.span.clone()),
            ("unclosed shortcode", 9..9)
        );
        // Parameters inside a closing tag.
        assert_eq!(msg("{{< / \\\"a\\\" >}}"), "unclosed shortcode");
    }

    #[test]
    fn eof_inside_tag() {
        let e = err("text {{< x a=1\n b=2\n");
        assert_eq!(e.hugo_message, "unclosed shortcode action");
        assert_eq!((e.span.clone(), e.tag_start), (20..20, 5));
    }

    #[test]
    fn escaped_tags_are_skipped() {
        let l = lex_detailed("a {{</* x */>}} b {{%/* y z */%}} c", 0);
        assert!(l.tags.is_empty() && l.errors.is_empty());
        assert_eq!(l.escaped, vec![2..15, 18..33]);
        // The end marker must be exact; a later exact one still ends it (Hugo searches ahead).
        let l = lex_detailed("{{</* x */ >}} y {{</* z */>}}", 0);
        assert_eq!(
            (l.escaped.len(), l.escaped[0].clone(), l.errors.len()),
            (1, 0..30, 0)
        );
        let e = err("{{</* x */ >}}");
        assert_eq!(
            (e.hugo_message.as_str(), e.span.clone()),
            ("comment must be closed", 3..5)
        );
        assert_eq!(msg("{{</*/>}}"), "comment must be closed");
        assert_eq!(msg("{{%/* x */>}}"), "comment must be closed");
        // `{{< /* x */ >}}` (with a space) is not an escape.
        assert!(msg("{{< /* x */ >}}").contains("U+002A '*'"));
    }

    #[test]
    fn markdown_structure_is_ignored() {
        let t = tags("```\n{{< a >}}\n```\n    {{< b >}}\n`{{< c >}}`\n<!-- {{< d >}} -->");
        let names: Vec<_> = t.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, vec!["a", "b", "c", "d"]);
    }

    #[test]
    fn errors_do_not_hide_later_tags() {
        let (t, e) = lex(
            "{{< x \"unterminated {{< y >}}\n{{< a %}} {{< b >}} {{< c",
            0,
        );
        let names: Vec<_> = t.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, vec!["y", "b"]);
        let starts: Vec<_> = e.iter().map(|e| e.tag_start).collect();
        assert_eq!(starts, vec![0, 30, 50]);
        // A broken tag that swallows later ones: each later tag is still lexed on its own.
        let (t, e) = lex("{{< a k=x{{<b k=y{{<c >}}", 0);
        assert_eq!(e.len(), 0, "{e:?}");
        assert_eq!(t.len(), 1);
        let (t, e) = lex("{{< a k=\"{{< b >}}", 0);
        assert_eq!((t.len(), e.len()), (1, 1));
        assert_eq!(t[0].name, "b");
    }

    #[test]
    fn broken_tags_keep_what_is_known() {
        let l = lex_detailed("{{< wrap a=1 b >}}{{< /wrap x >}}{{< ! >}}", 0);
        assert_eq!(l.broken.len(), 3);
        assert_eq!(
            (l.broken[0].name.as_deref(), l.broken[0].closing),
            (Some("wrap"), false)
        );
        assert_eq!(
            (l.broken[1].name.as_deref(), l.broken[1].closing),
            (Some("wrap"), true)
        );
        assert_eq!(
            (l.broken[2].name.as_deref(), l.broken[2].closing),
            (None, false)
        );
        assert_eq!(l.broken[1].error, 1);
    }

    /// Tiny deterministic PRNG (xorshift) for the fuzz test.
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
    }

    fn assert_span(s: &str, base: usize, r: &Span, allow_empty: bool) {
        assert!(
            r.start <= r.end && r.start >= base && r.end <= base + s.len(),
            "{r:?} in {s:?}"
        );
        assert!(
            s.is_char_boundary(r.start - base) && s.is_char_boundary(r.end - base),
            "{r:?} in {s:?}"
        );
        assert!(
            allow_empty || r.start < r.end || r.end == base + s.len(),
            "empty {r:?} in {s:?}"
        );
    }

    #[test]
    fn fuzz_no_panic_and_spans_on_boundaries() {
        const FRAGS: &[&str] = &[
            "{{<", "{{%", ">}}", "%}}", "/", "\"", "`", "=", "\\", "\n", " ", "a", "é", "/*", "*/",
            "日", "\u{3000}", ".inline ", "{{", "}}", "\r", "\t", "x.", "-", "_",
        ];
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        for _ in 0..10_000 {
            let n = (rng.next() % 40) as usize;
            let s: String = (0..n)
                .map(|_| FRAGS[(rng.next() % FRAGS.len() as u64) as usize])
                .collect();
            let base = (rng.next() % 3) as usize * 1000;
            let l = lex_detailed(&s, base);
            for t in &l.tags {
                assert_span(&s, base, &t.span, false);
                assert_span(&s, base, &t.name_span, true);
                assert!(s[t.span.start - base..t.span.end - base].starts_with("{{"));
                match &t.params {
                    Params::None => {}
                    Params::Positional(v) => {
                        v.iter().for_each(|p| assert_span(&s, base, &p.span, true))
                    }
                    Params::Named(v) => v.iter().for_each(|(_, k, p)| {
                        assert_span(&s, base, k, false);
                        assert_span(&s, base, &p.span, true);
                    }),
                }
            }
            for e in &l.errors {
                assert_span(&s, base, &e.span, false);
                assert!(e.tag_start >= base && e.tag_start <= e.span.start.max(e.tag_start));
            }
            assert_eq!(l.errors.len(), l.broken.len());
            for r in &l.escaped {
                assert_span(&s, base, r, false);
            }
        }
    }

    // Large inputs: these must stay linear (run with --release to time them).

    #[test]
    fn big_many_openers_on_one_line() {
        // Lexing stops at the per-page limit, in linear time.
        let s = "{{<".repeat(200_000);
        let l = lex_detailed(&s, 0);
        assert_eq!((l.tags.len(), l.errors.len()), (0, MAX_TAGS));
        assert_eq!(l.stopped_at, Some(3 * MAX_TAGS));
    }

    #[test]
    fn big_many_unterminated_quotes() {
        let s = "{{< x \"a ".repeat(100_000);
        let (_, e) = lex(&s, 0);
        assert!(!e.is_empty());
        let s = "{{< x k=\\a ".repeat(100_000);
        let (_, e) = lex(&s, 0);
        assert_eq!(e.len(), 100_000);
        let s = "{{< x \"\\\"{{< y \\\"".repeat(50_000);
        let _ = lex(&s, 0);
    }

    #[test]
    fn big_20mb_line() {
        let s = "a".repeat(20_000_000);
        assert!(lex(&s, 0).0.is_empty());
        let s = format!("{{{{< x \"{}\" >}}}}", "é".repeat(10_000_000));
        assert_eq!(lex(&s, 0).0.len(), 1);
        let s = format!("{{{{< x \"{}", "é".repeat(10_000_000));
        assert_eq!(lex(&s, 0).1.len(), 1);
        let s = format!("{{{{< x {}", " ".repeat(20_000_000));
        assert_eq!(lex(&s, 0).1.len(), 1);
        let s = "lorem {{< x a=1 >}} ipsum {{< y \"q\" >}} 日本語テキスト ".repeat(250_000);
        assert_eq!(lex(&s, 0).0.len(), MAX_TAGS);
    }

    #[test]
    fn big_overlapping_broken_tags() {
        // Every `{{<` starts a tag that swallows all later ones and fails at the end.
        let s = format!("{{{{< x{}", " a={{<y".repeat(200_000));
        let (_, e) = lex(&s, 0);
        assert_eq!(e.len(), MAX_TAGS);
        let s = format!("{{{{< x{}", " a=`{{<y`".repeat(100_000));
        let _ = lex(&s, 0);
        let s = "{{</* ".repeat(200_000);
        assert_eq!(lex(&s, 0).1.len(), MAX_TAGS);
        let s = format!("{}{}", "{{< x k=`".repeat(100_000), "\n".repeat(10));
        let _ = lex(&s, 0);
    }
}
