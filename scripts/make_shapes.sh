#!/usr/bin/env bash
# Remakes the bundled sample dataset shapes/ (Porto historic centre, OpenStreetMap, ODbL) from the
# GeoPackage in shared/data/porto/. Deterministic: re-running gives byte-identical files.
#
# Usage: scripts/make_shapes.sh [SOURCE_DIR_OR_GPKG] [OUT_DIR]
#   SOURCE_DIR_OR_GPKG  default: $(dirname "$0")/../../shared/data/porto/ (porto_center_2020.gpkg in it)
#   OUT_DIR             default: $(dirname "$0")/../shapes
# Needs ogr2ogr/ogrinfo (gdal-bin) with SpatiaLite SQL functions (Debian's build has them).
set -euo pipefail

script_dir="$(cd "$(dirname "$0")" && pwd)"
src="${1:-$script_dir/../../shared/data/porto/}"
out_dir="${2:-$script_dir/../shapes}"
if [[ -d "$src" ]]; then
    src="${src%/}/porto_center_2020.gpkg"
fi
if [[ ! -f "$src" ]]; then
    echo "make_shapes: source GeoPackage not found: $src" >&2
    exit 1
fi

if ! command -v ogr2ogr >/dev/null 2>&1 || ! command -v ogrinfo >/dev/null 2>&1; then
    echo "make_shapes: installing gdal-bin" >&2
    if [[ $(id -u) -eq 0 ]]; then
        apt-get update -q && apt-get install -y -q gdal-bin
    else
        sudo apt-get update -q && sudo apt-get install -y -q gdal-bin
    fi
fi

# The SQL below uses SpatiaLite functions inside GDAL's GeoPackage driver.
if ! ogrinfo -q "$src" -sql "SELECT spatialite_version()" >/dev/null 2>&1; then
    echo "make_shapes: this GDAL has no SpatiaLite SQL functions (ST_Union, ST_Buffer, ...)" >&2
    exit 1
fi

# Fixed values so that the output does not depend on when or where it is made.
readonly crs="EPSG:3763"           # ETRS89 / PT-TM06, metres
readonly dbf_date="2020-07-01"     # date of the OSM extract; GDAL would write today's date
readonly street_name="Porto Centro Histórico"
readonly barrier_buffer_m=50
readonly min_water_area_m2=1000    # water areas below this are fountains, not barriers
readonly min_special_area_m2=1000  # land-use polygons below this are a yard, not a dedicated grid

export OGR_SQLITE_SYNCHRONOUS=OFF
export PROJ_NETWORK=OFF            # same transformation on every machine (no grid downloads)

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
work="$tmp/work.gpkg"
stage="$tmp/shapes"
mkdir -p "$stage"

# 1. The needed source layers, reprojected once into the working CRS.
ogr2ogr -f GPKG "$work" "$src" -t_srs "$crs" -lco GEOMETRY_NAME=geom -lco FID=fid \
    -nln admin_areas admin_areas
for layer in buildings landuse roads railways_waterways water_areas; do
    ogr2ogr -update -f GPKG "$work" "$src" -t_srs "$crs" -lco GEOMETRY_NAME=geom -lco FID=fid \
        -nln "$layer" "$layer"
done

# 2. The street (dissolved parishes) and its 50 m buffer, as helper layers in the work file.
ogr2ogr -update -f GPKG "$work" "$work" -nln street -nlt MULTIPOLYGON -a_srs "$crs" \
    -sql "SELECT '$street_name' AS name, ST_Multi(ST_Union(geom)) AS geom FROM admin_areas"
ogr2ogr -update -f GPKG "$work" "$work" -nln street_buffer -nlt MULTIPOLYGON -a_srs "$crs" \
    -sql "SELECT ST_Multi(ST_Buffer(geom, $barrier_buffer_m)) AS geom FROM street"

# Every shapefile: UTF-8 .cpg, fixed DBF date, no spatial index file, fields sized to fit.
# shp NAME GEOMETRY_TYPE SQLITE_SQL [OGR_SQL_FIELDS]
# The SpatiaLite query goes to a work layer first: SQLite gives a computed column the type of its
# first value (a NULL makes it a string), so a second pass in OGR SQL casts the fields to their
# types.
shp()
{
    ogr2ogr -update -f GPKG "$work" "$work" -nln "raw_$1" -nlt "$2" -a_srs "$crs" \
        -lco GEOMETRY_NAME=geom -sql "$3"
    ogr2ogr -f "ESRI Shapefile" "$stage/$1.shp" "$work" -nln "$1" -nlt "$2" \
        -lco ENCODING=UTF-8 -lco DBF_DATE_LAST_UPDATE="$dbf_date" -lco SPATIAL_INDEX=NO \
        -lco RESIZE=YES -dialect OGRSQL -sql "SELECT ${4:-*} FROM raw_$1"
}

