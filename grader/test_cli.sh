#!/usr/bin/env bash
# The grader's command line as an instructor uses it, on every assignment (part of the test command):
#   1. `grade.sh grade` on a folder with the solution and the untouched student notebook: the
#      gradebook has full marks for one and 0 for the other;
#   2. `grade.sh autograder` builds Gradescope's package; it is unpacked into a stand-in of
#      Gradescope's folders (source/, submission/, results/), its setup.sh runs (the JDK is already
#      there; CIFAR-10 is checked) and its run_autograder grades both notebooks into results.json,
#      checked against Gradescope's format.
#
#   bash grader/test_cli.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
export DESCENT_DATA_DIR="${DESCENT_DATA_DIR:-$HOME/.cache/descent}"
PASSED=0
# Build the jars once (grade.sh would on every call), then tell grade.sh they are fresh.
DESCENT_SKIP_KERNEL_CHECK=1 bash environment/install.sh --grader-only >/dev/null
export DESCENT_GRADER_BUILT=1

check_json() {  # check_json RESULTS.json EXPECT(full|zero) NAME
  python3 - "$@" <<'PY'
import json, sys
path, expect, name = sys.argv[1:]
r = json.load(open(path))
tests = r["tests"]
assert tests, "%s: no tests in %s" % (name, path)
for t in tests:
    for key in ("name", "score", "max_score", "output", "visibility"):
        assert key in t, "%s: test without %s: %s" % (name, key, t)
    assert t["visibility"] in ("visible", "hidden", "after_due_date", "after_published"), t
total = sum(t["max_score"] for t in tests)
assert r["max_score"] == total and total > 0, (name, r["max_score"], total)
if expect == "full":
    assert r["score"] == total, "%s: solution scored %s of %s" % (name, r["score"], total)
else:
    assert r["score"] == 0, "%s: untouched notebook scored %s" % (name, r["score"])
    assert any("not implemented yet" in t["output"] for t in tests), name
print("ok   %s %s: %s of %s points, %d tests" % (name, expect, r["score"], total, len(tests)))
PY
}

for source in notebooks/assignments/source/*.ipynb; do
  name="$(basename "$source")"
  sub="$TMP/${name%.ipynb}/submissions"
  mkdir -p "$sub/solution" "$sub/untouched"
  cp "$source" "$sub/solution/$name"
  cp "notebooks/assignments/release/$name" "$sub/untouched/$name"
  bash grader/grade.sh grade "$source" "$sub" --out "$TMP/${name%.ipynb}/grades" --jobs 2 \
    > "$TMP/grade.log" 2>&1 || { cat "$TMP/grade.log" >&2; echo "FAIL grade.sh grade $name" >&2; exit 1; }
  book="$TMP/${name%.ipynb}/grades/gradebook.csv"
  python3 - "$book" "$name" <<'PY'
import csv, sys
rows = {r["student"]: r for r in csv.DictReader(open(sys.argv[1]))}
assert set(rows) == {"solution", "untouched"}, rows.keys()
s, u = rows["solution"], rows["untouched"]
assert float(s["score"]) == float(s["max_score"]) > 0, s
assert float(u["score"]) == 0, u
print("ok   grade.sh grade %s: gradebook solution %s/%s, untouched %s/%s"
      % (sys.argv[2], s["score"], s["max_score"], u["score"], u["max_score"]))
PY
  PASSED=$((PASSED + 1))

  bash grader/grade.sh autograder "$source" "$TMP/$name.zip" >/dev/null
  for who in solution untouched; do
    ag="$TMP/gradescope-${name%.ipynb}-$who"
    mkdir -p "$ag/source" "$ag/submission" "$ag/results"
    (cd "$ag/source" && python3 -m zipfile -e "$TMP/$name.zip" .)
    chmod +x "$ag/source/run_autograder" "$ag/source/setup.sh"
    if [ "$who" = solution ]; then  # Gradescope runs setup.sh once per image: here the JDK is there
      bash "$ag/source/setup.sh" > "$ag/setup.log" 2>&1 \
        || { cat "$ag/setup.log" >&2; echo "FAIL setup.sh $name" >&2; exit 1; }
      grep -q "CIFAR-10 ready in" "$ag/setup.log" || { cat "$ag/setup.log" >&2; exit 1; }
    fi
    cp "$sub/$who/$name" "$ag/submission/$name"
    AUTOGRADER_ROOT="$ag" bash "$ag/source/run_autograder" > "$ag/log" 2>&1 \
      || { cat "$ag/log" >&2; echo "FAIL run_autograder $name $who" >&2; exit 1; }
    check_json "$ag/results/results.json" "$([ $who = solution ] && echo full || echo zero)" "run_autograder $name"
    PASSED=$((PASSED + 1))
  done
done
echo "[descent] grader command line: $PASSED checked (grade.sh grade, Gradescope's run_autograder)"
