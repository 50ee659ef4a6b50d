#!/usr/bin/env bash
# The two set-up-free commands (see README):
#   ./dev.sh run [FILES_OR_DIRS...]   score the seeds (or the given files) and print the report
#   ./dev.sh test                     every test: formatting, clippy, cargo tests of the workspace, doctests, benchmarks compiled, then pytest
set -euo pipefail
cd "$(dirname "$0")"

VENV=.venv
PYTHON_BIN=${PYTHON:-python3}

ensure_venv() {
    if [ ! -x "$VENV/bin/python" ]; then
        echo "dev.sh: creating $VENV" >&2
        "$PYTHON_BIN" -m venv "$VENV"
        "$VENV/bin/python" -m pip install -q --upgrade pip
    fi
    # Editable install: builds the extension (release profile) into python/veracity/.
    echo "dev.sh: installing veracity into $VENV (editable)" >&2
    "$VENV/bin/python" -m pip install -q -e ".[test]"
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
        # Formatting first: it takes a second and names the file (rustfmt.toml, stable options).
        cargo fmt --all --check
        ensure_venv
        python_env
        # Lints of every crate and target, warnings as errors (clippy.toml, [workspace.lints]);
        # after python_env, so pyo3 is configured for the same interpreter as the tests.
        cargo clippy --workspace --all-targets -q -- -D warnings
        # The core without its default features (no serde, no rayon) builds and lints clean too.
        cargo clippy -p veracity --no-default-features --all-targets -q -- -D warnings
        cargo test --workspace --all-targets
        cargo test --workspace --doc
        # The benchmarks are compiled, never run here (figures: docs/performance.md).
        cargo bench --workspace --no-run -q
        "$VENV/bin/python" -m pytest -q
        ;;
    *)
        echo "usage: ./dev.sh run [FILES_OR_DIRS...] | ./dev.sh test" >&2
        exit 2
        ;;
esac
