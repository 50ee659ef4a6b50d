#!/usr/bin/env bash
# The two set-up-free commands (see README), and a quicker inner loop:
#   ./dev.sh run [FILES_OR_DIRS...]   score the seeds (or the given files) and print the report
#   ./dev.sh test                     every test: formatting, clippy, cargo tests of the workspace, doctests, benchmarks compiled, then pytest
#   ./dev.sh check                    the inner loop: formatting, clippy and the tests of the Rust crates (no Python, no doctests, no benchmarks)
set -euo pipefail
cd "$(dirname "$0")"

VENV=.venv
PYTHON_BIN=${PYTHON:-python3}
# Hash of everything the editable install is built from; the build is skipped while it matches.
STAMP="$VENV/.veracity-build-stamp"

say() { echo "dev.sh: $*" >&2; }

# `cargo fmt` and `cargo clippy` are rustup components, not always installed with the toolchain.
ensure_components() {
    local missing=()
    cargo fmt --version >/dev/null 2>&1 || missing+=(rustfmt)
    cargo clippy --version >/dev/null 2>&1 || missing+=(clippy)
    [ ${#missing[@]} -eq 0 ] && return 0
    if command -v rustup >/dev/null 2>&1; then
        say "installing the rustup components ${missing[*]} (rustup component add ${missing[*]})"
        rustup component add "${missing[@]}"
    else
        say "needs the rustup components ${missing[*]}: install them with 'rustup component add ${missing[*]}'"
        exit 1
    fi
}

# The sources of the extension and the package metadata: Rust sources and data of every crate,
# the manifests, the lock file and pyproject.toml. Python sources are not in it: the install is
# editable, so they are used in place.
build_inputs_hash() {
    {
        find crates/veracity crates/veracity-truth crates/veracity-py crates/veracity-cli \
            -path '*/target' -prune -o -type f \( -name '*.rs' -o -name '*.toml' -o -name '*.txt' \) -print
        echo Cargo.toml Cargo.lock pyproject.toml rust-toolchain.toml | tr ' ' '\n'
    } | LC_ALL=C sort | while read -r f; do
        if [ -f "$f" ]; then
            echo "$f"
            cat "$f"
        fi
    done | sha256sum | cut -d' ' -f1
}

ensure_venv() {
    if [ ! -x "$VENV/bin/python" ]; then
        say "creating $VENV"
        "$PYTHON_BIN" -m venv "$VENV"
        "$VENV/bin/python" -m pip install --upgrade pip
    fi
    local want have=""
    want=$(build_inputs_hash)
    if [ -f "$STAMP" ]; then have=$(cat "$STAMP"); fi
    if [ "$want" = "$have" ] && compgen -G "python/veracity/_native*" >/dev/null; then
        say "veracity in $VENV is up to date (no Rust, manifest or pyproject change since the last build): no reinstall"
        return 0
    fi
    # Editable install: maturin builds the extension (release profile) into python/veracity/,
    # showing cargo's progress, and installs the package with its test extras into the venv.
    say "building the extension and installing veracity into $VENV (editable, with the test extras)"
    if [ ! -x "$VENV/bin/maturin" ]; then
        "$VENV/bin/python" -m pip install "maturin>=1.9.4,<2"
    fi
    rm -f "$STAMP"
    VIRTUAL_ENV="$PWD/$VENV" "$VENV/bin/maturin" develop --release --extras test
    echo "$want" >"$STAMP"
}

python_env() {
    # Rust tests that link libpython must find the same interpreter the venv uses.
    export PYO3_PYTHON="$PWD/$VENV/bin/python"
    local libdir
    libdir=$("$PYO3_PYTHON" -c 'import sysconfig; print(sysconfig.get_config_var("LIBDIR") or "")')
    export LD_LIBRARY_PATH="${libdir}${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
}

cmd=${1:-}
[ $# -gt 0 ] && shift
case "$cmd" in
    run)
        cargo build -q --release -p veracity-cli
        if [ $# -eq 0 ]; then set -- seeds; fi
        exec target/release/veracity analyze "$@"
        ;;
    test)
        ensure_components
        # Formatting first: it takes a second and names the file (rustfmt.toml, stable options).
        cargo fmt --all --check
        ensure_venv
        python_env
        # Lints of every crate and target, warnings as errors (clippy.toml, [workspace.lints]);
        # after python_env, so pyo3 is configured for the same interpreter as the tests.
        cargo clippy --workspace --all-targets -q -- -D warnings
        # The core and truth discovery without their default features (no serde, no rayon) build
        # and lint clean too.
        cargo clippy -p veracity --no-default-features --all-targets -q -- -D warnings
        cargo clippy -p veracity-truth --no-default-features --all-targets -q -- -D warnings
        cargo test --workspace --all-targets
        cargo test --workspace --doc
        # The benchmarks are compiled, never run here (figures: docs/performance.md).
        cargo bench --workspace --no-run -q
        "$VENV/bin/python" -m pytest -q
        ;;
    check)
        ensure_components
        cargo fmt --all --check
        # The core and the command line (the default members); the binding needs the venv's
        # Python and is checked by ./dev.sh test.
        cargo clippy --all-targets -q -- -D warnings
        cargo test -q --all-targets
        ;;
    *)
        echo "usage: ./dev.sh run [FILES_OR_DIRS...] | ./dev.sh test | ./dev.sh check" >&2
        exit 2
        ;;
esac
