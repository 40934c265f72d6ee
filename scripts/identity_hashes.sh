#!/usr/bin/env bash
# Byte-identity check for refactors: runs gridplan on a fixed set of inputs and prints one line
# "<scenario>/<file> <sha256>" per output file, sorted. Run it before and after a change and diff
# the two lists (scripts/identity_hashes.sh build /tmp/before > before.txt; ... > after.txt;
# diff before.txt after.txt). Any difference means an output changed.
#
# Scenarios (gridplan-synth, seed 7; synthetic cities always carry barriers and compounds):
#   bundled           the scripts/run.sh command on shapes/
#   bundled-nospecial the same without --special (re-runs refuse --special)
#   bundled-rerun     that again with --previous bundled-nospecial (an unchanged re-run)
#   synth10k          10,000 buildings
#   synth10k-rerun    the same with --previous synth10k
#   synth100k         100,000 buildings, barriers and compounds
#   synth10k-special  10,000 buildings with --special: every 7th compound as a park
#
# Usage: identity_hashes.sh [BUILD_DIR] [WORK_DIR]   (defaults: build, a fresh temp folder)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$root/build}" && pwd)
work=${2:-$(mktemp -d /tmp/gridplan-identity.XXXXXX)}
mkdir -p "$work"
work=$(cd "$work" && pwd)
gp=$build/gridplan synth=$build/gridplan-synth
[[ -x $gp && -x $synth ]] || { echo "identity_hashes: build $build first" >&2; exit 2; }

runSynth() { # city out [extra args]
  local city=$1 out=$2
  shift 2
  rm -rf "$out"
  "$gp" partition -q \
    --buildings "$city/buildings.shp" --buildings-id-field bld_id \
    --use-field use --floors-field floors --height-field height --households-field households \
    --communities "$city/communities.shp" --communities-id-field comm_id \
    --street "$city/street.shp" --compounds "$city/compounds.shp" --compounds-id-field cmp_id \
    --barriers "$city/barriers.shp" --street-code 310105001 --out "$out" "$@"
}
city() { # n dir
  [[ -f $2/done ]] && return
  rm -rf "$2"
  "$synth" --seed 7 --buildings "$1" --out "$2" > /dev/null
  touch "$2/done"
}

cd "$work"
rm -rf shapes bundled bundled-nospecial bundled-rerun
cp -r "$root/shapes" shapes
runShapes() { # out [extra args]: the scripts/run.sh command without --special, relative paths
  local out=$1
  shift
  "$gp" partition -q \
    --buildings shapes/buildings.shp --buildings-id-field bld_id \
    --use-field use --floors-field floors --height-field height \
    --communities shapes/communities.shp --communities-id-field comm_id \
    --street shapes/street.shp --compounds shapes/compounds.shp --compounds-id-field cmp_id \
    --barriers shapes/barriers.shp --street-code PT-PORTO --out "$out" "$@"
}
runShapes bundled --special shapes/special.shp --special-id-field sp_id
runShapes bundled-nospecial
runShapes bundled-rerun --previous bundled-nospecial

city 10000 city10k
runSynth city10k synth10k
runSynth city10k synth10k-rerun --previous synth10k
city 100000 city100k
runSynth city100k synth100k
# Special areas: every 7th compound becomes a park (kind "park").
if [[ ! -f city10k/special.shp ]]; then
  ogr2ogr -q -sql "SELECT cmp_id AS sp_id, 'park' AS kind FROM compounds WHERE FID % 7 = 0" \
    "city10k/special.shp" city10k/compounds.shp
fi
runSynth city10k synth10k-special --special city10k/special.shp --special-id-field sp_id

for s in bundled bundled-nospecial bundled-rerun synth10k synth10k-rerun synth100k synth10k-special; do
  find "$s" -type f | LC_ALL=C sort | while read -r f; do
    echo "$f $(sha256sum < "$f" | cut -c1-64)"
  done
done
