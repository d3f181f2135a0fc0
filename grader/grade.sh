#!/usr/bin/env bash
# The grader's command line. Builds the library and grader jars when the sources changed
# (environment/install.sh --grader-only: no Jupyter needed), then runs descent.grade.Main:
#
#   bash grader/grade.sh release notebooks/assignments/source/a1-svm.ipynb
#   bash grader/grade.sh grade notebooks/assignments/source/a1-svm.ipynb submissions/ [--out build/grades/svm]
#   bash grader/grade.sh grade-one SOURCE.ipynb SUBMISSION_DIR --results results.json
#   bash grader/grade.sh autograder SOURCE.ipynb OUT.zip      (Gradescope's autograder package)
#
# Options of grade: --jobs N, --test-seconds S, --submission-seconds S, --heap MB, --no-sandbox.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# DESCENT_GRADER_BUILT=1: the caller has just built it (grader/test_cli.sh), skip the Maven run.
if [ "${DESCENT_GRADER_BUILT:-0}" != 1 ]; then
  DESCENT_SKIP_KERNEL_CHECK=1 bash "$ROOT/environment/install.sh" --grader-only >/dev/null \
    || { echo "grade.sh: building the grader failed; run: bash environment/install.sh --grader-only" >&2; exit 1; }
fi
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

if [ "${1:-}" = autograder ]; then
  [ $# -eq 3 ] || { echo "usage: grade.sh autograder SOURCE.ipynb OUT.zip" >&2; exit 2; }
  exec bash "$ROOT/grader/gradescope/package.sh" "$2" "$3"
fi
exec "$JAVA" --add-modules=jdk.incubator.vector -Dslf4j.internal.verbosity=ERROR \
  -Ddescent.grade.hidden="$ROOT/build/grader/descent-grader-hidden.jar" \
  -cp "$ROOT/build/classpath/*" descent.grade.Main "$@"
