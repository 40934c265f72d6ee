#!/usr/bin/env bash
# Scaling of one large community: scripts/bench_peers.sh (the same city generation and gridplan
# command line) at several sizes, end to end against the `ogr2ogr -f GeoJSON` copy.
#
#   scripts/bench_scaling.sh [BUILDINGS...]     default: 5000 10000 20000 40000
#
# Prints buildings, gridplan CPU s (user + system, all threads), wall s, ogr2ogr CPU s, the CPU
# ratio, gridplan CPU per 1,000 buildings (flat when the run scales linearly), and the CPU of
# the partition and tile stages (from the -v stage log).
# Env: as bench_peers.sh (SEED, BENCH_DIR, GRIDPLAN_BUILD, MIN/MAX/TARGET).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
sizes=("$@")
[[ ${#sizes[@]} -gt 0 ]] || sizes=(5000 10000 20000 40000)
seed=${SEED:-1}
work=${BENCH_DIR:-$root/bench/peers}
rows=()
for n in "${sizes[@]}"; do
  bash "$root/scripts/bench_peers.sh" "$n" > "$work.scaling-$n.log" 2>&1 ||
    { cat "$work.scaling-$n.log" >&2; exit 1; }
  rows+=("$(cat "$work/run-s$seed-n$n/end_to_end.txt")")
done
echo "| buildings | gridplan CPU s | gridplan wall s | ogr2ogr CPU s | ratio (CPU) | CPU s / 1000 buildings | partition CPU s | tile CPU s |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|"
for row in "${rows[@]}"; do
  echo "$row" | awk '{ printf "| %d | %.2f | %.2f | %.2f | %.2fx | %.3f | %.2f | %.2f |\n", $1, $2, $3, $4, $2 / $4, 1000 * $2 / $1, $6, $7 }'
done
echo
echo "load average $(cut -d' ' -f1 /proc/loadavg) at the end"
