#!/usr/bin/env bash
# Golden outputs: runs one scenario and compares every output file byte for byte (sha256) with
# tests/golden/<scenario>.sha256. Small text outputs are also kept verbatim under
# tests/golden/<scenario>/ so that a failure shows a diff of what changed, not only a hash.
#
# Scenarios (inputs copied into WORK_DIR and given as relative paths, so no absolute path of
# this machine reaches an output):
#   bundled        the scripts/run.sh command on shapes/
#   bundled-rerun  the same without --special (re-runs refuse it), then again with --previous
#                  (an unchanged re-run; the outputs of the second run are compared)
#   synth          gridplan-synth --seed 11 --buildings 1500 (barriers, compounds), with
#                  --special made from every 5th compound
#
# Usage: golden.sh GRIDPLAN_EXE SYNTH_EXE SOURCE_DIR WORK_DIR SCENARIO [--update]
# --update rewrites the golden files (scripts/update_golden.sh does this for every scenario).
set -euo pipefail
gp=$(realpath "$1") synth=$(realpath "$2") src=$(realpath "$3") work=$4 scenario=$5 update=${6:-}
golden=$src/tests/golden
keep_max=65536 # bytes: outputs up to this size are stored verbatim

mkdir -p "$work"
cd "$work"
runBundled() { # out [extra args]
  local out=$1
  shift
  rm -rf shapes "$out"
  cp -r "$src/shapes" shapes
  runShapes "$out" --special shapes/special.shp --special-id-field sp_id "$@"
}
runShapes() { # out [extra args]: the bundled command without --special
  local out=$1
  shift
  "$gp" partition -q \
    --buildings shapes/buildings.shp --buildings-id-field bld_id \
    --use-field use --floors-field floors --height-field height \
    --communities shapes/communities.shp --communities-id-field comm_id \
    --street shapes/street.shp \
    --compounds shapes/compounds.shp --compounds-id-field cmp_id \
    --barriers shapes/barriers.shp \
    --street-code PT-PORTO --out "$out" "$@"
}
case $scenario in
  bundled) runBundled bundled ;;
  bundled-rerun)
    rm -rf shapes bundled-first bundled-rerun
    cp -r "$src/shapes" shapes
    runShapes bundled-first
    runShapes bundled-rerun --previous bundled-first ;;
  synth)
    rm -rf city synth
    "$synth" --seed 11 --buildings 1500 --out city > /dev/null
    ogr2ogr -sql "SELECT cmp_id AS sp_id, 'park' AS kind FROM compounds WHERE FID % 5 = 0" \
      city/special.shp city/compounds.shp
    "$gp" partition -q \
      --buildings city/buildings.shp --buildings-id-field bld_id \
      --use-field use --floors-field floors --height-field height --households-field households \
      --communities city/communities.shp --communities-id-field comm_id \
      --street city/street.shp --compounds city/compounds.shp --compounds-id-field cmp_id \
      --barriers city/barriers.shp --special city/special.shp --special-id-field sp_id \
      --street-code 310105001 --out synth ;;
  *) echo "golden.sh: unknown scenario '$scenario'" >&2; exit 2 ;;
esac

manifest() { (cd "$scenario" && find . -type f | LC_ALL=C sort | while read -r f; do
  echo "$(sha256sum < "$f" | cut -c1-64)  ${f#./}"; done); }

if [[ $update == --update ]]; then
  manifest > "$golden/$scenario.sha256"
  rm -rf "${golden:?}/$scenario"
  mkdir -p "$golden/$scenario"
  (cd "$scenario" && find . -type f -size -${keep_max}c \( -name '*.json' -o -name '*.geojson' -o -name '*.csv' -o -name '*.qml' \) |
     while read -r f; do mkdir -p "$golden/$scenario/$(dirname "$f")"; cp "$f" "$golden/$scenario/$f"; done)
  echo "golden: updated $golden/$scenario.sha256 ($(wc -l < "$golden/$scenario.sha256") files)"
  exit 0
fi

[[ -f $golden/$scenario.sha256 ]] || { echo "golden: no $golden/$scenario.sha256 (scripts/update_golden.sh)" >&2; exit 1; }
if diff <(manifest) "$golden/$scenario.sha256" > "$work/$scenario.manifest.diff"; then
  echo "golden $scenario: $(wc -l < "$golden/$scenario.sha256") files byte-identical"
  exit 0
fi
echo "golden $scenario: outputs differ from tests/golden/$scenario.sha256 (< now, > golden):" >&2
cat "$work/$scenario.manifest.diff" >&2
for f in $(sed -n 's/^[<>] [0-9a-f]*  //p' "$work/$scenario.manifest.diff" | sort -u); do
  if [[ -f $golden/$scenario/$f && -f $scenario/$f ]]; then
    echo "--- $f (golden) vs now, first lines of the diff:" >&2
    diff "$golden/$scenario/$f" "$scenario/$f" | head -20 >&2 || true
  fi
done
echo "If the change is intended, run scripts/update_golden.sh and commit tests/golden/." >&2
exit 1
