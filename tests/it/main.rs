//! The integration tests, as one test binary: one link instead of one per
//! file, and the shared helpers (`common`, the site generator) compiled once.
//! Each module is one area; `cargo test --test it MODULE` runs one of them.

// Tables of test cases may run long; the 100-line limit is for the tool's own code.
#![allow(clippy::too_many_lines)]

mod common;
#[path = "../support/gensite.rs"]
mod gensite;

mod architecture;
mod cli;
mod cli_config;
mod cli_formats;
mod cli_subcommands;
mod config_schema;
mod editors;
mod fix;
mod formats_agree;
mod fuzz_regressions;
mod generated_inputs;
mod generated_site;
mod hostile;
mod hugo_links;
mod hugo_oracle;
mod hugo_releases;
mod images_fixtures;
mod images_oracle;
mod init;
mod kill_during_fix;
mod new_user;
mod pre_commit;
mod properties;
mod release;
mod rule_docs;
mod server;
mod server_editors;
mod server_protocol;
mod site_model_oracle;
mod site_wide;
mod snapshots;
mod snapshots_formats;
mod snapshots_rules;
mod suppressions;
mod systematic;
mod unpublished;
mod wheel;
