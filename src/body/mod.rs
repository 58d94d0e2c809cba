//! The page body: its shortcodes (lexed as Hugo lexes them, code blocks
//! included), its images and links (as Goldmark would render them, code
//! excluded) and the ids of its headings (as Goldmark makes them).

pub mod headings;
mod images;
pub mod links;
mod masked;
mod scan;
pub mod shortcode_lexer;
pub mod shortcode_tree;

use crate::version::HugoVersion;
pub use headings::{Anchors, IdSettings, IdType};
pub use images::{images, Image, ImageSource};
pub use links::{Link, LinkSource};
pub use scan::{anchors, links, scan};
pub use shortcode_lexer::{Delim, LexError, Lexed as Shortcodes, Param, Params, Tag};

/// Lexes the shortcodes of `body`, whose first byte is at `base` in the file,
/// as `version` of Hugo does. Broken tags and escaped regions are kept too, so
/// that the structure pass does not see a broken tag's partner as unpaired.
pub fn shortcodes(body: &str, base: usize, version: HugoVersion) -> Shortcodes {
    shortcode_lexer::lex_for(body, base, version)
}

impl Tag {
    /// A named parameter, or the positional one at `index` when the tag uses positions.
    pub fn param(&self, name: &str, index: Option<usize>) -> Option<&Param> {
        match &self.params {
            Params::Named(named) => named.iter().find(|(k, _, _)| k == name).map(|(_, _, p)| p),
            Params::Positional(list) => index.and_then(|i| list.get(i)),
            Params::None => None,
        }
    }
}
