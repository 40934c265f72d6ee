#!/usr/bin/env bash
# Issue 17 end to end on a real one-node Slurm (tests/cluster/slurm_server.sh) and a real PostGIS
# (tests/postgis/pg_server.sh), both started here on free ports and always stopped (trap):
#   1. a 6-street manifest (street s6 broken on purpose: its buildings do not exist yet) runs as
#      one Slurm array job of 3 shards plus a dependent collect job (`gridplan batch --slurm`);
#   2. the 5 good streets' output folders are byte-identical to a local `gridplan batch` of the
#      same manifest; s6 is reported failed with its log;
#   3. s6 fixed, `--slurm --only-failed` completes the set (s6 only is run again);
#   4. the same manifest into PostGIS, two shards at once (`--shard 0/2` and `1/2` concurrently):
#      every street's schema holds its grids (same codes and households as the files), the
#      report rows hold the fingerprints, and --collect sees 6 ok streets.
# Usage: run_slurm_test.sh GRIDPLAN_EXE GRIDPLAN_SYNTH_EXE REPO_ROOT. As root (slurmd runs jobs).
# Every wait is bounded; the whole test takes well under 2 minutes on 2 cores.
set -euo pipefail
exe=$(readlink -f "$1")
synth=$(readlink -f "$2")
root=$(readlink -f "$3")
cd /tmp
source "$root/tests/cluster/slurm_server.sh"
pg_started=0
cleanup() {
  if ((pg_started)); then pg_test_stop; fi
  slurm_test_stop
}
trap cleanup EXIT
fails=0
check() { # check DESCRIPTION ACTUAL EXPECTED
  if [[ "$2" == "$3" ]]; then echo "ok: $1 ($2)"; else echo "FAIL: $1: got '$2', expected '$3'"; fails=$((fails + 1)); fi
}
jq_() { jq -r "$@"; }
work=$SLURMTEST_DIR/work
mkdir -p "$work/data" "$work/local" "$work/cluster"

# Six streets: synthetic cities of different sizes (the shards balance their buildings).
sizes=(900 300 600 400 700 500)
for i in 1 2 3 4 5; do
  "$synth" --seed "$i" --buildings "${sizes[$((i - 1))]}" --out "$work/data/s$i" >/dev/null
done
manifest() {
  echo "name,out,buildings,communities,street,compounds,barriers,street-code,args"
  for i in 1 2 3 4 5 6; do
    local d=$work/data/s$i
    echo "s$i,out/s$i,$d/buildings.shp,$d/communities.shp,$d/street.shp,$d/compounds.shp,$d/barriers.shp,3101050$i,--buildings-id-field bld_id --use-field use --floors-field floors --height-field height --households-field households --communities-id-field comm_id --compounds-id-field cmp_id"
  done
}
manifest >"$work/local/m.csv"
manifest >"$work/cluster/m.csv"

slurm_test_wait_idle
# Waits (at most $1 s) until the test cluster has no job left.
wait_jobs() {
  for _ in $(seq $(($1 * 2))); do
    [[ -z "$(timeout 10 squeue -h -o %A 2>/dev/null || echo busy)" ]] && return 0
    sleep 0.5
  done
  echo "slurm test: jobs still queued after $1 s:" >&2
  timeout 10 squeue >&2 || true
  return 1
}

# 1. Local reference run, then the same manifest as a Slurm array job.
set +e
"$exe" batch "$work/local/m.csv" -q 2>"$work/local.err"
local_code=$?
set -e
check "local batch exits 1 (s6 broken)" "$local_code" 1
start=$(date +%s)
ids=$("$exe" batch "$work/cluster/m.csv" --slurm --shards 3 --slurm-opt "--time=10" -q)
read -r array_id collect_id <<<"$ids"
check "sbatch gave an array job and a collect job" "$([[ $array_id =~ ^[0-9]+$ && $collect_id =~ ^[0-9]+$ ]] && echo yes)" yes
check "collect job waits for the array job (afterany)" \
  "$(timeout 10 scontrol show job "$collect_id" | grep -c "Dependency=afterany:${array_id}_\*\|Dependency=(null)")" 1
wait_jobs 90
echo "slurm run took $(($(date +%s) - start)) s"
sum=$work/cluster/summary.json
check "collect job wrote summary.json" "$([[ -f $sum ]] && echo yes)" yes
check "3 array tasks ran" "$(ls "$work/cluster/slurm"/shard-*.out | wc -l)" 3
check "summary: 5 ok" "$(jq_ .totals.ok "$sum")" 5
check "summary: s6 failed" "$(jq_ '.streets[] | select(.name == "s6") | .status' "$sum")" failed
check "s6 error names its missing input" "$(jq_ '.streets[] | select(.name == "s6") | .error' "$sum" | grep -c "data/s6/buildings.shp")" 1
check "s6 log kept" "$(grep -c "data/s6/buildings.shp" "$(jq_ '.streets[] | select(.name == "s6") | .log' "$sum")")" 1
check "summary.csv lists s6 failed" "$(grep -c '^s6,failed,1,' "$work/cluster/summary.csv")" 1
for i in 1 2 3 4 5; do
  check "s$i outputs byte-identical to the local batch" \
    "$(diff -r "$work/local/out/s$i" "$work/cluster/out/s$i" >/dev/null && echo same)" same
done
# Shards balanced by buildings: 3,400 buildings (+ s6, counted 0) over 3 tasks.
check "building counts cached for the tasks" "$(jq_ '.buildings | join(" ")' "$work/cluster/shard_counts.json")" "900 300 600 400 700 0"

