//! Hugo versions, for the behaviour that changed between releases.

use std::fmt;
use std::str::FromStr;

/// A Hugo release as `major.minor` (the patch level is not kept). Ordered by
/// major, then minor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct HugoVersion {
    /// `0` for every release so far.
    pub major: u32,
    /// The release, e.g. `111` for 0.111.3.
    pub minor: u32,
}

impl HugoVersion {
    /// The newest release whose behaviour pagelint knows: the default when
    /// neither `--hugo-version` nor `hugo-version` says otherwise.
    pub const LATEST: HugoVersion = HugoVersion::new(0, 160);

    /// The release `major.minor`.
    pub const fn new(major: u32, minor: u32) -> Self {
        HugoVersion { major, minor }
    }

    /// Whether this is 0.`minor` or later (any 1.x counts as later).
    pub fn at_least(self, minor: u32) -> bool {
        self >= HugoVersion::new(0, minor)
    }
}

impl Default for HugoVersion {
    fn default() -> Self {
        HugoVersion::LATEST
    }
}

impl fmt::Display for HugoVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.major, self.minor)
    }
}

impl FromStr for HugoVersion {
    type Err = String;

    /// Accepts `0.111`, `0.111.3`, `v0.146.0`; the patch level is ignored.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || format!("`{s}` is not a Hugo version like 0.146 or 0.111.3");
        let t = s.trim().trim_start_matches('v');
        let mut parts = t.split('.');
        let major = parts.next().and_then(|p| p.parse().ok()).ok_or_else(bad)?;
        let minor = parts.next().and_then(|p| p.parse().ok()).ok_or_else(bad)?;
        if let Some(patch) = parts.next() {
            patch.parse::<u32>().map_err(|_| bad())?;
        }
        if parts.next().is_some() {
            return Err(bad());
        }
        Ok(HugoVersion { major, minor })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_orders() {
        let v: HugoVersion = "0.111.3".parse().unwrap();
        assert_eq!(v, HugoVersion::new(0, 111));
        assert!(v < "v0.146".parse().unwrap());
        assert!("0.x".parse::<HugoVersion>().is_err());
        assert!("1".parse::<HugoVersion>().is_err());
    }
}
