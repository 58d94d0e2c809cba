//! Reads what an image render hook (or image shortcode) does with the destination, by running
//! its template on abstract values: the destination, the page's resources, the global
//! resources. The `src` it writes becomes a [`Render`]: resource lookups in order, then what
//! it writes when none finds the file. A template whose `src` depends on anything else
//! (params, other pages, string surgery, a condition on the destination's text) is not
//! recognised: [`Render::Unknown`].
//!
//! Read: `urls.Parse`, `.Path`, `.String`, `.IsAbs`, `.Scheme`, `strings.TrimPrefix "./"`,
//! `safeURL`, `printf "%s"`, `relURL`, `absURL`, `.Page.Resources.Get`/`GetMatch`,
//! `.PageInner.Resources…`, `resources.Get`/`GetMatch`, `.RelPermalink`, `.Permalink`,
//! image processing (`Resize`, `images.Filter`…), `or`, `not`, `and`, `in`, `slice`, `dict`,
//! `merge`, `index`, `default`, `partial` (read from the site's and themes' layouts) and
//! `return`, `with`, `if`, `else`, `range` over an attributes map.

use std::collections::HashMap;

use super::image_resolve::{Fallback, Render, Step};
use super::template_parse::{parse, Expr, Stmt};

/// An abstract value.
#[derive(Debug, Clone, PartialEq)]
enum V {
    /// The destination, maybe without `./`, maybe through `relURL`/`absURL`.
    Dest { trim: bool, fallback: Fallback },
    /// `urls.Parse` of the destination.
    Url { trim: bool },
    /// A resource looked up by `steps` (nil when none finds it).
    Res { steps: Vec<Step>, trim: bool },
    /// A resource known to be found (inside `with`/`if` on it).
    Found { steps: Vec<Step>, trim: bool },
    /// The link of a found resource.
    Link { steps: Vec<Step>, trim: bool },
    /// A link if one of `steps` finds the file, else the destination (`fallback`).
    Src {
        steps: Vec<Step>,
        trim: bool,
        fallback: Fallback,
    },
    /// The page (`.Page`, `.PageInner`, `.Context`).
    Page,
    /// The page's resources.
    PageResources,
    /// The global resources namespace.
    Global,
    /// A shortcode's context: `.Get "src"` is the destination.
    Shortcode,
    /// A `GetMatch` pattern made of the destination between `prefix` and `suffix`.
    Pattern(String, String),
    /// A literal.
    Str(String),
    /// A boolean known here.
    Bool(bool),
    /// nil.
    Nil,
    /// A map.
    Dict(Vec<(String, V)>),
    /// Something not modelled.
    Unknown,
}

/// Reads partial templates by name.
pub type PartialReader<'a> = &'a dyn Fn(&str) -> Option<String>;

struct Eval<'a> {
    vars: HashMap<String, V>,
    dot: V,
    root: V,
    /// Every value written as an `<img>`'s `src`.
    srcs: Vec<V>,
    returned: Option<V>,
    partials: PartialReader<'a>,
    depth: usize,
}

/// The hook context's dot for a render hook (`.Destination`, `.Page`, …) or a shortcode
/// (`.Get "src"`, `.Page`).
fn hook_context() -> V {
    V::Dict(vec![
        (
            "Destination".into(),
            V::Dest {
                trim: false,
                fallback: Fallback::AsIs,
            },
        ),
        ("Page".into(), V::Page),
        ("PageInner".into(), V::Page),
    ])
}

