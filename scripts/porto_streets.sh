#!/usr/bin/env bash
# Issue 13's figures on real streets: the four Porto parishes (OpenStreetMap, July 2020, ODbL,
# © OpenStreetMap contributors) from shared/data/porto/porto_center_2020.gpkg, read directly:
#   communities  the 4 parishes (admin_areas)
#   roads        every highway= line, split by the built-in road class table (README "Streets"):
#                motorway/trunk/primary (+ links) barriers; secondary, tertiary, residential,
#                unclassified, living_street streets; service, footway, pedestrian, steps, ...
#                lanes
#   barriers     surface railways (rail, narrow_gauge) and waterways (river, canal, stream, dock);
#                trams run in the streets and the metro (light_rail, subway) mostly underground,
#                so they are no barriers
# Prints the figures of report.json "streets" against the issue's targets, and (with --baseline
# BINARY) the same run of an older gridplan given the barriers only (no streets), for compactness.
#
# Usage: scripts/porto_streets.sh [--out DIR] [--baseline BINARY] [--gridplan BINARY]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
gpkg="$root/../shared/data/porto/porto_center_2020.gpkg"
[[ -f "$gpkg" ]] || gpkg=/work/shared/data/porto/porto_center_2020.gpkg
out="$root/out-porto-streets"
bin="$root/build/gridplan"
baseline=""
while [[ $# -gt 0 ]]; do
    case "$1" in
    --out) out=$2; shift 2 ;;
    --baseline) baseline=$2; shift 2 ;;
    --gridplan) bin=$2; shift 2 ;;
    *) echo "porto_streets: unknown option $1" >&2; exit 2 ;;
    esac
done
[[ -f "$gpkg" ]] || { echo "porto_streets: $gpkg not found" >&2; exit 1; }

rail_water="railway IN ('rail', 'narrow_gauge') OR waterway IN ('river', 'canal', 'stream', 'dock')"
common=(--buildings "$gpkg" --buildings-layer buildings --buildings-id-field osm_id
        --use-field building_use --floors-field levels
        --communities "$gpkg" --communities-layer admin_areas
        --working-crs EPSG:3763 --street-code PT-PORTO -q)

"$bin" partition "${common[@]}" \
    --roads "$gpkg" --roads-layer roads --road-class-field highway \
    --barriers "$gpkg" --barriers-layer railways_waterways --barriers-where "$rail_water" \
    --barriers "$gpkg" --barriers-layer water_areas --barriers-where "" \
    --out "$out"

python3 - "$out/report.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
s = r["streets"]
def line(name, value, target, ok):
    print(f"  {name:<52} {value:>10}   target {target:<8} {'met' if ok else 'NOT MET'}")
print("Porto, 4 parishes, streets + barriers (issue 13):")
pct = s["boundary_on_streets_pct"] or 0.0
line(f"grid boundary within {s['street_distance_m']:g} m of a road or barrier", f"{pct:.1f}%", ">= 90%", pct >= 90)
sp = s["fitting_blocks_split_pct"] or 0.0
line(f"fitting blocks split ({s['fitting_blocks_split']} of {s['blocks_fitting_one_grid']})", f"{sp:.1f}%", "<= 3%", sp <= 3)
line("avoidable barrier crossings", s["barrier_crossings_avoidable"], "0", s["barrier_crossings_avoidable"] == 0)
print(f"  {'forced barrier crossings':<52} {s['barrier_crossings_forced']:>10}")
wb = s["grids_within_bounds_pct"] or 0.0
line(f"grids within bounds ({s['grids_within_bounds']} of {s['grids']})", f"{wb:.1f}%", "100%", wb >= 100)
line("grids without land", s["grids_without_land"], "0", s["grids_without_land"] == 0)
print(f"  {'multipart grids (each explained in gaps)':<52} {s['multipart_grids']:>10}")
line("mean Polsby-Popper", f"{s['mean_polsby_popper']:.3f}", ">= 0.39", s["mean_polsby_popper"] >= 0.39)
for b in s["fitting_blocks_split_list"]:
    print(f"    split block {b['block']} ({b['households']} households, grids {', '.join(b['grids'])}): {b['reason']}")
PY

if [[ -n "$baseline" ]]; then
    major="highway IN ('motorway', 'motorway_link', 'trunk', 'trunk_link', 'primary', 'primary_link')"
    "$baseline" partition "${common[@]}" \
        --barriers "$gpkg" --barriers-layer roads --barriers-where "$major" \
        --barriers "$gpkg" --barriers-layer railways_waterways --barriers-where "$rail_water" \
        --barriers "$gpkg" --barriers-layer water_areas --barriers-where "" \
        --out "$out-baseline"
    python3 - "$out-baseline/report.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["summary"]
print(f"Baseline (barriers only, no streets): {r['grids']} grids, {r['grids_within_bounds']} within bounds, "
      f"mean Polsby-Popper {r['mean_polsby_popper']:.3f}")
PY
fi
