"""Executes every notebook under notebooks/ headless with the Descent kernel and exports it to HTML.

Run with the Python that belongs to Jupyter and JUPYTER_PATH set (test.sh does both):

    . build/jupyter/env.sh && "$JUPYTER_PYTHON" environment/test_notebooks.py [NOTEBOOK...]

For notebooks/X.ipynb it writes build/notebooks/X.ipynb (executed, with outputs) and
build/notebooks/X.html (nbconvert's HTML export). Any cell error fails the run: the message
names the notebook, the cell number and the error. Each cell may run up to --cell-timeout seconds.
The kernel's peak resident memory (VmHWM) is measured too: above 2 GB (Binder's container) fails
the notebook. Run time and peak memory of each notebook go to build/notebooks/summary.tsv.
--out DIR writes all of it to DIR instead (test_routes.sh: the Debian route's run beside the main one).
--kernel NAME runs them under another kernelspec (test.sh: descent-jjava into build/notebooks-descent-jjava;
environment/compare_notebooks.py then compares the two runs).
Uses nbclient and nbconvert only (no network).
"""
import argparse
import datetime
import os
import sys
import threading
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError
from nbconvert import HTMLExporter

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NOTEBOOKS = os.path.join(ROOT, "notebooks")
OUT = os.path.join(ROOT, "build", "notebooks")


def find_notebooks():
    found = []
    for d, dirs, files in os.walk(NOTEBOOKS):
        dirs[:] = sorted(x for x in dirs if not x.startswith("."))
        found += [os.path.join(d, f) for f in sorted(files) if f.endswith(".ipynb")]
    return found


# A notebook whose kernel's resident memory peaks above this would not fit Binder's 2 GB container.
CONTAINER_MB = 2048


def watch_peak_rss(client, stop, peak_kb):
    """Polls the kernel process's VmHWM (peak resident set, kB) from /proc until told to stop."""
    while not stop.is_set():
        try:
            pid = client.km.provisioner.process.pid
            with open("/proc/%d/status" % pid) as f:
                for line in f:
                    if line.startswith("VmHWM:"):
                        peak_kb[0] = max(peak_kb[0], int(line.split()[1]))
        except (AttributeError, OSError, ValueError):
            pass  # kernel not started yet, already gone, or no /proc (not Linux)
        stop.wait(0.2)


def run_one(path, kernel, cell_timeout, startup_timeout, out):
    """Executes one notebook; returns (seconds, seconds inside its cells, peak kernel RSS in MB or 0,
    error message or None). The difference of the two times is the kernel's start and shut-down."""
    rel = os.path.relpath(path, NOTEBOOKS)
    nb = nbformat.read(path, as_version=4)
    released = is_released_assignment(path)
    client = NotebookClient(nb, kernel_name=kernel, timeout=cell_timeout, startup_timeout=startup_timeout,
                            allow_errors=released, resources={"metadata": {"path": os.path.dirname(path)}})
    t0 = time.monotonic()
    error = None
    stop, peak_kb = threading.Event(), [0]
    watcher = threading.Thread(target=watch_peak_rss, args=(client, stop, peak_kb), daemon=True)
    watcher.start()
    try:
        client.execute()
    except CellExecutionError as e:
        error = "a cell raised an error:\n%s" % e
    except CellTimeoutError as e:
        error = "a cell ran longer than %d s: %s" % (cell_timeout, e)
    except DeadKernelError as e:
        error = "the kernel died: %s" % e
    except RuntimeError as e:  # kernel did not start
        error = ("the kernel '%s' did not start: %s. Fix: run 'bash environment/install.sh' "
                 "and see build/jupyter/kernel-check.log" % (kernel, e))
    seconds = time.monotonic() - t0
    if error is None and is_assignment(path):
        error = check_assignment(nb, released)
    stop.set()
    watcher.join()
    peak_mb = peak_kb[0] / 1024.0
    if error is None and peak_mb > CONTAINER_MB:
        error = ("the kernel's resident memory peaked at %.0f MB, more than a %d MB container allows"
                 % (peak_mb, CONTAINER_MB))
    # Write what ran, even on failure, so the error can be read in the executed notebook.
    base = os.path.join(out, os.path.splitext(rel)[0])
    os.makedirs(os.path.dirname(base), exist_ok=True)
    nbformat.write(nb, base + ".ipynb")
    html, _ = HTMLExporter().from_notebook_node(nb)
    with open(base + ".html", "w", encoding="utf-8") as f:
        f.write(html)
    return seconds, cell_seconds(nb), peak_mb, error