/// What a render hook (`shortcode` false) or an image shortcode template writes as `src`.
pub fn recognise(template: &str, shortcode: bool, partials: PartialReader<'_>) -> Render {
    let stmts = parse(template);
    let context = if shortcode {
        V::Shortcode
    } else {
        hook_context()
    };
    let mut e = Eval {
        vars: HashMap::new(),
        dot: context.clone(),
        root: context,
        srcs: Vec::new(),
        returned: None,
        partials,
        depth: 0,
    };
    e.vars.insert("$".into(), e.root.clone());
    e.block(&stmts, &mut String::new());
    let Some(first) = e.srcs.first().cloned() else {
        return Render::Unknown;
    };
    if e.srcs.iter().any(|s| *s != first) {
        return Render::Unknown;
    }
    match first {
        V::Dest { trim, fallback } | V::Src { trim, fallback, .. }
            if steps_of(&e.srcs[0]).is_empty() && !trim && fallback == Fallback::AsIs =>
        {
            Render::AsIs
        }
        V::Dest { trim, fallback } => Render::Chain {
            steps: Vec::new(),
            trim_dot_slash: trim,
            fallback,
        },
        V::Src {
            steps,
            trim,
            fallback,
        } => Render::Chain {
            steps,
            trim_dot_slash: trim,
            fallback,
        },
        V::Link { steps, trim } => Render::Chain {
            steps,
            trim_dot_slash: trim,
            fallback: Fallback::AsIs,
        },
        _ => Render::Unknown,
    }
}

fn steps_of(v: &V) -> &[Step] {
    match v {
        V::Src { steps, .. } => steps,
        _ => &[],
    }
}

/// Whether a value is derived from the destination (a string of it).
fn dest_like(v: &V) -> Option<(bool, Fallback)> {
    match v {
        V::Dest { trim, fallback } => Some((*trim, *fallback)),
        _ => None,
    }
}

