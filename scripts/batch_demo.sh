#!/usr/bin/env bash
# Batch demo on the bundled Porto data: each of the 4 parishes (C01-C04 of
# shapes/communities.shp) as its own "street", plus one street with a deliberately broken input
# (a buildings file that does not exist). Runs `gridplan batch` and prints the summary; then
# re-runs the batch against the first run (--previous) to show zero moves.
# Usage: scripts/batch_demo.sh [OUT_DIR] [-j N]   (default out/batch_demo)
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$root/out/batch_demo}
shift || true
exe=${GRIDPLAN:-$root/build/gridplan}
[ -x "$exe" ] || bash "$root/scripts/build.sh" "$root/build" >/dev/null
mkdir -p "$out"
out=$(cd "$out" && pwd)

common="--buildings-id-field bld_id --use-field use --floors-field floors --height-field height --communities-id-field comm_id --compounds-id-field cmp_id --street-code PT-PORTO"
manifest=$out/manifest.csv
{
  echo "name,out,buildings,communities,compounds,barriers,communities-where,previous,args"
  for c in C01 C02 C03 C04; do
    echo "parish_$c,streets/$c,$root/shapes/buildings.shp,$root/shapes/communities.shp,$root/shapes/compounds.shp,$root/shapes/barriers.shp,comm_id = '$c',,$common"
  done
  echo "broken,streets/broken,$root/shapes/no_such_buildings.shp,$root/shapes/communities.shp,,,,,$common"
} > "$manifest"
echo "manifest: $manifest"
cat "$manifest"
echo
echo "== first run =="
"$exe" batch "$manifest" "$@"
echo "exit code: $?"
echo
# Second run: every street against its first run; the broken street stays broken.
manifest2=$out/manifest_rerun.csv
sed -e '1!s#,streets/\([A-Za-z0-9]*\),#,streets2/\1,#' "$manifest" |
  awk -F, 'NR==1{print;next}{ $8="streets/" substr($2, 10); print }' OFS=, > "$manifest2"
echo "== re-run against the first run (--previous) =="
"$exe" batch "$manifest2" --summary "$out/rerun_summary" "$@"
echo "exit code: $?"
