#!/usr/bin/env bash
# Build the ibid wheel and run its Python tests in a virtualenv.
#
#   bash bindings/python/ci.sh
#
# Environment: PYTHON (interpreter to make the venv from, default python3),
# IBID_VENV (venv folder, default bindings/python/.venv; examples/spark/ci.sh
# reuses it). Needs only crates.io and PyPI.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
VENV="${IBID_VENV:-$HERE/.venv}"
PYTHON="${PYTHON:-python3}"

echo "== python bindings: venv at $VENV"
if [ ! -x "$VENV/bin/python" ]; then
  "$PYTHON" -m venv "$VENV"
fi
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -r "$HERE/requirements-ci.txt"

WHEELS="$(mktemp -d)"
trap 'rm -rf "$WHEELS"' EXIT
echo "== python bindings: maturin build --release"
cd "$HERE"
nice "$VENV/bin/maturin" build --release --out "$WHEELS" --interpreter "$VENV/bin/python"
if ! git diff --quiet -- Cargo.lock 2>/dev/null; then
  echo "NOTE: bindings/python/Cargo.lock changed during the build (a workspace crate changed its dependencies); commit the new lock file" >&2
fi
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --force-reinstall --no-deps "$WHEELS"/ibid-*.whl

echo "== python bindings: cargo test (Rust side of the bindings)"
PYO3_PYTHON="$VENV/bin/python" nice cargo test --release --quiet

echo "== python bindings: pytest"
# run from tests/ so that `import ibid` is the installed wheel, not python/ibid
cd "$HERE/tests"
"$VENV/bin/python" -m pytest -q -p no:cacheprovider .
