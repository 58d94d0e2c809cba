//! Systematic findings: the same rule about the same [`Subject`] (a front
//! matter field, or a field's value) in many files, which is one mistake of a
//! generator or a template rather than many of an author. The human report
//! ends with the largest groups; `--statistics` lists them all under their
//! rule, in every format it supports.

use crate::diagnostic::Subject;
use crate::outcome::Totals;

/// Files a group must span to be shown: two files sharing a typo are a
/// coincidence more often than a generator's bug.
pub const MIN_FILES: usize = 3;

/// Groups the human report's summary block shows; `--statistics` shows all.
pub const SHOWN: usize = 5;

/// One rule's findings about one subject in at least [`MIN_FILES`] files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group<'a> {
    /// The rule's name.
    pub rule: &'static str,
    /// The field (and value) the findings are about.
    pub subject: &'a Subject,
    /// Files with at least one of the findings.
    pub files: usize,
    /// The findings (more than `files` when a file has several).
    pub findings: usize,
}

impl Group<'_> {
    /// `` `source_url` `` or `` `categories` = `News` ``.
    pub fn subject_text(&self) -> String {
        match &self.subject.value {
            Some(v) => format!("`{}` = `{v}`", self.subject.key),
            None => format!("`{}`", self.subject.key),
        }
    }

    /// `17 of 20 files checked`, with the findings when a file holds several.
    pub fn count_text(&self, files_checked: usize) -> String {
        let mut s = format!("{} of {files_checked} files checked", self.files);
        if self.findings != self.files {
            s.push_str(&format!(" ({} findings)", self.findings));
        }
        s
    }
}

/// Every group of at least [`MIN_FILES`] files, the most files first, then the
/// most findings, then by rule and subject (so the order is the same on
/// every run).
pub fn groups(totals: &Totals) -> Vec<Group<'_>> {
    let mut groups: Vec<Group<'_>> = totals
        .by_subject
        .iter()
        .filter(|(_, _, t)| t.files >= MIN_FILES)
        .map(|(rule, subject, t)| Group {
            rule,
            subject,
            files: t.files,
            findings: t.findings,
        })
        .collect();
    groups.sort_by(|a, b| {
        (b.files, b.findings)
            .cmp(&(a.files, a.findings))
            .then(a.rule.cmp(b.rule))
            .then(a.subject.cmp(b.subject))
    });
    groups
}

/// The human report's block before its summary line: the [`SHOWN`] largest
/// groups, one line each, and how many more there are; empty when no group
/// reaches [`MIN_FILES`] files.
pub fn block(totals: &Totals) -> String {
    let groups = groups(totals);
    if groups.is_empty() {
        return String::new();
    }
    let mut s = String::from("Systematic findings (the same rule and field in many files):\n");
    for g in groups.iter().take(SHOWN) {
        s.push_str(&format!(
            "  {} {}: {}\n",
            g.rule,
            g.subject_text(),
            g.count_text(totals.files_checked)
        ));
    }
    if groups.len() > SHOWN {
        s.push_str(&format!(
            "  and {} more (--statistics lists them)\n",
            groups.len() - SHOWN
        ));
    }
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Diagnostic;
    use crate::outcome::FileResult;

    fn file(subjects: &[(&str, Option<&str>)]) -> FileResult {
        let meta = crate::rules::ALL[0].meta();
        FileResult {
            display_path: String::new(),
            path: Default::default(),
            from_stdin: false,
            text: None,
            locations: Vec::new(),
            rendered: None,
            diagnostics: subjects
                .iter()
                .map(|(k, v)| Diagnostic::new(meta, 0..0, "x").subject(k, *v))
                .collect(),
        }
    }

    #[test]
    fn a_file_counts_once_per_group_and_keys_fold_case() {
        let mut totals = Totals {
            files_checked: 10,
            ..Totals::default()
        };
        totals.add(&file(&[("Tags", Some("a")), ("tags", Some("a"))]));
        totals.add(&file(&[("tags", Some("a")), ("tags", Some("b"))]));
        totals.add(&file(&[("TAGS", Some("a")), ("tags", Some("b"))]));
        let groups = groups(&totals);
        assert_eq!(groups.len(), 1, "`b` is in two files only: {groups:?}");
        assert_eq!((groups[0].files, groups[0].findings), (3, 4));
        assert_eq!(groups[0].subject_text(), "`tags` = `a`");
        assert_eq!(
            groups[0].count_text(10),
            "3 of 10 files checked (4 findings)"
        );
    }

    #[test]
    fn the_block_shows_the_largest_groups_and_counts_the_rest() {
        let mut totals = Totals {
            files_checked: 3,
            ..Totals::default()
        };
        let keys: Vec<String> = (0..SHOWN + 2).map(|i| format!("k{i}")).collect();
        for _ in 0..3 {
            let subjects: Vec<_> = keys.iter().map(|k| (k.as_str(), None)).collect();
            totals.add(&file(&subjects));
        }
        let block = block(&totals);
        assert_eq!(block.lines().count(), 1 + SHOWN + 1 + 1, "{block}");
        assert!(
            block.contains("  and 2 more (--statistics lists them)\n"),
            "{block}"
        );
        assert!(super::block(&Totals::default()).is_empty());
    }

    #[test]
    fn long_values_are_cut() {
        let s = Subject::new("k", Some(&"é".repeat(500)));
        assert_eq!(s.value.unwrap().chars().count(), 81);
    }
}
