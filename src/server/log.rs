//! The server's log, on standard error (editors show it as the server's
//! output). `PAGELINT_LOG=debug|info|warn|error` sets how much (default
//! `info`); `debug` adds one line per lint with its time.

use std::io::Write;
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    Error,
    Warn,
    Info,
    Debug,
}

fn threshold() -> Level {
    static LEVEL: OnceLock<Level> = OnceLock::new();
    *LEVEL.get_or_init(|| {
        match std::env::var("PAGELINT_LOG")
            .unwrap_or_default()
            .to_ascii_lowercase()
            .as_str()
        {
            "error" => Level::Error,
            "warn" | "warning" => Level::Warn,
            "debug" | "trace" => Level::Debug,
            _ => Level::Info,
        }
    })
}

pub fn enabled(level: Level) -> bool {
    level <= threshold()
}

pub fn log(level: Level, message: &str) {
    if enabled(level) {
        let tag = match level {
            Level::Error => "error",
            Level::Warn => "warning",
            Level::Info => "info",
            Level::Debug => "debug",
        };
        let _ = writeln!(
            std::io::stderr().lock(),
            "pagelint server: {tag}: {message}"
        );
    }
}

pub fn error(message: &str) {
    log(Level::Error, message);
}

pub fn warn(message: &str) {
    log(Level::Warn, message);
}

pub fn info(message: &str) {
    log(Level::Info, message);
}

pub fn debug(message: &str) {
    log(Level::Debug, message);
}
