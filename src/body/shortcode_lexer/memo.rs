//! Memos of the shortcode lexer, so that restarting inside an earlier broken tag costs no
//! rescans: [`Memo`] for the long scans inside a tag (quoted values, raw strings, escaped
//! tags), [`FailMemo`] for whole tags that failed.

use std::collections::{BTreeMap, HashMap};

/// Scans shorter than this are not memoised: redoing them is cheap and the maps stay small.
pub(super) const MEMO_MIN: usize = 64;

// Kinds of long scans, each memoised separately.
pub(super) const M_QUOTED: usize = 0; // inside "…" where \" escapes a quote
pub(super) const M_QUOTED_NOESC: usize = 1; // inside \"…\" (or k=\"…\"), where \" ends the value
pub(super) const M_PRE_QUOTE: usize = 2; // k=\… : Hugo skips to the first quote
pub(super) const M_RAW: usize = 3; // inside `…`
pub(super) const M_TO_SPACE: usize = 4; // unquoted k=v value: up to the next Unicode space
pub(super) const M_COMMENT_ANGLE: usize = 5; // escaped {{</* … */>}}
pub(super) const M_COMMENT_PERCENT: usize = 6; // escaped {{%/* … */%}}

// Scan outcomes.
pub(super) const O_END: u8 = 0; // found the terminator at `end`
pub(super) const O_END_BS: u8 = 1; // \" ends a no-escape value; `end` is the backslash
pub(super) const O_EOL: u8 = 2; // hit a newline (at `end`) or the end of input
pub(super) const O_BAD_ESC: u8 = 3; // backslash + backtick; `end` is the backslash
pub(super) const O_EOF: u8 = 4; // end of input

/// Memo of scans that have no state of their own beyond their start: if a scan from `f` ends at
/// `e`, a scan of the same kind from any valid start in `f..e` ends at `e` the same way.
#[derive(Default)]
pub(super) struct Memo {
    map: BTreeMap<usize, (usize, u8)>,
    max_end: usize,
}

impl Memo {
    /// `scan(q, limit)` looks for the terminator in `q..limit` and returns `None` if there is
    /// none; with `limit == len` it must answer.
    pub(super) fn run(
        &mut self,
        q: usize,
        len: usize,
        scan: impl Fn(usize, usize) -> Option<(usize, u8)>,
    ) -> (usize, u8) {
        let mut limit = len;
        let mut then = None;
        if !self.map.is_empty() && q <= self.max_end {
            if let Some((_, &(e, o))) = self.map.range(..=q).next_back() {
                if q < e {
                    return (e, o);
                }
            }
            if let Some((&f, &r)) = self.map.range(q + 1..).next() {
                limit = f;
                then = Some(r);
            }
        }
        // Reaching a memoised start means continuing exactly as the scan from there did.
        let r = scan(q, limit).or(then).unwrap_or((len, O_EOF));
        if r.0 >= q + MEMO_MIN {
            self.map.insert(q, r);
            self.max_end = self.max_end.max(r.0);
        }
        r
    }
}

/// A tag that fails is remembered at lexer positions at least this many bytes apart, so a later
/// tag that starts inside it and falls into step with it stops within this distance.
pub(super) const CHECKPOINT_GAP: usize = 64;

/// A checkpoint key: the lexer position `pos` and five bits of the lexer's state (`bits`).
pub(super) fn checkpoint_key(pos: usize, bits: u64) -> u64 {
    (pos as u64) << 5 | bits
}

/// The checkpoints of the tags that failed: a later tag that reaches a checkpoint (the same
/// position in the same state) has fallen into step with that tag, and fails the same way.
#[derive(Default)]
pub(super) struct FailMemo {
    /// Checkpoint key of a failed tag → index of its error.
    map: HashMap<u64, usize>,
    /// The highest position of any key.
    max_pos: usize,
}

impl FailMemo {
    /// The error of a failed tag that reached checkpoint `key` at position `pos`, if any.
    pub(super) fn get(&self, pos: usize, key: u64) -> Option<usize> {
        if pos <= self.max_pos && !self.map.is_empty() {
            self.map.get(&key).copied()
        } else {
            None
        }
    }

    /// Remembers the checkpoints `keys` of a tag that failed with error `error`; a key that
    /// an earlier tag reached keeps that tag's error.
    pub(super) fn remember(&mut self, keys: &[u64], error: usize) {
        for &k in keys {
            self.map.entry(k).or_insert(error);
            self.max_pos = self.max_pos.max((k >> 5) as usize);
        }
    }
}
