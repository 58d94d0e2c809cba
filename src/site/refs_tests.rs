//! Tests of refs resolved as Hugo resolves them, on sites written to disk.

use super::{RefArgs, RefOutcome};
use crate::site::page_meta::Publish;
use crate::site::{LoadOptions, Site};
use crate::version::HugoVersion;

fn site(files: &[(&str, &str)]) -> (tempfile::TempDir, Site) {
    let dir = tempfile::tempdir().unwrap();
    for (rel, text) in files {
        let p = dir.path().join("site").join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    let options = LoadOptions {
        config: None,
        isolated: true,
        version: Some(HugoVersion::minor(160)),
        known_rules: &[],
    };
    let site = Site::load(dir.path().join("site"), &options).unwrap();
    (dir, site)
}

/// The outcome of `ref target` written in the file `from` (site-relative), in its first
/// language, with `lang` and `outputFormat` when given.
fn resolve(
    site: &Site,
    from: &str,
    target: &str,
    lang: Option<&str>,
    of: Option<&str>,
) -> RefOutcome {
    let page = site.page_idents(from).remove(0);
    let args = RefArgs {
        path: target,
        lang,
        output_format: of,
    };
    site.resolve_ref(&page, &site.root.join(from), &args)
}

fn found(site: &Site, from: &str, target: &str) -> bool {
    resolve(site, from, target, None, None) == RefOutcome::Found
}

const FM: &str = "---\ntitle: x\n---\n";

#[test]
fn bundles_extensions_and_index_suffixes() {
    let (_d, s) = site(&[
        ("hugo.toml", ""),
        ("content/ops/setup-pubsub/_index.md", FM),
        ("content/ops/setup-pubsub/kafka.md", FM),
        ("content/posts/first-post/index.md", FM),
        ("content/sdk/ext/_index.md", FM),
        ("content/sdk/ext/workflow.md", FM),
        ("content/guide.md", FM),
        ("content/docs/a/b.md", FM),
    ]);
    let g = "content/guide.md";
    assert!(
        found(&s, g, "setup-pubsub.md"),
        "a branch bundle by its folder's name"
    );
    assert!(
        found(&s, g, "first-post.md"),
        "a leaf bundle by its folder's name"
    );
    assert!(found(&s, g, "first-post"));
    assert!(found(&s, g, "/posts/first-post/index.md"));
    assert!(found(&s, g, "posts/first-post"), "from the content root");
    assert!(found(&s, g, "/ops/setup-pubsub/kafka.md#part"));
    assert!(found(
        &s,
        "content/sdk/ext/workflow.md",
        "workflow/_index.md"
    ));
    assert!(
        found(&s, "content/ops/setup-pubsub/_index.md", "kafka"),
        "a section's own folder"
    );
    assert!(found(
        &s,
        "content/ops/setup-pubsub/kafka.md",
        "../../guide.md"
    ));
    assert!(found(&s, g, "/docs"), "a root section without _index");
    assert!(
        !found(&s, g, "/docs/a"),
        "a nested folder without _index is no page"
    );
    assert!(!found(&s, g, "nope.md"));
    assert!(
        !found(&s, g, "./kafka.md"),
        "./ targets are only page-relative"
    );
    assert!(found(&s, g, "/") && found(&s, g, "#top") && found(&s, g, ""));
    assert!(found(&s, g, "/tags"), "a taxonomy list");
}

#[test]
fn mount_targets_and_languages() {
    let (_d, s) = site(&[
        (
            "hugo.toml",
            concat!(
                "[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n",
                "[[module.mounts]]\nsource = \"content\"\ntarget = \"content\"\n",
                "[[module.mounts]]\nsource = \"../sdk/java/java-sdk-docs\"\n",
                "target = \"content/sdks/java\"\n",
            ),
        ),
        ("content/sdks/_index.md", FM),
        ("../sdk/java/java-sdk-docs/_index.md", FM),
        ("../sdk/java/java-sdk-docs/actors.md", FM),
        ("content/only-fr.fr.md", FM),
        ("content/both.md", FM),
    ]);
    let from = "content/sdks/_index.md";
    assert!(found(&s, from, "java"));
    assert!(found(&s, from, "/sdks/java/actors.md"));
    assert!(
        !found(&s, from, "java-sdk-docs"),
        "the source folder's name is not the page's"
    );
    assert!(!found(&s, from, "only-fr.md"));
    assert_eq!(
        resolve(&s, from, "only-fr.md", Some("fr"), None),
        RefOutcome::Found
    );
    assert!(matches!(
        resolve(&s, from, "both.md", Some("de"), None),
        RefOutcome::NotFound { reason, .. } if reason.contains("no site found with lang")
    ));
    assert_eq!(
        resolve(&s, from, "both.md", None, Some("html")),
        RefOutcome::Found
    );
    assert!(matches!(
        resolve(&s, from, "both.md", None, Some("rss")),
        RefOutcome::NotFound { reason, .. } if reason.contains("output format")
    ));
    assert_eq!(
        resolve(&s, from, "/sdks", None, Some("RSS")),
        RefOutcome::Found
    );
}

#[test]
fn dropped_pages_and_ambiguous_names() {
    let (_d, s) = site(&[
        ("hugo.toml", ""),
        ("content/a.md", FM),
        ("content/draft.md", "---\ndraft: true\n---\n"),
        ("content/later.md", "---\ndate: 2999-01-01\n---\n"),
        ("content/gone.md", "---\nexpiryDate: 2001-01-01\n---\n"),
        (
            "content/hidden/_index.md",
            "---\ndraft: true\ncascade:\n  draft: true\n---\n",
        ),
        ("content/hidden/p.md", FM),
        ("content/x/same.md", FM),
        ("content/y/same.md", FM),
        ("content/y/other.md", FM),
        ("content/z/other.md", "---\ndraft: true\n---\n"),
        ("content/gen/_content.gotmpl", ""),
    ]);
    let a = "content/a.md";
    let dropped = |t| match resolve(&s, a, t, None, None) {
        RefOutcome::NotFound { dropped, .. } => dropped,
        other => panic!("{t}: {other:?}"),
    };
    assert_eq!(dropped("draft.md"), Some(Publish::Draft));
    assert_eq!(dropped("later.md"), Some(Publish::Future));
    assert_eq!(dropped("gone.md"), Some(Publish::Expired));
    assert_eq!(
        dropped("/hidden/p.md"),
        Some(Publish::Draft),
        "drafted by a cascade"
    );
    assert!(
        found(&s, a, "/hidden"),
        "a draft section is kept for structure"
    );
    assert!(matches!(
        resolve(&s, a, "same.md", None, None),
        RefOutcome::Ambiguous(_)
    ));
    assert!(found(&s, a, "x/same.md"));
    assert!(found(&s, a, "other"), "the other `other` is a draft");
    assert!(
        found(&s, a, "/gen/anything"),
        "a content adapter's pages are unknown"
    );
}