impl Eval<'_> {
    fn block(&mut self, stmts: &[Stmt], text: &mut String) {
        for s in stmts {
            if self.returned.is_some() {
                return;
            }
            self.stmt(s, text);
        }
    }

    fn stmt(&mut self, s: &Stmt, text: &mut String) {
        match s {
            Stmt::Text(t) => text.push_str(t),
            Stmt::Output(e) => {
                let v = self.expr(e);
                if in_src_attribute(text) {
                    self.srcs.push(v);
                } else if let V::Str(s) = &v {
                    text.push_str(s);
                } else {
                    text.push('x');
                }
            }
            Stmt::Assign(name, e) => {
                let v = self.expr(e);
                self.vars.insert(name.clone(), v);
            }
            Stmt::Return(e) => self.returned = Some(self.expr(e)),
            Stmt::Branch {
                with,
                cond,
                then,
                other,
            } => self.branch(*with, cond, then, other, text),
            Stmt::Range(vars, e, body) => self.range(vars, e, body, text),
            Stmt::Opaque => self.srcs.push(V::Unknown),
        }
    }

    fn branch(
        &mut self,
        with: bool,
        cond: &Expr,
        then: &[Stmt],
        other: &[Stmt],
        text: &mut String,
    ) {
        let c = self.expr(cond);
        let truth = match &c {
            V::Bool(b) => Some(*b),
            V::Nil => Some(false),
            V::Str(s) => Some(!s.is_empty()),
            V::Found { .. } | V::Page | V::PageResources | V::Dict(_) => Some(true),
            // A destination is never empty in a hook that renders an image.
            V::Dest { .. } | V::Url { .. } | V::Shortcode => Some(true),
            _ => None,
        };
        match truth {
            Some(true) => self.scoped(with.then(|| c.clone()), then, text),
            Some(false) => self.scoped(None, other, text),
            None => {
                let before = self.vars.clone();
                let found = match &c {
                    V::Res { steps, trim } => Some(V::Found {
                        steps: steps.clone(),
                        trim: *trim,
                    }),
                    _ => None,
                };
                let dot = if with {
                    found.clone().unwrap_or(V::Unknown)
                } else {
                    self.dot.clone()
                };
                let srcs = std::mem::take(&mut self.srcs);
                let mut then_text = text.clone();
                self.scoped(Some(dot), then, &mut then_text);
                let then_srcs = std::mem::take(&mut self.srcs);
                let after_then = std::mem::replace(&mut self.vars, before.clone());
                let mut other_text = text.clone();
                self.scoped(None, other, &mut other_text);
                let other_srcs = std::mem::replace(&mut self.srcs, srcs);
                let after_other = std::mem::take(&mut self.vars);
                self.vars = merge_vars(&before, after_then, after_other, found.as_ref());
                self.srcs
                    .extend(merge_srcs(then_srcs, other_srcs, found.as_ref()));
                *text = then_text;
            }
        }
    }

    fn scoped(&mut self, dot: Option<V>, body: &[Stmt], text: &mut String) {
        let saved = self.dot.clone();
        if let Some(d) = dot {
            self.dot = d;
        }
        self.block(body, text);
        self.dot = saved;
    }

    fn range(&mut self, vars: &[String], e: &Expr, body: &[Stmt], text: &str) {
        let over = self.expr(e);
        if let (V::Dict(entries), [k, v]) = (&over, vars) {
            // `range $k, $v := $attributes` writing ` k="v"` pairs: its `src` entry.
            let mut probe = String::new();
            self.vars.insert(k.clone(), V::Str("src".into()));
            self.vars.insert(v.clone(), V::Str("\u{0}value".into()));
            let saved = std::mem::take(&mut self.srcs);
            self.block(body, &mut probe);
            self.srcs = saved;
            if text.contains("<img") && probe.contains("src=") {
                let src = entries
                    .iter()
                    .find(|(key, _)| key.eq_ignore_ascii_case("src"))
                    .map_or(V::Unknown, |(_, v)| v.clone());
                self.srcs.push(src);
            }
            return;
        }
        let before = self.vars.clone();
        let mut probe = text.to_string();
        self.block(body, &mut probe);
        // Variables set in a loop body are not tracked.
        for (k, v) in self.vars.iter_mut() {
            if before.get(k) != Some(v) {
                *v = V::Unknown;
            }
        }
    }

    fn var(&self, name: &str) -> V {
        self.vars.get(name).cloned().unwrap_or(V::Unknown)
    }

    fn expr(&mut self, e: &Expr) -> V {
        match e {
            Expr::Str(s) => V::Str(s.clone()),
            Expr::Lit(l) => match l.as_str() {
                "true" => V::Bool(true),
                "false" => V::Bool(false),
                "nil" => V::Nil,
                _ => V::Unknown,
            },
            Expr::Var(name, fields) => {
                let base = self.var(name);
                self.fields(base, fields, Vec::new())
            }
            Expr::Dot(fields) => self.fields(self.dot.clone(), fields, Vec::new()),
            Expr::Paren(inner, fields) => {
                let base = self.expr(inner);
                self.fields(base, fields, Vec::new())
            }
            Expr::Method(recv, args) => {
                let args: Vec<V> = args.iter().map(|a| self.expr(a)).collect();
                let (base, fields) = match &**recv {
                    Expr::Dot(f) => (self.dot.clone(), f.clone()),
                    Expr::Var(n, f) => (self.var(n), f.clone()),
                    Expr::Paren(inner, f) => (self.expr(inner), f.clone()),
                    _ => return V::Unknown,
                };
                self.fields(base, &fields, args)
            }
            Expr::Call(name, args) => self.call(name, args),
        }
    }

    /// Follows a field chain; the last field is called with `args` if there are any.
    fn fields(&mut self, mut v: V, fields: &[String], args: Vec<V>) -> V {
        for (i, f) in fields.iter().enumerate() {
            let last = i + 1 == fields.len();
            v = field(v, f, if last { &args } else { &[] });
        }
        if fields.is_empty() && !args.is_empty() {
            return V::Unknown;
        }
        v
    }

    fn call(&mut self, name: &str, args: &[Expr]) -> V {
        if name == "partial" || name == "partialCached" {
            return self.partial(args);
        }
        let vals: Vec<V> = args.iter().map(|a| self.expr(a)).collect();
        call(name, vals)
    }

    fn partial(&mut self, args: &[Expr]) -> V {
        let (Some(Expr::Str(name)), Some(ctx)) = (args.first(), args.get(1)) else {
            return V::Unknown;
        };
        let ctx = self.expr(ctx);
        let Some(text) = (self.partials)(name).filter(|_| self.depth < 4) else {
            self.srcs.push(V::Unknown);
            return V::Unknown;
        };
        let mut sub = Eval {
            vars: HashMap::new(),
            dot: ctx.clone(),
            root: ctx.clone(),
            srcs: Vec::new(),
            returned: None,
            partials: self.partials,
            depth: self.depth + 1,
        };
        sub.vars.insert("$".into(), ctx);
        sub.block(&parse(&text), &mut String::new());
        self.srcs.extend(sub.srcs);
        sub.returned.unwrap_or(V::Unknown)
    }
}

