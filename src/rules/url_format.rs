//! `url-format`: a `url` field that is not an absolute URL of an allowed
//! scheme (and, for `http` and `https`, with a host).

use crate::config::FieldType;
use crate::diagnostic::{Diagnostic, Fix, Fixable, Severity, Sink};
use crate::frontmatter::Entry;
use crate::rules::schema_util::checked_fields;
use crate::rules::{Context, Rule, RuleMeta};

/// The `url-format` rule (`rules/url-format.md`).
pub struct UrlFormat;

static META: RuleMeta = RuleMeta {
    name: "url-format",
    summary: "a URL field that is not an absolute URL of an allowed scheme",
    severity: Severity::Error,
    default_enabled: true,
    fixable: Fixable::Unsafe,
    doc: include_str!("../../rules/url-format.md"),
};

fn bad_url(entry: &Entry, text: &str, value: &str, schemes: &[String], reason: &str) -> Diagnostic {
    let message = if reason.starts_with("scheme") {
        // `ftp://x` is absolute; what is wrong is its scheme.
        format!(
            "`{}` has a scheme that is not allowed: `{value}`",
            entry.key
        )
    } else {
        format!("`{}` is not an absolute URL: `{value}`", entry.key)
    };
    let mut d = Diagnostic::new(&META, entry.value.span.clone(), message)
        .label(reason.to_string())
        .subject(&entry.key, None);
    let looks_like_host = !value.contains("://")
        && !value.contains(char::is_whitespace)
        && value
            .split('/')
            .next()
            .is_some_and(|h| h.contains('.') && !h.starts_with('.'));
    let suggestion = format!("https://{value}");
    // Offered only when the suggestion is itself a URL with a host.
    let valid =
        url::Url::parse(&suggestion).is_ok_and(|u| u.host_str().is_some_and(|h| !h.is_empty()));
    if looks_like_host && valid && schemes.iter().any(|s| s == "https") {
        d = d.help(format!("did you mean `{suggestion}`?"));
        if let Some(span) = entry
            .value
            .literal_span(text)
            .filter(|s| *s != entry.value.span || !suggestion.contains([':', '#']))
        {
            d = d.fix(Fix::unsafe_(span, suggestion));
        }
    } else {
        d = d.help(format!(
            "write a full URL starting with {}",
            schemes
                .iter()
                .map(|s| format!("`{s}://`"))
                .collect::<Vec<_>>()
                .join(" or ")
        ));
    }
    d
}

impl Rule for UrlFormat {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        let (Some(schema), Some(tree)) = (cx.schema, cx.doc.tree()) else {
            return;
        };
        for (field, entry) in checked_fields(schema, tree) {
            if field.ty != Some(FieldType::Url) {
                continue;
            }
            let Some(value) = entry.value.as_str() else {
                continue;
            };
            match url::Url::parse(value.trim()) {
                Ok(u) if !field.schemes.iter().any(|s| s == u.scheme()) => out.push(bad_url(
                    entry,
                    &cx.doc.text,
                    value,
                    &field.schemes,
                    &format!("scheme `{}` is not allowed", u.scheme()),
                )),
                Ok(u)
                    if u.host_str().is_none_or(str::is_empty)
                        && matches!(u.scheme(), "http" | "https") =>
                {
                    out.push(bad_url(
                        entry,
                        &cx.doc.text,
                        value,
                        &field.schemes,
                        "no host",
                    ))
                }
                Ok(_) => {}
                Err(_) => out.push(bad_url(
                    entry,
                    &cx.doc.text,
                    value,
                    &field.schemes,
                    "no scheme or not a URL",
                )),
            }
        }
    }
}
