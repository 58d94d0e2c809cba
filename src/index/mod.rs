//! The site as the site-wide rules see it: every page's URL, aliases, ids, terms and links,
//! gathered as [`facts::PageFacts`] while each file is linted, then put together once the
//! pass is over ([`pages::SiteIndex`]), or looked up page by page when only a few files are
//! checked ([`lazy::LazyPages`]). Both answer through the [`pages::Pages`] trait, which the
//! rules' after-the-pass checks read.
//!
//! Nothing here keeps a file's text: a page's facts are a few strings and spans.

pub mod cache;
pub mod env;
pub mod facts;
pub mod lazy;
pub mod pages;
pub mod urls;

pub use env::{env, Env, LinkHook};
pub use facts::{gather, LinkFact, PageFacts, Target, TermFact, Wants};
pub use pages::{Collision, Hit, Pages, SiteIndex, Variant};

/// Go's `path.Clean` of a URL path, without its leading and trailing `/`: `.` and empty
/// segments dropped, `..` resolved (kept when it climbs above the root).
pub fn clean_path(path: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for seg in path.split('/') {
        match seg {
            "" | "." => {}
            ".." if parts.last().is_some_and(|p| *p != "..") => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    parts.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleaning() {
        assert_eq!(clean_path("/a//b/./c/../d/"), "a/b/d");
        assert_eq!(clean_path("../x"), "../x");
        assert_eq!(clean_path("/"), "");
    }
}
