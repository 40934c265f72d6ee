#!/usr/bin/env bash
# Partitions the bundled shapes/ into OUT_DIR as scripts/run.sh does (the fixture of the QGIS and
# Chromium checks). Usage: run_bundled.sh GRIDPLAN_EXE SOURCE_DIR OUT_DIR [extra gridplan args]
set -euo pipefail
exe=$1 src=$2 out=$3
shift 3
s="$src/shapes"
"$exe" partition -q \
  --buildings "$s/buildings.shp" --buildings-id-field bld_id \
  --use-field use --floors-field floors --height-field height \
  --communities "$s/communities.shp" --communities-id-field comm_id \
  --street "$s/street.shp" \
  --compounds "$s/compounds.shp" --compounds-id-field cmp_id \
  --barriers "$s/barriers.shp" \
  --special "$s/special.shp" --special-id-field sp_id \
  --street-code PT-PORTO --out "$out" "$@"
