//! pagelint: a linter for the Markdown content of Hugo sites.
//!
//! The library is the whole tool; `main.rs` only calls [`cli::main`].
//! A run loads a [`site::Site`], parses each file once into a
//! [`document::Document`], runs the [`rules`] the [`engine`] selects, and
//! hands the findings to a [`report`]er.

pub mod body;
pub mod cli;
pub mod config;
pub mod diagnostic;
pub mod document;
pub mod engine;
pub mod fix;
pub mod frontmatter;
pub mod report;
pub mod rules;
pub mod site;
pub mod source;
pub mod suppress;
pub mod version;
pub mod walk;
