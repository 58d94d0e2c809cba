//! The fixture sites of `images_oracle`: one per kind of publishing rule. Every image's alt
//! text (`i12`) is unique and alone on its line. Hook templates are written for these tests
//! in the shapes real themes use (PaperMod, Stack 3 and 4, Docsy's figure).

use super::images_oracle::{Fixture, BOTH_RELEASES as BOTH, NEW_RELEASE as NEW};

const PERMALINKS: Fixture = Fixture {
    name: "permalinks",
    versions: BOTH,
    unchecked: false,
    files: &[
        (
            "hugo.toml",
            concat!(
                "baseURL = \"https://example.org/\"\n",
                "disableKinds = [\"taxonomy\", \"term\", \"rss\", \"sitemap\"]\n",
                "[markup.goldmark.renderer]\n",
                "unsafe = true\n",
                "[permalinks]\n",
                "posts = \"/:year/:month/:slug/\"\n",
                "blog = \"/:section/:year/:month/:day/:slug/\"\n",
                "docs = \"/:sections[1:]/:filename/\"\n",
                "notes = \"/n/:title/\"\n",
            ),
        ),
        ("static/img/a.png", "a"),
        (
            "content/posts/hello.md",
            concat!(
                "---\n",
                "title: Hello\n",
                "date: 2024-05-01\n",
                "slug: hello\n",
                "---\n",
                "![i1](../../../img/a.png)\n",
                "\n",
                "![i2](../img/a.png)\n",
                "\n",
                "![i3](/img/a.png)\n",
            ),
        ),
        (
            "content/posts/nodate.md",
            "---\ntitle: No Date Here\n---\n![i4](../../../img/a.png)\n",
        ),
        (
            "content/blog/2023-03-01-hello/index.md",
            concat!(
                "---\n",
                "title: Hi\n",
                "date: 2023-03-01\n",
                "slug: hello\n",
                "---\n",
                "![i5](chart.svg)\n",
                "\n",
                "![i6](/blog/2023/03/01/hello/chart.svg)\n",
                "\n",
                "![i7](/blog/2023-03-01-hello/chart.svg)\n",
                "\n",
                "![i8](sub/deep.png)\n",
                "\n",
                "<img src=\"chart.svg\" alt=\"i9\">\n",
            ),
        ),
        ("content/blog/2023-03-01-hello/chart.svg", "<svg/>"),
        ("content/blog/2023-03-01-hello/sub/deep.png", "d"),
        (
            "content/docs/a/b/page.md",
            concat!(
                "---\n",
                "title: P\n",
                "---\n",
                "![i10](../img/a.png)\n",
                "\n",
                "![i11](../../../img/a.png)\n",
            ),
        ),
        (
            "content/docs/a/bundle/index.md",
            concat!(
                "---\n",
                "title: B\n",
                "---\n",
                "![i12](pic.png)\n",
                "\n",
                "![i13](/docs/a/bundle/pic.png)\n",
                "\n",
                "![i14](/bundle/pic.png)\n",
            ),
        ),
        ("content/docs/a/bundle/pic.png", "p"),
        (
            "content/notes/x.md",
            concat!(
                "---\n",
                "title: \"What's New? (Part 1)\"\n",
                "---\n",
                "![i15](../../img/a.png)\n",
            ),
        ),
        (
            "content/other.md",
            concat!(
                "---\n",
                "title: O\n",
                "---\n",
                "![i16](/blog/2023/03/01/hello/chart.svg)\n",
                "\n",
                "![i17](/blog/2023-03-01-hello/sub/deep.png)\n",
            ),
        ),
    ],
};

