"""Executes every notebook under notebooks/ headless with the Descent kernel and exports it to HTML.

Run with the Python that belongs to Jupyter and JUPYTER_PATH set (test.sh does both):

    . build/jupyter/env.sh && "$JUPYTER_PYTHON" environment/test_notebooks.py [NOTEBOOK...]

For notebooks/X.ipynb it writes build/notebooks/X.ipynb (executed, with outputs) and
build/notebooks/X.html (nbconvert's HTML export). Any cell error fails the run: the message
names the notebook, the cell number and the error. Each cell may run up to --cell-timeout seconds.
Uses nbclient and nbconvert only (no network).
"""
import argparse
import os
import sys
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


def run_one(path, kernel, cell_timeout, startup_timeout):
    """Executes one notebook; returns (seconds, error message or None)."""
    rel = os.path.relpath(path, NOTEBOOKS)
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, kernel_name=kernel, timeout=cell_timeout, startup_timeout=startup_timeout,
                            allow_errors=False, resources={"metadata": {"path": os.path.dirname(path)}})
    t0 = time.monotonic()
    error = None
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
    # Write what ran, even on failure, so the error can be read in the executed notebook.
    base = os.path.join(OUT, os.path.splitext(rel)[0])
    os.makedirs(os.path.dirname(base), exist_ok=True)
    nbformat.write(nb, base + ".ipynb")
    html, _ = HTMLExporter().from_notebook_node(nb)
    with open(base + ".html", "w", encoding="utf-8") as f:
        f.write(html)
    return seconds, error


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("notebooks", nargs="*", help="notebooks to run (default: all under notebooks/)")
    ap.add_argument("--kernel", default="descent-java")
    ap.add_argument("--cell-timeout", type=int, default=1800)
    ap.add_argument("--startup-timeout", type=int, default=120)
    args = ap.parse_args()

    paths = [os.path.abspath(p) for p in args.notebooks] or find_notebooks()
    if not paths:
        print("no notebooks under %s" % NOTEBOOKS, file=sys.stderr)
        return 1
    failed = 0
    for path in paths:
        rel = os.path.relpath(path, ROOT)
        seconds, error = run_one(path, args.kernel, args.cell_timeout, args.startup_timeout)
        if error:
            failed += 1
            print("FAIL %s (%.1f s): %s" % (rel, seconds, error), file=sys.stderr)
        else:
            print("ok   %s (%.1f s)" % (rel, seconds), flush=True)
    print("notebooks: %d run, %d failed; executed copies and HTML in %s"
          % (len(paths), failed, os.path.relpath(OUT, ROOT)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