# sbatch refusing a job (a partition this cluster does not have) is reported, exit 1.
set +e
"$exe" batch "$work/cluster/m.csv" --slurm --slurm-opt "--partition=no_such_partition" -q 2>"$work/refused.err"
check "refused submission exits 1" "$?" 1
set -e
check "refused submission says what sbatch said" "$(grep -c "gridplan: slurm: sbatch failed (exit 1): .*[Ii]nvalid partition" "$work/refused.err")" 1

# 2. s6 fixed: --only-failed as a Slurm job runs s6 only; the set is complete.
"$synth" --seed 6 --buildings "${sizes[5]}" --out "$work/data/s6" >/dev/null
s1_time=$(stat -c %.9Y "$work/cluster/out/s1/grids.geojson")
"$exe" batch "$work/cluster/m.csv" --slurm --only-failed --shards 3 -q >/dev/null
wait_jobs 60
check "after --only-failed: 6 ok" "$(jq_ .totals.ok "$sum")" 6
check "s1 not run again" "$(stat -c %.9Y "$work/cluster/out/s1/grids.geojson")" "$s1_time"
"$exe" batch "$work/local/m.csv" --only-failed -q
check "s6 outputs byte-identical to the local batch" "$(diff -r "$work/local/out/s6" "$work/cluster/out/s6" >/dev/null && echo same)" same
check "s6 households in grids" "$(jq_ '.streets[] | select(.name == "s6") | .households' "$sum")" \
  "$(jq_ .summary.households_in_grids "$work/local/out/s6/report.json")"

# 3. PostGIS as the store, two shards writing at once.
source "$root/tests/postgis/pg_server.sh"
pg_started=1
pgsum=$work/pg
# Every street's transaction sleeps 1 s after its CREATE SCHEMA (an event trigger), so the
# transactions of the two shards are open together: they must not wait for each other's locks.
psql_test <<'SQL'
CREATE FUNCTION hold_open() RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(1); END $$;
CREATE EVENT TRIGGER hold_open ON ddl_command_end WHEN TAG IN ('CREATE SCHEMA') EXECUTE FUNCTION hold_open();
SQL
"$exe" batch "$work/cluster/m.csv" --out "$PGTEST_CONN" --summary "$pgsum" --shard 0/2 -q 2>"$work/pg0.err" &
p0=$!
"$exe" batch "$work/cluster/m.csv" --out "$PGTEST_CONN" --summary "$pgsum" --shard 1/2 -q 2>"$work/pg1.err" &
p1=$!
most=0; lock_waits=0
for _ in $(seq 600); do # at most 60 s
  kill -0 $p0 2>/dev/null || kill -0 $p1 2>/dev/null || break
  read -r open waiting < <(psql_test -Atc "SELECT count(*) FILTER (WHERE xact_start IS NOT NULL), count(*) FILTER (WHERE wait_event_type = 'Lock') FROM pg_stat_activity WHERE datname = 'gridplan' AND pid <> pg_backend_pid()" | tr '|' ' ')
  ((open > most)) && most=$open
  lock_waits=$((lock_waits + waiting))
  sleep 0.1
done
code0=0; code1=0
wait $p0 || code0=$?
wait $p1 || code1=$?
check "PostGIS shard 0 exit code" "$code0" 0
check "PostGIS shard 1 exit code" "$code1" 0
check "street transactions open at the same time (at least 2)" "$((most >= 2 ? 2 : most))" 2
check "no writer ever waited for a lock" "$lock_waits" 0
cat "$work/pg0.err" "$work/pg1.err"
psql_test -c "DROP EVENT TRIGGER hold_open"
set +e
"$exe" batch "$work/cluster/m.csv" --out "$PGTEST_CONN" --summary "$pgsum" --collect -q
check "PostGIS collect exits 0" "$?" 0
set -e
check "PostGIS summary: 6 ok" "$(jq_ .totals.ok "$pgsum/summary.json")" 6
q() { psql_test -Atc "$1"; }
for i in 1 2 3 4 5 6; do
  ref=$work/local/out/s$i
  check "street_s$i grids = the local files (codes, households)" \
    "$(q "SELECT grid_code || ' ' || households FROM street_s$i.gridplan_grids" | LC_ALL=C sort | md5sum)" \
    "$(jq_ '.features[] | .properties.grid_code + " " + (.properties.households | tostring)' "$ref/grids.geojson" | LC_ALL=C sort | md5sum)"
  check "street_s$i report row carries the fingerprint" \
    "$(q "SELECT report->'batch'->>'fingerprint' FROM street_s$i.gridplan_report")" \
    "$(jq_ ".streets[] | select(.name == \"s$i\") | .fingerprint" "$pgsum/summary.json")"
done
# A re-run of one shard: every street of it is unchanged, none is written again.
before=$(q "SELECT xmin FROM street_s1.gridplan_report")
"$exe" batch "$work/cluster/m.csv" --out "$PGTEST_CONN" --summary "$pgsum" -q
check "PostGIS re-run: streets unchanged, not written again" "$(q "SELECT xmin FROM street_s1.gridplan_report")" "$before"
check "PostGIS re-run: all skipped" "$(jq_ '[.streets[] | select(.skipped)] | length' "$pgsum/summary.json")" 6

if ((fails)); then echo "slurm test: $fails check(s) failed" >&2; exit 1; fi
echo "slurm test: all checks passed"
