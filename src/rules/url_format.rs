use crate::config::FieldType;
use crate::diagnostic::{Diagnostic, Fix, Severity, Sink};
use crate::frontmatter::Entry;
use crate::rules::schema_util::checked_fields;
use crate::rules::{Context, Rule, RuleMeta};

pub struct UrlFormat;

static META: RuleMeta = RuleMeta {
    name: "url-format",
    summary: "a URL field that is not an absolute URL of an allowed scheme",
    severity: Severity::Error,
    default_enabled: true,
    fixable: true,
    doc: include_str!("../../rules/url-format.md"),
};

fn bad_url(entry: &Entry, value: &str, schemes: &[String], reason: &str) -> Diagnostic {
    let mut d = Diagnostic::new(&META, entry.value.span.clone(), format!("`{}` is not an absolute URL: `{value}`", entry.key))
        .label(reason.to_string());
    let looks_like_host = !value.contains("://")
        && !value.contains(char::is_whitespace)
        && value.split('/').next().is_some_and(|h| h.contains('.') && !h.starts_with('.'));
    if looks_like_host && schemes.iter().any(|s| s == "https") {
        let suggestion = format!("https://{value}");
        d = d.help(format!("did you mean `{suggestion}`?"));
        if let Some(inner) = quoted_inner(entry) {
            d = d.fix(Fix::unsafe_(inner, suggestion));
        }
    } else {
        d = d.help(format!("write a full URL starting with {}", schemes.iter().map(|s| format!("`{s}://`")).collect::<Vec<_>>().join(" or ")));
    }
    d
}

/// The span of a string value without its quotes.
fn quoted_inner(entry: &Entry) -> Option<std::ops::Range<usize>> {
    let span = entry.value.span.clone();
    let quoted = matches!(entry.value.kind, crate::frontmatter::NodeKind::String { quoted: true, .. });
    (quoted && span.len() >= 2).then(|| span.start + 1..span.end - 1).or((!quoted).then_some(span))
}

impl Rule for UrlFormat {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        let (Some(schema), Some(tree)) = (cx.schema, cx.doc.tree()) else { return };
        for (field, entry) in checked_fields(schema, tree) {
            if field.ty != Some(FieldType::Url) {
                continue;
            }
            let Some(value) = entry.value.as_str() else { continue };
            match url::Url::parse(value.trim()) {
                Ok(u) if !field.schemes.iter().any(|s| s == u.scheme()) => out.push(bad_url(
                    entry,
                    value,
                    &field.schemes,
                    &format!("scheme `{}` is not allowed", u.scheme()),
                )),
                Ok(u) if u.host_str().is_none_or(str::is_empty) && matches!(u.scheme(), "http" | "https") => {
                    out.push(bad_url(entry, value, &field.schemes, "no host"))
                }
                Ok(_) => {}
                Err(_) => out.push(bad_url(entry, value, &field.schemes, "no scheme or not a URL")),
            }
        }
    }
}
