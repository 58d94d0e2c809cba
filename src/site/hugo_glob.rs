//! Hugo's glob patterns (gobwas/glob, as `hugofs/hglob` compiles them): `*` any run of
//! characters but the separator, `**` any run of characters, `?` one character but the
//! separator, `[abc]` / `[!abc]` / `[a-z]` one of (or none of) a set, `{a,b}` alternatives.
//! Hugo lowercases both the pattern and the text, so matching ignores case.

use regex::Regex;

/// A compiled Hugo glob.
#[derive(Debug, Clone)]
pub struct HugoGlob(Regex);

impl HugoGlob {
    /// Compiles `pattern` with `sep` as the separator (`/` for paths, `.` for language
    /// names). None when the pattern is malformed (an unclosed `[` or `{`).
    pub fn new(pattern: &str, sep: char) -> Option<HugoGlob> {
        let mut re = String::from("(?s)^");
        let chars: Vec<char> = pattern.to_lowercase().chars().collect();
        let not_sep = format!("[^{}]", regex::escape(&sep.to_string()));
        let mut i = 0;
        let mut braces = 0usize;
        while i < chars.len() {
            match chars[i] {
                '*' if chars.get(i + 1) == Some(&'*') => {
                    re.push_str(".*");
                    i += 1;
                }
                '*' => re.push_str(&format!("{not_sep}*")),
                '?' => re.push_str(&not_sep),
                '[' => {
                    let end = chars[i + 1..].iter().position(|c| *c == ']')? + i + 1;
                    let mut set: String = chars[i + 1..end].iter().collect();
                    if let Some(rest) = set.strip_prefix('!') {
                        set = format!("^{rest}");
                    }
                    re.push('[');
                    re.push_str(&set.replace('\\', "\\\\").replace('[', "\\["));
                    re.push(']');
                    i = end;
                }
                '{' => {
                    braces += 1;
                    re.push_str("(?:");
                }
                '}' if braces > 0 => {
                    braces -= 1;
                    re.push(')');
                }
                ',' if braces > 0 => re.push('|'),
                '\\' if i + 1 < chars.len() => {
                    re.push_str(&regex::escape(&chars[i + 1].to_string()));
                    i += 1;
                }
                c => re.push_str(&regex::escape(&c.to_string())),
            }
            i += 1;
        }
        if braces > 0 {
            return None;
        }
        re.push('$');
        Regex::new(&re).ok().map(HugoGlob)
    }

    /// Whether `text` (lowercased first) matches.
    pub fn is_match(&self, text: &str) -> bool {
        self.0.is_match(&text.to_lowercase())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(p: &str, t: &str) -> bool {
        HugoGlob::new(p, '/').unwrap().is_match(t)
    }

    #[test]
    fn gobwas_semantics() {
        assert!(m("/docs/**", "/docs/a/b"));
        assert!(!m("/docs/**", "/docs"));
        assert!(m("/docs/*", "/docs/a") && !m("/docs/*", "/docs/a/b"));
        assert!(m("**.md", "/x/y/A.MD"));
        assert!(m("{home,section}", "section") && !m("{home,section}", "page"));
        assert!(m("/p[0-9]", "/p7") && !m("/p[!0-9]", "/p7"));
        assert!(m("/a?c", "/abc") && !m("/a?c", "/a/c"));
        assert!(HugoGlob::new("{a,b", '/').is_none());
    }
}
