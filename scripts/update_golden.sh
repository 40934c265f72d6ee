#!/usr/bin/env bash
# Rewrites tests/golden/ from the current build: run it only when an output change is intended,
# then review `git diff tests/golden/` (the verbatim small files show what changed) and commit it.
# Usage: scripts/update_golden.sh [BUILD_DIR]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$root/build}" && pwd)
work=$(mktemp -d /tmp/gridplan-golden.XXXXXX)
trap 'rm -rf "$work"' EXIT
for s in bundled bundled-rerun synth; do
  bash "$root/tests/golden/golden.sh" "$build/gridplan" "$build/gridplan-synth" "$root" "$work" "$s" --update
done
