#!/usr/bin/env bash
# Benchmark against a peer: gridplan and METIS (`gpmetis -contig`, Debian metis) on the same unit
# graph of one large community, side by side from one run.
#
#   scripts/bench_peers.sh [BUILDINGS]     default: 20000
#
# A gridplan-synth city of BUILDINGS buildings is run as ONE community (the street outline as the
# community layer); `gridplan partition --export-graph` writes its unit graph (METIS format:
# households as vertex weights, link kinds as edge weights). Then, on that same file:
#   - gpmetis -contig -ufactor=<max/target> with k = round(households / target) parts;
#   - gridplan-partition-graph (gridplan's partition + improve stages alone).
# Both partitions are judged by the same code (below): regions, share within [min, max],
# regions not contiguous, partition time. End to end: the whole gridplan run against
# `ogr2ogr -f GeoJSON` copying the same buildings.
# Env: SEED (default 1), BENCH_DIR (default bench/peers), GRIDPLAN_BUILD (default build/),
# MIN/MAX/TARGET (default 300/500/400).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
n=${1:-20000}
seed=${SEED:-1}
min=${MIN:-300}; max=${MAX:-500}; target=${TARGET:-400}
work=${BENCH_DIR:-$root/bench/peers}
build=${GRIDPLAN_BUILD:-$root/build}
bash "$root/scripts/setup.sh"
[[ -x $build/gridplan && -x $build/gridplan-synth && -x $build/gridplan-partition-graph ]] ||
  bash "$root/scripts/build.sh" "$build"
