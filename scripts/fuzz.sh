#!/usr/bin/env bash
# Fuzzes the input-reading and validation path (tests/fuzz/) with libFuzzer for a bounded time.
#   scripts/fuzz.sh [SECONDS=300] [JOBS=1]
# Builds build-fuzz/ with clang, -DGRIDPLAN_FUZZ=ON (ASan + UBSan + coverage), keeps a working
# corpus in build-fuzz/corpus (outside git) seeded from tests/fuzz/seeds/, and copies every crash,
# timeout or out-of-memory input into tests/fuzz/regressions/ for the developer to fix and commit.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-300}
jobs=${2:-1}
bash "$root/scripts/setup.sh"

dir=$root/build-fuzz
cmake -S "$root" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
  -DGRIDPLAN_FUZZ=ON -DGRIDPLAN_BUILD_TESTS=OFF >/dev/null
cmake --build "$dir" -j "$(nproc)" --target gridplan_fuzz_input

corpus=$dir/corpus artifacts=$dir/artifacts
mkdir -p "$corpus" "$artifacts"
rm -f "$dir"/fuzz-*.log
# -close_fd_mask=3 would hide the harness's own report; GDAL output is captured by the harness.
set +e
(cd "$dir" && ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 \
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ./gridplan_fuzz_input -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -jobs="$jobs" -workers="$jobs" -print_final_stats=1 -dict="$root/tests/fuzz/gridplan.dict" -artifact_prefix="$artifacts/" \
    "$corpus" "$root/tests/fuzz/seeds")
status=$?
set -e
# With -jobs libFuzzer writes each job's output to fuzz-N.log: show the final stats.
for log in "$dir"/fuzz-*.log; do
  [[ -e $log ]] && { echo "== $log" >&2; grep -E "^(#[0-9]+ +(DONE|INITED)|stat::|==[0-9]+==ERROR|SUMMARY|artifact_prefix|Test unit written)" "$log" | tail -20 >&2; }
done

found=0
for f in "$artifacts"/crash-* "$artifacts"/timeout-* "$artifacts"/oom-* "$artifacts"/leak-*; do
  [[ -e $f ]] || continue
  name=$(basename "$f")
  if [[ ! -e $root/tests/fuzz/regressions/$name ]]; then
    cp "$f" "$root/tests/fuzz/regressions/$name"
    echo "fuzz: new regression tests/fuzz/regressions/$name" >&2
    found=$((found + 1))
  fi
done
if ((found)); then
  echo "fuzz: $found new failing input(s). Reproduce with build-fuzz/gridplan_fuzz_input FILE," >&2
  echo "      fix the core (src/), add FILE.expected (outcome + message part, see" >&2
  echo "      tests/fuzz/test_fuzz_replay.cpp) and commit both." >&2
  exit 1
fi
echo "fuzz: no new crash in ${seconds}s (libFuzzer exit $status); corpus in $corpus" >&2
exit "$status"
