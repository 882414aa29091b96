//! Batch runs of the binary: JSON Lines in and out, order, error records,
//! gzip, and a run killed with SIGKILL then resumed.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn ibid() -> Command {
    Command::new(env!("CARGO_BIN_EXE_ibid"))
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ibid-batch-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Synthetic references of varied shapes (no corpus text).
fn synthetic_reference(i: usize) -> String {
    let names = [
        "Taylor, A. J. P.",
        "Watt, D. C.",
        "Parker, R. A. C.",
        "Braudel, Fernand",
        "Chabod, F.",
    ];
    let titles = [
        "The Origins of the Second World War",
        "How War Came",
        "Chamberlain and Appeasement",
        "La Méditerranée",
        "Storia della politica estera",
    ];
    let places = ["London", "Oxford", "Paris", "Bari", "Basingstoke"];
    match i % 4 {
        0 => format!(
            "{}, {} (London, {}), p. {}.",
            names[i % 5],
            titles[(i / 5) % 5],
            1900 + i % 120,
            i % 400
        ),
        1 => format!(
            "{}, ‘{} {}’, Journal of Studies, {} ({}), pp. {}–{}.",
            names[i % 5],
            titles[i % 5],
            i,
            i % 60,
            1950 + i % 70,
            i % 300,
            i % 300 + 20
        ),
        2 => format!(
            "{} to {}, {} May 19{:02}, FO 371/{}.",
            names[i % 5],
            names[(i + 1) % 5],
            1 + i % 28,
            i % 100,
            10000 + i
        ),
        _ => format!(
            "{}, {}, {}, {}.",
            names[i % 5],
            titles[(i / 3) % 5],
            places[i % 5],
            1800 + i % 200
        ),
    }
}

fn write_lines(path: &Path, n: usize) {
    let mut f = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    for i in 0..n {
        writeln!(f, "{}", synthetic_reference(i)).unwrap();
    }
}

#[test]
fn jsonl_records_keep_ids_keys_and_order_with_error_records() {
    let dir = temp_dir("jsonl");
    let input = dir.join("in.jsonl");
    let mut text = String::new();
    for i in 0..500 {
        text.push_str(&serde_json::json!({"id": format!("a{i}"), "text": synthetic_reference(i), "source": "test"}).to_string());
        text.push('\n');
    }
    text.push_str("{not json\n");
    text.push_str("{\"id\": 9, \"nottext\": 1}\n");
    std::fs::write(&input, text).unwrap();
    let out = ibid()
        .args([
            "refs",
            "--input",
            "jsonl",
            "--jobs",
            "3",
            input.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 502);
    for (i, v) in lines.iter().take(500).enumerate() {
        assert_eq!(v["id"], format!("a{i}"));
        assert_eq!(v["source"], "test");
        assert!(v["item"]["type"].is_string());
    }
    assert!(lines[500]["error"]["message"]
        .as_str()
        .unwrap()
        .contains("not JSON"));
    assert_eq!(lines[501]["id"], 9);
    assert!(lines[501]["error"].is_object());
    let summary = String::from_utf8_lossy(&out.stderr);
    assert!(summary.contains("502 records, 2 errors"), "{summary}");

    // notes documents per record
    let notes = dir.join("notes.jsonl");
    std::fs::write(
        &notes,
        "{\"id\":\"d1\",\"text\":\"1 Taylor, Origins (London, 1961), p. 3.\\n2 Ibid., p. 4.\"}\n",
    )
    .unwrap();
    let out = ibid()
        .args(["parse", "--input", "jsonl", "-q", notes.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["id"], "d1");
    assert_eq!(v["document"]["notes"][1]["citations"][0]["kind"], "ibid");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn gzip_in_and_out() {
    let dir = temp_dir("gzip");
    let plain = dir.join("refs.txt");
    write_lines(&plain, 300);
    let gz = dir.join("refs.txt.gz");
    let status = Command::new("gzip")
        .args(["-k", "-c"])
        .arg(&plain)
        .stdout(std::fs::File::create(&gz).unwrap())
        .status();
    if !status.is_ok_and(|s| s.success()) {
        eprintln!("SKIPPED gzip_in_and_out: no gzip on this machine");
        return;
    }
    let out_gz = dir.join("out.jsonl.gz");
    let a = ibid()
        .args([
            "refs",
            "-q",
            "-o",
            out_gz.to_str().unwrap(),
            gz.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(a.status.success(), "{}", String::from_utf8_lossy(&a.stderr));
    let b = ibid()
        .args(["refs", "-q", plain.to_str().unwrap()])
        .output()
        .unwrap();
    let unzipped = Command::new("gzip")
        .args(["-d", "-c"])
        .arg(&out_gz)
        .output()
        .unwrap();
    assert_eq!(unzipped.stdout, b.stdout);
    assert_eq!(b.stdout.iter().filter(|&&c| c == b'\n').count(), 300);
    // a corrupt gzip file is one clear error
    let bad = dir.join("bad.gz");
    std::fs::write(&bad, [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3]).unwrap();
    let c = ibid()
        .args(["refs", "-q", bad.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(c.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&c.stderr).contains("gzip"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn killed_run_resumes_to_the_exact_full_output() {
    let dir = temp_dir("resume");
    let input = dir.join("refs.txt");
    let n = 60_000;
    write_lines(&input, n);
    let full = dir.join("full.jsonl");
    let partial = dir.join("partial.jsonl");
    let status = ibid()
        .args([
            "refs",
            "-q",
            "--jobs",
            "2",
            "-o",
            full.to_str().unwrap(),
            input.to_str().unwrap(),
        ])
        .status()
        .unwrap();
    assert!(status.success());

    // start, wait until some output is written, then SIGKILL
    let mut child = ibid()
        .args([
            "refs",
            "-q",
            "--jobs",
            "2",
            "-o",
            partial.to_str().unwrap(),
            input.to_str().unwrap(),
        ])
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    let started = Instant::now();
    loop {
        let len = std::fs::metadata(&partial).map(|m| m.len()).unwrap_or(0);
        if len > 64 * 1024 || started.elapsed() > Duration::from_secs(60) {
            break;
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    child.kill().unwrap(); // SIGKILL on Unix
    let _ = child.wait();
    let killed = std::fs::read(&partial).unwrap();
    let full_bytes = std::fs::read(&full).unwrap();
    assert!(
        killed.len() < full_bytes.len(),
        "the run finished before it was killed; make the input larger"
    );

    let status = ibid()
        .args([
            "refs",
            "-q",
            "--resume",
            "--jobs",
            "2",
            "-o",
            partial.to_str().unwrap(),
            input.to_str().unwrap(),
        ])
        .status()
        .unwrap();
    assert!(status.success());
    let resumed = std::fs::read(&partial).unwrap();
    assert_eq!(resumed.iter().filter(|&&c| c == b'\n').count(), n);
    assert!(
        resumed == full_bytes,
        "resumed output differs from the full run"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