const URLS: Fixture = Fixture {
    name: "url-and-slug",
    versions: BOTH,
    unchecked: false,
    files: &[
        (
            "hugo.toml",
            concat!(
                "baseURL = \"https://example.org/\"\n",
                "disableKinds = [\"taxonomy\", \"term\", \"rss\", \"sitemap\"]\n",
            ),
        ),
        ("static/img/a.png", "a"),
        (
            "content/url/b/index.md",
            concat!(
                "---\n",
                "title: UB\n",
                "url: /elsewhere/\n",
                "---\n",
                "![i20](x.png)\n",
                "\n",
                "![i21](/elsewhere/x.png)\n",
                "\n",
                "![i22](/url/b/x.png)\n",
            ),
        ),
        ("content/url/b/x.png", "x"),
        (
            "content/url/rel.md",
            concat!(
                "---\n",
                "title: R\n",
                "url: relative/deep/path/\n",
                "---\n",
                "![i23](../../../img/a.png)\n",
                "\n",
                "![i24](../../img/a.png)\n",
            ),
        ),
        (
            "content/url/fb/index.md",
            concat!(
                "---\n",
                "title: FB\n",
                "url: /fpage.html\n",
                "---\n",
                "![i25](y.png)\n",
                "\n",
                "![i26](fpage/y.png)\n",
            ),
        ),
        ("content/url/fb/y.png", "y"),
        (
            "content/My Folder/Some Page/index.md",
            concat!(
                "---\n",
                "title: S\n",
                "slug: Nice Slug\n",
                "---\n",
                "![i27](<Pic One.png>)\n",
                "\n",
                "![i28](/my-folder/nice-slug/Pic%20One.png)\n",
                "\n",
                "![i29](/my-folder/some-page/Pic%20One.png)\n",
                "\n",
                "![i30](<pic one.png>)\n",
            ),
        ),
        ("content/My Folder/Some Page/Pic One.png", "p"),
        ("content/gallery/pic.png", "g"),
        (
            "content/gallery/page.md",
            "---\ntitle: G\n---\n![i31](pic.png)\n\n![i32](../pic.png)\n",
        ),
        (
            "content/sec/_index.md",
            "---\ntitle: Sec\n---\n![i33](s.png)\n\n![i34](sub/deep.png)\n",
        ),
        ("content/sec/s.png", "s"),
        ("content/sec/sub/deep.png", "d"),
        (
            "content/sec/leaf/index.md",
            concat!(
                "---\n",
                "title: L\n",
                "---\n",
                "![i35](inner/more.png)\n",
                "\n",
                "![i36](../s.png)\n",
                "\n",
                "![i37](extra.md)\n",
            ),
        ),
        ("content/sec/leaf/inner/more.png", "m"),
        ("content/sec/leaf/extra.md", "---\ntitle: Extra\n---\nx\n"),
    ],
};

const UGLY: Fixture = Fixture {
    name: "ugly-urls",
    versions: BOTH,
    unchecked: false,
    files: &[
        (
            "hugo.toml",
            concat!(
                "baseURL = \"https://example.org/\"\n",
                "disableKinds = [\"taxonomy\", \"term\", \"rss\", \"sitemap\"]\n",
                "uglyURLs = true\n",
            ),
        ),
        (
            "content/posts/b/index.md",
            "---\ntitle: B\n---\n![i40](x.png)\n\n![i41](b/x.png)\n",
        ),
        ("content/posts/b/x.png", "x"),
        (
            "content/posts/_index.md",
            concat!(
                "---\n",
                "title: Posts\n",
                "---\n",
                "![i42](s.png)\n",
                "\n",
                "![i43](posts/s.png)\n",
            ),
        ),
        ("content/posts/s.png", "s"),
    ],
};

