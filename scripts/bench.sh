#!/usr/bin/env bash
# Benchmark: `gridplan partition` end to end on synthetic cities (gridplan-synth) against the I/O
# floor, `ogr2ogr -f GeoJSON` converting the same buildings, timed in the same run.
#
#   scripts/bench.sh [BUILDINGS...]      default: 10000 100000 1000000
#
# Env: SEED (default 1), BENCH_DIR (default bench/ in the repo; cities are cached there by seed
# and size, runs kept in run-s<seed>-n<size>/), GRIDPLAN_BUILD (default build/), REPORT_ONLY=1
# (no runs: tables from the run folders already in BENCH_DIR). Prints markdown tables (also saved to
# $BENCH_DIR/results.md): wall time and peak RSS of both, their ratio, growth between sizes,
# per-stage wall times (from the -v stage lines) and quality from report.json.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
sizes=("$@")
((${#sizes[@]})) || sizes=(10000 100000 1000000)
seed=${SEED:-1}
work=${BENCH_DIR:-$root/bench}
build=${GRIDPLAN_BUILD:-$root/build}
bash "$root/scripts/setup.sh"
[[ -x $build/gridplan && -x $build/gridplan-synth ]] || bash "$root/scripts/build.sh" "$build"
mkdir -p "$work"

# "h:mm:ss" or "m:ss.ss" from time -v -> seconds
seconds() { awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.2f", s }'; }
wall() { grep 'Elapsed (wall clock)' "$1" | sed 's/.*): //' | seconds; }
cpu() { awk '/User time|System time/ { s += $NF } END { printf "%.2f", s }' "$1"; }
rss_mib() { awk '/Maximum resident set size/ { printf "%.0f", $NF / 1024 }' "$1"; }
# Wall seconds of a stage from the -v log: "[00:12] partition: ... [1.234 s]"
# (the CPU seconds "cpu 1.201 s" when CPU=1 is set; older binaries print wall only).
stage() { { grep -m1 -E "\] $1: .*\[[0-9.]+ s(, cpu [0-9.]+ s)?\]$" "$2" || true; } | sed -n 's/.*\[\([0-9.]*\) s\(, cpu \([0-9.]*\) s\)\{0,1\}\]$/\1 \3/p' | awk -v cpu="${CPU:-0}" '{ print (cpu && $2 != "") ? $2 : $1 }'; }

summary=$work/summary.tsv
: > "$summary"
stages_md=""
for n in "${sizes[@]}"; do
  [[ ${REPORT_ONLY:-0} == 1 ]] && break
  city=$work/city-s$seed-n$n
  if [[ ! -f $city/done ]]; then
    echo "bench: generating $n buildings (seed $seed) into $city" >&2
    rm -rf "$city"
    /usr/bin/time -v -o "$work/synth-$n.time" "$build/gridplan-synth" --seed "$seed" --buildings "$n" --out "$city" > "$city.json"
    touch "$city/done"
  fi
  run=$work/run-s$seed-n$n
  rm -rf "$run"
  mkdir -p "$run"

  echo "bench: $n buildings: ogr2ogr -f GeoJSON" >&2
  /usr/bin/time -v -o "$run/ogr2ogr.time" ogr2ogr -f GeoJSON "$run/buildings.geojson" "$city/buildings.shp"
  rm -f "$run/buildings.geojson"

  echo "bench: $n buildings: gridplan partition" >&2
  /usr/bin/time -v -o "$run/gridplan.time" "$build/gridplan" partition -v \
    --buildings "$city/buildings.shp" --buildings-id-field bld_id \
    --use-field use --floors-field floors --height-field height --households-field households \
    --communities "$city/communities.shp" --communities-id-field comm_id \
    --street "$city/street.shp" --compounds "$city/compounds.shp" --compounds-id-field cmp_id \
    --barriers "$city/barriers.shp" --street-code 310105001 \
    --out "$run/out" 2> "$run/gridplan.log" || { cat "$run/gridplan.log" >&2; exit 1; }
done

for n in "${sizes[@]}"; do
  run=$work/run-s$seed-n$n
  [[ -f $run/out/report.json ]] || { echo "bench: no finished run in $run" >&2; continue; }
  gp=$(wall "$run/gridplan.time"); og=$(wall "$run/ogr2ogr.time")
  report=$run/out/report.json
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$n" "$gp" "$(rss_mib "$run/gridplan.time")" "$og" \
    "$(rss_mib "$run/ogr2ogr.time")" "$(jq '.summary.households_in_grids_within_bounds_pct' "$report")" \
    "$(jq '.summary.mean_polsby_popper' "$report")" "$(jq '.summary.grids' "$report")" \
    "$(jq '.summary.households' "$report")" "$(cpu "$run/gridplan.time")" "$(cpu "$run/ogr2ogr.time")" >> "$summary"
  improve=$(sed -n 's/.*] partition:.*(improve \(cpu \)\{0,1\}\([0-9.]*\) s of it[,)].*/\2/p' "$run/gridplan.log")
  for CPU in 0 1; do
    part=$(CPU=$CPU stage partition "$run/gridplan.log")
    row="| $n | $( ((CPU)) && echo CPU || echo wall)"
    for s in load classify place graph; do row+=" | $(CPU=$CPU stage $s "$run/gridplan.log")"; done
    row+=" | $(awk -v a="$part" -v b="$improve" 'BEGIN { printf "%.3f", a - b }') | $improve"
    for s in dedicate tile organize audit write; do row+=" | $(CPU=$CPU stage $s "$run/gridplan.log")"; done
    stages_md+="$row | $( ((CPU)) && cpu "$run/gridplan.time" || echo "$gp") |"$'\n'
  done
done

{
  echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'), $(free -g | awk '/Mem:/ { print $2 }') GiB RAM; seed $seed; $(date -u +%Y-%m-%d)"
  echo
  echo "Wall times depend on what else runs on the machine; CPU = user + system seconds. ogr2ogr is single-threaded; gridplan runs on every core (-j default), so its CPU can exceed its wall time."
  echo
  echo "| buildings | households | gridplan wall s | gridplan CPU s | gridplan peak MiB | ogr2ogr wall s | ogr2ogr CPU s | ogr2ogr peak MiB | gridplan / ogr2ogr (wall; CPU) | CPU growth vs previous size | grids | households within bounds % | mean Polsby-Popper |"
  echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  awk -F'\t' '{
    ratio = ($4 > 0 ? sprintf("%.1f", $2 / $4) : "-") "; " ($11 > 0 ? sprintf("%.1f", $10 / $11) : "-")
    growth = prev_t > 0 ? sprintf("%.1fx for %.0fx buildings", $10 / prev_t, $1 / prev_n) : "-"
    printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", $1, $9, $2, $10, $3, $4, $11, $5, ratio, growth, $8, $6, $7
    prev_t = $10; prev_n = $1 }' "$summary"
  echo
  echo "Per-stage seconds, wall and CPU (the -v stage lines; classify includes estimate; organize = codes; improve is CPU time in both rows (wall in older logs), subtracted from partition):"
  echo
  echo "| buildings | time | load | classify | place | graph | partition | improve | dedicate | tile | organize | audit | write | total |"
  echo "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  printf '%s' "$stages_md"
} | tee "$work/results.md"