mkdir -p "$work"
# CPU seconds (user + system, all threads) of a `/usr/bin/time -v` log.
cpu() { awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.2f", s }' "$1"; }
wall() { grep 'Elapsed (wall clock)' "$1" | sed 's/.*): //' | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.2f", s }'; }

city=$work/city-s$seed-n$n
if [[ ! -f $city/done ]]; then
  echo "bench_peers: generating $n buildings (seed $seed)" >&2
  rm -rf "$city"
  "$build/gridplan-synth" --seed "$seed" --buildings "$n" --out "$city" > "$city.json"
  touch "$city/done"
fi
run=$work/run-s$seed-n$n
rm -rf "$run"; mkdir -p "$run"

echo "bench_peers: ogr2ogr -f GeoJSON (the I/O floor)" >&2
/usr/bin/time -v -o "$run/ogr2ogr.time" ogr2ogr -f GeoJSON "$run/buildings.geojson" "$city/buildings.shp"
rm -f "$run/buildings.geojson"

echo "bench_peers: gridplan partition, one community" >&2
/usr/bin/time -v -o "$run/gridplan.time" "$build/gridplan" partition -v \
  --buildings "$city/buildings.shp" --buildings-id-field bld_id \
  --use-field use --floors-field floors --height-field height --households-field households \
  --communities "$city/street.shp" --compounds "$city/compounds.shp" --compounds-id-field cmp_id \
  --barriers "$city/barriers.shp" --min "$min" --max "$max" --target "$target" \
  --export-graph "$run/unit" --out "$run/out" 2> "$run/gridplan.log" || { cat "$run/gridplan.log" >&2; exit 1; }
graph=$run/unit-0.graph
[[ -f $graph && ! -f $run/unit-1.graph ]] || { echo "bench_peers: expected exactly one community graph" >&2; exit 1; }

households=$(awk 'NR > 1 && !/^%/ { s += $1 } END { print s }' "$graph")
k=$(( (households + target / 2) / target ))
# METIS balances to at most (1 + ufactor/1000) x average; max / target is the bounds' ceiling.
ufactor=$(( (max * 1000) / target - 1000 ))
echo "bench_peers: gpmetis -contig, k = $k (households $households / target $target), ufactor $ufactor" >&2
gpmetis -contig -ufactor="$ufactor" -seed="$seed" "$graph" "$k" > "$run/gpmetis.log" 2>&1 ||
  { cat "$run/gpmetis.log" >&2; exit 1; }
# METIS ignores -contig on a graph that is not connected (and says so in its log).
metis_contig=applied
grep -q 'option will be ignored' "$run/gpmetis.log" && metis_contig="ignored (input graph not connected)"
metis_s=$(sed -n 's/.*Partitioning:[[:space:]]*\([0-9.]*\) sec.*/\1/p' "$run/gpmetis.log" | head -1)

echo "bench_peers: gridplan-partition-graph on the same file" >&2
"$build/gridplan-partition-graph" "$graph" "$run/unit-0.xy" --out "$run/gridplan.part" \
  --min "$min" --max "$max" --target "$target" --seed "$seed" > "$run/gridplan-graph.json"
# METIS's "Partitioning" figure is CPU time (GKlib's CPU timer), so gridplan's CPU time (all its
# threads) is set against it; gridplan's wall time is printed below the table.
gridplan_s=$(sed -n 's/.*"cpu_seconds": \([0-9.]*\).*/\1/p' "$run/gridplan-graph.json")
gridplan_wall=$(sed -n 's/.*"seconds": \([0-9.]*\).*/\1/p' "$run/gridplan-graph.json")

# One judge for both: regions, regions within [min, max], regions not contiguous.
judge() {
  python3 - "$graph" "$1" "$min" "$max" <<'PY'
import sys
from collections import defaultdict
graph, part_file, lo, hi = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
lines = [l for l in open(graph) if not l.startswith('%')]
n = int(lines[0].split()[0])
weight, adj = [], []
for l in lines[1:n + 1]:
    f = [int(x) for x in l.split()]
    weight.append(f[0]); adj.append([v - 1 for v in f[1::2]])
part = [int(l) for l in open(part_file)]
members = defaultdict(list)
for u, p in enumerate(part):
    members[p].append(u)
within = sum(lo <= sum(weight[u] for u in m) <= hi for m in members.values())
broken = 0
for p, m in members.items():
    seen, stack = {m[0]}, [m[0]]
    while stack:
        u = stack.pop()
        for v in adj[u]:
            if part[v] == p and v not in seen:
                seen.add(v); stack.append(v)
    broken += len(seen) != len(m)
print(len(members), within, broken)
PY
}
read -r m_regions m_within m_broken < <(judge "$run/$(basename "$graph").part.$k")
read -r g_regions g_within g_broken < <(judge "$run/gridplan.part")
gp_wall=$(wall "$run/gridplan.time"); og_wall=$(wall "$run/ogr2ogr.time")
gp_cpu=$(cpu "$run/gridplan.time"); og_cpu=$(cpu "$run/ogr2ogr.time")
# A stage's CPU seconds from the -v stage log ("[..] tile: ... [0.601 s, cpu 0.805 s]").
stage_cpu() { sed -n "s/^\[[0-9:]*\] $1: .*cpu \([0-9.]*\) s\]\$/\1/p" "$run/gridplan.log" | head -1; }
# One line for scripts/bench_scaling.sh: buildings, gridplan CPU, wall, ogr2ogr CPU, wall,
# partition and tile stage CPU.
echo "$n $gp_cpu $gp_wall $og_cpu $og_wall $(stage_cpu partition) $(stage_cpu tile)" > "$run/end_to_end.txt"
units=$(head -1 "$graph" | awk '{ print $1 }')
{
  echo "One community of $n buildings (seed $seed): $units units, $households households, bounds [$min, $max], target $target."
  echo
  echo "| | regions | within bounds | within bounds % | not contiguous | partition CPU s |"
  echo "|---|---:|---:|---:|---:|---:|"
  awk -v r="$m_regions" -v w="$m_within" -v b="$m_broken" -v s="$metis_s" -v k="$k" \
    'BEGIN { printf "| gpmetis -contig (k = %d) | %d | %d | %.1f | %d | %s |\n", k, r, w, 100 * w / r, b, s }'
  awk -v r="$g_regions" -v w="$g_within" -v b="$g_broken" -v s="$gridplan_s" \
    'BEGIN { printf "| gridplan partition + improve | %d | %d | %.1f | %d | %s |\n", r, w, 100 * w / r, b, s }'
  echo
  echo "gpmetis -contig: $metis_contig."
  echo "gridplan partition + improve wall time: $gridplan_wall s (load average $(cut -d' ' -f1 /proc/loadavg))."
  awk -v g="$gp_wall" -v o="$og_wall" \
    'BEGIN { printf "End to end: gridplan %.2f s wall, ogr2ogr copy %.2f s: %.2fx.\n", g, o, g / o }'
  awk -v g="$gp_cpu" -v o="$og_cpu" \
    'BEGIN { printf "End to end CPU: gridplan %.2f s, ogr2ogr copy %.2f s: %.2fx.\n", g, o, g / o }'
  echo "gridplan's out-of-bounds grids by cause (report.json): $(jq -c '.bounds' "$run/out/report.json")"
} | tee "$run/results.md"