def cell_seconds(nb):
    """The time spent inside the notebook's cells, from the timing nbclient records in each cell."""
    total = 0.0
    for cell in nb.cells:
        timing = cell.get("metadata", {}).get("execution", {})
        start, end = timing.get("iopub.execute_input"), timing.get("shell.execute_reply")
        if start and end:
            total += (parse_time(end) - parse_time(start)).total_seconds()
    return total


def parse_time(stamp):
    return datetime.datetime.fromisoformat(stamp.replace("Z", "+00:00"))


def is_assignment(path):
    return os.sep + os.path.join("notebooks", "assignments") + os.sep in os.path.abspath(path)


def is_released_assignment(path):
    return is_assignment(path) and os.sep + "release" + os.sep in os.path.abspath(path)


def cell_text(cell):
    """Everything a cell showed: streams, errors and the text of rich outputs (HTML included)."""
    parts = []
    for out in cell.get("outputs", []):
        if out.get("output_type") == "stream":
            parts.append(out.get("text", ""))
        elif out.get("output_type") == "error":
            parts.append("%s: %s\n%s" % (out.get("ename", ""), out.get("evalue", ""),
                                          "\n".join(out.get("traceback", []))))
        else:
            for value in out.get("data", {}).values():
                parts.append(value if isinstance(value, str) else "".join(value))
    return "\n".join(parts)


def check_assignment(nb, released):
    """The self-check cells of an assignment notebook report what they must.

    Source notebooks (the reference solutions): every check cell says "all passed".
    Released notebooks (stubs): set-up, answer and check cells run without error (other cells may
    fail: they call the stubs), and every check cell reports its tests failing with the "not
    implemented yet" message instead of crashing the run."""
    checks = 0
    for i, cell in enumerate(nb.cells):
        role = cell.get("metadata", {}).get("descent", {}).get("role", "")
        text = cell_text(cell)
        has_error = any(o.get("output_type") == "error" for o in cell.get("outputs", []))
        if role in ("setup", "answer", "check") and has_error:
            return "cell %d (%s) raised an error:\n%s" % (i + 1, role, text[:2000])
        if role != "check":
            continue
        checks += 1
        if not released and "- all passed" not in text:
            return "check cell %d of the reference solution did not pass all its tests:\n%s" % (i + 1, text[:2000])
        if released and ("tests passed" not in text or "- all passed" in text
                         or "not implemented yet" not in text):
            return ("check cell %d of the student notebook should report its tests failing with 'not "
                    "implemented yet', but showed:\n%s" % (i + 1, text[:2000]))
    if checks == 0:
        return "an assignment notebook without check cells (metadata descent.role = \"check\")"
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("notebooks", nargs="*", help="notebooks to run (default: all under notebooks/)")
    ap.add_argument("--kernel", default="descent-java")
    ap.add_argument("--cell-timeout", type=int, default=1800)
    ap.add_argument("--startup-timeout", type=int, default=120)
    ap.add_argument("--out", default=OUT, help="where executed copies, HTML and summary.tsv go "
                    "(default: build/notebooks)")
    args = ap.parse_args()

    paths = [os.path.abspath(p) for p in args.notebooks] or find_notebooks()
    if not paths:
        print("no notebooks under %s" % NOTEBOOKS, file=sys.stderr)
        return 1
    failed = 0
    rows = []
    for path in paths:
        rel = os.path.relpath(path, ROOT)
        seconds, in_cells, peak_mb, error = run_one(path, args.kernel, args.cell_timeout, args.startup_timeout,
                                                    args.out)
        rows.append((rel, seconds, in_cells, peak_mb, "FAIL" if error else "ok"))
        if error:
            failed += 1
            print("FAIL %s (%.1f s, peak RSS %.0f MB): %s" % (rel, seconds, peak_mb, error), file=sys.stderr)
        else:
            print("ok   %s (%.1f s, peak RSS %.0f MB)" % (rel, seconds, peak_mb), flush=True)
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "summary.tsv"), "w") as f:
        f.write("notebook\tseconds\tpeak_rss_mb\tresult\tkernel\tcell_seconds\n")
        for rel, seconds, in_cells, peak_mb, result in rows:
            f.write("%s\t%.1f\t%.0f\t%s\t%s\t%.1f\n" % (rel, seconds, peak_mb, result, args.kernel, in_cells))
    total, in_cells = sum(r[1] for r in rows), sum(r[2] for r in rows)
    print("notebooks: %d run, %d failed, %.0f s of notebook time under %s (%.0f s in cells, %.0f s starting "
          "and stopping kernels), largest peak RSS %.0f MB; executed copies, HTML and summary.tsv in %s"
          % (len(paths), failed, total, args.kernel, in_cells, total - in_cells, max(r[3] for r in rows),
             os.path.relpath(args.out, ROOT)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