const LANGUAGES: Fixture = Fixture {
    name: "languages-shared-resources",
    versions: BOTH,
    unchecked: false,
    files: &[
        (
            "hugo.toml",
            concat!(
                "baseURL = \"https://example.org/\"\n",
                "disableKinds = [\"taxonomy\", \"term\", \"rss\", \"sitemap\"]\n",
                "defaultContentLanguage = \"en\"\n",
                "[markup.goldmark.renderer]\n",
                "unsafe = true\n",
                "[languages.en]\n",
                "weight = 1\n",
                "[languages.fr]\n",
                "weight = 2\n",
                "[languages.de]\n",
                "weight = 3\n",
            ),
        ),
        (
            "content/posts/p/index.md",
            concat!(
                "---\n",
                "title: P\n",
                "---\n",
                "![i50](x.png)\n",
                "\n",
                "![i51](y.png)\n",
                "\n",
                "<img src=\"x.png\" alt=\"i52\">\n",
                "\n",
                "![i53](/posts/p/x.png)\n",
            ),
        ),
        (
            "content/posts/p/index.fr.md",
            concat!(
                "---\n",
                "title: P fr\n",
                "---\n",
                "![i54](x.png)\n",
                "\n",
                "<img src=\"x.png\" alt=\"i55\">\n",
                "\n",
                "<img src=\"y.fr.png\" alt=\"i56\">\n",
                "\n",
                "![i57](/fr/posts/p/x.png)\n",
            ),
        ),
        ("content/posts/p/x.png", "x"),
        ("content/posts/p/y.fr.png", "y"),
        (
            "content/posts/q/index.de.md",
            "---\ntitle: Q de\n---\n![i58](z.png)\n",
        ),
        ("content/posts/q/z.png", "z"),
        ("static/logo.png", "l"),
        (
            "content/posts/s.md",
            "---\ntitle: S\n---\n![i59](/logo.png)\n\n![i60](../../logo.png)\n",
        ),
        (
            "content/posts/s.fr.md",
            concat!(
                "---\n",
                "title: S fr\n",
                "---\n",
                "![i61](/logo.png)\n",
                "\n",
                "![i62](../../logo.png)\n",
                "\n",
                "![i63](../../../logo.png)\n",
            ),
        ),
    ],
};

const LANGUAGE_DIRS: Fixture = Fixture {
    name: "language-content-dirs-in-subdir",
    versions: BOTH,
    unchecked: false,
    files: &[
        (
            "hugo.toml",
            concat!(
                "baseURL = \"https://example.org/\"\n",
                "disableKinds = [\"taxonomy\", \"term\", \"rss\", \"sitemap\"]\n",
                "defaultContentLanguage = \"en\"\n",
                "defaultContentLanguageInSubdir = true\n",
                "[markup.goldmark.renderHooks.image]\n",
                "useEmbedded = \"never\"\n",
                "[languages.en]\n",
                "weight = 1\n",
                "contentDir = \"content/en\"\n",
                "[languages.es]\n",
                "weight = 2\n",
                "contentDir = \"content/es\"\n",
            ),
        ),
        (
            "content/en/docs/shots/index.md",
            concat!(
                "---\n",
                "title: Shots\n",
                "---\n",
                "![i70](ui.png)\n",
                "\n",
                "![i71](/en/docs/shots/ui.png)\n",
                "\n",
                "![i72](/docs/shots/ui.png)\n",
            ),
        ),
        ("content/en/docs/shots/ui.png", "u"),
        (
            "content/es/docs/shots/index.md",
            concat!(
                "---\n",
                "title: Capturas\n",
                "---\n",
                "![i73](ui.png)\n",
                "\n",
                "![i74](../../../en/docs/shots/ui.png)\n",
            ),
        ),
        (
            "content/es/docs/relurl.md",
            concat!(
                "---\n",
                "title: rel\n",
                "url: x/rel/\n",
                "---\n",
                "![i75](../../../logo.png)\n",
                "\n",
                "![i76](../../logo.png)\n",
            ),
        ),
        ("static/logo.png", "l"),
    ],
};

