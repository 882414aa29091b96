//! `ibid serve`: the HTTP service (GROBID-compatible citation endpoints,
//! the notes API and the web page).

use anyhow::Result;
use clap::Args;
use std::net::IpAddr;
use std::process::ExitCode;
use std::time::Duration;

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1")]
    pub host: IpAddr,
    /// Port to listen on (GROBID's 8070 by default; 0 picks a free one).
    #[arg(short, long, default_value_t = 8070)]
    pub port: u16,
    /// Largest request body (bytes, or with a unit: 10MB, 512KiB); larger bodies get 413.
    #[arg(long, value_name = "SIZE", default_value = "10MB", value_parser = ibid_server::parse_size)]
    pub max_body: usize,
    /// Longest time a request may take, in seconds; then 504.
    #[arg(long, value_name = "SECS", default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..))]
    pub timeout_secs: u64,
    /// Requests parsed at once (default: twice the cores).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    pub max_concurrent: Option<u64>,
    /// Requests that may wait for a parsing slot (default: 16 × --max-concurrent); beyond, 503 with Retry-After at once. 0: never wait.
    #[arg(long, value_name = "N")]
    pub max_waiting: Option<u64>,
    /// Longest wait for a parsing slot, in milliseconds (GROBID's poolMaxWait); then 503 with Retry-After.
    #[arg(long, value_name = "MS", default_value_t = 1000)]
    pub queue_wait_ms: u64,
    /// Log level: error, warn, info (one line per request), debug, trace.
    #[arg(long, value_name = "LEVEL", default_value = "info")]
    pub log_level: String,
}

pub fn run(args: &ServeArgs) -> Result<ExitCode> {
    ibid_server::init_logging(&args.log_level)?;
    let size = |n: u64| usize::try_from(n).unwrap_or(usize::MAX);
    let max_concurrent = args
        .max_concurrent
        .map_or_else(ibid_server::default_concurrency, size);
    let config = ibid_server::ServerConfig {
        host: args.host,
        port: args.port,
        max_body: args.max_body,
        timeout: Duration::from_secs(args.timeout_secs),
        max_concurrent,
        max_waiting: args
            .max_waiting
            .map_or(max_concurrent.saturating_mul(16), size),
        queue_wait: Duration::from_millis(args.queue_wait_ms),
        ..ibid_server::ServerConfig::default()
    };
    ibid_server::run(config)?;
    Ok(ExitCode::SUCCESS)
}
