#!/usr/bin/env bash
# The README's test command (also what .ci/run calls):
#   1. the library's unit tests (Maven);
#   2. environment/install.sh --for-tests (idempotent; adds nbclient, nbconvert, Chromium if missing);
#   3. every notebook under notebooks/ executed headless with the Descent kernel, failing on any
#      cell error; executed copies + HTML exports in build/notebooks/;
#   4. headless Chromium, without network, checks the plots in the exported HTML drew, and saves
#      screenshots to build/notebooks/screenshots/ (the build artifact).
#
#   bash environment/test.sh [NOTEBOOK...]     (default: all notebooks)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

echo "[descent] 1/4 library tests"
mvn -q -B -Ddescent.buildDir="${DESCENT_BUILD_DIR:-$ROOT/lib/target}" test

echo "[descent] 2/4 environment"
bash "$ROOT/environment/install.sh" --for-tests
# shellcheck source=/dev/null
. "$ROOT/build/jupyter/env.sh"

echo "[descent] 3/4 notebooks"
rm -rf "$ROOT/build/notebooks"
"$JUPYTER_PYTHON" "$ROOT/environment/test_notebooks.py" "$@"

echo "[descent] 4/4 plots in headless Chromium"
"$JUPYTER_PYTHON" "$ROOT/environment/check_plots.py"
echo "[descent] all tests passed"
