//! Front matter: Hugo's split for each version, then every parser on its own.
//! Every span (nodes, keys, errors, body, delimiter) lies in the text on char
//! boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pagelint::frontmatter::{self, json, toml, yaml};
use pagelint_fuzz::{check_parsed, check_split, split_selector, version};

fuzz_target!(|data: &[u8]| {
    let (selector, bytes) = split_selector(data);
    let text = String::from_utf8_lossy(bytes);
    let text = text.as_ref();

    let split = frontmatter::split(text, version(selector));
    check_split(text, &split);

    check_parsed(text, &yaml::parse(text), "yaml::parse");
    check_parsed(text, &toml::parse(text), "toml::parse");
    check_parsed(text, &json::parse(text), "json::parse");
    if let Some(end) = json::json_extent(text) {
        assert!(
            end <= text.len() && text.is_char_boundary(end),
            "json_extent {end} out of range or inside a char ({} bytes)",
            text.len()
        );
    }
});