/// The `src` values written in the two arms of a branch on a lookup: a link when found,
/// else what the other arm writes.
fn merge_srcs(then: Vec<V>, other: Vec<V>, found: Option<&V>) -> Vec<V> {
    if then.len() == 1 && other.len() == 1 {
        let m = merge_vars(
            &HashMap::new(),
            [("src".to_string(), then[0].clone())].into(),
            [("src".to_string(), other[0].clone())].into(),
            found,
        );
        return vec![m.get("src").cloned().unwrap_or(V::Unknown)];
    }
    then.into_iter().chain(other).collect()
}

/// Whether the text written so far ends inside an `<img` tag's `src=` value.
fn in_src_attribute(text: &str) -> bool {
    let Some(tag) = text.rfind('<') else {
        return false;
    };
    let inside = &text[tag..];
    if !inside
        .get(..4)
        .is_some_and(|t| t.eq_ignore_ascii_case("<img"))
        || inside.contains('>')
    {
        return false;
    }
    let lower = inside.to_ascii_lowercase();
    let t = lower.trim_end();
    t.ends_with(" src=\"") || t.ends_with(" src='") || t.ends_with(" src=")
}

/// A field of a value, called with `args` when it is a method.
fn field(v: V, f: &str, args: &[V]) -> V {
    match (&v, f) {
        (V::Dict(entries), _) => entries
            .iter()
            .find(|(k, _)| k == f)
            .map_or(V::Unknown, |(_, v)| v.clone()),
        (V::Page, "Resources") => V::PageResources,
        (V::Page, _) => V::Unknown,
        (V::Shortcode, "Page") => V::Page,
        (V::Shortcode, "Get") => match args.first() {
            Some(V::Str(k)) if k == "src" => V::Dest {
                trim: false,
                fallback: Fallback::AsIs,
            },
            _ => V::Unknown,
        },
        (V::PageResources, "Get") => lookup(args, |_| Step::PageGet),
        (V::PageResources, "GetMatch") => match args.first() {
            Some(V::Dest { .. }) => lookup(args, |_| Step::PageGetMatch {
                prefix: String::new(),
                suffix: String::new(),
            }),
            Some(V::Pattern(prefix, suffix)) => V::Res {
                steps: vec![Step::PageGetMatch {
                    prefix: prefix.clone(),
                    suffix: suffix.clone(),
                }],
                trim: false,
            },
            _ => V::Unknown,
        },
        (V::Global, "Get" | "GetMatch") => lookup(args, |_| Step::GlobalGet),
        (V::Global, "GetRemote") => V::Nil,
        (V::Url { trim }, "Path" | "String") => V::Dest {
            trim: *trim,
            fallback: Fallback::AsIs,
        },
        (V::Url { .. }, "IsAbs") => V::Bool(false),
        (V::Url { .. }, "Scheme" | "Host") => V::Str(String::new()),
        (V::Found { steps, trim } | V::Res { steps, trim }, "RelPermalink" | "Permalink") => {
            V::Link {
                steps: steps.clone(),
                trim: *trim,
            }
        }
        (
            V::Found { .. } | V::Res { .. },
            "Resize" | "Fit" | "Fill" | "Crop" | "Process" | "Filter",
        ) => v,
        _ => V::Unknown,
    }
}

