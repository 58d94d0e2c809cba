//! Tests of params as `{{< param >}}` sees them, on sites written to disk.

use super::{ParamLookup, ParamOrigin};
use crate::frontmatter::{self, Node};
use crate::site::{LoadOptions, Site};
use crate::version::HugoVersion;

fn site(files: &[(&str, &str)], version: HugoVersion) -> (tempfile::TempDir, Site) {
    let dir = tempfile::tempdir().unwrap();
    for (rel, text) in files {
        let p = dir.path().join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    let options = LoadOptions {
        config: None,
        isolated: true,
        version: Some(version),
        known_rules: &[],
    };
    let site = Site::load(dir.path().to_path_buf(), &options).unwrap();
    (dir, site)
}

fn front_matter(site: &Site, rel: &str) -> Option<Node> {
    let text = std::fs::read_to_string(site.root.join(rel)).unwrap();
    frontmatter::split(&text, site.version)
        .front_matter
        .and_then(|f| f.tree.ok())
}

/// What `param key` finds on the page `rel`, in each of its languages.
fn param(site: &Site, rel: &str, key: &str) -> Vec<(String, ParamLookup)> {
    let own = front_matter(site, rel);
    site.page_idents(rel)
        .iter()
        .map(|p| (p.lang.clone(), site.param(p, own.as_ref(), key)))
        .collect()
}

fn found(origin: ParamOrigin) -> ParamLookup {
    ParamLookup::Found {
        truthy: true,
        origin,
    }
}

const NEW: HugoVersion = HugoVersion::new(0, 160, 0);
const OLD: HugoVersion = HugoVersion::new(0, 111, 0);

#[test]
fn front_matter_cascade_old_and_new_forms() {
    let files = [
        ("hugo.toml", "title = \"t\"\n"),
        (
            "content/docs/_index.md",
            "---\ncascade:\n  version: v3.6\n---\n",
        ),
        (
            "content/docs/v2/_index.md",
            "---\ncascade:\n  params:\n    product: Widget\n  version: v2\n---\n",
        ),
        ("content/docs/v2/a/b.md", "---\ntitle: B\n---\n"),
        (
            "content/docs/own.md",
            "---\nversion: mine\nparams: {p: 1}\n---\n",
        ),
        ("content/blog/x.md", "---\ntitle: X\n---\n"),
    ];
    let (_d, s) = site(&files, NEW);
    let one = |rel, key| param(&s, rel, key).remove(0).1;
    assert_eq!(
        one("content/docs/v2/a/b.md", "product"),
        found(ParamOrigin::Cascade)
    );
    assert_eq!(
        one("content/docs/v2/a/b.md", "version"),
        found(ParamOrigin::Cascade)
    );
    assert_eq!(
        one("content/docs/own.md", "version"),
        found(ParamOrigin::Page)
    );
    assert_eq!(one("content/docs/own.md", "p"), found(ParamOrigin::Page));
    assert_eq!(one("content/blog/x.md", "version"), ParamLookup::Missing);
    // A section's own cascade reaches the section page itself.
    assert_eq!(
        one("content/docs/_index.md", "version"),
        found(ParamOrigin::Cascade)
    );
    let (_d, s) = site(&files, OLD);
    let one = |rel, key| param(&s, rel, key).remove(0).1;
    assert_eq!(
        one("content/docs/v2/a/b.md", "product"),
        ParamLookup::Missing
    );
    assert_eq!(
        one("content/docs/v2/a/b.md", "version"),
        found(ParamOrigin::Cascade)
    );
    assert_eq!(one("content/docs/own.md", "p"), ParamLookup::Missing);
}

#[test]
fn config_cascade_with_a_target() {
    let files = [
        (
            "hugo.toml",
            concat!(
                "[[cascade]]\n[cascade.params]\nversion = \"v1\"\n",
                "[cascade.target]\npath = \"/docs/**\"\n",
            ),
        ),
        ("content/docs/install.md", "---\ntitle: I\n---\n"),
        ("content/blog/a.md", "---\ntitle: A\n---\n"),
    ];
    let (_d, s) = site(&files, NEW);
    assert_eq!(
        param(&s, "content/docs/install.md", "version")[0].1,
        found(ParamOrigin::Cascade)
    );
    assert_eq!(
        param(&s, "content/blog/a.md", "version")[0].1,
        ParamLookup::Missing
    );
    let (_d, s) = site(&files, OLD);
    assert_eq!(
        param(&s, "content/docs/install.md", "version")[0].1,
        ParamLookup::Missing,
        "0.111 has no config cascade"
    );
}

#[test]
fn cascade_of_a_section_another_language_mounts() {
    let files = [
        (
            "hugo.yaml",
            concat!(
                "languages: {en: {weight: 1}, ja: {weight: 2}}\n",
                "module:\n  mounts:\n",
                "    - {source: content/en, target: content, sites: {matrix: {languages: [en]}}}\n",
                "    - {source: content/ja, target: content, sites: {matrix: {languages: [ja]}}}\n",
                "    - {source: content/en/docs, target: content/docs,",
                " sites: {matrix: {languages: [ja]}}}\n",
            ),
        ),
        (
            "content/en/docs/_index.md",
            "---\ncascade:\n  vers: 1.2.3\n---\n",
        ),
        ("content/en/docs/start.md", "---\ntitle: S\n---\n"),
        ("content/ja/docs/start.md", "---\ntitle: S\n---\n"),
    ];
    let (_d, s) = site(&files, NEW);
    let ja = param(&s, "content/ja/docs/start.md", "vers");
    assert_eq!(ja, [("ja".to_string(), found(ParamOrigin::Cascade))]);
    let en = param(&s, "content/en/docs/start.md", "vers");
    assert_eq!(en, [("en".to_string(), found(ParamOrigin::Cascade))]);
}

#[test]
fn theme_module_and_language_params() {
    let files = [
        (
            "hugo.toml",
            concat!(
                "theme = \"mytheme\"\n[params]\nown = \"x\"\nzero = 0\n",
                "[languages.en]\nweight = 1\n[languages.en.params]\ngreeting = \"Hello\"\n",
                "[languages.fr]\nweight = 2\n",
            ),
        ),
        (
            "themes/mytheme/hugo.yaml",
            "params:\n  mermaid:\n    version: 11.16.1\n",
        ),
        ("themes/mytheme/layouts/single.html", ""),
        ("content/a.md", "---\ntitle: A\nempty: ''\n---\n"),
        ("content/a.fr.md", "---\ntitle: A\n---\n"),
    ];
    let (_d, s) = site(&files, NEW);
    let one = |rel, key| param(&s, rel, key).remove(0).1;
    assert_eq!(
        one("content/a.md", "mermaid.version"),
        found(ParamOrigin::Site)
    );
    assert_eq!(one("content/a.md", "greeting"), found(ParamOrigin::Site));
    assert_eq!(one("content/a.fr.md", "greeting"), ParamLookup::Missing);
    assert_eq!(one("content/a.md", "mermaid.nope"), ParamLookup::Missing);
    let falsy = |origin| ParamLookup::Found {
        truthy: false,
        origin,
    };
    assert_eq!(one("content/a.md", "zero"), falsy(ParamOrigin::Site));
    assert_eq!(one("content/a.md", "empty"), falsy(ParamOrigin::Page));
}
