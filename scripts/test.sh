#!/usr/bin/env bash
# One command: install what is missing, build, run the bundled job, then the whole test suite,
# once in a normal build and once under AddressSanitizer + UBSan; first, the format check.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/scripts/run.sh"
cd "$root"
# The code is formatted as .clang-format says (fix with clang-format -i FILE).
bash scripts/format_check.sh >/dev/null || { bash scripts/format_check.sh | tail -20; exit 1; }
ctest --test-dir build --output-on-failure -j "$(nproc)"
bash scripts/build.sh "$root/build-asan" -DGRIDPLAN_SANITIZE=ON
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --test-dir build-asan --output-on-failure -j "$(nproc)"