/// A resource lookup whose argument is the destination.
fn lookup(args: &[V], step: impl Fn(&V) -> Step) -> V {
    match args.first() {
        Some(
            a @ V::Dest {
                trim,
                fallback: Fallback::AsIs,
            },
        ) => V::Res {
            steps: vec![step(a)],
            trim: *trim,
        },
        _ => V::Unknown,
    }
}

/// A template function.
fn call(name: &str, mut vals: Vec<V>) -> V {
    let arg = |i: usize| vals.get(i).cloned().unwrap_or(V::Unknown);
    match name {
        "urls.Parse" => match dest_like(&arg(0)) {
            Some((trim, Fallback::AsIs)) => V::Url { trim },
            _ => V::Unknown,
        },
        "strings.TrimPrefix" => match (arg(0), arg(1)) {
            (V::Str(p), V::Dest { fallback, .. }) if p == "./" => V::Dest {
                trim: true,
                fallback,
            },
            _ => V::Unknown,
        },
        "safeURL" | "safeHTML" | "safeHTMLAttr" | "string" | "htmlUnescape" => arg(0),
        "lower" | "strings.ToLower" => match arg(0) {
            V::Str(s) => V::Str(s.to_lowercase()),
            _ => V::Unknown,
        },
        "relURL" | "absURL" => match arg(0) {
            V::Dest {
                trim,
                fallback: Fallback::AsIs,
            } => V::Dest {
                trim,
                fallback: if name == "relURL" {
                    Fallback::RelUrl
                } else {
                    Fallback::AbsUrl
                },
            },
            l @ V::Link { .. } => l,
            _ => V::Unknown,
        },
        "printf" => printf(vals),
        "or" => vals.into_iter().reduce(or).unwrap_or(V::Unknown),
        "not" => match arg(0) {
            V::Bool(b) => V::Bool(!b),
            V::Nil => V::Bool(true),
            _ => V::Unknown,
        },
        "and" => {
            if vals.iter().any(|v| matches!(v, V::Bool(false) | V::Nil)) {
                V::Bool(false)
            } else if vals.iter().all(|v| matches!(v, V::Bool(true))) {
                V::Bool(true)
            } else {
                V::Unknown
            }
        }
        "in" => match (arg(0), arg(1)) {
            (V::Dict(items), V::Str(s)) => {
                V::Bool(items.iter().any(|(_, v)| *v == V::Str(s.clone())))
            }
            _ => V::Unknown,
        },
        "slice" => V::Dict(
            vals.drain(..)
                .enumerate()
                .map(|(i, v)| (i.to_string(), v))
                .collect(),
        ),
        "dict" => {
            let mut out = Vec::new();
            let mut it = vals.into_iter();
            while let (Some(k), Some(v)) = (it.next(), it.next()) {
                match k {
                    V::Str(k) => out.push((k, v)),
                    _ => return V::Unknown,
                }
            }
            V::Dict(out)
        }
        "merge" => vals.into_iter().reduce(merge).unwrap_or(V::Unknown),
        "index" => match (arg(0), arg(1)) {
            (V::Dict(e), V::Str(k)) => e
                .into_iter()
                .find(|(key, _)| *key == k)
                .map_or(V::Nil, |(_, v)| v),
            _ => V::Unknown,
        },
        "default" => match arg(1) {
            V::Nil | V::Unknown => arg(0),
            v => v,
        },
        "resources" => V::Global,
        "resources.Get" | "resources.GetMatch" => lookup(&vals, |_| Step::GlobalGet),
        "resources.GetRemote" => V::Nil,
        "images.Filter" | "images.Process" => vals.pop().unwrap_or(V::Unknown),
        "hasPrefix" | "strings.HasPrefix" => match (arg(0), arg(1)) {
            (V::Dest { .. }, V::Str(p)) if p.starts_with("http") => V::Bool(false),
            _ => V::Unknown,
        },
        _ => V::Unknown,
    }
}

