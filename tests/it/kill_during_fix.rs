//! `--fix` killed at random moments (SIGKILL) leaves every file either as it
//! was or fully fixed: never half-written, never empty. A killed run may
//! leave its temporary file (`.NAME.pagelint-PID.tmp`) beside a post; such a
//! file is never a `.md` file, and the next run ignores it and completes the
//! fixes.
//!
//! The site is on a tmpfs (`/dev/shm`) when there is one: a kill tests the
//! process's atomicity, not the disk's, and without `fsync`'s cost a round
//! takes a fraction of a second.

#![cfg(unix)]

use crate::common;
use crate::gensite;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const ROUNDS: usize = 20;
const SEED: u64 = 11;

/// Every file under `dir`, by path relative to it with `/` separators.
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let rel = p.strip_prefix(dir).unwrap().to_string_lossy();
                files.insert(rel.replace('\\', "/"), std::fs::read(&p).unwrap());
            }
        }
    }
    files
}

/// A folder for the site: on a tmpfs when there is one.
fn site_folder() -> (tempfile::TempDir, bool) {
    let shm = Path::new("/dev/shm");
    if let Ok(dir) = tempfile::Builder::new()
        .prefix("pagelint-kill-")
        .tempdir_in(shm)
    {
        return (dir, true);
    }
    (tempfile::tempdir().unwrap(), false)
}

/// xorshift64*, for the delays; seeded from the clock unless
/// `PAGELINT_KILL_SEED` is set, and printed so a run can be repeated.
struct Rng(u64);

impl Rng {
    fn new() -> Rng {
        let seed = std::env::var("PAGELINT_KILL_SEED")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| {
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .unwrap()
                    .as_nanos() as u64
            });
        eprintln!("delays seeded with PAGELINT_KILL_SEED={seed}");
        Rng(seed | 1)
    }

    /// A float in [0, 1).
    fn unit(&mut self) -> f64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 11) as f64 / (1u64 << 53) as f64
    }
}

fn fix_command(site: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_pagelint"));
    cmd.current_dir(site)
        .args(["check", "--fix", "--format", "json"])
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    cmd
}

/// The name a post's temporary file has while `--fix` writes it, if `rel` is one:
/// `(the post's path, the writer's PID)`.
fn stray_of(rel: &str) -> Option<(String, u32)> {
    let (dir, name) = rel.rsplit_once('/').unwrap_or(("", rel));
    let inner = name.strip_prefix('.')?.strip_suffix(".tmp")?;
    // `.NAME.pagelint-PID-NANOS-ATTEMPT.tmp`
    let (post, tail) = inner.rsplit_once(".pagelint-")?;
    let pid = tail.split('-').next()?.parse().ok()?;
    let post = if dir.is_empty() {
        post.to_string()
    } else {
        format!("{dir}/{post}")
    };
    Some((post, pid))
}

#[derive(Debug, Default)]
struct Tally {
    old: usize,
    new: usize,
}

/// Checks the site after a kill: every post is its original or its fixed
/// text, every other original file is unchanged, and every new file is a
/// temporary file of the killed process beside a post, holding the start of
/// the post's fixed text. Returns the posts' tally and the strays.
fn check_site(
    site: &Path,
    originals: &BTreeMap<String, Vec<u8>>,
    fixed: &BTreeMap<String, Vec<u8>>,
    pids: &[u32],
) -> (Tally, Vec<String>) {
    let now = snapshot(site);
    let mut tally = Tally::default();
    for (rel, old) in originals {
        let Some(bytes) = now.get(rel) else {
            panic!("{rel} disappeared");
        };
        match fixed.get(rel) {
            Some(new) => {
                assert!(!bytes.is_empty(), "{rel} is empty");
                if bytes == old {
                    tally.old += 1;
                } else if bytes == new {
                    tally.new += 1;
                } else {
                    panic!(
                        "{rel} is neither its original nor its fixed text:\n{}",
                        String::from_utf8_lossy(bytes)
                    );
                }
            }
            None => assert_eq!(bytes, old, "{rel} must not change"),
        }
    }
    let mut strays = Vec::new();
    for (rel, bytes) in &now {
        if originals.contains_key(rel) {
            continue;
        }
        assert!(!rel.ends_with(".md"), "a new Markdown file: {rel}");
        let (post, pid) = stray_of(rel).unwrap_or_else(|| panic!("an unexpected new file: {rel}"));
        assert!(pids.contains(&pid), "{rel}: not from a killed run {pids:?}");
        let want = fixed
            .get(&post)
            .unwrap_or_else(|| panic!("{rel} is beside no post with a fix"));
        assert!(
            want.starts_with(bytes),
            "{rel} holds something other than the start of {post}'s fixed text"
        );
        strays.push(rel.clone());
    }
    (tally, strays)
}

