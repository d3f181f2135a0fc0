#!/usr/bin/env bash
# How long the grader takes for a class: 50 submissions of each assignment (a realistic mix:
# 20 full solutions, 10 untouched student notebooks, 10 with only the first question done, 10 whose
# last answer does not compile), graded by `grade.sh grade` with 2 jobs on this machine,
# sandboxed as in production. A benchmark, not a test: it prints times and the gradebooks' totals.
#
#   bash bench/grade_bench.sh [N]        N submissions per assignment (default 50)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
N="${1:-50}"
WORK="$ROOT/build/bench-grading"
rm -rf "$WORK" && mkdir -p "$WORK"
DESCENT_SKIP_KERNEL_CHECK=1 bash environment/install.sh --grader-only >/dev/null
echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'); cpu: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores;" \
  "java: $(java -version 2>&1 | head -n1); load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for source in notebooks/assignments/source/*.ipynb; do
  name="$(basename "$source")"
  sub="$WORK/${name%.ipynb}/submissions"
  python3 - "$source" "notebooks/assignments/release/$name" "$sub" "$N" <<'PY'
import copy, json, os, sys
source, release, out, n = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
src, rel = json.load(open(source)), json.load(open(release))
def answers(nb):
    return [i for i, c in enumerate(nb["cells"]) if c["metadata"].get("descent", {}).get("role") == "answer"]
for k in range(n):
    kind = ["solution", "solution", "untouched", "first-only", "compile-error"][k % 5]
    if kind == "untouched":
        nb = copy.deepcopy(rel)
    elif kind == "first-only":
        nb = copy.deepcopy(rel)
        first = answers(src)[0]
        nb["cells"][first]["source"] = src["cells"][first]["source"]
    else:
        nb = copy.deepcopy(src)
        if kind == "compile-error":  # the last answer loses its closing line: it no longer compiles
            last = answers(nb)[-1]
            nb["cells"][last]["source"] = nb["cells"][last]["source"][:-1]
    d = os.path.join(out, "student%02d-%s" % (k + 1, kind))
    os.makedirs(d, exist_ok=True)
    json.dump(nb, open(os.path.join(d, os.path.basename(source)), "w"), indent=1)
PY
  start=$(date +%s.%N)
  bash grader/grade.sh grade "$source" "$sub" --out "$WORK/${name%.ipynb}/grades" --jobs 2 \
    > "$WORK/${name%.ipynb}/grade.log" 2>&1
  end=$(date +%s.%N)
  python3 - "$WORK/${name%.ipynb}" "$name" "$start" "$end" <<'PY'
import csv, re, statistics, sys
work, name, start, end = sys.argv[1], sys.argv[2], float(sys.argv[3]), float(sys.argv[4])
rows = list(csv.DictReader(open(work + "/grades/gradebook.csv")))
log = open(work + "/grade.log").read()
per = [float(x) for x in re.findall(r"points +([0-9.]+) s", log)]
ref = re.search(r"reference solution: .*", log).group(0)
print("%-22s %3d submissions in %6.1f s (grade.sh, 2 jobs); per submission median %.1f s, max %.1f s; %s"
      % (name, len(rows), end - start, statistics.median(per), max(per), ref))
PY
done
echo "gradebooks: $WORK/*/grades/gradebook.csv"
