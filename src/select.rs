//! Which rules run on a file and at what severity, and which findings the
//! file's suppression comments silence. Rules never decide this themselves.

use rustc_hash::FxHashMap;

use crate::diagnostic::{Diagnostic, Level, Sink, MAX_PER_RULE};
use crate::index::{PageFacts, Wants};
use crate::rules::{self, unused_suppression, Context, PagesContext, Rule, RuleMeta};
use crate::site::Site;
use crate::suppress;

/// Which rules the command line asked for.
#[derive(Debug, Default, Clone)]
pub struct Selection {
    /// `--select`: only these rules (also those off by default).
    pub select: Option<Vec<&'static str>>,
    /// `--ignore`: never these rules.
    pub ignore: Vec<&'static str>,
}

/// The rules that run on one file, with the level configured for each.
pub struct ActiveRules {
    rules: Vec<(&'static dyn Rule, Option<Level>)>,
}

impl Selection {
    /// Every rule, those off by default included.
    pub fn all() -> Selection {
        Selection {
            select: Some(rules::names().to_vec()),
            ignore: Vec::new(),
        }
    }

    /// The rules to run on `rel_path` and the configured level of each
    /// (None: the rule's own severity). Precedence, lowest first: the rule's
    /// default, `[rules]`, `--select`, matching `[[overrides]]` in order, then
    /// `--ignore`.
    pub fn active(&self, site: &Site, rel_path: &str) -> ActiveRules {
        // Looked up for every rule of every file: FxHash, not SipHash.
        let mut file_levels: FxHashMap<&'static str, Level> = FxHashMap::default();
        for o in &site.config.overrides {
            if o.files.is_match(rel_path) {
                file_levels.extend(o.rules.iter().map(|(k, v)| (*k, *v)));
            }
        }
        let rules = rules::ALL
            .iter()
            .copied()
            .filter_map(|rule| {
                let meta = rule.meta();
                let file_level = file_levels.get(meta.name).copied();
                let level = file_level.or_else(|| site.config.rules.get(meta.name).copied());
                // As in ruff, --select replaces the project-wide choice of rules,
                // but a per-file override that turns a rule off still holds.
                let enabled = match &self.select {
                    Some(selected) => {
                        selected.contains(&meta.name) && file_level != Some(Level::Off)
                    }
                    None => match level {
                        Some(Level::Off) => false,
                        Some(Level::On(_)) => true,
                        None => meta.default_enabled,
                    },
                } && !self.ignore.contains(&meta.name);
                enabled.then_some((rule, level.filter(|l| *l != Level::Off)))
            })
            .collect();
        ActiveRules { rules }
    }
}

impl Selection {
    /// What the site-wide rules of the run need of every page: those on for any file (a
    /// page is a link's target even where the rules are off).
    pub fn run_wants(&self, site: &Site) -> Wants {
        let mut wants = self.active(site, "").wants();
        for o in &site.config.overrides {
            for (name, level) in &o.rules {
                if *level != Level::Off && !self.ignore.contains(name) {
                    if let Some(r) = rules::ALL.iter().find(|r| r.meta().name == *name) {
                        wants = wants.union(r.wants());
                    }
                }
            }
        }
        wants
    }
}

/// Whether `name` is a site-wide rule, whose findings come after the pass.
fn site_wide(name: &str) -> bool {
    rules::ALL
        .iter()
        .any(|r| r.meta().name == name && r.wants().any())
}

/// Moves a rule's findings into `out` at the configured severity, with a
/// note when the rule reached its limit for the file.
fn collect(meta: &RuleMeta, level: Option<Level>, sink: Sink, out: &mut Vec<Diagnostic>) {
    let truncated = sink.truncated();
    let mut items = sink.into_vec();
    if truncated {
        let at = items.last().map_or(0..0, |d| d.span.clone());
        items.push(
            Diagnostic::new(
                meta,
                at,
                format!("more `{}` findings in this file are not shown", meta.name),
            )
            .label("the last one shown")
            .help(format!(
                "pagelint reports at most {MAX_PER_RULE} findings of one rule in one file"
            )),
        );
    }
    if let Some(Level::On(severity)) = level {
        for d in &mut items {
            d.severity = severity;
        }
    }
    out.append(&mut items);
}

impl ActiveRules {
    /// Runs every active rule on one document, applies severities and
    /// suppressions, and returns the findings sorted by span.
    pub fn run(&self, cx: &Context<'_>) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        for (rule, level) in &self.rules {
            let mut sink = Sink::default();
            rule.check(cx, &mut sink);
            collect(rule.meta(), *level, sink, &mut out);
        }
        if cx.doc.text.contains("pagelint") {
            self.suppress(cx, &mut out);
        }
        out.sort_by(|a, b| {
            (a.span.start, a.span.end, a.rule).cmp(&(b.span.start, b.span.end, b.rule))
        });
        out
    }

    fn level_of(&self, name: &str) -> Option<Option<Level>> {
        self.rules
            .iter()
            .find(|(r, _)| r.meta().name == name)
            .map(|(_, l)| *l)
    }

