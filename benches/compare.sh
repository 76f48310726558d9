#!/usr/bin/env bash
# `just compare [--filter S ...] [--quick]`: NumPy and numerust timed in one sitting on the
# same rows, then NumPy time / numerust time per row. THREADS=2 runs both sides with two
# threads (default 1); MARKDOWN=1 prints a table for docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
test -x .venv/bin/python || { python3 -m venv .venv && .venv/bin/pip install -q -r ../shared/bench/requirements.txt; }
# One folder per run, so concurrent runs do not mix their results.
out=target/compare/$$; mkdir -p "$out"
cargo build --release -q -p numerust-benches --bin compare
# Only the rows numerust implements (further narrowed by the caller's --filter/--quick).
np_filters=()
while read -r row; do np_filters+=(--filter "$row"); done < <(./target/release/compare --list "$@")
quick=()
for a in "$@"; do [ "$a" = --quick ] && quick=(--quick); done
# OPENBLAS_* variables slow current NumPy here (see env notes); unset them for this run only.
t=${THREADS:-1}
env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OPENBLAS_NUM_THREADS=$t RAYON_NUM_THREADS=$t \
    .venv/bin/python ../shared/bench/numpy_bench.py --out "$out/numpy_${t}t.jsonl" "${np_filters[@]}" "${quick[@]}" >/dev/null
# Rows the issues ask for that the shared script lacks (same timing, appended).
env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OPENBLAS_NUM_THREADS=$t RAYON_NUM_THREADS=$t \
    .venv/bin/python benches/numpy_extra.py --out "$out/numpy_${t}t.jsonl" "${np_filters[@]}" "${quick[@]}" >/dev/null
RAYON_NUM_THREADS=$t ./target/release/compare --out "$out/numerust_${t}t.jsonl" "$@"
.venv/bin/python benches/compare.py "$out/numpy_${t}t.jsonl" "$out/numerust_${t}t.jsonl" ${MARKDOWN:+--markdown}
