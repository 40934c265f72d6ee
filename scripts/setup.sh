#!/usr/bin/env bash
# Installs the Debian 12 packages gridplan needs to build and test, only those missing.
set -euo pipefail
packages=(build-essential cmake ninja-build pkg-config libgdal-dev gdal-bin libgeos-dev
          libboost-dev libcli11-dev catch2 nlohmann-json3-dev ccache
          postgresql postgresql-15-postgis-3 python3  # PostGIS round-trip test
          clang libclang-rt-14-dev                     # clang + libFuzzer: scripts/fuzz.sh
          # the planner-output checks: headless QGIS opens gridplan.qgs, Chromium loads report.html
          python3-qgis qgis-providers chromium fonts-noto-cjk)
# scripts/bench.sh: /usr/bin/time -v for wall time and peak memory, jq to read report.json.
packages+=(time jq)
# jemalloc: the gridplan executable links it when present (see CMakeLists.txt).
packages+=(libjemalloc-dev)
# The Slurm test (tests/cluster/run_slurm_test.sh): a one-node Slurm (slurmctld + slurmd) and
# munge, its authentication daemon, started in a temp dir and stopped by the test.
packages+=(slurm-wlm munge)
# GLPK: the exact partition model (src/partition/exact.cpp); metis: gpmetis for scripts/bench_peers.sh.
packages+=(libglpk-dev metis)
# clang-format: scripts/format_check.sh checks the code against .clang-format.
packages+=(clang-format)
# poppler-utils: the atlas test counts atlas.pdf pages (pdfinfo) and renders them (pdftoppm).
packages+=(poppler-utils)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get -o DPkg::Lock::Timeout=900 update -qq
  apt-get -o DPkg::Lock::Timeout=900 install -y -qq "${missing[@]}" >/dev/null
fi
