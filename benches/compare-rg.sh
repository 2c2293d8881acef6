#!/usr/bin/env bash
# Whole-process comparison: `factlint check` with the bundled pack against `rg` searching the
# same cue phrases, over generated corpora of at least 100 MB (benches/support/corpus.rs, via
# examples/corpus.rs): drafts of about 20 KB of ordinary prose, with a given share of their
# paragraphs taken from the sample drafts, where every sentence states facts of the pack.
#
#   bash benches/compare-rg.sh [MEGABYTES] [SHARE ...]    (defaults: 100, and shares 0 10 100)
#
# Each corpus is written to a temporary folder and removed afterwards. factlint is timed on
# one core (taskset) and on all cores; rg with one thread and with all. Needs ripgrep
# (`apt-get install ripgrep`); builds the release binary and the corpus example if missing.
set -euo pipefail
cd "$(dirname "$0")/.."
megabytes=${1:-100}
shift || true
shares=("$@")
[ ${#shares[@]} -gt 0 ] || shares=(0 10 100)
factlint=target/release/factlint
generate=target/release/examples/corpus
[ -x "$factlint" ] || cargo build --release --quiet
[ -x "$generate" ] || cargo build --release --quiet --example corpus
command -v rg >/dev/null || { echo "ripgrep (rg) is not installed" >&2; exit 2; }
one_core=()
command -v taskset >/dev/null && one_core=(taskset -c 0)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The cue phrases of the pack, one per line, for rg -F.
grep -h '^\s*when ' rules/*.facts | grep -o '"[^"]*"' | tr -d '"' | sort -u > "$work/cues.txt"
echo "cue phrases: $(wc -l < "$work/cues.txt")"

measure() {
  local label=$1 total=$2; shift 2
  local start end
  start=$(date +%s.%N)
  "$@" > /dev/null || true
  end=$(date +%s.%N)
  python3 - "$label" "$start" "$end" "$total" <<'PY'
import sys
label, start, end, total = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4])
seconds = end - start
print(f"  {label:<38} {seconds:7.2f} s  {total / seconds / 1e6:8.1f} MB/s")
PY
}

for share in "${shares[@]}"; do
  corpus="$work/corpus-$share"
  "$generate" "$corpus" "$megabytes" "$share" 2> "$work/generated.txt"
  total=$(du -sb "$corpus" | cut -f1)
  echo "corpus: $(cat "$work/generated.txt") ($((total / 1000000)) MB)"
  measure "rg -i -F -f cues (1 thread)" "$total" rg -j1 -i -F -c -f "$work/cues.txt" "$corpus"
  measure "rg -i -F -f cues (all threads)" "$total" rg -i -F -c -f "$work/cues.txt" "$corpus"
  if [ ${#one_core[@]} -gt 0 ]; then
    measure "factlint check --format jsonl (1 core)" "$total" \
      "${one_core[@]}" "$factlint" check "$corpus" --format jsonl --as-of 2013-07-17
  fi
  measure "factlint check --format jsonl (all cores)" "$total" \
    "$factlint" check "$corpus" --format jsonl --as-of 2013-07-17
  rm -rf "$corpus"
done
