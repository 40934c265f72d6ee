#!/usr/bin/env bash
# Regenerates tests/fuzz/seeds/: small containers (format in tests/fuzz/fuzz_input.hpp) holding a
# few Porto buildings, parishes and barriers from shapes/ as Shapefile, GeoJSON, CSV and
# FlatGeobuf, plus one per bad-input kind of tests/e2e/test_bad_inputs.cpp. Needs ogr2ogr.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=$root/tests/fuzz/seeds
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rm -f "$out"/*.bin
mkdir -p "$out"

# Header bits (fuzz_input.hpp): format 0 shp 1 geojson 2 csv 3 fgb; role << 2 (0 buildings,
# 1 communities, 2 compounds, 3 barriers); 0x10 assume CRS; 0x20 id field; 0x40 attribute fields.
SHP=0 GEOJSON=1 CSV=2 FGB=3
BUILDINGS=0 COMMUNITIES=4 COMPOUNDS=8 BARRIERS=12
ASSUME=16 IDF=32 ATTRS=64
declare -A members=([0]="shp shx dbf prj cpg" [1]="geojson" [2]="csv csvt prj" [3]="fgb")

byte() { printf "\\$(printf %03o "$1")"; }
# pack NAME HEADER STEM: writes seeds/NAME.bin from STEM.<member> files (absent ones are skipped).
pack() {
  local name=$1 header=$2 stem=$3 f=$out/$1.bin
  local -a exts=(${members[$((header & 3))]})
  byte "$header" >"$f"
  local i n
  for ((i = 0; i < ${#exts[@]}; i++)); do
    local m=$stem.${exts[i]}
    n=0
    [[ -e $m ]] && n=$(stat -c %s "$m")
    if ((i + 1 < ${#exts[@]})); then
      ((n < 65536)) || { echo "make_fuzz_seeds: $m too big" >&2; exit 1; }
      byte $((n & 255)) >>"$f"
      byte $((n >> 8)) >>"$f"
    fi
    ((n == 0)) || cat "$m" >>"$f"
  done
}

win=(-40240 164135 -40215 164160)   # four buildings in Sé/Vitória
clip=(-40300 164080 -40160 164220)  # the parishes and barriers around them
sql="SELECT bld_id AS bid, CAST(120 AS integer) AS hh, CAST(floors AS integer) AS fl, use, name FROM buildings"
ogr() { ogr2ogr -q "$@"; }

# Real pieces of shapes/ in every format.
ogr -f "ESRI Shapefile" -lco ENCODING=UTF-8 "$work/b.shp" "$root/shapes/buildings.shp" -spat "${win[@]}" -sql "$sql"
ogr -f GeoJSON -lco COORDINATE_PRECISION=1 -lco WRITE_NAME=NO "$work/b.geojson" "$root/shapes/buildings.shp" -spat "${win[@]}" -sql "$sql"
ogr -f CSV -lco GEOMETRY=AS_WKT -lco CREATE_CSVT=YES "$work/b.csv" "$root/shapes/buildings.shp" -spat "${win[@]}" -sql "$sql"
ogr -f FlatGeobuf "$work/b.fgb" "$root/shapes/buildings.shp" -spat "${win[@]}" -sql "$sql"
pack shp_buildings $((SHP | BUILDINGS | IDF | ATTRS)) "$work/b"
pack geojson_buildings $((GEOJSON | BUILDINGS | IDF | ATTRS)) "$work/b"
pack csv_buildings $((CSV | BUILDINGS | IDF | ATTRS)) "$work/b"
pack fgb_buildings $((FGB | BUILDINGS | IDF | ATTRS)) "$work/b"
pack shp_buildings_no_fields $((SHP | BUILDINGS)) "$work/b"
# Geographic coordinates: the working CRS is then the UTM zone at the buildings' centre.
ogr -f GeoJSON -t_srs EPSG:4326 -lco RFC7946=YES -lco COORDINATE_PRECISION=6 "$work/w.geojson" "$root/shapes/buildings.shp" -spat "${win[@]}" -sql "$sql"
ogr -f "ESRI Shapefile" -t_srs EPSG:4326 -lco ENCODING=UTF-8 "$work/w.shp" "$root/shapes/buildings.shp" -spat "${win[@]}" -sql "$sql"
pack geojson_buildings_wgs84 $((GEOJSON | BUILDINGS | IDF | ATTRS)) "$work/w"
pack shp_buildings_wgs84 $((SHP | BUILDINGS | IDF | ATTRS)) "$work/w"

ogr -f "ESRI Shapefile" "$work/c.shp" "$root/shapes/communities.shp" -clipsrc "${clip[@]}"
ogr -f GeoJSON -lco COORDINATE_PRECISION=1 "$work/c.geojson" "$root/shapes/communities.shp" -clipsrc "${clip[@]}"
ogr -f FlatGeobuf "$work/c.fgb" "$root/shapes/communities.shp" -clipsrc "${clip[@]}"
pack shp_communities $((SHP | COMMUNITIES)) "$work/c"
pack fgb_communities $((FGB | COMMUNITIES)) "$work/c"
pack geojson_compounds $((GEOJSON | COMPOUNDS)) "$work/c"
ogr -f "ESRI Shapefile" "$work/r.shp" "$root/shapes/barriers.shp" -clipsrc "${clip[@]}"
ogr -f GeoJSON -lco COORDINATE_PRECISION=1 "$work/r.geojson" "$root/shapes/barriers.shp" -clipsrc "${clip[@]}"
pack shp_barriers $((SHP | BARRIERS)) "$work/r"
pack geojson_barriers $((GEOJSON | BARRIERS)) "$work/r"

# Bad-input kinds of tests/e2e/test_bad_inputs.cpp, on the Shapefile buildings.
variant() { rm -rf "$work/v"; mkdir "$work/v"; cp "$work"/b.{shp,shx,dbf,prj,cpg} "$work/v/"; }
variant; rm "$work/v/b.shx"; pack shp_missing_shx $((SHP | BUILDINGS | IDF | ATTRS)) "$work/v/b"
variant; rm "$work/v/b.dbf"; pack shp_missing_dbf $((SHP | BUILDINGS | IDF | ATTRS)) "$work/v/b"
variant; rm "$work/v/b.prj"; pack shp_missing_prj $((SHP | BUILDINGS | IDF | ATTRS)) "$work/v/b"
pack shp_missing_prj_assumed $((SHP | BUILDINGS | IDF | ATTRS | ASSUME)) "$work/v/b"
variant; truncate -s $(($(stat -c %s "$work/v/b.shp") / 2 + 3)) "$work/v/b.shp"
pack shp_truncated_shp $((SHP | BUILDINGS | IDF | ATTRS)) "$work/v/b"
variant; truncate -s $(($(stat -c %s "$work/v/b.dbf") / 2)) "$work/v/b.dbf"
pack shp_truncated_dbf $((SHP | BUILDINGS | IDF | ATTRS)) "$work/v/b"
variant; printf 'not a shapefile at all' >"$work/v/b.shp"
pack shp_garbage $((SHP | BUILDINGS | IDF | ATTRS)) "$work/v/b"

# GeoJSON variants: one building of the four changed (EPSG:3763 metres, near the fixed layers).
crs='"crs": { "type": "name", "properties": { "name": "urn:ogc:def:crs:EPSG::3763" } }'
fc() { printf '{ "type": "FeatureCollection", %s, "features": [ %s ] }\n' "$crs" "$1" >"$work/g.geojson"; }
feat() { printf '{ "type": "Feature", "properties": { "bid": "%s", "hh": %s, "fl": 3, "use": "%s" }, "geometry": %s }' "$@"; }
sq='{ "type": "Polygon", "coordinates": [ [ [ -40232.3, 164129.4 ], [ -40219.6, 164127.0 ], [ -40223.6, 164122.5 ], [ -40232.3, 164129.4 ] ] ] }'
fc ""; pack geojson_empty_buildings $((GEOJSON | BUILDINGS | IDF | ATTRS)) "$work/g"
pack geojson_empty_communities $((GEOJSON | COMMUNITIES)) "$work/g"
fc "$(feat B1 120 yes "$sq"), $(feat NULLGEOM 5 yes null)"
pack geojson_null_geometry $((GEOJSON | BUILDINGS | IDF | ATTRS)) "$work/g"
fc "$(feat BOWTIE 120 yes '{ "type": "Polygon", "coordinates": [ [ [ -40240, 164130 ], [ -40220, 164150 ], [ -40220, 164130 ], [ -40240, 164150 ], [ -40240, 164130 ] ] ] }')"
pack geojson_bow_tie $((GEOJSON | BUILDINGS | IDF | ATTRS)) "$work/g"
fc "$(feat B1 120 yes "$sq"), $(feat FAR 5 yes '{ "type": "Polygon", "coordinates": [ [ [ 1e9, 1e9 ], [ 1.00000002e9, 1e9 ], [ 1.00000002e9, 1.00000002e9 ], [ 1e9, 1e9 ] ] ] }')"
pack geojson_far_coordinates $((GEOJSON | BUILDINGS | IDF | ATTRS)) "$work/g"
fc "$(feat L1 0 yes '{ "type": "LineString", "coordinates": [ [ -40300, 164080 ], [ -40160, 164220 ] ] }')"
pack geojson_lines_as_communities $((GEOJSON | COMMUNITIES)) "$work/g"
fc "$(feat P1 120 apartments '{ "type": "Point", "coordinates": [ -40230, 164140 ] }'), $(feat P2 80 住宅 '{ "type": "MultiPoint", "coordinates": [ [ -40225, 164130 ] ] }')"
pack geojson_points $((GEOJSON | BUILDINGS | IDF | ATTRS)) "$work/g"
fc "$(feat Z1 120 yes '{ "type": "MultiPolygon", "coordinates": [ [ [ [ -40232.3, 164129.4, 5 ], [ -40219.6, 164127.0, 5 ], [ -40223.6, 164122.5, 5 ], [ -40232.3, 164129.4, 5 ] ] ] ] }')"
pack geojson_multipolygon_z $((GEOJSON | BUILDINGS | IDF | ATTRS)) "$work/g"
fc "$(feat ABC '"abc"' yes "$sq"), $(feat NEG -5 yes "$sq"), $(feat HUGE 1e308 商业 "$sq")"
pack geojson_bad_values $((GEOJSON | BUILDINGS | IDF | ATTRS)) "$work/g"

# GBK-encoded DBF with Chinese names and values, with and without its .cpg.
fc "$(feat 甲1 150 住宅 "$sq")"
ogr -f "ESRI Shapefile" -lco ENCODING=GBK "$work/k.shp" "$work/g.geojson"
pack shp_gbk_cpg $((SHP | BUILDINGS | IDF | ATTRS)) "$work/k"
rm "$work/k.cpg"; pack shp_gbk_no_cpg $((SHP | BUILDINGS | IDF | ATTRS)) "$work/k"

# Issue 18 shapes: overlapping footprints, duplicate ids, odd and long paths.
rect() { printf '{ "type": "Polygon", "coordinates": [ [ [ %s, %s ], [ %s, %s ], [ %s, %s ], [ %s, %s ], [ %s, %s ] ] ] }' \
  "$1" "$2" "$3" "$2" "$3" "$4" "$1" "$4" "$1" "$2"; }
fc "$(feat GC 50 住宅 '{ "type": "GeometryCollection", "geometries": [ '"$(rect -40200 164150 -40180 164170)"', '"$(rect -40185 164165 -40165 164185)"', { "type": "Point", "coordinates": [ -40190, 164160 ] } ] }')"
pack geojson_geometry_collection $((GEOJSON | BUILDINGS | IDF | ATTRS)) "$work/g"
fc "$(feat T-1 120 住宅 "$(rect -40200 164150 -40170 164165)"), $(feat T-2 120 住宅 "$(rect -40200 164150 -40170 164165)"), $(feat T-3 120 住宅 "$(rect -40200 164150 -40170 164165)")"
pack geojson_shared_footprint $((GEOJSON | BUILDINGS | IDF | ATTRS)) "$work/g"
fc "$(feat W null 住宅 "$(rect -40200 164150 -40170 164170)"), $(feat W-part null 住宅 "$(rect -40200 164150 -40185 164170)")"
pack geojson_building_part $((GEOJSON | BUILDINGS | IDF | ATTRS)) "$work/g"
fc "$(feat D1 120 住宅 "$(rect -40200 164150 -40190 164160)"), $(feat D1 80 住宅 "$(rect -40180 164150 -40170 164160)"), $(feat '' 10 住宅 "$(rect -40200 164170 -40190 164180)")"
pack geojson_duplicate_ids $((GEOJSON | BUILDINGS | IDF | ATTRS)) "$work/g"
fc "$(feat C1 0 x "$(rect -40300 164080 -40230 164220)"), $(feat C1 0 x "$(rect -40230 164080 -40160 164220)")"
pack geojson_duplicate_community_ids $((GEOJSON | COMMUNITIES | IDF)) "$work/g"
# Path trailers (fuzz_input.hpp): a Chinese folder with blanks, and a Shapefile past 2,048 bytes.
pack geojson_odd_path $((GEOJSON | BUILDINGS | IDF | ATTRS)) "$work/b"
printf '\0gp-path:街道 数据/第 1 批' >>"$out/geojson_odd_path.bin"
pack shp_long_path $((SHP | BUILDINGS | IDF | ATTRS)) "$work/b"
printf '\0gp-path:%s' "$(printf 'd%.0s' {1..2100})" >>"$out/shp_long_path.bin"

du -cb "$out"/*.bin | tail -1
