//! pagelint: a linter for the Markdown content of Hugo sites.
//!
//! The library is the whole tool; `main.rs` only calls [`cli::main`].
//! A run loads a [`site::Site`], parses each file once into a
//! [`document::Document`], runs the [`rules`] that [`select`] chooses
//! through the core API in [`lint`], and the [`engine`] hands each file's
//! [`outcome`] to a [`report`]er.

// Tables of test cases may run long; the 100-line limit is for the tool's own code.
#![cfg_attr(test, allow(clippy::too_many_lines))]

pub mod body;
pub mod cli;
pub mod config;
pub mod diagnostic;
pub mod document;
pub mod engine;
pub mod fix;
pub mod frontmatter;
pub mod index;
pub mod init;
pub mod input;
pub mod lint;
pub mod outcome;
pub mod report;
pub mod rules;
pub mod select;
pub mod server;
pub mod site;
pub mod source;
pub mod suggest;
pub mod suppress;
pub mod version;
pub mod walk;
