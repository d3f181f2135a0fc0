#!/usr/bin/env bash
# Builds Gradescope's autograder package for one assignment: a zip with setup.sh and
# run_autograder at its top, the jars, the hidden tests and the source notebook. Gradescope
# unpacks it into /autograder/source, runs setup.sh once when it builds the image, then
# run_autograder for each submission (the student's files in /autograder/submission); the result
# goes to /autograder/results/results.json. Called by: bash grader/grade.sh autograder SOURCE OUT.zip
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SOURCE="$1"
OUT="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"
STAGE="$(mktemp -d)"
trap 'rm -rf "$STAGE"' EXIT
mkdir -p "$STAGE/classpath"
cp "$ROOT"/build/classpath/*.jar "$STAGE/classpath/"
cp "$ROOT/build/grader/descent-grader-hidden.jar" "$STAGE/hidden.jar"
cp "$SOURCE" "$STAGE/assignment.ipynb"
cp "$ROOT/grader/gradescope/setup.sh" "$ROOT/grader/gradescope/run_autograder" "$STAGE/"
chmod +x "$STAGE/setup.sh" "$STAGE/run_autograder"
rm -f "$OUT"
(cd "$STAGE" && python3 -c 'import os, sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    for d, _, files in os.walk("."):
        for f in sorted(files):
            p = os.path.join(d, f)
            info = zipfile.ZipInfo.from_file(p, os.path.relpath(p, "."))
            with open(p, "rb") as fh:
                z.writestr(info, fh.read(), zipfile.ZIP_DEFLATED)' "$OUT")
echo "autograder package: $OUT"