# A string that is a plain decimal number, else NULL (SQLite has no regex).
num() # num EXPR
{
    echo "(CASE WHEN $1 <> '' AND $1 NOT GLOB '*[^0-9.]*' AND $1 NOT GLOB '*.*.*' \
AND $1 GLOB '*[0-9]*' THEN CAST($1 AS REAL) END)"
}
levels="trim(b.levels)"
# heights are tagged "12", "12 m" or "12m"
height="trim(rtrim(lower(trim(b.height_tag)), 'm'))"
flats="trim(b.flats_tag)"

# 3. Communities: the 4 parishes, ids C01.. in name order.
shp communities MULTIPOLYGON "
SELECT printf('C%02d', (SELECT count(*) FROM admin_areas o WHERE o.name < a.name) + 1) AS comm_id,
       a.name AS name, a.geom AS geom
FROM admin_areas a ORDER BY a.name"

# 4. The street polygon.
shp street MULTIPOLYGON "SELECT name, geom FROM street"

# 5. Buildings touching the street. Geometry kept as it is (invalid ones included); when GEOS
#    cannot evaluate the predicate on a broken footprint (-1), its repaired copy decides.
shp buildings MULTIPOLYGON "
SELECT (CASE b.osm_type WHEN 'way' THEN 'w' WHEN 'relation' THEN 'r' WHEN 'node' THEN 'n'
        ELSE 'x' END) || b.osm_id AS bld_id,
       b.building_use AS use,
       $(num "$levels") AS floors,
       $(num "$height") AS height,
       CAST($(num "$flats") AS INTEGER) AS flats,
       b.name AS name,
       b.geom AS geom
FROM buildings b, street s
WHERE ST_Intersects(b.geom, s.geom) = 1
   OR (ST_Intersects(b.geom, s.geom) = -1 AND ST_Intersects(ST_MakeValid(b.geom), s.geom) = 1)
ORDER BY b.osm_type DESC, b.osm_id" \
    "bld_id, use, CAST(floors AS numeric(5, 1)) AS floors,
     CAST(height AS numeric(7, 2)) AS height,
     CAST(flats AS integer) AS flats, name"

# 6. Compounds: residential land-use polygons touching the street.
shp compounds MULTIPOLYGON "
SELECT 'lu' || l.osm_id AS cmp_id, l.name AS name, l.geom AS geom
FROM landuse l, street s
WHERE l.landuse = 'residential' AND ST_Intersects(l.geom, s.geom) = 1
ORDER BY l.osm_id"

# 7. Barriers: major roads, active railways, waterways, outlines of large water areas; clipped to
#    the street buffered by 50 m. Footways, service roads, disused railways are not barriers.
shp barriers MULTILINESTRING "
SELECT kind, class, name, geom FROM (
  SELECT 'road' AS kind, r.highway AS class, r.name AS name, r.osm_id AS osm_id,
         ST_Multi(CollectionExtract(ST_Intersection(r.geom, sb.geom), 2)) AS geom
  FROM roads r, street_buffer sb
  WHERE r.highway IN ('trunk', 'trunk_link', 'primary', 'primary_link', 'secondary',
                      'secondary_link', 'tertiary', 'tertiary_link')
    AND ST_Intersects(r.geom, sb.geom) = 1
  UNION ALL
  SELECT 'rail', w.railway, w.name, w.osm_id,
         ST_Multi(CollectionExtract(ST_Intersection(w.geom, sb.geom), 2))
  FROM railways_waterways w, street_buffer sb
  WHERE w.railway IN ('rail', 'light_rail', 'narrow_gauge', 'subway', 'tram', 'funicular',
                      'monorail')
    AND ST_Intersects(w.geom, sb.geom) = 1
  UNION ALL
  SELECT 'water', w.waterway, w.name, w.osm_id,
         ST_Multi(CollectionExtract(ST_Intersection(w.geom, sb.geom), 2))
  FROM railways_waterways w, street_buffer sb
  WHERE w.waterway IN ('river', 'canal', 'stream', 'drain', 'ditch', 'dock')
    AND ST_Intersects(w.geom, sb.geom) = 1
  UNION ALL
  SELECT 'water', coalesce(a.water, a.natural), a.name, a.osm_id,
         ST_Multi(CollectionExtract(ST_Intersection(ST_Boundary(a.geom), sb.geom), 2))
  FROM water_areas a, street_buffer sb
  WHERE ST_Area(a.geom) >= $min_water_area_m2 AND ST_Intersects(a.geom, sb.geom) = 1
)
WHERE geom IS NOT NULL AND NOT ST_IsEmpty(geom)
ORDER BY CASE kind WHEN 'road' THEN 1 WHEN 'rail' THEN 2 ELSE 3 END, osm_id, class"

