"""Opens the exported notebooks in headless Chromium (no network) and checks that the plots drew.

    python3 environment/check_plots.py [--html-dir build/notebooks] [--min-notebooks 1]

For each HTML file: Chromium loads it from disk with every network request refused, runs its
scripts (virtual time budget, so timers finish), and dumps the resulting DOM. A plot counts as
drawn when plotly.js turned its div into a `js-plotly-plot` with an SVG (`main-svg`) holding
traces (`g.trace`, heatmap images `g.hm`, contour layers). Checks:
  * every figure div the plot layer wrote (`class="descent-plot"`) was drawn;
  * at least --min-notebooks notebooks drew one or more traces.
A screenshot of each notebook that drew plots goes to build/notebooks/screenshots/<name>.png.
Standard library only; works with Debian's chromium (run as root with --no-sandbox).
"""
import argparse
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# No network: every host resolves to nothing and any proxied request goes to a closed port.
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-default-apps", "--disable-extensions", "--no-first-run", "--no-default-browser-check",
    "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=http://127.0.0.1:9",
    "--hide-scrollbars", "--virtual-time-budget=20000", "--run-all-compositor-stages-before-draw",
]


def chromium_binary():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def run_chromium(binary, args, timeout=180):
    profile = tempfile.mkdtemp(prefix="descent-chromium-")
    try:
        return subprocess.run([binary, *CHROMIUM_FLAGS, "--user-data-dir=" + profile, *args],
                              capture_output=True, text=True, timeout=timeout)
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def count(pattern, text):
    return len(re.findall(pattern, text))


def inspect(binary, html_path):
    """Returns a dict of counts from the DOM after scripts ran."""
    url = "file://" + os.path.abspath(html_path)
    result = run_chromium(binary, ["--dump-dom", url])
    dom = result.stdout
    with open(html_path, encoding="utf-8") as f:
        source = f.read()
    return {
        "expected_figures": count(r'class="descent-plot"', source),
        "drawn_figures": count(r'class="[^"]*\bjs-plotly-plot\b', dom),
        "svgs": count(r'<svg[^>]*class="main-svg"', dom),
        "traces": count(r'<g class="trace[ "]', dom),
        "heatmaps": count(r'<g class="hm"', dom),
        "contours": count(r'<g class="contour"', dom),
        "dom_bytes": len(dom),
        "stderr": result.stderr[-2000:],
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--html-dir", default=os.path.join(ROOT, "build", "notebooks"))
    ap.add_argument("--min-notebooks", type=int, default=1,
                    help="how many notebooks must draw plots (default 1)")
    args = ap.parse_args()

    binary = chromium_binary()
    if not binary:
        print("ERROR: Chromium not found. Fix: sudo apt-get install chromium "
              "(or run: bash environment/install.sh --for-tests)", file=sys.stderr)
        return 1
    pages = sorted(p for p in glob.glob(os.path.join(args.html_dir, "**", "*.html"), recursive=True)
                   if os.sep + "screenshots" + os.sep not in p)
    if not pages:
        print("ERROR: no exported notebooks in %s. Fix: run environment/test_notebooks.py first."
              % args.html_dir, file=sys.stderr)
        return 1
    shots = os.path.join(args.html_dir, "screenshots")
    os.makedirs(shots, exist_ok=True)
    failures, drew = [], 0
    for page in pages:
        rel = os.path.relpath(page, ROOT)
        c = inspect(binary, page)
        plotted = c["traces"] + c["heatmaps"] + c["contours"]
        print("%s: %d/%d figures drawn, %d svg, %d traces, %d heatmaps, %d contour layers"
              % (rel, c["drawn_figures"], c["expected_figures"], c["svgs"], c["traces"], c["heatmaps"],
                 c["contours"]))
        if c["dom_bytes"] == 0:
            failures.append("%s: Chromium returned no DOM (stderr: %s)" % (rel, c["stderr"].strip()))
            continue
        if c["drawn_figures"] < c["expected_figures"]:
            failures.append("%s: only %d of %d figures drew" % (rel, c["drawn_figures"], c["expected_figures"]))
        if c["expected_figures"] and (c["svgs"] == 0 or plotted == 0):
            failures.append("%s: figures present but no SVG traces drawn" % rel)
        if plotted > 0 and c["svgs"] > 0:
            drew += 1
            name = os.path.splitext(os.path.relpath(page, args.html_dir))[0].replace(os.sep, "__")
            png = os.path.join(shots, name + ".png")
            run_chromium(binary, ["--window-size=1280,4000", "--screenshot=" + png,
                                  "file://" + os.path.abspath(page)])
            if os.path.isfile(png) and os.path.getsize(png) > 0:
                print("  screenshot: %s" % os.path.relpath(png, ROOT))
            else:
                failures.append("%s: Chromium wrote no screenshot" % rel)
    if drew < args.min_notebooks:
        failures.append("only %d notebook(s) drew plots; at least %d must" % (drew, args.min_notebooks))
    for f in failures:
        print("FAIL " + f, file=sys.stderr)
    print("plots: %d page(s) checked, %d drew plots, %d problem(s)" % (len(pages), drew, len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
