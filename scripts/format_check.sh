#!/usr/bin/env bash
# Reports the C++ files under src/ and tests/ that clang-format (.clang-format at the root) would
# change, with the first lines of each diff; exits 1 when there is any, 0 when all are formatted.
# Usage: scripts/format_check.sh [FILE...]   (default: every .cpp/.hpp under src/ and tests/)
# Fix a file with: clang-format -i FILE
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
fmt=$(command -v clang-format || command -v clang-format-14 || true)
[[ -n $fmt ]] || { echo "format_check: clang-format not found (bash scripts/setup.sh)" >&2; exit 2; }
if (($#)); then files=("$@"); else mapfile -t files < <(git ls-files 'src/*.cpp' 'src/*.hpp' 'tests/*.cpp' 'tests/*.hpp'); fi
bad=0
for f in "${files[@]}"; do
  if ! out=$(diff -u "$f" <("$fmt" --style=file "$f")); then
    ((++bad))
    echo "format_check: $f differs from .clang-format ($(grep -c '^[-+][^-+]' <<< "$out") lines):"
    head -12 <<< "$out" | sed 's/^/    /'
  fi
done
echo "format_check: $bad of ${#files[@]} files need clang-format"
((bad == 0))