fn restore(site: &Path, originals: &BTreeMap<String, Vec<u8>>, fixed: &BTreeMap<String, Vec<u8>>) {
    for rel in fixed.keys() {
        std::fs::write(site.join(rel), &originals[rel]).unwrap();
    }
}

#[test]
fn a_killed_fix_leaves_each_file_old_or_new() {
    let (dir, tmpfs) = site_folder();
    // Without a tmpfs every write is flushed to disk: fewer posts keep the
    // rounds short.
    let posts = if tmpfs { 2000 } else { 400 };
    let site: PathBuf = dir.path().join("site");
    let expected = gensite::generate(
        &site,
        &gensite::Options {
            posts,
            seed: SEED,
            defects: 1.0,
            kinds: Some(vec!["image-case".into()]),
            all_kinds: false,
        },
    )
    .unwrap();
    assert_eq!(expected.len(), posts, "every post has a case-only image");
    let originals = snapshot(&site);
    let fixed: BTreeMap<String, Vec<u8>> = expected
        .iter()
        .map(|e| {
            let old = String::from_utf8(originals[&e.path].clone()).unwrap();
            let new = old.replacen(".JPG)", ".jpg)", 1);
            assert_ne!(old, new, "{}", e.path);
            (e.path.clone(), new.into_bytes())
        })
        .collect();

    // One run to the end: how long a run takes, and that it fixes everything.
    let start = Instant::now();
    let status = fix_command(&site).status().unwrap();
    let typical = start.elapsed();
    assert_eq!(status.code(), Some(0), "the fixed site is clean");
    let (tally, strays) = check_site(&site, &originals, &fixed, &[]);
    assert_eq!((tally.old, tally.new), (0, posts));
    assert!(strays.is_empty(), "{strays:?}");
    eprintln!(
        "{posts} posts on {}; an unkilled --fix takes {typical:?}",
        if tmpfs { "tmpfs" } else { "disk" }
    );

    // Kill rounds. Delays are drawn from a window that starts as the whole
    // run and narrows towards the writes: a kill that found nothing fixed
    // was too early, one that found everything fixed too late.
    let mut rng = Rng::new();
    let (mut lo, mut hi) = (Duration::ZERO, typical);
    let mut pids = Vec::new();
    let mut mid_fix = 0;
    let (mut seen_old, mut seen_new) = (0, 0);
    let mut all_strays = Vec::new();
    for round in 0..ROUNDS {
        restore(&site, &originals, &fixed);
        let delay = lo + (hi - lo).mul_f64(rng.unit());
        let mut child = fix_command(&site).spawn().unwrap();
        pids.push(child.id());
        std::thread::sleep(delay);
        // SIGKILL; the child may already have exited, which is not an error here.
        let _ = child.kill();
        let status = child.wait().unwrap();
        let (tally, strays) = check_site(&site, &originals, &fixed, &pids);
        eprintln!(
            "round {round:2}: killed after {delay:>10.1?} ({status}): {:4} old, {:4} new, {} stray",
            tally.old,
            tally.new,
            strays.len()
        );
        seen_old += tally.old;
        seen_new += tally.new;
        if tally.old > 0 && tally.new > 0 {
            mid_fix += 1;
        } else if tally.new == 0 {
            lo = lo.max(delay);
        } else {
            hi = hi.min(delay);
        }
        if hi.saturating_sub(lo) < Duration::from_millis(2) {
            // Timing varies between runs: widen a window that has closed.
            lo = lo.saturating_sub(typical / 10);
            hi = (hi + typical / 10).min(typical * 2);
        }
        for s in strays {
            if !all_strays.contains(&s) {
                all_strays.push(s);
            }
        }
    }
    eprintln!(
        "{ROUNDS} rounds: {mid_fix} kills landed mid-fix; posts seen {seen_old} old, \
         {seen_new} new; {} temporary files left behind",
        all_strays.len()
    );
    assert!(
        mid_fix >= 1,
        "no kill landed while the files were being written: the test proved nothing"
    );

    // A normal run after the last kill completes the fixes and ignores the
    // temporary files, left behind or planted.
    let planted = "content/posts/.planted.md.pagelint-1.tmp";
    std::fs::write(site.join(planted), "{{< broken\n").unwrap();
    let out = common::pagelint(&site)
        .args(["check", "--fix", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(
        common::exit_code(&out),
        0,
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        report["diagnostics"].as_array().unwrap().len(),
        0,
        "{report}"
    );
    let markdown = originals.keys().filter(|p| p.ends_with(".md")).count();
    assert_eq!(report["files_checked"].as_u64(), Some(markdown as u64));
    let now = snapshot(&site);
    for (rel, new) in &fixed {
        assert_eq!(&now[rel], new, "{rel} is fixed by the next run");
    }
    for s in all_strays.iter().map(String::as_str).chain([planted]) {
        assert!(now.contains_key(s), "{s} is left alone");
    }
}
