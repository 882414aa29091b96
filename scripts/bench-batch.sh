#!/usr/bin/env bash
# Batch benchmark of `ibid refs` (issue 6): 1,000,000 references sampled from
# ../shared/data/train (or generated, without it) through the release build,
# on 1 core and on all cores; records/s, CPU time, peak RSS and the scaling
# factor. Prints a Markdown table for BENCHMARKS.md.
#
#   scripts/bench-batch.sh                 # 1,000,000 references
#   N=100000 scripts/bench-batch.sh        # a quicker run
#   JOBS="1 2 4" scripts/bench-batch.sh    # other thread counts
set -euo pipefail
cd "$(dirname "$0")/.."
N="${N:-1000000}"
CORES=$(nproc)
JOBS="${JOBS:-1 $CORES}"
DIR="${BENCH_DIR:-/tmp/ibid-bench}"
mkdir -p "$DIR"
input="$DIR/refs-$N.txt"

cargo build -q --release -p ibid-cli
if [ ! -s "$input" ]; then
  python3 examples/spark/reference_sample.py "$N" "$input" >&2
fi
lines=$(wc -l <"$input")
bytes=$(wc -c <"$input")
echo "input: $input, $lines references, $bytes bytes; $(nproc) cores: $(lscpu | sed -n 's/^Model name: *//p')"
echo "commit: $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- crates || echo ' (+ uncommitted changes)'); load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| --jobs | wall s | records/s | user+sys CPU s | records per CPU-s | peak RSS MB | output lines |"
echo "|---:|---:|---:|---:|---:|---:|---:|"
base=""
for j in $JOBS; do
  out="$DIR/out-$j.jsonl"
  /usr/bin/time -f "%e %U %S %M" -o "$DIR/time-$j" \
    target/release/ibid refs --quiet --jobs "$j" -o "$out" "$input"
  read -r wall user sys rss <"$DIR/time-$j"
  n=$(wc -l <"$out")
  [ "$n" -eq "$lines" ] || { echo "lost records: $n of $lines with --jobs $j" >&2; exit 1; }
  rate=$(python3 -c "print(f'{$lines/$wall:,.0f}')")
  cpu=$(python3 -c "print(f'{$user+$sys:.1f}')")
  percpu=$(python3 -c "print(f'{$lines/($user+$sys):,.0f}')")
  echo "| $j | $wall | $rate | $cpu | $percpu | $((rss / 1024)) | $n |"
  [ -z "$base" ] && base=$wall
  last=$wall
done
python3 -c "print(f'\nscaling ({\"${JOBS// /→}\"} jobs): {$base/$last:.2f}× wall-clock speed-up')"
cmp -s "$DIR/out-1.jsonl" "$DIR/out-$CORES.jsonl" && echo "outputs of --jobs 1 and --jobs $CORES are byte-identical" || echo "outputs differ between thread counts!"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
