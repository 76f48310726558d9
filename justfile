# numerust task runner. Set-up once: `cargo install just cargo-fuzz` and
# `rustup component add --toolchain nightly miri`; NumPy for `reference`/`compare`:
# `python3 -m venv .venv && .venv/bin/pip install -r ../shared/bench/requirements.txt`.

set shell := ["bash", "-uc"]

# Run the whole test suite (what CI runs).
test:
    cargo test --workspace

# Property tests with many cases.
proptest-long:
    PROPTEST_CASES=2000 cargo test --workspace --release

# Criterion benches.
bench *ARGS:
    cargo bench -p numerust-benches {{ARGS}}

# NumPy vs numerust in one sitting: prints NumPy time / numerust time per row.
compare *ARGS:
    bash benches/compare.sh {{ARGS}}

# Core and kernels tests under Miri (sizes shrink under cfg(miri)). The printing and
# transcendental-accuracy suites are left out: Miri needs hours for their bignum and
# validation-set loops, and they hold no unsafe code of their own.
miri:
    MIRIFLAGS=-Zmiri-disable-isolation PROPTEST_CASES=4 cargo +nightly miri test -p numerust-kernels --lib
    MIRIFLAGS=-Zmiri-disable-isolation PROPTEST_CASES=4 cargo +nightly miri test -p numerust-core --lib --test arrays --test laws --test shape --test casting --test creation --test indexing --test join_split --test manip --test ufunc_arith

# Fuzz one parser (npy, npz, csv) for SECONDS; needs nightly and `cargo install cargo-fuzz`.
# Seeds come from the NumPy reference files; new inputs go to fuzz/corpus/TARGET and
# crashes to fuzz/artifacts/TARGET (turn each into a unit test in crates/io).
fuzz TARGET SECONDS="60":
    mkdir -p fuzz/corpus/{{TARGET}}
    seeds=tests/reference/npy; [ {{TARGET}} = csv ] && seeds=tests/reference/csv/inputs; \
    cargo +nightly fuzz run {{TARGET}} fuzz/corpus/{{TARGET}} $seeds -- -max_total_time={{SECONDS}} -rss_limit_mb=2048

# STREAM memory bandwidth (copy/scale/add/triad) at 1 and 2 threads: the ceiling for the
# memory-bound rows of `compare`.
stream:
    cargo build --release -q -p numerust-benches --bin stream
    for t in 1 2; do RAYON_NUM_THREADS=$t ./target/release/stream; done

# Regenerate the NumPy reference data in tests/reference/.
reference *TOPICS:
    test -x .venv/bin/python || (python3 -m venv .venv && .venv/bin/pip install -r tools/reference/requirements.txt)
    .venv/bin/python tools/reference/generate.py {{TOPICS}}
    .venv/bin/python tools/reference/npy_files.py
    .venv/bin/python tools/reference/csv_files.py

# API docs.
doc:
    cargo doc --workspace --no-deps

# Lints CI enforces.
lint:
    cargo fmt --all --check
    cargo clippy --workspace --all-targets -- -D warnings
