// TEMP STUB until the real module lands
pub type Span = std::ops::Range<usize>;
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delim {
    Angle,
    Percent,
}
#[derive(Debug, Clone, PartialEq)]
pub struct Param {
    pub value: String,
    pub span: Span,
    pub quoted: bool,
}
#[derive(Debug, Clone, PartialEq)]
pub enum Params {
    None,
    Positional(Vec<Param>),
    Named(Vec<(String, Span, Param)>),
}
#[derive(Debug, Clone, PartialEq)]
pub struct Tag {
    pub span: Span,
    pub open_delim: Delim,
    pub name: String,
    pub name_span: Span,
    pub closing: bool,
    pub self_closing: bool,
    pub inline: bool,
    pub params: Params,
}
#[derive(Debug, Clone, PartialEq)]
pub struct LexError {
    pub span: Span,
    pub tag_start: usize,
    pub hugo_message: String,
    pub reason: String,
}
pub fn lex(_text: &str, _base: usize) -> (Vec<Tag>, Vec<LexError>) {
    (Vec::new(), Vec::new())
}