const EMBEDDED_HOOK: Fixture = Fixture {
    name: "embedded-hook-and-figure",
    versions: BOTH,
    unchecked: false,
    files: &[
        (
            "hugo.toml",
            concat!(
                "baseURL = \"https://example.org/\"\n",
                "disableKinds = [\"taxonomy\", \"term\", \"rss\", \"sitemap\"]\n",
                "defaultContentLanguage = \"en\"\n",
                "[languages.en]\n",
                "weight = 1\n",
                "[languages.de]\n",
                "weight = 2\n",
            ),
        ),
        ("assets/images/logo.png", "l"),
        (
            "content/a/index.md",
            concat!(
                "---\n",
                "title: A\n",
                "---\n",
                "![i80](images/logo.png)\n",
                "\n",
                "![i81](/images/logo.png)\n",
                "\n",
                "![i82](./x.png)\n",
                "\n",
                "![i83](X.PNG)\n",
                "\n",
                "![i84](nope.png)\n",
                "\n",
                "{{< figure src=\"/images/logo.png\" alt=\"i85\" >}}\n",
                "\n",
                "{{< figure src=\"x.png\" alt=\"i86\" >}}\n",
                "\n",
                "{{< figure src=\"/images/none.png\" alt=\"i87\" >}}\n",
            ),
        ),
        ("content/a/x.png", "x"),
    ],
};

const ALWAYS_EMBEDDED: Fixture = Fixture {
    name: "use-embedded-always-over-a-site-hook",
    versions: NEW,
    unchecked: false,
    files: &[
        (
            "hugo.toml",
            concat!(
                "baseURL = \"https://example.org/\"\n",
                "disableKinds = [\"taxonomy\", \"term\", \"rss\", \"sitemap\"]\n",
                "[markup.goldmark.renderHooks.image]\n",
                "useEmbedded = \"always\"\n",
            ),
        ),
        (
            "layouts/_markup/render-image.html",
            "<img src=\"/cdn/{{ .Destination }}\" alt=\"{{ .Text }}\">",
        ),
        ("assets/images/logo.png", "l"),
        (
            "content/a/index.md",
            concat!(
                "---\n",
                "title: A\n",
                "---\n",
                "![i90](images/logo.png)\n",
                "\n",
                "![i91](x.png)\n",
                "\n",
                "![i92](nope.png)\n",
            ),
        ),
        ("content/a/x.png", "x"),
    ],
};

/// PaperMod's shape: page resource, then global resource, else as-is; attributes printed from
/// a merged map.
const HOOK_PAPERMOD_SHAPE: &str = r#"{{- $u := urls.Parse .Destination -}}
{{- $src := $u.String -}}
{{- if not $u.IsAbs -}}
  {{- $path := strings.TrimPrefix "./" $u.Path }}
  {{- with or (.PageInner.Resources.Get $path) (resources.Get $path) -}}
    {{- $src = .RelPermalink -}}
  {{- end -}}
{{- end -}}
{{- $attrs := merge .Attributes (dict "alt" .Text "src" $src "loading" "lazy") -}}
<img
  {{- range $k, $v := $attrs -}}
    {{- if $v -}}{{- printf " %s=%q" $k $v | safeHTMLAttr -}}{{- end -}}
  {{- end -}}>"#;

const PAPERMOD: Fixture = Fixture {
    name: "hook-page-then-global",
    versions: NEW,
    unchecked: false,
    files: &[
        (
            "hugo.toml",
            concat!(
                "baseURL = \"https://example.org/\"\n",
                "disableKinds = [\"taxonomy\", \"term\", \"rss\", \"sitemap\"]\n",
                "theme = \"pm\"\n",
            ),
        ),
        (
            "themes/pm/layouts/_markup/render-image.html",
            HOOK_PAPERMOD_SHAPE,
        ),
        (
            "themes/pm/layouts/single.html",
            "<html><body>{{ .Content }}</body></html>",
        ),
        (
            "themes/pm/layouts/list.html",
            "<html><body>{{ .Content }}</body></html>",
        ),
        ("assets/img/diagram.png", "d"),
        (
            "content/a/index.md",
            concat!(
                "---\n",
                "title: A\n",
                "---\n",
                "![i100](img/diagram.png)\n",
                "\n",
                "![i101](./x.png)\n",
                "\n",
                "![i102](nope.png)\n",
                "\n",
                "![i103](/img/nope.png)\n",
            ),
        ),
        ("content/a/x.png", "x"),
    ],
};