/// `printf`: `"%s"` of one value is the value; a format starting with `%s` and going on with
/// `?` or `#` keeps the link (query and fragment do not change the file).
fn printf(vals: Vec<V>) -> V {
    let Some(V::Str(f)) = vals.first() else {
        return V::Unknown;
    };
    match (f.as_str(), vals.get(1)) {
        ("%s", Some(v)) => v.clone(),
        (f, Some(v)) if f.starts_with("%s?") || f.starts_with("%s#") => v.clone(),
        (
            f,
            Some(V::Dest {
                fallback: Fallback::AsIs,
                ..
            }),
        ) if f.matches("%s").count() == 1 && !f.contains('/') && vals.len() == 2 => {
            let (prefix, suffix) = f.split_once("%s").unwrap_or(("", ""));
            V::Pattern(prefix.to_string(), suffix.to_string())
        }
        _ => format_strings(f, &vals[1..]),
    }
}

/// Go's `fmt.Sprintf` with `%s`, `%v` and `%q` of known strings.
fn format_strings(f: &str, args: &[V]) -> V {
    let mut out = String::new();
    let mut args = args.iter();
    let mut chars = f.chars();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        let verb = chars.next();
        if verb == Some('%') {
            out.push('%');
            continue;
        }
        let Some(V::Str(s)) = args.next() else {
            return V::Unknown;
        };
        match verb {
            Some('s' | 'v') => out.push_str(s),
            Some('q') => out.push_str(&format!("{s:?}")),
            _ => return V::Unknown,
        }
    }
    V::Str(out)
}

/// `or a b`: the first found of two lookups.
fn or(a: V, b: V) -> V {
    match (a, b) {
        (
            V::Res {
                steps: mut s1,
                trim: t1,
            },
            V::Res {
                steps: s2,
                trim: t2,
            },
        ) if t1 == t2 => {
            s1.extend(s2);
            V::Res {
                steps: s1,
                trim: t1,
            }
        }
        (V::Nil | V::Bool(false), b) => b,
        (a @ (V::Bool(true) | V::Found { .. }), _) => a,
        _ => V::Unknown,
    }
}

fn merge(a: V, b: V) -> V {
    match (a, b) {
        (V::Dict(mut x), V::Dict(y)) => {
            for (k, v) in y {
                match x.iter_mut().find(|(key, _)| *key == k) {
                    Some(slot) => slot.1 = v,
                    None => x.push((k, v)),
                }
            }
            V::Dict(x)
        }
        (V::Unknown, V::Dict(y)) => V::Dict(y.into_iter().filter(|(k, _)| k == "src").collect()),
        _ => V::Unknown,
    }
}

/// Joins the variables after a branch whose condition is not known: set to a link in the
/// `found` branch of a lookup, the value becomes "link if found, else what it was".
fn merge_vars(
    before: &HashMap<String, V>,
    then: HashMap<String, V>,
    other: HashMap<String, V>,
    found: Option<&V>,
) -> HashMap<String, V> {
    let mut out = before.clone();
    let keys: Vec<String> = then.keys().chain(other.keys()).cloned().collect();
    for k in keys {
        let t = then.get(&k).cloned().unwrap_or(V::Unknown);
        let o = other.get(&k).cloned().unwrap_or(V::Unknown);
        let v = if t == o {
            t
        } else {
            match (found, t, o) {
                (Some(V::Found { steps, .. }), V::Link { steps: ls, trim }, old)
                    if *steps == ls =>
                {
                    with_lookups(ls, trim, old)
                }
                (_, V::Dict(a), V::Dict(b)) => merge_dicts(a, b, found),
                _ => V::Unknown,
            }
        };
        out.insert(k, v);
    }
    out
}

