#!/usr/bin/env bash
# Bounded load test of `ibid serve` on loopback: 20,000 processCitation
# requests at concurrency 64 against the release build.
#
#   scripts/loadtest.sh                      # defaults
#   REQUESTS=5000 CONCURRENCY=16 scripts/loadtest.sh
#   SERVE_ARGS="--max-concurrent 4" scripts/loadtest.sh
set -euo pipefail
cd "$(dirname "$0")/.."
REQUESTS="${REQUESTS:-20000}"
CONCURRENCY="${CONCURRENCY:-64}"
SERVE_ARGS="${SERVE_ARGS:-}"

cargo build -q --release -p ibid-cli
cargo build -q --release -p ibid-server --example loadtest

log=$(mktemp)
# shellcheck disable=SC2086
target/release/ibid serve --host 127.0.0.1 --port 0 --log-level warn $SERVE_ARGS 2>"$log" &
pid=$!
trap 'kill -TERM $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -f "$log"' EXIT
# the address is logged at info; with --log-level warn ask the OS instead
for _ in $(seq 1 100); do
  port=$(ss -ltnpH 2>/dev/null | awk -v p="pid=$pid," '$0 ~ p {split($4, a, ":"); print a[length(a)]; exit}')
  [ -n "${port:-}" ] && break
  sleep 0.1
done
if [ -z "${port:-}" ]; then echo "server did not start"; cat "$log"; exit 1; fi
url="http://127.0.0.1:$port"
curl -fsS "$url/api/isalive" >/dev/null

echo "machine: $(nproc) cores, $(awk '/model name/ {sub(/.*: /, ""); print; exit}' /proc/cpuinfo), $(free -g | awk '/Mem:/ {print $2}') GiB"
echo "server:  target/release/ibid serve $SERVE_ARGS"
echo "client:  loadtest --requests $REQUESTS --concurrency $CONCURRENCY"
target/release/examples/loadtest --url "$url" --requests "$REQUESTS" --concurrency "$CONCURRENCY" --max-secs 600
