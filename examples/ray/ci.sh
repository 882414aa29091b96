#!/usr/bin/env bash
# Run the Ray Data example on a local Ray (2 CPUs) on 100,000 references.
# Uses the venv of bindings/python/ci.sh (IBID_VENV); builds the wheel first if missing.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
export IBID_VENV="${IBID_VENV:-$ROOT/bindings/python/.venv}"
PY="$IBID_VENV/bin/python"
if ! { [ -x "$PY" ] && "$PY" -c "import ibid, pyarrow, pytest" 2>/dev/null; }; then
  bash "$ROOT/bindings/python/ci.sh"
fi
echo "== ray example: pip install ray[data]"
"$PY" -m pip install --quiet --disable-pip-version-check -r "$HERE/requirements.txt"
echo "== ray example: pytest (local Ray, 2 CPUs, 100,000 references)"
cd "$HERE"
RAY_USAGE_STATS_ENABLED=0 nice "$PY" -m pytest -q -s -p no:cacheprovider test_ray_local.py
