#!/usr/bin/env bash
# Installs the Debian 12 packages gridplan needs to build and test, only those missing.
set -euo pipefail
packages=(build-essential cmake ninja-build pkg-config libgdal-dev gdal-bin libgeos-dev
          libboost-dev libcli11-dev catch2 nlohmann-json3-dev ccache
          # the planner-output checks: headless QGIS opens gridplan.qgs, Chromium loads report.html
          python3-qgis qgis-providers chromium fonts-noto-cjk)
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