# 7a. Streets (issue 13): the other drivable streets' centre lines, clipped like the barriers.
#     Grid boundaries follow them; grids may cross them (--streets).
shp streets MULTILINESTRING "
SELECT r.highway AS class, r.name AS name,
       ST_Multi(CollectionExtract(ST_Intersection(r.geom, sb.geom), 2)) AS geom
FROM roads r, street_buffer sb
WHERE r.highway IN ('residential', 'unclassified', 'living_street', 'road')
  AND ST_Intersects(r.geom, sb.geom) = 1
  AND ST_Intersection(r.geom, sb.geom) IS NOT NULL
ORDER BY r.osm_id"

# 7b. Special areas: business, retail, industrial and military land use of at least
#     min_special_area_m2 touching the street, to become dedicated grids by themselves
#     (--special). `kind` is the planner's word for the OSM value; `landuse` keeps the raw value.
shp special MULTIPOLYGON "
SELECT 'lu' || l.osm_id AS sp_id, l.name AS name,
       CASE l.landuse WHEN 'retail' THEN 'market' WHEN 'military' THEN 'public'
                      ELSE l.landuse END AS kind,
       l.landuse AS landuse, l.geom AS geom
FROM landuse l, street s
WHERE l.landuse IN ('commercial', 'retail', 'industrial', 'military')
  AND ST_Area(l.geom) >= $min_special_area_m2 AND ST_Intersects(l.geom, s.geom) = 1
ORDER BY l.osm_id"