const STACK3: Fixture = Fixture {
    name: "hook-glob-then-rel-url",
    versions: BOTH,
    unchecked: false,
    files: &[
        (
            "hugo.toml",
            concat!(
                "baseURL = \"https://example.org/sub/\"\n",
                "disableKinds = [\"taxonomy\", \"term\", \"rss\", \"sitemap\"]\n",
                "[permalinks]\n",
                "post = \"/p/:slug/\"\n",
            ),
        ),
        (
            "layouts/_default/_markup/render-image.html",
            concat!(
                "{{- $image := .Page.Resources.GetMatch",
                " (printf \"%s\" (.Destination | safeURL)) -}}\n",
                "{{- $link := .Destination | relURL | safeURL -}}\n",
                "{{- if $image -}}{{- $link = $image.RelPermalink -}}{{- end -}}\n",
                "<img src=\"{{ $link }}\" loading=\"lazy\" alt=\"{{ .Text }}\">",
            ),
        ),
        ("static/images/s.png", "s"),
        (
            "content/post/one/index.md",
            concat!(
                "---\n",
                "title: One\n",
                "slug: first\n",
                "---\n",
                "![i110](cover.png)\n",
                "\n",
                "![i111](images/s.png)\n",
                "\n",
                "![i112](/images/s.png)\n",
                "\n",
                "![i113](gone.png)\n",
            ),
        ),
        ("content/post/one/cover.png", "c"),
    ],
};

const STACK4: Fixture = Fixture {
    name: "hook-through-partials",
    versions: NEW,
    unchecked: false,
    files: &[
        (
            "hugo.toml",
            concat!(
                "baseURL = \"https://example.org/\"\n",
                "disableKinds = [\"taxonomy\", \"term\", \"rss\", \"sitemap\"]\n",
            ),
        ),
        (
            "layouts/_markup/render-image.html",
            concat!(
                "{{- $image := partial \"helper/image\" (dict \"Resources\"",
                " .Page.Resources \"Image\" .Destination) -}}\n",
                "{{- $attrs := dict -}}\n",
                "{{- if $image.Width -}}{{- $attrs = dict \"data-w\" $image.Width -}}{{- end -}}\n",
                "{{ partial \"helper/img\" (dict \"Attributes\" (merge $attrs",
                " (dict \"src\" $image.Permalink \"alt\" .PlainText))) }}",
            ),
        ),
        (
            "layouts/_partials/helper/image.html",
            concat!(
                "{{ $result := dict }}\n",
                "{{ if .Image }}\n",
                "  {{ $url := urls.Parse .Image }}\n",
                "  {{ $permalink := .Image }}\n",
                "  {{ $result = dict \"Permalink\" $permalink \"Width\" nil }}\n",
                "  {{ $resource := dict }}\n",
                "  {{ $local := true }}\n",
                "  {{ if not (in (slice \"https\" \"http\") $url.Scheme) }}\n",
                "    {{ $resource = .Resources.Get (printf \"%s\" (.Image | safeURL)) }}\n",
                "  {{ else }}\n",
                "    {{ $local = false }}\n",
                "  {{ end }}\n",
                "  {{ if $resource }}\n",
                "    {{ if $local }}{{ $permalink = $resource.RelPermalink }}{{ end }}\n",
                "    {{ $result = dict \"Permalink\" $permalink \"Width\" nil }}\n",
                "  {{ end }}\n",
                "{{ end }}\n",
                "{{ return $result }}",
            ),
        ),
        (
            "layouts/_partials/helper/img.html",
            concat!(
                "{{- $attributes := .Attributes | default dict -}}\n",
                "<img {{- range $k, $v := $attributes -}}{{- if $v -}}{{- printf \" %s=%q\"",
                " (lower $k) (printf \"%v\" $v) | safeHTMLAttr -}}{{- end -}}{{- end -}}>",
            ),
        ),
        (
            "content/a/index.md",
            concat!(
                "---\n",
                "title: A\n",
                "---\n",
                "![i120](x.png)\n",
                "\n",
                "![i121](nope.png)\n",
                "\n",
                "![i122](/x.png)\n",
            ),
        ),
        ("content/a/x.png", "x"),
        ("static/x.png", "x"),
    ],
};

