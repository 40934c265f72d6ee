#!/usr/bin/env bash
# PostGIS end to end against a real server: starts a throw-away PostgreSQL + PostGIS cluster
# (tests/postgis/pg_server.sh), loads the bundled shapes/ into it with ogr2ogr, runs
# `gridplan partition` reading from PG and writing to PG, and checks that
#   1. every table has as many rows as the GeoJSON layer of the same run from the Shapefiles,
#      grid codes (with Chinese text) and households match, and the report table holds report.json;
#   2. a run that fails after writing every table (a view blocks the final clean-up) leaves the
#      previous run's tables exactly as they were (one transaction, rolled back);
#   3. the next good run replaces them, dropping tables it does not write (compounds -> blocks).
# Usage: run_postgis_test.sh GRIDPLAN_EXE REPO_ROOT. Offline, as root or not; stops the server always.
set -euo pipefail
exe=$(readlink -f "$1")
root=$(readlink -f "$2")
cd /tmp
source "$root/tests/postgis/pg_server.sh"
trap pg_test_stop EXIT
work=$PGTEST_DIR/work
mkdir -p "$work"
C=$PGTEST_CONN
fails=0
check() { # check DESCRIPTION ACTUAL EXPECTED
  if [[ "$2" == "$3" ]]; then echo "ok: $1 ($2)"; else echo "FAIL: $1: got '$2', expected '$3'"; fails=$((fails + 1)); fi
}
q() { psql_test -Atc "$1"; }
features() { python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["features"]))' "$1"; }

psql_test -c "CREATE SCHEMA input"
for layer in buildings communities street compounds barriers; do
  ogr2ogr -f PostgreSQL "$C" "$root/shapes/$layer.shp" -nln "$layer" -lco SCHEMA=input -lco GEOMETRY_NAME=geom
done
check "buildings loaded into PostGIS" "$(q 'SELECT count(*) FROM input.buildings')" 3505

common=(--buildings-id-field bld_id --use-field use --floors-field floors --height-field height
        --communities-id-field comm_id --compounds-id-field cmp_id --street-code "PT-波尔图" -q)
two=(--communities-where "comm_id IN ('C01', 'C02')")
from_pg=(--buildings "$C" --buildings-layer input.buildings --communities "$C" --communities-layer input.communities
         --street "$C" --street-layer input.street --barriers "$C" --barriers-layer input.barriers)
compounds_pg=(--compounds "$C" --compounds-layer input.compounds)
s="$root/shapes"
from_files=(--buildings "$s/buildings.shp" --communities "$s/communities.shp" --street "$s/street.shp"
            --barriers "$s/barriers.shp" --compounds "$s/compounds.shp")

# 1. Shapefiles -> GeoJSON (the reference) and PostGIS -> PostGIS; two of the four communities
#    (and one below) keep the test short.
"$exe" partition "${from_files[@]}" "${common[@]}" "${two[@]}" --out "$work/ref"
"$exe" partition "${from_pg[@]}" "${compounds_pg[@]}" "${common[@]}" "${two[@]}" --out "$C" --pg-schema plan
for layer in grids buildings gaps communities areas compounds; do
  check "rows of plan.gridplan_$layer" "$(q "SELECT count(*) FROM plan.gridplan_$layer")" "$(features "$work/ref/$layer.geojson")"
done
ref_grids=$(python3 -c 'import json,sys; print("\n".join(sorted(f["properties"]["grid_code"] + " " + str(f["properties"]["households"]) for f in json.load(open(sys.argv[1]))["features"])))' "$work/ref/grids.geojson")
check "grid codes and households (PostGIS = GeoJSON), md5" "$(q "SELECT grid_code || ' ' || households FROM plan.gridplan_grids" | LC_ALL=C sort | md5sum)" "$(LC_ALL=C sort <<<"$ref_grids" | md5sum)"
check "Chinese text survives in PostGIS" "$(q "SELECT count(*) FROM plan.gridplan_grids WHERE grid_code LIKE 'PT-波尔图-%'")" "$(features "$work/ref/grids.geojson")"
check "report table holds report.json" "$(q "SELECT report->'summary'->>'grids' FROM plan.gridplan_report")" \
  "$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["summary"]["grids"])' "$work/ref/report.json")"
check "grids geometry column" "$(q "SELECT type || ' ' || srid FROM geometry_columns WHERE f_table_schema = 'plan' AND f_table_name = 'gridplan_grids'")" "MULTIPOLYGON 4326"
snapshot() { q "SELECT md5(string_agg(grid_code || households || ST_AsText(geom), ',' ORDER BY grid_code)) FROM plan.gridplan_grids"; }
before=$(snapshot)
tables_before=$(q "SELECT string_agg(tablename, ',' ORDER BY tablename) FROM pg_tables WHERE schemaname = 'plan'")

# 2. A run that fails after writing every table: a view where the clean-up drops a table.
psql_test -c "CREATE VIEW plan.gridplan_blocks AS SELECT 1 AS x"
smaller=(--communities-where "comm_id = 'C01'" --max 450)
set +e
"$exe" partition "${from_pg[@]}" "${common[@]}" "${smaller[@]}" --out "$C" --pg-schema plan 2>"$work/fail.err"
code=$?
set -e
check "failing run exits 1" "$code" 1
check "failing run says it rolled back" "$(grep -c 'rolled back' "$work/fail.err")" 1
check "grids unchanged after the failed run" "$(snapshot)" "$before"
check "tables unchanged after the failed run" "$(q "SELECT string_agg(tablename, ',' ORDER BY tablename) FROM pg_tables WHERE schemaname = 'plan'")" "$tables_before"
check "report unchanged after the failed run" "$(q "SELECT report->'options'->>'max' FROM plan.gridplan_report")" 500

# 3. The next good run replaces every table; compounds (not written now) are dropped.
psql_test -c "DROP VIEW plan.gridplan_blocks"
"$exe" partition "${from_pg[@]}" "${common[@]}" "${smaller[@]}" --out "$C" --pg-schema plan
check "report replaced" "$(q "SELECT report->'options'->>'max' FROM plan.gridplan_report")" 450
check "communities replaced" "$(q "SELECT count(*) FROM plan.gridplan_communities")" 1
check "stale compounds table dropped" "$(q "SELECT to_regclass('plan.gridplan_compounds') IS NULL")" t
check "blocks table written" "$(q "SELECT count(*) > 0 FROM plan.gridplan_blocks")" t
check "grids match the report" "$(q "SELECT count(*) FROM plan.gridplan_grids")" \
  "$(q "SELECT (report->'summary'->>'grids')::int + (report->'summary'->>'dedicated_grids')::int FROM plan.gridplan_report")"

if ((fails)); then echo "postgis test: $fails check(s) failed" >&2; exit 1; fi
echo "postgis test: all checks passed"
