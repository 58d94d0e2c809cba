//! Generate a synthetic Hugo blog with injected defects, for pagelint's tests and timing.
//!
//! ```text
//! cargo run --release --example gen-site -- --posts 2000 --out /tmp/site --manifest /tmp/site.expected.jsonl
//! cargo run --release --example gen-site -- --posts 20000 --defects 0 --out /tmp/big
//! ```
//!
//! The generator itself is `tests/support/gensite.rs`, shared with the tests.

// The generator is test support (tests/support/gensite.rs); its long case tables
// are exempt from the 100-line limit on the tool's own code.
#![allow(clippy::too_many_lines)]

#[path = "../tests/support/gensite.rs"]
mod gensite;

use std::path::Path;
use std::process::exit;

const USAGE: &str = "\
usage: gen-site [-h] [--posts POSTS] --out OUT [--seed SEED]
                [--defects DEFECTS] [--manifest MANIFEST] [--kinds KINDS]
                [--all-kinds] [--force]
";

fn help() -> String {
    format!(
        "{USAGE}
Generate a synthetic Hugo blog of AI news posts (categories and tags partly in
Chinese) with YAML and TOML front matter, images and shortcodes.

options:
  -h, --help           show this help message and exit
  --posts POSTS
  --out OUT
  --seed SEED
  --defects DEFECTS    fraction of posts with one defect
  --manifest MANIFEST  JSON-lines file of the expected findings
  --kinds KINDS        comma-separated defect kinds to draw from (default: the
                       {} original kinds); one of: {}
  --all-kinds          draw from all {} kinds, the original ones and: {}
  --force              replace --out if it exists
",
        gensite::DEFECTS.len(),
        gensite::ALL_DEFECTS.join(", "),
        gensite::ALL_DEFECTS.len(),
        gensite::NEW_DEFECTS.join(", ")
    )
}

/// Usage error: like argparse, print the usage and the message, and exit with 2.
fn usage_error(msg: &str) -> ! {
    eprint!("{USAGE}");
    eprintln!("gen-site: error: {msg}");
    exit(2)
}

fn parse<T: std::str::FromStr>(flag: &str, what: &str, value: &str) -> T {
    value.parse().unwrap_or_else(|_| {
        usage_error(&format!("argument {flag}: invalid {what} value: '{value}'"))
    })
}

fn main() {
    let mut opts = gensite::Options::default();
    let mut out: Option<String> = None;
    let mut manifest: Option<String> = None;
    let mut kinds: Option<String> = None;
    let mut force = false;
    let mut unrecognized: Vec<String> = Vec::new();

    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "-h" || arg == "--help" {
            print!("{}", help());
            exit(0);
        }
        if arg == "--force" {
            force = true;
            continue;
        }
        if arg == "--all-kinds" {
            opts.all_kinds = true;
            continue;
        }
        let (flag, inline) = match arg.split_once('=') {
            Some((flag, value)) if arg.starts_with("--") => {
                (flag.to_string(), Some(value.to_string()))
            }
            _ => (arg.clone(), None),
        };
        if !matches!(
            flag.as_str(),
            "--posts" | "--out" | "--seed" | "--defects" | "--manifest" | "--kinds"
        ) {
            unrecognized.push(arg);
            continue;
        }
        let value = match inline {
            Some(value) => value,
            None => match args.next() {
                Some(value) if !value.starts_with("--") => value,
                _ => usage_error(&format!("argument {flag}: expected one argument")),
            },
        };
        match flag.as_str() {
            "--posts" => opts.posts = parse(&flag, "int", &value),
            "--seed" => opts.seed = parse(&flag, "int", &value),
            "--defects" => opts.defects = parse(&flag, "float", &value),
            "--out" => out = Some(value),
            "--manifest" => manifest = Some(value),
            _ => kinds = Some(value),
        }
    }
    let Some(out) = out else {
        usage_error("the following arguments are required: --out")
    };
    if !unrecognized.is_empty() {
        usage_error(&format!(
            "unrecognized arguments: {}",
            unrecognized.join(" ")
        ));
    }

    if Path::new(&out).exists() && !force {
        usage_error(&format!("{out} exists (use --force to replace it)"));
    }
    if let Some(kinds) = kinds.filter(|k| !k.is_empty()) {
        if opts.all_kinds {
            usage_error("--kinds and --all-kinds exclude each other");
        }
        let kinds: Vec<String> = kinds.split(',').map(str::to_string).collect();
        if let Some(k) = kinds
            .iter()
            .find(|k| !gensite::ALL_DEFECTS.contains(&k.as_str()))
        {
            usage_error(&format!("unknown defect kind '{k}'"));
        }
        opts.kinds = Some(kinds);
    }

    let expected = gensite::generate(Path::new(&out), &opts).unwrap_or_else(|e| {
        eprintln!("gen-site: error: {e}");
        exit(1)
    });
    if let Some(manifest) = manifest {
        if let Err(e) = gensite::write_manifest(Path::new(&manifest), &expected) {
            eprintln!("gen-site: error: {manifest}: {e}");
            exit(1);
        }
    }
    let what = if opts.all_kinds
        || opts
            .kinds
            .iter()
            .flatten()
            .any(|k| gensite::NEW_DEFECTS.contains(&k.as_str()))
    {
        "manifest lines"
    } else {
        "with a defect"
    };
    println!(
        "wrote {} posts to {}, {} {what}",
        opts.posts,
        out,
        expected.len()
    );
}
