#!/usr/bin/env bash
# One command: install what is missing, build, and partition the bundled Porto data into out/.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/scripts/setup.sh"
bash "$root/scripts/build.sh" "$root/build"
cd "$root"
./build/gridplan partition -v \
  --buildings shapes/buildings.shp --buildings-id-field bld_id \
  --use-field use --floors-field floors --height-field height \
  --communities shapes/communities.shp --communities-id-field comm_id \
  --street shapes/street.shp \
  --compounds shapes/compounds.shp --compounds-id-field cmp_id \
  --barriers shapes/barriers.shp \
  --streets shapes/streets.shp \
  --special shapes/special.shp --special-id-field sp_id \
  --street-code PT-PORTO \
  --out out
echo "outputs in $root/out: grids.geojson buildings.geojson gaps.geojson report.json" >&2