# 8. Counts for the README.
count() # count LAYER [WHERE]
{
    local sql="SELECT count(*) AS n FROM \"$1\""
    [[ $# -ge 2 ]] && sql="$sql WHERE $2"
    ogrinfo -q -dialect SQLite "$stage/$1.shp" -sql "$sql" | sed -n 's/^ *n (Integer) = //p'
}
n_comm=$(count communities)
n_bld=$(count buildings)
n_bld_floors=$(count buildings "floors IS NOT NULL")
n_bld_height=$(count buildings "height IS NOT NULL")
n_bld_invalid=$(count buildings "NOT ST_IsValid(GEOMETRY)")
n_bld_multi=$(count buildings "ST_NumGeometries(GEOMETRY) > 1")
# buildings with more than 5 % of their footprint in each of two parishes
n_bld_straddle=$(ogrinfo -q "$work" -sql "
    SELECT count(*) AS n FROM (SELECT b.fid FROM raw_buildings b JOIN admin_areas a
      ON ST_Intersects(b.geom, a.geom) = 1
     AND ST_Area(ST_Intersection(ST_MakeValid(b.geom), a.geom)) > 0.05 * ST_Area(b.geom)
    GROUP BY b.fid HAVING count(*) > 1)" 2>/dev/null | sed -n 's/^ *n (Integer) = //p')
n_src_invalid=$(ogrinfo -q "$work" -sql "SELECT count(*) AS n FROM buildings
    WHERE ST_IsValid(geom) <> 1" 2>/dev/null | sed -n 's/^ *n (Integer) = //p')
n_bld_small=$(count buildings "ST_Area(GEOMETRY) < 20")
n_cmp=$(count compounds)
n_bar=$(count barriers)
n_special=$(count special)
special_list=$(ogrinfo -q -dialect SQLite "$stage/special.shp" \
    -sql "SELECT '  - ' || sp_id || ' ' || kind || ' (' || landuse || '): ' || coalesce(name, '(no name)') AS t
          FROM special ORDER BY sp_id" | sed -n 's/^ *t (String) = //p')
n_streets=$(count streets)
n_road=$(count barriers "kind = 'road'")
n_rail=$(count barriers "kind = 'rail'")
n_water=$(count barriers "kind = 'water'")
comm_list=$(ogrinfo -q -dialect SQLite "$stage/communities.shp" \
    -sql "SELECT comm_id || ' ' || name AS t FROM communities ORDER BY comm_id" |
    sed -n 's/^ *t (String) = /  - /p')
use_table=$(ogrinfo -q -dialect SQLite "$stage/buildings.shp" \
    -sql "SELECT '| ' || coalesce(use, '(none)') || ' | ' || count(*) || ' |' AS t FROM buildings
          GROUP BY use ORDER BY count(*) DESC, use" | sed -n 's/^ *t (String) = //p')

cat >"$stage/ATTRIBUTION.txt" <<EOF
The files in this folder are derived from OpenStreetMap data (extract of July 2020).

© OpenStreetMap contributors, ODbL 1.0 (https://opendatacommons.org/licenses/odbl/)

This derived database is made available under the Open Database License 1.0:
https://opendatacommons.org/licenses/odbl/1-0/
Anything made from it and shipped must carry the same attribution.
EOF

cat >"$stage/README.md" <<EOF
# shapes/ — bundled sample: Porto historic centre (OpenStreetMap, 2020)

A small real street for trying gridplan and for its end-to-end tests: the four parishes of Porto's
historic centre treated as one "street" with four "communities". Real-world data, not made up:
buildings straddling parish lines, sheds and kiosks among homes, use tags that are mostly
"yes", floors known for few buildings and no household counts at all (they must be estimated).

© OpenStreetMap contributors, ODbL 1.0 (https://opendatacommons.org/licenses/odbl/) — see
ATTRIBUTION.txt.

All layers: ESRI Shapefile, UTF-8 attributes (.cpg), EPSG:3763 (ETRS89 / PT-TM06, metres, .prj).

| layer | geometry | features | what it is |
|---|---|---|---|
| communities.shp | polygon | $n_comm | the parishes (OSM admin_level 9); fields \`comm_id\` (C01.. by name), \`name\` |
| street.shp | polygon | 1 | the parishes dissolved; field \`name\` = "$street_name" |
| buildings.shp | polygon | $n_bld | OSM buildings intersecting the street (see below) |
| compounds.shp | polygon | $n_cmp | OSM \`landuse=residential\` polygons intersecting the street; \`cmp_id\` ("lu" + OSM id), \`name\` |
| special.shp | polygon | $n_special | OSM \`landuse\` commercial / retail / industrial / military of at least ${min_special_area_m2} m² touching the street, for \`--special\`; fields \`sp_id\`, \`name\`, \`kind\` (retail → market, military → public, else the OSM value), \`landuse\` |
| barriers.shp | line | $n_bar | roads $n_road, rail $n_rail, water $n_water; fields \`kind\`, \`class\`, \`name\` |
| streets.shp | line | $n_streets | the other drivable streets (OSM \`highway\` residential, unclassified, living_street, road), for \`--streets\`; fields \`class\`, \`name\` |

Communities:
$comm_list

## buildings.shp fields
- \`bld_id\`: OSM id with its type, e.g. "w123456" (way), "r2234295" (relation).
- \`use\`: the raw OSM \`building=\` value ("yes" for most).
- \`floors\`: \`building:levels\` as a number, empty when unknown ($n_bld_floors of $n_bld known).
- \`height\`: \`height\` in metres where it parses ($n_bld_height known).
- \`flats\`: \`building:flats\` as an integer where it parses (none in this extract).
- \`name\`.

Geometry is kept exactly as mapped, never repaired here: $n_bld_invalid footprints in this
layer are not valid OGC polygons and $n_bld_multi are multipart (the source extract has
$n_src_invalid invalid footprints in all, outside the parishes). $n_bld_straddle buildings have
more than 5 % of their area in each of two parishes; $n_bld_small footprints are under 20 m².

Buildings by \`use\`:

| use | buildings |
|---|---|
$use_table

## special.shp
$special_list

## barriers.shp
Clipped to the street buffered by ${barrier_buffer_m} m.
- road: \`highway\` in trunk, primary, secondary, tertiary and their \`_link\`s (footways, steps,
  pedestrian squares, residential and service streets are not barriers).
- rail: \`railway\` in rail, light_rail, tram, funicular (abandoned, disused, proposed, preserved
  and platforms left out). Underground metro sections are not told apart in the source.
- water: waterways (river, stream, dock, ...) and the outlines of water areas of at least
  ${min_water_area_m2} m² (the Douro; the many small fountains are left out).

## How it was made
\`scripts/make_shapes.sh\` from \`shared/data/porto/porto_center_2020.gpkg\` (the OSM extract of
July 2020, see its SOURCE.md) with GDAL's ogr2ogr and SpatiaLite SQL: reproject to EPSG:3763,
dissolve the parishes, select by intersection with the street, clip the barriers. It is
deterministic (sorted by id, fixed DBF date): re-running it gives byte-identical files.
EOF

# 9. Replace the outputs in one go (README and ATTRIBUTION too; nothing else in out_dir is touched).
mkdir -p "$out_dir"
for name in communities street buildings compounds barriers special; do
    rm -f "$out_dir/$name".{shp,shx,dbf,prj,cpg,qix}
done
cp "$stage"/* "$out_dir/"
echo "make_shapes: wrote $out_dir (communities $n_comm, buildings $n_bld, compounds $n_cmp," \
    "barriers $n_bar, special $n_special)"
