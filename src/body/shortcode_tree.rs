// TEMP STUB until the real module lands
use super::shortcode_lexer::{Span, Tag};
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InnerKind {
    NeedsInner,
    NoInner,
    Unknown,
}
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    UnclosedInner {
        open: Span,
        name: String,
    },
    CloseWithoutOpen {
        close: Span,
        name: String,
    },
    MismatchedClose {
        open: Span,
        open_name: String,
        close: Span,
        close_name: String,
    },
    ClosedNoInner {
        tag: Span,
        name: String,
        self_closed: bool,
    },
    InlineNesting {
        tag: Span,
        inline_name: String,
    },
    InlineUndefined {
        tag: Span,
        name: String,
    },
}
pub fn check(_tags: &[Tag], _inner: impl Fn(&str) -> InnerKind) -> Vec<Problem> {
    Vec::new()
}
