#!/usr/bin/env bash
# Regenerates samples/porto-output/ (the bundled run's outputs, committed so that anyone can open
# them in QGIS without building) from samples/porto-bundled.toml. The test "[samples]" fails when
# they are stale: run this after a change that alters the outputs, and commit the result.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
exe=${1:-$root/build/gridplan}
cd "$root"
tmp=$(mktemp -d samples/.porto-output.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
"$exe" partition --config samples/porto-bundled.toml --out "$tmp" -q
mkdir -p samples/porto-output
find samples/porto-output -maxdepth 1 \( -name '*.geojson' -o -name '*.gpkg' -o -name 'report.json' -o -name '*.qgs' -o -name '*.qml' -o -name 'report.html' \) -delete
cp "$tmp"/* samples/porto-output/
echo "samples/porto-output: $(ls samples/porto-output | tr '\n' ' ')" >&2
