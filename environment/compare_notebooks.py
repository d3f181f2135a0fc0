"""Compares two runs of the notebooks (test_notebooks.py --out) made under two kernels.

    . build/jupyter/env.sh && "$JUPYTER_PYTHON" environment/compare_notebooks.py build/notebooks build/notebooks-descent-jjava

For every executed notebook in the first folder, the one of the same path in the second must show,
cell by cell, the same text up to timings, and the same number of display outputs:
- text: the cell's stdout, its stderr, its errors and the text of its result value (rapaio sends a
  value as text/html, JJava as text/plain: the text is compared, not the mime), with numbers that
  are times, rates or ratios of times ("12.3 s", "4 ms", "6.0 hours", "850 steps/s", "~8,820 times
  cheaper") and display ids masked, runs of spaces as one; an error by its message (the kernels
  name the exception differently: rapaio "EvalException", JJava "RuntimeException" and the class
  before the message), a compile error by its kind;
- displays: display_data outputs counted per cell (plots, progress bars; an update replaces a
  display in place, so the count does not depend on how many updates came).
Prints one line per difference (notebook, cell, what differs) and a summary; exit status 1 when
any notebook differs or is missing. Only the standard library and nbformat are used.
"""
import argparse
import difflib
import os
import re
import sys

import nbformat

# "1.2 s", "35 ms", "2 min", "1.5 seconds", "0.3s": a time; "850 steps/s", "12 it/s": a rate.
TIME = re.compile(r"\d[\d,]*(?:\.\d+)?(?:[eE][-+]?\d+)?\s*"
                  r"(?:ms|µs|us|ns|s|sec|secs|seconds?|min|minutes?|h|hours?)\b")
RATE = re.compile(r"\d[\d,]*(?:\.\d+)?\s*[A-Za-z]+/s\b")
# "~8,820 times cheaper": a ratio of two measured times
RATIO = re.compile(r"~?\d[\d,]*(?:\.\d+)?\s*(?:x|times)\s+(?:cheaper|faster|slower|more|less)\b")
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
SPACES = re.compile(r" {2,}")
# An error's value as JJava sends it: "java.lang.IllegalArgumentException, weights must not be null"
# (rapaio: ename EvalException, evalue "weights must not be null").
CLASS_PREFIX = re.compile(r"^(?:[a-z_][\w$]*\.)+[A-Z][\w$]*, ")


def mask(text):
    text = RATIO.sub("<ratio>", RATE.sub("<rate>", TIME.sub("<time>", UUID.sub("<id>", text))))
    return SPACES.sub(" ", text)  # widths of padded numbers (%6.1f) differ with the number


def error_text(out):
    """An error as comparable across kernels: a compile error by its kind, else its message."""
    if out.get("ename") in ("CompilerException", "CompilationException"):
        return "error: compile error"
    return "error: " + CLASS_PREFIX.sub("", out.get("evalue", ""))


def value_text(data):
    """A result's text in whatever mime it came (text/plain preferred, else text/html)."""
    for mime in ("text/plain", "text/html"):
        if mime in data:
            v = data[mime]
            return v if isinstance(v, str) else "".join(v)
    return ""


def summary(cell):
    """(masked text, number of display outputs) of one executed code cell."""
    streams = {"stdout": "", "stderr": ""}
    parts, displays = [], 0
    for out in cell.get("outputs", []):
        kind = out.get("output_type")
        if kind == "stream":
            streams[out.get("name", "stdout")] = streams.get(out.get("name", "stdout"), "") + out.get("text", "")
        elif kind == "error":
            parts.append(error_text(out))
        elif kind == "execute_result":
            parts.append("value: " + value_text(out.get("data", {})))
        elif kind == "display_data":
            displays += 1
    text = "stdout: %s\nstderr: %s\n%s" % (streams["stdout"], streams["stderr"], "\n".join(parts))
    return mask(text), displays


def compare(a_path, b_path):
    """Returns a list of differences (strings) between two executed copies of one notebook."""
    a = [c for c in nbformat.read(a_path, as_version=4).cells if c.cell_type == "code"]
    b = [c for c in nbformat.read(b_path, as_version=4).cells if c.cell_type == "code"]
    if len(a) != len(b):
        return ["%d code cells against %d" % (len(a), len(b))]
    diffs = []
    for i, (ca, cb) in enumerate(zip(a, b), 1):
        (ta, da), (tb, db) = summary(ca), summary(cb)
        if da != db:
            diffs.append("code cell %d: %d display outputs against %d" % (i, da, db))
        if ta != tb:
            lines = difflib.unified_diff(ta.splitlines(), tb.splitlines(), lineterm="", n=0)
            diffs.append("code cell %d: text differs:\n    %s" % (i, "\n    ".join(list(lines)[2:12])))
    return diffs


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("first", help="folder of the first run (e.g. build/notebooks)")
    ap.add_argument("second", help="folder of the second run (e.g. build/notebooks-descent-jjava)")
    args = ap.parse_args()
    failed, compared = 0, 0
    for d, dirs, files in os.walk(args.first):
        dirs.sort()
        for f in sorted(files):
            if not f.endswith(".ipynb"):
                continue
            a = os.path.join(d, f)
            rel = os.path.relpath(a, args.first)
            b = os.path.join(args.second, rel)
            compared += 1
            diffs = ["missing in %s" % args.second] if not os.path.exists(b) else compare(a, b)
            for diff in diffs:
                print("DIFF %s: %s" % (rel, diff), file=sys.stderr)
            failed += bool(diffs)
    print("kernels compared: %d notebooks, %d differ (%s against %s)" % (compared, failed, args.first, args.second))
    return 1 if failed or compared == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
