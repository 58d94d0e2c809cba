//! Tests of the content tree: sites on disk, read with their config as a run reads them.

use super::{base_path, ContentTree};
use crate::site::HugoConfig;

fn site(files: &[(&str, &str)]) -> (tempfile::TempDir, HugoConfig, ContentTree) {
    let dir = tempfile::tempdir().unwrap();
    for (rel, text) in files {
        let p = dir.path().join("site").join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    let root = dir.path().join("site");
    let hugo = HugoConfig::load(&root).unwrap();
    let tree = ContentTree::new(
        hugo.content_sources(&root),
        hugo.languages.clone(),
        hugo.ignore_files.clone(),
    );
    (dir, hugo, tree)
}

/// (lang, logical) of each placement of a file.
fn placed(dir: &tempfile::TempDir, tree: &ContentTree, rel: &str) -> Vec<(String, String)> {
    let abs = dir.path().join(rel);
    tree.file(&abs)
        .map(|f| {
            f.placements
                .into_iter()
                .map(|p| (p.lang, p.logical))
                .collect()
        })
        .unwrap_or_default()
}

fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
    v.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

#[test]
fn base_paths_as_hugo_keys_pages() {
    let langs = crate::site::languages::Languages::default();
    assert_eq!(base_path("docs/Install Me.md", &langs), "/docs/install-me");
    assert_eq!(base_path("docs/_index.md", &langs), "/docs");
    assert_eq!(base_path("posts/first/index.en.md", &langs), "/posts/first");
    assert_eq!(base_path("_index.md", &langs), "");
    assert_eq!(
        base_path("a.de.md", &langs),
        "/a.de",
        "de is no language here"
    );
}

#[test]
fn one_content_folder_and_language_suffixes() {
    let (dir, _, tree) = site(&[
        (
            "hugo.toml",
            "[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n",
        ),
        ("content/a.md", ""),
        ("content/a.fr.md", ""),
        ("content/b.de.md", ""),
        ("content/x.png", ""),
    ]);
    assert_eq!(
        placed(&dir, &tree, "site/content/a.md"),
        pairs(&[("en", "a.md")])
    );
    assert_eq!(
        placed(&dir, &tree, "site/content/a.fr.md"),
        pairs(&[("fr", "a.fr.md")])
    );
    assert_eq!(
        placed(&dir, &tree, "site/content/b.de.md"),
        pairs(&[("en", "b.de.md")])
    );
    assert!(tree.file(&dir.path().join("site/content/x.png")).is_none());
    assert!(tree.file(&dir.path().join("site/other/a.md")).is_none());
    let fr = tree.page("fr", "/a").unwrap();
    assert!(fr.path.ends_with("a.fr.md"));
    assert!(tree
        .page("en", "/a")
        .unwrap()
        .path
        .ends_with("content/a.md"));
    assert!(tree.page("fr", "/b.de").is_none());
}

#[test]
fn content_dir_per_language() {
    let (dir, _, tree) = site(&[
        (
            "hugo.toml",
            concat!(
                "[languages.en]\nweight = 1\ncontentDir = \"content/en\"\n",
                "[languages.es]\nweight = 2\ncontentDir = \"content/es\"\n",
            ),
        ),
        ("content/en/docs/shots/index.md", ""),
        ("content/es/docs/shots/index.md", ""),
    ]);
    assert_eq!(
        placed(&dir, &tree, "site/content/es/docs/shots/index.md"),
        pairs(&[("es", "docs/shots/index.md")])
    );
    assert_eq!(tree.project_roots().len(), 2);
    assert_eq!(
        tree.content_lookup("es", "docs/shots"),
        [dir.path().join("site/content/es/docs/shots")]
    );
}

#[test]
fn mounts_with_languages_and_a_fallback() {
    let (dir, _, tree) = site(&[
        (
            "hugo.yaml",
            concat!(
                "languages: {en: {weight: 1}, ja: {weight: 2}}\n",
                "module:\n  mounts:\n",
                "    - {source: content/en, target: content, sites: {matrix: {languages: [en]}}}\n",
                "    - {source: content/ja, target: content, sites: {matrix: {languages: [ja]}}}\n",
                "    - {source: content/en/docs, target: content/docs, lang: ja}\n",
            ),
        ),
        ("content/en/docs/_index.md", ""),
        ("content/en/docs/start.md", ""),
        ("content/en/docs/only-en.md", ""),
        ("content/ja/docs/start.md", ""),
    ]);
    // The ja file wins in ja; the en file is in en only.
    assert_eq!(
        placed(&dir, &tree, "site/content/en/docs/start.md"),
        pairs(&[("en", "docs/start.md")])
    );
    assert_eq!(
        placed(&dir, &tree, "site/content/en/docs/only-en.md"),
        pairs(&[("en", "docs/only-en.md"), ("ja", "docs/only-en.md")])
    );
    let section = tree.page("ja", "/docs").unwrap();
    assert!(section.path.ends_with("content/en/docs/_index.md"));
    assert!(tree
        .page("ja", "/docs/start")
        .unwrap()
        .path
        .ends_with("ja/docs/start.md"));
}

#[test]
fn mount_targets_name_pages_and_sources_outside_the_root() {
    let (dir, _, tree) = site(&[
        (
            "hugo.toml",
            concat!(
                "[[module.mounts]]\nsource = \"content\"\ntarget = \"content\"\n",
                "[[module.mounts]]\nsource = \"../sdk/java-sdk-docs\"\n",
                "target = \"content/sdks/java\"\n",
                "[[module.mounts]]\nsource = \"tmp/mission.md\"\n",
                "target = \"content/community/mission.md\"\n",
                "[[module.mounts]]\nsource = \"notes\"\ntarget = \"content/notes\"\n",
                "files = [\"! drafts/**\"]\n",
            ),
        ),
        ("content/sdks/_index.md", ""),
        ("../sdk/java-sdk-docs/_index.md", ""),
        ("tmp/mission.md", ""),
        ("notes/a.md", ""),
        ("notes/drafts/b.md", ""),
    ]);
    assert_eq!(
        placed(&dir, &tree, "sdk/java-sdk-docs/_index.md"),
        pairs(&[("en", "sdks/java/_index.md")])
    );
    assert!(tree.page("en", "/sdks/java").is_some());
    assert_eq!(tree.pages_named("en", "java"), ["/sdks/java"]);
    assert!(tree.page("en", "/community/mission").is_some());
    assert_eq!(
        placed(&dir, &tree, "site/tmp/mission.md"),
        pairs(&[("en", "community/mission.md")])
    );
    assert!(placed(&dir, &tree, "site/notes/drafts/b.md").is_empty());
    assert!(tree.page("en", "/notes/a").is_some());
    assert!(tree.page("en", "/notes/drafts/b").is_none());
    assert!(tree.has_section("en", "community") && tree.has_section("en", "notes"));
    assert!(!tree.has_section("en", "nope"));
}

#[test]
fn a_theme_mounts_its_own_content() {
    let (dir, hugo, tree) = site(&[
        ("hugo.toml", "theme = \"t\"\n"),
        ("content/a.md", ""),
        ("themes/t/layouts/single.html", ""),
        ("themes/t/content/about/index.md", ""),
        ("themes/t/content/a.md", ""),
    ]);
    assert!(hugo.themes[0].present());
    assert!(tree.page("en", "/about").is_some());
    // The project's a.md shadows the theme's.
    assert!(placed(&dir, &tree, "site/themes/t/content/a.md").is_empty());
    assert_eq!(tree.project_roots(), [dir.path().join("site/content")]);
}
