//! Hugo versions, for the behaviour that changed between releases.

use std::fmt;
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct HugoVersion {
    pub major: u32,
    pub minor: u32,
}

impl HugoVersion {
    /// The newest release whose behaviour pagelint knows (hugo-behaviour.md).
    pub const LATEST: HugoVersion = HugoVersion::new(0, 160);

    pub const fn new(major: u32, minor: u32) -> Self {
        HugoVersion { major, minor }
    }

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
