//! Did-you-mean: the one place that decides whether a word is a likely typo
//! of a known name (a config key, a rule, a field, an allowed value, a
//! shortcode, a file in a folder).

/// The candidate closest to `word`, if it is close enough to be a likely typo.
///
/// Words are compared trimmed and lower-cased, by Damerau-Levenshtein
/// distance (a swap of two neighbours is one edit). A candidate that equals
/// `word` ignoring case always wins. Otherwise the threshold is
/// `max(2, n / 3)` edits, where `n` is the candidate's length in characters:
/// two edits for short names, a third of the name for long ones. Ties go to
/// the candidate that sorts first, so the answer never depends on the order
/// of `candidates`.
pub fn nearest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let word = word.trim().to_lowercase();
    let word_len = word.chars().count();
    let mut best: Option<(usize, &'a str)> = None;
    for candidate in candidates {
        let len = candidate.chars().count();
        let limit = threshold(len);
        // Cheap rejection: the distance is at least the difference in length.
        if len.abs_diff(word_len) > limit {
            continue;
        }
        let lower = candidate.to_lowercase();
        let distance = if lower == word {
            0
        } else {
            strsim::damerau_levenshtein(&word, &lower) + 1
        };
        if distance > limit + 1 {
            continue;
        }
        if best.is_none_or(|(d, c)| (distance, candidate) < (d, c)) {
            best = Some((distance, candidate));
        }
    }
    best.map(|(_, c)| c)
}

/// How many edits a candidate of `len` characters may be from the word.
pub fn threshold(len: usize) -> usize {
    2.max(len / 3)
}

#[cfg(test)]
mod tests {
    use super::nearest;

    #[test]
    fn close_names_are_suggested() {
        assert_eq!(nearest("titel", ["title", "date"]), Some("title"));
        assert_eq!(nearest("eror", ["error", "warning", "off"]), Some("error"));
        assert_eq!(nearest("Files", ["files", "fields"]), Some("files"));
        assert_eq!(nearest(" News ", ["news", "new"]), Some("news"));
        assert_eq!(nearest("youtub", ["youtube", "vimeo"]), Some("youtube"));
    }

    #[test]
    fn far_names_are_not() {
        assert_eq!(nearest("zzzz", ["title", "date"]), None);
        assert_eq!(nearest("x", ["abcdef"]), None);
        assert_eq!(nearest("a", std::iter::empty()), None);
    }

    #[test]
    fn ties_do_not_depend_on_order() {
        assert_eq!(nearest("ab", ["ac", "ad"]), Some("ac"));
        assert_eq!(nearest("ab", ["ad", "ac"]), Some("ac"));
    }
}
