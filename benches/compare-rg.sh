#!/usr/bin/env bash
# Whole-process comparison: `factlint check` with the bundled pack against `rg` searching the
# same cue phrases, over a generated corpus of at least 100 MB (built from the sample drafts,
# in a temporary folder that is removed afterwards).
#
#   bash benches/compare-rg.sh [MEGABYTES]    (default 100)
#
# Needs ripgrep (`apt-get install ripgrep`) and a release build (`cargo build --release`).
set -euo pipefail
cd "$(dirname "$0")/.."
megabytes=${1:-100}
factlint=target/release/factlint
[ -x "$factlint" ] || cargo build --release --quiet
command -v rg >/dev/null || { echo "ripgrep (rg) is not installed" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/corpus"

# One round of drafts (front matter stripped), repeated into files of about 1 MB each.
round="$work/round.md"
for sample in samples/*.md samples/*.txt; do
  awk 'NR==1 && /^---$/ {fm=1; next} fm && /^---$/ {fm=0; next} !fm' "$sample"
  printf '\n\n'
done > "$round"
round_bytes=$(wc -c < "$round")
per_file=$(( 1000000 / round_bytes + 1 ))
for index in $(seq 1 "$megabytes"); do
  for _ in $(seq 1 "$per_file"); do cat "$round"; done > "$work/corpus/draft-$index.md"
done
total=$(du -sb "$work/corpus" | cut -f1)
echo "corpus: $((total / 1000000)) MB in $megabytes files"

# The cue phrases of the pack, one per line, for rg -F.
grep -h '^\s*when ' rules/*.facts | grep -o '"[^"]*"' | tr -d '"' | sort -u > "$work/cues.txt"
echo "cue phrases: $(wc -l < "$work/cues.txt")"

measure() {
  local label=$1; shift
  local start end
  start=$(date +%s.%N)
  "$@" > /dev/null || true
  end=$(date +%s.%N)
  python3 - "$label" "$start" "$end" "$total" <<'PY'
import sys
label, start, end, total = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4])
seconds = end - start
print(f"{label:<34} {seconds:7.2f} s  {total / seconds / 1e6:8.1f} MB/s")
PY
}

measure "rg -i -F -f cues (1 thread)" rg -j1 -i -F -c -f "$work/cues.txt" "$work/corpus"
measure "rg -i -F -f cues (all threads)" rg -i -F -c -f "$work/cues.txt" "$work/corpus"
measure "factlint check --format jsonl" "$factlint" check "$work/corpus" --format jsonl --as-of 2013-07-17