    /// Drops the findings that suppression comments silence, and reports the
    /// suppressions that silence nothing.
    fn suppress(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let suppressions = suppress::parse(cx.doc);
        if suppressions.is_empty() {
            return;
        }
        let lines = cx.doc.lines();
        let mut used: Vec<Vec<bool>> = suppressions
            .iter()
            .map(|s| vec![false; s.rules.len()])
            .collect();
        out.retain(|d| {
            let line = lines.line_of(d.span.start);
            let mut silenced = false;
            for (s, used) in suppressions.iter().zip(used.iter_mut()) {
                if s.lines.contains(&line) {
                    if let Some(i) = s.rules.iter().position(|r| r == d.rule) {
                        used[i] = true;
                        silenced = true;
                    }
                }
            }
            !silenced
        });
        let Some(level) = self.level_of(unused_suppression::META.name) else {
            return;
        };
        let start = out.len();
        for (s, used) in suppressions.iter().zip(&used) {
            if s.rules.is_empty() {
                out.push(unused_suppression::nameless(s));
            }
            for (rule, used) in s.rules.iter().zip(used) {
                if rules::by_name(rule).is_none() {
                    out.push(unused_suppression::unknown(s, rule));
                } else if !used && self.level_of(rule).is_some() && !site_wide(rule) {
                    // A site-wide rule's findings come after the pass: so does this check.
                    out.push(unused_suppression::unused(s, rule));
                }
            }
        }
        if let Some(Level::On(severity)) = level {
            for d in &mut out[start..] {
                d.severity = severity;
            }
        }
    }

    /// What the active site-wide rules need gathered.
    pub fn wants(&self) -> Wants {
        self.rules
            .iter()
            .fold(Wants::default(), |w, (r, _)| w.union(r.wants()))
    }

    /// Runs every active site-wide rule on one page after the pass: its findings at their
    /// configured severity, without those its suppression comments silence (and with the
    /// suppressions of site-wide rules that silence nothing), sorted by span.
    pub fn run_pages(&self, cx: &PagesContext<'_>) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        for (rule, level) in &self.rules {
            if !rule.wants().any() {
                continue;
            }
            let mut sink = Sink::default();
            rule.check_pages(cx, &mut sink);
            collect(rule.meta(), *level, sink, &mut out);
        }
        self.suppress_pages(cx.page, &mut out);
        out.sort_by(|a, b| {
            (a.span.start, a.span.end, a.rule).cmp(&(b.span.start, b.span.end, b.rule))
        });
        out
    }

    fn suppress_pages(&self, page: &PageFacts, out: &mut Vec<Diagnostic>) {
        if page.suppressions.is_empty() {
            return;
        }
        let mut used: Vec<Vec<bool>> = page
            .suppressions
            .iter()
            .map(|(s, _)| vec![false; s.rules.len()])
            .collect();
        out.retain(|d| {
            let mut silenced = false;
            for ((s, bytes), used) in page.suppressions.iter().zip(used.iter_mut()) {
                if bytes.contains(&d.span.start)
                    || (bytes.is_empty() && bytes.start == d.span.start)
                {
                    if let Some(i) = s.rules.iter().position(|r| r == d.rule) {
                        used[i] = true;
                        silenced = true;
                    }
                }
            }
            !silenced
        });
        let Some(level) = self.level_of(unused_suppression::META.name) else {
            return;
        };
        let start = out.len();
        for ((s, _), used) in page.suppressions.iter().zip(&used) {
            for (rule, used) in s.rules.iter().zip(used) {
                if !used && site_wide(rule) && self.level_of(rule).is_some() {
                    out.push(unused_suppression::unused(s, rule));
                }
            }
        }
        if let Some(Level::On(severity)) = level {
            for d in &mut out[start..] {
                d.severity = severity;
            }
        }
    }

    /// Runs every active rule's after-run check, at its configured severity.
    pub fn run_after(&self, site: &Site) -> Vec<rules::TemplateFinding> {
        let mut out = Vec::new();
        for (rule, level) in &self.rules {
            let mut found = Vec::new();
            rule.check_after_run(site, &mut found);
            if let Some(Level::On(severity)) = level {
                for f in &mut found {
                    f.diagnostic.severity = *severity;
                }
            }
            out.append(&mut found);
        }
        out
    }

    /// Runs every active rule's check of the site as a whole.
    pub fn run_site(&self, site: &Site, file: usize) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        for (rule, level) in &self.rules {
            let mut sink = Sink::default();
            rule.check_site(site, file, &mut sink);
            collect(rule.meta(), *level, sink, &mut out);
        }
        out
    }

    /// Runs every active rule's config check against the content files of
    /// a whole-site run; findings sorted by span.
    pub fn run_config(&self, site: &Site, files: &[String]) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        for (rule, level) in &self.rules {
            let mut sink = Sink::default();
            rule.check_config(site, files, &mut sink);
            collect(rule.meta(), *level, sink, &mut out);
        }
        out.sort_by(|a, b| (a.span.start, a.rule).cmp(&(b.span.start, b.rule)));
        out
    }
}