const DOCSY_FIGURE: Fixture = Fixture {
    name: "figure-override-with-glob",
    versions: BOTH,
    unchecked: false,
    files: &[
        (
            "hugo.toml",
            concat!(
                "baseURL = \"https://example.org/\"\n",
                "disableKinds = [\"taxonomy\", \"term\", \"rss\", \"sitemap\"]\n",
            ),
        ),
        (
            "layouts/shortcodes/figure.html",
            concat!(
                "{{ $src := (.Page.Resources.GetMatch (printf \"**%s*\" (.Get \"src\"))) }}\n",
                "<figure><img src=\"{{ if $src }}{{ $src.RelPermalink }}{{ else }}{{",
                " .Get \"src\" }}{{ end }}\" alt=\"{{ .Get \"alt\" }}\"></figure>",
            ),
        ),
        (
            "content/d/index.md",
            concat!(
                "---\n",
                "title: D\n",
                "---\n",
                "{{< figure src=\"arch.png\" alt=\"i130\" >}}\n",
                "\n",
                "{{< figure src=\"images/arch\" alt=\"i131\" >}}\n",
                "\n",
                "{{< figure src=\"none.png\" alt=\"i132\" >}}\n",
            ),
        ),
        ("content/d/images/arch.png", "a"),
    ],
};

const UNREADABLE_HOOK: Fixture = Fixture {
    name: "hook-pagelint-cannot-read",
    versions: NEW,
    unchecked: true,
    files: &[
        (
            "hugo.toml",
            concat!(
                "baseURL = \"https://example.org/\"\n",
                "disableKinds = [\"taxonomy\", \"term\", \"rss\", \"sitemap\"]\n",
            ),
        ),
        (
            "layouts/_markup/render-image.html",
            concat!(
                "<img src=\"{{ path.Join \"/media\" (path.Base",
                " .Destination) }}\" alt=\"{{ .Text }}\">",
            ),
        ),
        ("static/media/a.png", "a"),
        (
            "content/a.md",
            "---\ntitle: A\n---\n![i140](pics/a.png)\n\n![i141](pics/b.png)\n",
        ),
    ],
};

const BASE_PATH: Fixture = Fixture {
    name: "baseurl-with-a-path",
    versions: BOTH,
    unchecked: false,
    files: &[
        (
            "hugo.toml",
            concat!(
                "baseURL = \"https://example.org/blog/\"\n",
                "disableKinds = [\"taxonomy\", \"term\", \"rss\", \"sitemap\"]\n",
                "[markup.goldmark.renderer]\n",
                "unsafe = true\n",
            ),
        ),
        ("static/images/x.png", "x"),
        (
            "content/posts/a.md",
            concat!(
                "---\n",
                "title: A\n",
                "---\n",
                "![i150](/images/x.png)\n",
                "\n",
                "![i151](../../images/x.png)\n",
                "\n",
                "<img src=\"/images/x.png\" alt=\"i152\">\n",
                "\n",
                "{{< figure src=\"/images/x.png\" alt=\"i153\" >}}\n",
                "\n",
                "![i154](/blog/images/x.png)\n",
            ),
        ),
        (
            "content/posts/b/index.md",
            concat!(
                "---\n",
                "title: B\n",
                "---\n",
                "![i155](p.png)\n",
                "\n",
                "![i156](/posts/b/p.png)\n",
                "\n",
                "![i157](/blog/posts/b/p.png)\n",
            ),
        ),
        ("content/posts/b/p.png", "p"),
    ],
};

