#!/usr/bin/env bash
# The README's install paths on a fresh clone, checked from outside the repository:
#   1. the wheel: pip install "maturin>=1.9.4,<2", maturin build --release, pip install of the
#      wheel with extras into a new venv; then `veracity`, `python -m veracity` and the README's
#      Python quick start, run from a directory outside the clone;
#   2. the command line alone: cargo install --path crates/veracity-cli.
# The clone builds into this checkout's target directory (CARGO_TARGET_DIR), so after
# ./dev.sh test the wheel is mostly cached. Nothing is written outside a temporary directory
# and target/.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PYTHON_BIN=${PYTHON:-python3}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/veracity-install.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
export CARGO_TARGET_DIR="$ROOT/target"

say() { echo "install-check: $*" >&2; }
fail() { echo "install-check: FAILED: $*" >&2; exit 1; }

say "cloning $ROOT (committed state) into $WORK/clone"
git clone --quiet --no-hardlinks "$ROOT" "$WORK/clone"
cd "$WORK/clone"

# 1. The wheel, following the README.
say "a new venv; pip install \"maturin>=1.9.4,<2\"; maturin build --release"
"$PYTHON_BIN" -m venv "$WORK/venv"
# shellcheck disable=SC1091
. "$WORK/venv/bin/activate"
python -m pip install -q --upgrade pip
pip install "maturin>=1.9.4,<2"
rm -f "$CARGO_TARGET_DIR"/wheels/veracity-*.whl
maturin build --release
WHEEL=$(ls "$CARGO_TARGET_DIR"/wheels/veracity-*.whl)
[ "$(echo "$WHEEL" | wc -l)" -eq 1 ] || fail "expected one wheel, got: $WHEEL"
say "pip install the wheel with the extras the quick start uses"
pip install "$WHEEL[pandas,progress]"

# The wheel holds the licences and no seeds, tests or evaluation data.
python - "$WHEEL" <<'EOF'
import sys, zipfile
names = zipfile.ZipFile(sys.argv[1]).namelist()
for lic in ("LICENSE-MIT", "LICENSE-APACHE"):
    assert any(n.endswith(lic) and ".dist-info/" in n for n in names), f"{lic} missing from the wheel"
assert not [n for n in names if n.startswith(("seeds/", "tests/"))], "fixtures in the wheel"
entry = [n for n in names if n.endswith(".dist-info/entry_points.txt")]
assert entry, "no entry points"
EOF

# Outside the clone: a directory holding only a copy of the seeds.
mkdir "$WORK/outside"
cp -r "$WORK/clone/seeds" "$WORK/outside/seeds"
cd "$WORK/outside"

say "veracity from the venv's PATH"
command -v veracity | grep -q "^$WORK/venv/" || fail "veracity is not the venv's command: $(command -v veracity)"
veracity --version | grep -Eq '^veracity [0-9]+\.[0-9]+\.[0-9]+' || fail "veracity --version"
n=$(veracity analyze seeds --format jsonl | wc -l)
[ "$n" -eq 5 ] || fail "veracity analyze seeds: $n articles, expected 5"
python -m veracity analyze seeds/000_963e1f8edc67a8f6.txt --format json -o one.json
python -c "import json; d = json.load(open('one.json')); assert len(d['articles']) == 1 and d['errors'] == []"
# A usage error is status 2 through the console script too.
set +e
veracity analyze seeds --format nonsense 2>/dev/null
code=$?
set -e
[ "$code" -eq 2 ] || fail "a bad --format gave status $code, expected 2"

say "the README's Python quick start, from outside the clone"
python - "$WORK/clone/README.md" <<'EOF'
import contextlib, io, re, sys
import veracity
assert "/venv/" in veracity.__file__ and "/clone/" not in veracity.__file__, veracity.__file__
block = re.findall(r"```python\n(.*?)```", open(sys.argv[1], encoding="utf-8").read(), flags=re.S)
assert len(block) == 1
out = io.StringIO()
with contextlib.redirect_stdout(out):
    exec(compile(block[0], "README.md", "exec"), {"__name__": "readme"})
text = out.getvalue()
assert text.count("check-worthiness ") == 3, text
assert "000_963e1f8edc67a8f6" in text and "NaN" not in text.split("Corroboration(")[0], text
assert "Corroboration(groups=" in text, text
EOF
deactivate

# 2. The command line alone.
say "cargo install --path crates/veracity-cli"
(cd "$WORK/clone" && cargo install --path crates/veracity-cli --locked --quiet --root "$WORK/cargo")
n=$("$WORK/cargo/bin/veracity" analyze seeds --format jsonl | wc -l)
[ "$n" -eq 5 ] || fail "the cargo-installed veracity: $n articles, expected 5"

say "ok: the wheel (library and command) and cargo install work from outside the repository"
