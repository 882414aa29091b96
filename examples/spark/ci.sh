#!/usr/bin/env bash
# Run the Spark example in local mode (local[2]) on 100,000 references.
#
#   bash examples/spark/ci.sh
#
# Uses the venv of bindings/python/ci.sh (IBID_VENV, default
# bindings/python/.venv); builds and installs the ibid wheel there first if it
# is missing. Needs Java 17+ (java on PATH or JAVA_HOME).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
export IBID_VENV="${IBID_VENV:-$ROOT/bindings/python/.venv}"
PY="$IBID_VENV/bin/python"

if ! { [ -x "$PY" ] && "$PY" -c "import ibid, pyarrow, pytest" 2>/dev/null; }; then
  echo "== spark example: the ibid wheel is not installed in $IBID_VENV; running bindings/python/ci.sh first"
  bash "$ROOT/bindings/python/ci.sh"
fi
echo "== spark example: pip install pyspark"
"$PY" -m pip install --quiet --disable-pip-version-check -r "$HERE/requirements.txt"
command -v java >/dev/null || [ -n "${JAVA_HOME:-}" ] || { echo "spark example: no java on PATH and no JAVA_HOME" >&2; exit 1; }
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
export PYSPARK_PYTHON="$PY" PYSPARK_DRIVER_PYTHON="$PY"

echo "== spark example: pytest (local[2], 100,000 references)"
cd "$HERE"
nice "$PY" -m pytest -q -s -p no:cacheprovider test_spark_local.py
