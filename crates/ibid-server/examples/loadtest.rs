//! A bounded load test of `processCitation` against a server on this
//! machine: N requests at concurrency C, cycling through reference strings;
//! prints requests/s, latency percentiles and the error count.
//!
//! ```text
//! cargo run --release -p ibid-server --example loadtest -- \
//!     --url http://127.0.0.1:8070 --requests 20000 --concurrency 64
//! ```
//!
//! Only loopback addresses are accepted, and the run stops after
//! `--max-secs` whatever the count.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

struct Args {
    url: String,
    requests: usize,
    concurrency: usize,
    max_secs: u64,
    references: String,
}

fn usage() -> ! {
    eprintln!(
        "usage: loadtest --url http://127.0.0.1:PORT [--requests 20000] [--concurrency 64] [--max-secs 600] [--references FILE]"
    );
    std::process::exit(2)
}

fn parse_args() -> Args {
    let mut a = Args {
        url: String::new(),
        requests: 20_000,
        concurrency: 64,
        max_secs: 600,
        references: concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/references.txt").into(),
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let value = it.next().unwrap_or_else(|| usage());
        match flag.as_str() {
            "--url" => a.url = value.trim_end_matches('/').to_string(),
            "--requests" => a.requests = value.parse().unwrap_or_else(|_| usage()),
            "--concurrency" => a.concurrency = value.parse().unwrap_or_else(|_| usage()),
            "--max-secs" => a.max_secs = value.parse().unwrap_or_else(|_| usage()),
            "--references" => a.references = value,
            _ => usage(),
        }
    }
    if a.url.is_empty() || a.concurrency == 0 {
        usage();
    }
    a
}

/// Only this machine: 127.0.0.0/8, localhost, [::1].
fn is_loopback(url: &str) -> bool {
    let rest = url.strip_prefix("http://").unwrap_or("");
    let host = if let Some(v6) = rest.strip_prefix('[') {
        v6.split(']').next().unwrap_or("")
    } else {
        rest.split([':', '/']).next().unwrap_or("")
    };
    host == "localhost"
        || host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

fn percentile(sorted: &[u32], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    f64::from(sorted[rank.clamp(1, sorted.len()) - 1]) / 1000.0
}

#[tokio::main(flavor = "multi_thread")]
async fn main() {
    let args = parse_args();
    if !is_loopback(&args.url) {
        eprintln!("loadtest: {} is not a loopback address; refusing", args.url);
        std::process::exit(2);
    }
    let refs: Vec<String> = std::fs::read_to_string(&args.references)
        .unwrap_or_else(|e| {
            eprintln!("loadtest: {}: {e}", args.references);
            std::process::exit(2)
        })
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(str::to_string)
        .collect();
    if refs.is_empty() {
        eprintln!("loadtest: no references in {}", args.references);
        std::process::exit(2);
    }
    let refs = Arc::new(refs);
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(args.concurrency)
        .timeout(Duration::from_secs(60))
        .build()
        .expect("client");
    let endpoint = format!("{}/api/processCitation", args.url);
    let next = Arc::new(AtomicUsize::new(0));
    let errors = Arc::new(AtomicUsize::new(0));
    let statuses: Arc<Mutex<std::collections::BTreeMap<String, usize>>> = Arc::default();
    let deadline = Instant::now() + Duration::from_secs(args.max_secs);

    // warm-up: one request per connection, not measured
    for i in 0..args.concurrency.min(args.requests) {
        let _ = client
            .post(&endpoint)
            .form(&[("citations", refs[i % refs.len()].as_str())])
            .send()
            .await;
    }

    let start = Instant::now();
    let mut tasks = Vec::new();
    for _ in 0..args.concurrency {
        let (client, endpoint, refs, next, errors, statuses) = (
            client.clone(),
            endpoint.clone(),
            Arc::clone(&refs),
            Arc::clone(&next),
            Arc::clone(&errors),
            Arc::clone(&statuses),
        );
        let total = args.requests;
        tasks.push(tokio::spawn(async move {
            let mut lat = Vec::new();
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= total || Instant::now() > deadline {
                    break;
                }
                let t0 = Instant::now();
                let res = client
                    .post(&endpoint)
                    .form(&[("citations", refs[i % refs.len()].as_str())])
                    .send()
                    .await;
                let key = match res {
                    Ok(r) => {
                        let status = r.status();
                        let ok = status == reqwest::StatusCode::OK && r.bytes().await.is_ok();
                        if !ok {
                            errors.fetch_add(1, Ordering::Relaxed);
                        }
                        status.as_u16().to_string()
                    }
                    Err(e) => {
                        errors.fetch_add(1, Ordering::Relaxed);
                        format!(
                            "transport error ({})",
                            if e.is_timeout() {
                                "timeout"
                            } else {
                                "connect/io"
                            }
                        )
                    }
                };
                lat.push(u32::try_from(t0.elapsed().as_micros()).unwrap_or(u32::MAX));
                *statuses.lock().expect("lock").entry(key).or_default() += 1;
            }
            lat
        }));
    }
    let mut lat: Vec<u32> = Vec::with_capacity(args.requests);
    for t in tasks {
        lat.extend(t.await.expect("worker"));
    }
    let secs = start.elapsed().as_secs_f64();
    lat.sort_unstable();
    let n = lat.len();
    let errors = errors.load(Ordering::Relaxed);
    println!("requests:    {n} (concurrency {})", args.concurrency);
    println!("duration:    {secs:.2} s");
    println!("throughput:  {:.0} requests/s", n as f64 / secs);
    println!(
        "latency:     p50 {:.2} ms, p90 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        percentile(&lat, 50.0),
        percentile(&lat, 90.0),
        percentile(&lat, 99.0),
        percentile(&lat, 100.0)
    );
    println!("errors:      {errors}");
    println!("statuses:    {:?}", statuses.lock().expect("lock"));
    if n < args.requests {
        println!("stopped early at --max-secs {}", args.max_secs);
    }
}
