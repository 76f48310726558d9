#!/usr/bin/env bash
# `just compare [--filter S ...] [--quick]`: NumPy and numerust timed in one sitting on the
# same rows, single-threaded, then NumPy time / numerust time per row.
set -euo pipefail
cd "$(dirname "$0")/.."
test -x .venv/bin/python || { python3 -m venv .venv && .venv/bin/pip install -q -r ../shared/bench/requirements.txt; }
mkdir -p target
cargo build --release -q -p numerust-benches --bin compare
# Only the rows numerust implements (further narrowed by the caller's --filter/--quick).
np_filters=()
while read -r row; do np_filters+=(--filter "$row"); done < <(./target/release/compare --list "$@")
quick=()
for a in "$@"; do [ "$a" = --quick ] && quick=(--quick); done
# OPENBLAS_* variables slow current NumPy here (see env notes); unset them for this run only.
env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OPENBLAS_NUM_THREADS=1 RAYON_NUM_THREADS=1 \
    .venv/bin/python ../shared/bench/numpy_bench.py --out target/numpy_1t.jsonl "${np_filters[@]}" "${quick[@]}" >/dev/null
RAYON_NUM_THREADS=1 ./target/release/compare --out target/numerust_1t.jsonl "$@"
.venv/bin/python benches/compare.py target/numpy_1t.jsonl target/numerust_1t.jsonl ${MARKDOWN:+--markdown}
