//! Text helpers that behave as Go's do, for the shortcode lexer: the rune classes of Hugo's
//! page lexer and the way input is shown inside Hugo's messages.

use super::unicode_tables::NOT_PRINTABLE;

/// At most this many characters of input are quoted inside a message.
pub(super) const QUOTE_MAX: usize = 40;

/// Input quoted in a message: first line only (without its `\r`), at most [`QUOTE_MAX`]
/// characters. Looks at no more than that many characters, however long the line.
pub(super) fn quote_text(t: &str) -> String {
    let mut v: Vec<char> = t
        .chars()
        .take_while(|&c| c != '\n')
        .take(QUOTE_MAX + 2)
        .collect();
    // Fewer than QUOTE_MAX + 2 characters: this is the whole line.
    if v.len() < QUOTE_MAX + 2 && v.last() == Some(&'\r') {
        v.pop();
    }
    if v.len() > QUOTE_MAX {
        v.truncate(QUOTE_MAX - 1);
        v.push('…');
    }
    v.into_iter().collect()
}

/// Go's `%#U` (`fmt`), as Hugo's `unrecognized character in shortcode action` message uses
/// it: `U+0025 '%'`, without the quoted character when Go's `strconv.IsPrint` says it is not
/// printable (see [`NOT_PRINTABLE`] for where this differs).
pub(super) fn go_sharp_u(c: char) -> String {
    let n = c as u32;
    let printable = if n < 0x80 {
        (0x20..0x7F).contains(&n)
    } else {
        !in_ranges(NOT_PRINTABLE, n)
    };
    if printable {
        format!("U+{n:04X} '{c}'")
    } else {
        format!("U+{n:04X}")
    }
}

/// Hugo's `isAlphaNumeric` (`parser/pageparser/pagelexer.go`): `_`, Go's `unicode.IsLetter`
/// or `unicode.IsDigit` (not Rust's `char::is_alphanumeric`, which takes in more), with
/// `letters` the letter-and-digit table of the Unicode version of the release's Go.
pub(crate) fn is_alnum(c: char, letters: &[u32]) -> bool {
    if c.is_ascii() {
        c == '_' || c.is_ascii_alphanumeric()
    } else {
        in_ranges(letters, c as u32)
    }
}

/// Hugo's `isAlphaNumericOrHyphen` (`parser/pageparser/pagelexer.go`): `-` or
/// [`is_alnum`].
pub(super) fn is_alnum_or_hyphen(c: char, letters: &[u32]) -> bool {
    c == '-' || is_alnum(c, letters)
}

/// Whether `c` is in one of the ranges of `t`, which holds sorted, disjoint inclusive
/// `[start, end]` pairs (a binary search).
pub(super) fn in_ranges(t: &[u32], c: u32) -> bool {
    let n = t.len() / 2;
    let (mut lo, mut hi) = (0, n);
    while lo < hi {
        let mid = (lo + hi) / 2;
        if t[2 * mid + 1] < c {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo < n && t[2 * lo] <= c
}

#[cfg(test)]
mod tests {
    use super::super::unicode_tables::{LETTER_DIGIT_13, LETTER_DIGIT_15, LETTER_DIGIT_17};
    use super::*;

    #[test]
    fn tables_are_sorted_disjoint_pairs() {
        for t in [
            LETTER_DIGIT_13,
            LETTER_DIGIT_15,
            LETTER_DIGIT_17,
            NOT_PRINTABLE,
        ] {
            assert_eq!(t.len() % 2, 0);
            assert!(t[0] >= 0x80, "ASCII is answered without the tables");
            assert!(t.windows(2).all(|w| w[0] <= w[1]));
            assert!(t
                .chunks(2)
                .zip(t.chunks(2).skip(1))
                .all(|(a, b)| a[1] < b[0]));
        }
        assert!(in_ranges(LETTER_DIGIT_15, 0xAA) && !in_ranges(LETTER_DIGIT_15, 0xAB));
        assert!(in_ranges(LETTER_DIGIT_15, 0x3134A) && !in_ranges(LETTER_DIGIT_15, 0x3134B));
        // Observed with real Hugo: U+0870 (Unicode 14) fails in 0.111.3 (Go 1.19) and works
        // from 0.147.8 (Go 1.24); U+2EBF0 (15.1) fails in 0.165.0 and works in 0.166.0 (Go
        // 1.27), as does U+088F (17.0).
        assert!(!is_alnum('\u{870}', LETTER_DIGIT_13) && is_alnum('\u{870}', LETTER_DIGIT_15));
        assert!(!is_alnum('\u{2EBF0}', LETTER_DIGIT_15) && is_alnum('\u{2EBF0}', LETTER_DIGIT_17));
        assert!(!is_alnum('\u{88F}', LETTER_DIGIT_15) && is_alnum('\u{88F}', LETTER_DIGIT_17));
        assert!(in_ranges(NOT_PRINTABLE, 0x10FFFD) && !in_ranges(NOT_PRINTABLE, 0x10FFFE));
        assert!(!in_ranges(&[], 0x80));
    }

    #[test]
    fn quoted_input_is_cut() {
        assert_eq!(quote_text("abc\r\nx"), "abc");
        assert_eq!(quote_text(""), "");
        let forty = "x".repeat(40);
        assert_eq!(quote_text(&forty), forty);
        assert_eq!(quote_text(&format!("{forty}\r")), forty);
        assert_eq!(quote_text(&format!("{forty}\r\n")), forty);
        assert_eq!(
            quote_text(&format!("{forty}y")),
            format!("{}…", "x".repeat(39))
        );
    }
}
