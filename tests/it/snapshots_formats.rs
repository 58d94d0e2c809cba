//! The machine-readable reports, pinned byte for byte on one site with
//! findings in front matter and body, related labels and fixes
//! (`fixtures/cases/formats/`): GitHub workflow commands, JUnit XML and
//! SARIF, next to the human and concise reports of the same site.
//!
//! To review a change: `INSTA_UPDATE=always cargo test --test it snapshots`,
//! then read `git diff tests/it/snapshots/` line by line.

use crate::snapshots::{run, snapshot};

macro_rules! formats {
    ($($test:ident => $format:literal,)*) => {$(
        #[test]
        fn $test() {
            let args = ["--color", "never", "--format", $format];
            snapshot(concat!("formats-", $format), run("formats", &args));
        }
    )*};
}

formats! {
    formats_human => "human",
    formats_concise => "concise",
    formats_github => "github",
    formats_junit => "junit",
    formats_sarif => "sarif",
}
