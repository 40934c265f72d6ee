#!/usr/bin/env bash
# Capacity figures for a provincial or national batch (BENCHMARKS.md "Capacity"): the CPU cost of
# one street as `gridplan batch` runs it (a child `gridplan partition -j 1` per street), on
# synthetic streets (gridplan-synth) of a few sizes, each run REPEAT times (the median CPU time
# counts); a least-squares line CPU = per_street + per_building x buildings; and what a national
# run of STREETS streets and BUILDINGS buildings needs in CPU hours, node-hours and wall time.
# Usage: scripts/bench_capacity.sh [SIZES...]   (default 1000 2500 5000 20000; seeds 11, 12, ...)
# Env: GRIDPLAN, GRIDPLAN_SYNTH (executables; default build/), BENCH_DIR (bench-capacity),
# REPEAT (3), STREETS (40000), BUILDINGS (100000000), CORES (32 per node), NODES ("1 2 10 50").
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$root/build
exe=${GRIDPLAN:-$build/gridplan}
synth=${GRIDPLAN_SYNTH:-$build/gridplan-synth}
[[ -x $exe && -x $synth ]] || bash "$root/scripts/build.sh" "$build"
work=${BENCH_DIR:-$root/bench-capacity}
mkdir -p "$work"
sizes=("$@")
((${#sizes[@]})) || sizes=(1000 2500 5000 20000)
repeat=${REPEAT:-3}
streets=${STREETS:-40000}
buildings=${BUILDINGS:-100000000}
cores=${CORES:-32}
nodes=(${NODES:-1 2 10 50})
points=$work/points.tsv
: >"$points"
printf '| street buildings | CPU s (user+sys, median of %d) | wall s | CPU s per 1,000 buildings |\n|---:|---:|---:|---:|\n' "$repeat"
seed=10
for n in "${sizes[@]}"; do
  seed=$((seed + 1))
  city=$work/street-$n
  [[ -f $city/buildings.shp ]] || "$synth" --seed "$seed" --buildings "$n" --out "$city" >/dev/null
  : >"$work/runs-$n"
  for _ in $(seq "$repeat"); do
    rm -rf "$work/out-$n"
    /usr/bin/time -f '%U %S %e' -o "$work/time-$n" "$exe" partition -j 1 -q \
      --buildings "$city/buildings.shp" --buildings-id-field bld_id --use-field use --floors-field floors \
      --height-field height --households-field households --communities "$city/communities.shp" \
      --communities-id-field comm_id --street "$city/street.shp" --compounds "$city/compounds.shp" \
      --compounds-id-field cmp_id --barriers "$city/barriers.shp" --out "$work/out-$n"
    awk '{ print $1 + $2, $3 }' "$work/time-$n" >>"$work/runs-$n"
  done
  read -r cpu wall < <(sort -n "$work/runs-$n" | awk -v r="$repeat" 'NR == int((r + 1) / 2)')
  printf '%s\t%s\n' "$n" "$cpu" >>"$points"
  printf '| %d | %.2f | %.2f | %.3f |\n' "$n" "$cpu" "$wall" "$(awk -v c="$cpu" -v n="$n" 'BEGIN { print c * 1000 / n }')"
done
# Least squares over the sizes: CPU = a + b * buildings.
read -r a b < <(awk '{ n++; sx += $1; sy += $2; sxx += $1 * $1; sxy += $1 * $2 }
  END { b = (n * sxy - sx * sy) / (n * sxx - sx * sx); print (sy - b * sx) / n, b }' "$points")
cpu_s=$(awk -v a="$a" -v b="$b" -v s="$streets" -v n="$buildings" 'BEGIN { print a * s + b * n }')
printf '\nFit: %.3f CPU s per street + %.4f CPU s per 1,000 buildings.\n' "$a" "$(awk -v b="$b" 'BEGIN { print b * 1000 }')"
printf '%d streets, %d buildings: %.0f CPU s = %.2f CPU hours = %.3f node-hours at %d cores per node.\n\n' \
  "$streets" "$buildings" "$cpu_s" "$(awk -v c="$cpu_s" 'BEGIN { print c / 3600 }')" \
  "$(awk -v c="$cpu_s" -v k="$cores" 'BEGIN { print c / 3600 / k }')" "$cores"
printf '| nodes x %d cores | wall time (CPU / cores, perfect balance) | streets per core |\n|---:|---:|---:|\n' "$cores"
for N in "${nodes[@]}"; do
  awk -v c="$cpu_s" -v N="$N" -v k="$cores" -v s="$streets" \
    'BEGIN { printf "| %d | %.1f min | %.0f |\n", N, c / (N * k) / 60, s / (N * k) }'
done
