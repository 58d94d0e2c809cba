#!/usr/bin/env bash
# Seeds fuzz/corpus/<target>/ with real pages from fixtures/ and a few
# hostile inputs. The corpus is gitignored; run this once before fuzzing
# (it only adds files, so running it again is harmless).
#
# The frontmatter, document and fix targets read their first byte as a
# selector (bits 0-1: Hugo 0.111/0.123/0.146/latest; document and fix also
# bit 2: bare site or fixtures/blog, bit 3: all rules, bit 4: leaf bundle
# path, bit 5 (document): render the reports), so their seeds get one
# prefixed; shortcodes and images read the bytes as they are.
set -euo pipefail
cd "$(dirname "$0")"

hostile=$(mktemp -d)
trap 'rm -rf "$hostile"' EXIT

rep() { # rep STRING COUNT
    local out="" i
    for ((i = 0; i < $2; i++)); do out+="$1"; done
    printf '%s' "$out"
}
put() { # put NAME CONTENT
    printf '%s' "$2" >"$hostile/$1"
}

put deep-yaml-flow "---
a: $(rep '[' 20000)
---
"
put deep-yaml-block "---
$(for ((i = 0; i < 200; i++)); do printf '%*sk:\n' "$i" ''; done)---
"
put deep-toml "+++
a = $(rep '[' 20000)
+++
"
put deep-toml-tables "+++
a = $(rep '{b = ' 5000)
+++
"
put deep-json "{\"a\": $(rep '[' 20000)"
put deep-json-closed "{\"a\": $(rep '[' 100)$(rep ']' 100)}
body"
put alias-bomb "---
a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
---
"
put alias-keys "---
x: &x {a: 1, b: [1, 2]}
y: *x
<<: *x
*x : 3
---
"
put open-storm "$(rep '{{<' 5000)"
put open-storm-spaced "$(rep '{{< x ' 3000)"
put percent-storm "$(rep '{{% a %}}' 2000)$(rep '{{% /a %}}' 2000)"
put nested-storm "$(rep '{{< wrap >}}' 1000)$(rep '{{< /wrap >}}' 999)"
put escaped-storm "$(rep '{{</* x */>}}{{<' 1000)"
put inline-storm "$(rep '{{< a.inline >}}{{< b >}}' 500)"
put unterminated-quotes '---
title: "never closed
date: 2025-01-01
---
{{< figure src="a.png caption=`also open >}}
{{< x "\" >}}
'
put unterminated-toml '+++
title = """open
+++
'
put unterminated-json '{"title": "open\"}
body'
put crlf $'---\r\ntitle: x\r\ndate: 2025-01-01\r\ncategories: [a]\r\n---\r\n{{< figure src="/img/a.png" >}}\r\n![a](b.png)\r\n'
put cr $'---\rtitle: x\rtags:\r  - a\r---\rbody {{< a >}}\r{{< /a >}}\r'
put cr-toml $'+++\r\ntitle = "x"\r+++\n\rbody'

put bom-yaml $'\xef\xbb\xbf---\ntitle: x\n---\nbody\n'
put bom-bom-toml $'\xef\xbb\xbf\xef\xbb\xbf +++\ntitle = "x"\n+++\n'
put html-comment $'<!--\n---\ntitle: x\n---\n-->\nbody'
put html-comment-open $'<!-- a\n---\ntitle: x\n---\nno end'
put org $'#+title: x\n#+date: 2025-01-01\n#+\n#+:\nbody'
put images $'---\nimages: [a.png, /b.jpg]\ncover:\n  image: c.png\n---\n![a](x.png "t")\n![b][r]\n![c]\n\n[r]: <y z.png>\n[c]: %20.png\n<img src=z.png> <IMG\nSRC=\'w.png\'>\n{{< figure src="f.png" >}}\n```\n![no](code.png)\n```\n'
put utf8-edges $'---\ntitle: "\xe6\xa8\x99\xe9\xa1\x8c"\ntags: [\xf0\x9f\x98\x80, "\xc3\xa9"]\n---\n{{< \xe6\xa8\x99 "\xf0\x9f\x98\x80" >}}\n'
put invalid-utf8 $'---\ntitle: \xff\xfe\n---\n'
put binary $'\x00\x01\x02\x03\x04\x05\x06\x07'
put utf16 $'\xff\xfe-\x00-\x00-\x00'
put empty ''

# Pages with something to fix against fixtures/blog's schema and static
# files: a category off by case or by a character, a URL without a scheme,
# images whose path differs from a real file only in case. Seeded with the
# blog site selected (selector bit 2), so the fix target has fixes to apply.
fixable=$(mktemp -d)
trap 'rm -rf "$hostile" "$fixable"' EXIT
fix_yaml=$'---\ntitle: "x"\ndate: 2025-03-03T12:00:00+08:00\ncategories: ["ai 產業動態", "AI 技術解", AI 應用案例]\nsource_url: "news.example.com/a"\n---\n![a](/images/posts/20250402-SCALING.JPG)\n<img src="/images/posts/20250418-Features.PNG">\n{{< figure src="/images/posts/20250513-A03BAA58.jpg" >}}\n![b][r]\n\n[r]: /images/posts/20250513-70A9213E.png\n'
printf '%s' "$fix_yaml" >"$fixable/yaml"
printf '%s' "${fix_yaml//$'\n'/$'\r\n'}" >"$fixable/yaml-crlf"
printf '%s' $'---\ntitle: x\ndate: 2025-03-03\ncategories:\n  - ai 應用案例\n  - "AI 政策法"\nsource_url: \'example.org/b?c=d\'\n---\n' >"$fixable/yaml-block"
printf '%s' $'+++\ntitle = "x"\ndate = 2025-03-03T12:00:00+08:00\ncategories = ["ai 工具評測", \'AI 產業動\']\nsource_url = "example.com"\n+++\n![a](/images/posts/20250402-Scaling.jpg "t")\n' >"$fixable/toml"
printf '%s' $'{\n  "title": "x",\n  "date": "2025-03-03",\n  "categories": ["ai 技術解析"],\n  "source_url": "www.example.com/\\u00e9"\n}\n![a](/images/posts/20250418-FEATURES.png)\n' >"$fixable/json"
printf '%s' $'---\ncategories: [AI 產業動態]\ncategories: [ai 產業動態]\nsource_url: "a.b"\nsource_url: "c.d"\n---\n![a](/images/posts/20250402-scaling.JPG)![b](/images/posts/20250402-scaling.JPG)\n' >"$fixable/duplicates"

real=(../fixtures/blog/content ../fixtures/cases)
mapfile -t pages < <(find "${real[@]}" -path '*content*' -name '*.md' | sort | head -n 20)

seed() { # seed TARGET PREFIX_BYTES: copies every page and hostile input
    local target=$1 dir="corpus/$1" n=0 f prefix
    mkdir -p "$dir"
    for f in "${pages[@]}" "$hostile"/*; do
        if [[ $f == "$hostile"/* ]]; then
            name="hostile-$(basename "$f")"
        else
            name="$(basename "$(dirname "$f")")-$(basename "$f")"
        fi
        if [[ $2 == yes ]]; then
            # Cycle through the selector values so every option is seeded.
            prefix=$(printf '\\x%02x' $((n * 5 % 64)))
            { printf "$prefix"; cat "$f"; } >"$dir/$name"
        else
            cp "$f" "$dir/$name"
        fi
        n=$((n + 1))
    done
    echo "corpus/$target: $(ls "$dir" | wc -l) files"
}

seed_fixable() { # seed_fixable TARGET: fixable pages, blog site, several selectors
    local dir="corpus/$1" f s
    mkdir -p "$dir"
    for f in "$fixable"/*; do
        for s in 4 7 13 22 38; do
            { printf "$(printf '\\x%02x' "$s")"; cat "$f"; } >"$dir/fixable-$(basename "$f")-$s"
        done
    done
}

seed frontmatter yes
seed shortcodes no
seed images no
seed document yes
seed fix yes
seed_fixable document
seed_fixable fix