const CANONIFY: Fixture = Fixture {
    name: "baseurl-path-canonify",
    versions: BOTH,
    unchecked: false,
    files: &[
        (
            "hugo.toml",
            concat!(
                "baseURL = \"https://example.org/blog/\"\n",
                "canonifyURLs = true\n",
                "disableKinds = [\"taxonomy\", \"term\", \"rss\", \"sitemap\"]\n",
            ),
        ),
        ("static/images/x.png", "x"),
        (
            "content/posts/a.md",
            concat!(
                "---\n",
                "title: A\n",
                "---\n",
                "![i160](/images/x.png)\n",
                "\n",
                "![i161](/blog/images/x.png)\n",
                "\n",
                "![i162](/images/y.png)\n",
            ),
        ),
    ],
};

const RELATIVE_URLS: Fixture = Fixture {
    name: "baseurl-path-relative-urls",
    versions: BOTH,
    unchecked: false,
    files: &[
        (
            "hugo.toml",
            concat!(
                "baseURL = \"https://example.org/blog/\"\n",
                "relativeURLs = true\n",
                "disableKinds = [\"taxonomy\", \"term\", \"rss\", \"sitemap\"]\n",
            ),
        ),
        ("static/images/x.png", "x"),
        (
            "content/posts/a.md",
            concat!(
                "---\n",
                "title: A\n",
                "---\n",
                "![i170](/images/x.png)\n",
                "\n",
                "![i171](/blog/images/x.png)\n",
            ),
        ),
    ],
};

const AUTHOR_PATHS: Fixture = Fixture {
    name: "author-paths",
    versions: BOTH,
    unchecked: false,
    files: &[
        (
            "hugo.toml",
            concat!(
                "baseURL = \"https://example.org/\"\n",
                "disableKinds = [\"taxonomy\", \"term\", \"rss\", \"sitemap\"]\n",
                "[markup.goldmark.renderer]\n",
                "unsafe = true\n",
            ),
        ),
        (
            "content/a.md",
            concat!(
                "---\n",
                "title: A\n",
                "---\n",
                "![i180](C:\\Users\\me\\Pictures\\a.png)\n",
                "\n",
                "![i181](file:///home/me/a.png)\n",
                "\n",
                "<img src=\"D:/pics/b.png\" alt=\"i182\">\n",
            ),
        ),
    ],
};

const MOUNTED_TWICE: Fixture = Fixture {
    name: "translation-mounted-from-another-language",
    versions: NEW,
    unchecked: false,
    files: &[
        (
            "hugo.toml",
            concat!(
                "baseURL = \"https://example.org/\"\n",
                "disableKinds = [\"taxonomy\", \"term\", \"rss\", \"sitemap\"]\n",
                "defaultContentLanguage = \"en\"\n",
                "[markup.goldmark.renderer]\n",
                "unsafe = true\n",
                "[languages.en]\n",
                "weight = 1\n",
                "[languages.fr]\n",
                "weight = 2\n",
                "[[module.mounts]]\n",
                "source = \"content/en\"\n",
                "target = \"content\"\n",
                "[module.mounts.sites.matrix]\n",
                "languages = [\"en\", \"fr\"]\n",
            ),
        ),
        (
            "content/en/examples/index.md",
            concat!(
                "---\n",
                "title: Examples\n",
                "---\n",
                "<img src=\"home.jpg\" alt=\"i190\">\n",
                "\n",
                "<div>\n",
                "  <img\n",
                "    src=\"home.jpg\" alt=\"i192\"\n",
                "  />\n",
                "</div>\n",
                "\n",
                "![i191](home.jpg)\n",
            ),
        ),
        ("content/en/examples/home.jpg", "h"),
    ],
};

/// Every fixture.
pub const FIXTURES: &[Fixture] = &[
    PERMALINKS,
    URLS,
    UGLY,
    LANGUAGES,
    LANGUAGE_DIRS,
    EMBEDDED_HOOK,
    ALWAYS_EMBEDDED,
    PAPERMOD,
    STACK3,
    STACK4,
    DOCSY_FIGURE,
    UNREADABLE_HOOK,
    BASE_PATH,
    CANONIFY,
    RELATIVE_URLS,
    AUTHOR_PATHS,
    MOUNTED_TWICE,
];
