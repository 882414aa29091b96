//! The server's settings (`ibid serve` flags).

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::time::Duration;

/// How the server listens and what it allows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServerConfig {
    /// Address to bind (default 127.0.0.1).
    pub host: IpAddr,
    /// Port to bind (default 8070, GROBID's; 0 picks a free port).
    pub port: u16,
    /// Largest request body in bytes (default 10 MB); larger bodies get 413.
    pub max_body: usize,
    /// Longest time one request may take (default 30 s); then 504.
    pub timeout: Duration,
    /// Requests parsed at once (default twice the cores).
    pub max_concurrent: usize,
    /// Requests that may wait for a parsing slot when all are busy (default
    /// 16 × `max_concurrent`); one more gets 503 at once. 0: no waiting.
    pub max_waiting: usize,
    /// Longest wait for a parsing slot (default 1 s, GROBID's `poolMaxWait`);
    /// then 503.
    pub queue_wait: Duration,
    /// The `Retry-After` seconds sent with 503 (default 1, as GROBID advises
    /// for its citation services).
    pub retry_after_secs: u64,
}

impl Default for ServerConfig {
    fn default() -> Self {
        ServerConfig {
            host: IpAddr::V4(Ipv4Addr::LOCALHOST),
            port: 8070,
            max_body: 10 * 1000 * 1000,
            timeout: Duration::from_secs(30),
            max_concurrent: default_concurrency(),
            max_waiting: 16 * default_concurrency(),
            queue_wait: Duration::from_secs(1),
            retry_after_secs: 1,
        }
    }
}

impl ServerConfig {
    /// The socket address to bind.
    pub fn addr(&self) -> SocketAddr {
        SocketAddr::new(self.host, self.port)
    }
}

/// Twice the cores this process may use.
pub fn default_concurrency() -> usize {
    std::thread::available_parallelism().map_or(2, |n| n.get() * 2)
}

/// Read a byte size: `10000000`, `512k`, `10M`, `10MB`, `1GiB` (k/M/G are
/// powers of 1000, Ki/Mi/Gi of 1024; case does not matter).
///
/// ```
/// assert_eq!(ibid_server::parse_size("10MB"), Ok(10_000_000));
/// assert_eq!(ibid_server::parse_size("64KiB"), Ok(65_536));
/// assert!(ibid_server::parse_size("ten").is_err());
/// ```
pub fn parse_size(s: &str) -> Result<usize, String> {
    let t = s.trim();
    let split = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (num, unit) = t.split_at(split);
    let n: u64 = num
        .parse()
        .map_err(|_| format!("{s:?} is not a size (try 10MB, 512KiB or 1000000)"))?;
    let mult: u64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "k" | "kb" => 1000,
        "ki" | "kib" => 1024,
        "m" | "mb" => 1000 * 1000,
        "mi" | "mib" => 1024 * 1024,
        "g" | "gb" => 1000 * 1000 * 1000,
        "gi" | "gib" => 1024 * 1024 * 1024,
        u => return Err(format!("unknown size unit {u:?} in {s:?}")),
    };
    n.checked_mul(mult)
        .and_then(|v| usize::try_from(v).ok())
        .ok_or_else(|| format!("{s:?} is too large"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        assert_eq!(parse_size("0"), Ok(0));
        assert_eq!(parse_size("10M"), Ok(10_000_000));
        assert_eq!(parse_size(" 2 mib "), Ok(2 * 1024 * 1024));
        assert!(parse_size("").is_err());
        assert!(parse_size("5 parsecs").is_err());
        assert!(parse_size("99999999999999999999GB").is_err());
    }

    #[test]
    fn defaults() {
        let c = ServerConfig::default();
        assert_eq!(c.port, 8070);
        assert_eq!(c.max_body, 10_000_000);
        assert!(c.max_concurrent >= 2);
        assert_eq!(c.addr().to_string(), "127.0.0.1:8070");
    }
}