fn merge_dicts(a: Vec<(String, V)>, b: Vec<(String, V)>, found: Option<&V>) -> V {
    let mut out = Vec::new();
    for (k, va) in &a {
        let vb = b
            .iter()
            .find(|(kb, _)| kb == k)
            .map(|(_, v)| v.clone())
            .unwrap_or(V::Unknown);
        let v = if *va == vb {
            vb
        } else {
            let m = merge_vars(
                &HashMap::new(),
                [(k.clone(), va.clone())].into(),
                [(k.clone(), vb)].into(),
                found,
            );
            m.get(k).cloned().unwrap_or(V::Unknown)
        };
        out.push((k.clone(), v));
    }
    V::Dict(out)
}

/// "The link of `steps` if found, else `old`".
fn with_lookups(steps: Vec<Step>, trim: bool, old: V) -> V {
    match old {
        V::Dest { trim: t, fallback } if t == trim || steps.is_empty() => V::Src {
            steps,
            trim,
            fallback,
        },
        V::Dest { fallback, .. } => V::Src {
            steps,
            trim,
            fallback,
        },
        V::Src {
            steps: more,
            trim: t,
            fallback,
        } if t == trim => {
            let mut all = steps;
            all.extend(more);
            V::Src {
                steps: all,
                trim,
                fallback,
            }
        }
        V::Nil | V::Unknown => V::Link { steps, trim },
        _ => V::Unknown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const EMBEDDED: &str = r#"{{- $u := urls.Parse .Destination -}}
{{- $src := $u.String -}}
{{- if not $u.IsAbs -}}
	{{- $path := strings.TrimPrefix "./" $u.Path -}}
	{{- with or (.PageInner.Resources.Get $path) (resources.Get $path) -}}
		{{- $src = .RelPermalink -}}
		{{- with $u.RawQuery -}}
			{{- $src = printf "%s?%s" $src . -}}
		{{- end -}}
	{{- end -}}
{{- end -}}
<img src="{{ $src }}" alt="{{ .PlainText }}"
	{{- with .Title }} title="{{ . }}" {{- end -}}>"#;

    fn none(_: &str) -> Option<String> {
        None
    }

    #[test]
    fn the_embedded_hook_is_page_then_global_then_as_is() {
        assert_eq!(
            recognise(EMBEDDED, false, &none),
            Render::Chain {
                steps: vec![Step::PageGet, Step::GlobalGet],
                trim_dot_slash: true,
                fallback: Fallback::AsIs
            }
        );
    }

    #[test]
    fn glob_lookup_then_rel_url() {
        let t = r#"{{- $image := .Page.Resources.GetMatch (printf "%s" (.Destination | safeURL)) -}}
{{- $Permalink := .Destination | relURL | safeURL -}}
{{- if $image -}}{{- $Permalink = $image.RelPermalink -}}{{- end -}}
<img src="{{ $Permalink }}" loading="lazy">"#;
        assert_eq!(
            recognise(t, false, &none),
            Render::Chain {
                steps: vec![Step::PageGetMatch {
                    prefix: String::new(),
                    suffix: String::new()
                }],
                trim_dot_slash: false,
                fallback: Fallback::RelUrl
            }
        );
    }

    #[test]
    fn unknown_logic_is_not_guessed() {
        let t = r#"{{ $src := printf "/cdn/%s" .Destination }}<img src="{{ $src }}">"#;
        assert_eq!(recognise(t, false, &none), Render::Unknown);
        let t = concat!(
            r#"{{ if hasPrefix .Destination "/" }}<img src="{{ .Destination }}">"#,
            r#"{{ else }}<img src="{{ path.Join .Page.RelPermalink .Destination }}">{{ end }}"#
        );
        assert_eq!(recognise(t, false, &none), Render::Unknown);
        assert_eq!(
            recognise(r#"<img src="{{ .Destination }}">"#, false, &none),
            Render::AsIs
        );
    }
}
