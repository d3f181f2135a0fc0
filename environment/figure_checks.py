"""Measures every Descent figure in a live page (Playwright): can a student read it?

    from figure_checks import check_figures, enforce
    problems = check_figures(page, "08-momentum-adaptive", shots_dir)
    failures = enforce(problems)          # 0 when DESCENT_FIGURE_CHECKS=report

    python3 environment/figure_checks.py --self-test     (a page of good and bad figures)

A figure is a `div.descent-plot` (what descent.plot writes) that plotly.js turned into a
`.js-plotly-plot`. For each one, scrolled into view, measured in the page from plotly's
`_fullLayout` and the drawn SVG's boxes (getBoundingClientRect):
  * drawn: the div became a plotly plot;
  * overlap: the title (`.gtitle`), the legend (`.legend`) and each colour bar (`.colorbar`) do not
    intersect one another (boxes overlapping by more than 1 px in both directions fail);
  * SI prefix: on every axis of type 'log', no tick label is a number with an SI prefix
    ("1p", "10µ", "2k", "1M", "1G"): powers of ten must read as powers of ten;
  * toString title: no figure, axis or colour-bar title matches `\\w+\\(\\w+=`, `\\w+\\[\\w+=`,
    `@[0-9a-f]{6,}`, or is cut with "…";
  * fits: the plot's SVG is no wider than its output area's content box (`.jp-OutputArea-output`,
    else the plot div's parent) and the output area does not scroll horizontally;
  * animation (figures with frames): more than one frame, an updatemenu button labelled Play, and
    clicking it advances the animation (a slider's active step or the traces' data change within
    2.5 s); Pause is clicked afterwards when there is one.
An element screenshot of every figure goes to <shots_dir>/<label>-<n>.png (n from 1, page order).
check_figures returns the problems as lines "<label> figure <n> (<div id>): <check>: <measured>";
enforce prints them and returns how many count as failures: all of them by default, none with
DESCENT_FIGURE_CHECKS=report (the figures are being fixed; the list is printed either way).
"""
import json
import os
import re
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PLOTLY_JS = os.path.join(ROOT, "lib", "target", "classes", "descent", "plot", "plotly", "plotly.min.js")

# The check names, as they appear in a problem line.
NOT_DRAWN = "not drawn"
OVERLAP = "title, legend and colour bar overlap"
SI_PREFIX = "SI prefix on a log axis"
TO_STRING = "title looks like a toString()"
TOO_WIDE = "wider than its output area"
ANIMATION = "animation does not play"

# Boxes overlapping by no more than this (CSS px) in either direction do not count.
OVERLAP_TOLERANCE_PX = 1
# How long a click on Play has to change the slider or the data.
PLAY_WAIT_MS = 2500

# One figure's measurements: run as locator.evaluate(MEASURE_JS) on the plot div.
MEASURE_JS = r"""
(gd) => {
  const r = (el) => { const b = el.getBoundingClientRect();
                      return [b.left, b.top, b.right, b.bottom].map((v) => Math.round(v * 10) / 10); };
  const visible = (el) => { const b = el.getBoundingClientRect(); return b.width > 0 && b.height > 0; };
  const out = {drawn: gd.classList.contains('js-plotly-plot') && !!gd._fullLayout, boxes: [],
               logTicks: [], titles: [], frames: 0, play: -1, pause: -1, width: null};
  if (!out.drawn) return out;
  const fl = gd._fullLayout;
  const title = gd.querySelector('.gtitle');
  if (title && visible(title) && title.textContent.trim()) out.boxes.push(['title', r(title)]);
  gd.querySelectorAll('g.legend').forEach((el, i) => {
    if (visible(el)) out.boxes.push([i ? 'legend ' + (i + 1) : 'legend', r(el)]); });
  gd.querySelectorAll('g.colorbar').forEach((el, i) => {
    if (visible(el)) out.boxes.push(['colour bar ' + (i + 1), r(el)]); });
  // Titles as drawn (the layout holds placeholders such as "Click to enter X axis title").
  const drawnText = (sel) => Array.from(gd.querySelectorAll(sel)).map((t) => t.textContent.trim());
  drawnText('.gtitle').forEach((t) => out.titles.push(['figure title', t]));
  drawnText('g.colorbar .cbtitle text').forEach((t) => out.titles.push(['colour bar title', t]));
  for (const key of Object.keys(fl).filter((k) => /^[xy]axis[0-9]*$/.test(k)).sort()) {
    const ax = fl[key];
    drawnText('text.' + ax._id + 'title').forEach((t) => out.titles.push([key + ' title', t]));
    if (ax.type === 'log') {
      const labels = Array.from(gd.querySelectorAll('g.' + ax._id + 'tick text'))
        .map((t) => t.textContent.trim()).filter((t) => t);
      out.logTicks.push([key, labels]);
    }
  }
  const svg = gd.querySelector('.main-svg');
  const area = gd.closest('.jp-OutputArea-output') || gd.parentElement;
  if (svg && area) {
    const s = getComputedStyle(area);
    const a = area.getBoundingClientRect();
    const left = a.left + parseFloat(s.borderLeftWidth) + parseFloat(s.paddingLeft);
    const right = a.right - parseFloat(s.borderRightWidth) - parseFloat(s.paddingRight);
    const p = svg.getBoundingClientRect();
    out.width = {plot: Math.round(p.width), area: Math.round(right - left),
                 overhang: Math.round(Math.max(0, p.right - right, left - p.left)),
                 scroll: area.scrollWidth - area.clientWidth};
  }
  const frames = gd._transitionData && gd._transitionData._frames;
  out.frames = frames ? frames.length : 0;
  gd.querySelectorAll('g.updatemenu-button').forEach((b, i) => {
    const label = b.textContent.trim();
    if (/^\W*play\b/i.test(label) && out.play < 0) out.play = i;
    if (/^\W*pause\b/i.test(label) && out.pause < 0) out.pause = i;
  });
  out.buttons = Array.from(gd.querySelectorAll('g.updatemenu-button')).map((b) => b.textContent.trim());
  return out;
}
"""

# What an animation step changes: the sliders' active steps and a digest of the traces' data.
STATE_JS = r"""
(gd) => {
  const s = JSON.stringify((gd.data || []).map((t) => [t.x, t.y, t.z]));
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) | 0;
  const sliders = ((gd._fullLayout && gd._fullLayout.sliders) || []).map((sl) => sl.active);
  return JSON.stringify({sliders: sliders, data: h});
}
"""

SI_TICK = re.compile(r"^[-−]?[0-9]+(\.[0-9]+)?\s?[yzafpnµμmkMGTPEZYB]$")
TO_STRING_PATTERNS = [re.compile(p) for p in (r"\w+\(\w+=", r"\w+\[\w+=", r"@[0-9a-f]{6,}", r"…")]


def overlaps(a, b, tol=OVERLAP_TOLERANCE_PX):
    """True if boxes [left, top, right, bottom] overlap by more than tol px in both directions."""
    dx = min(a[2], b[2]) - max(a[0], b[0])
    dy = min(a[3], b[3]) - max(a[1], b[1])
    return dx > tol and dy > tol


def judge(m):
    """The problems (check, measured) of one figure's measurements from MEASURE_JS (not the animation)."""
    if not m["drawn"]:
        return [(NOT_DRAWN, "the div is not a plotly plot")]
    found = []
    boxes = m["boxes"]
    for i in range(len(boxes)):
        for j in range(i + 1, len(boxes)):
            (na, a), (nb, b) = boxes[i], boxes[j]
            if overlaps(a, b):
                found.append((OVERLAP, "%s %s intersects %s %s" % (na, a, nb, b)))
    for axis, labels in m["logTicks"]:
        bad = [t for t in labels if SI_TICK.match(t)]
        if bad:
            found.append((SI_PREFIX, "%s (log) ticks %s" % (axis, bad)))
    for where, text in m["titles"]:
        hits = [p.pattern for p in TO_STRING_PATTERNS if p.search(text or "")]
        if hits:
            found.append((TO_STRING, "%s %r matches %s" % (where, text, hits)))
    w = m["width"]
    if w and (w["overhang"] > OVERLAP_TOLERANCE_PX or w["scroll"] > OVERLAP_TOLERANCE_PX):
        found.append((TOO_WIDE, "plot %d px, output area %d px (sticks out %d px, scrolls %d px)"
                      % (w["plot"], w["area"], w["overhang"], w["scroll"])))
    return found


def check_animation(page, plot, m):
    """None if the figure's animation plays (or it has no frames), else what was measured."""
    if m["frames"] == 0:
        return None
    if m["frames"] < 2:
        return "%d frame" % m["frames"]
    if m["play"] < 0:
        return "%d frames but no Play button (buttons: %s)" % (m["frames"], m["buttons"])
    before = plot.evaluate(STATE_JS)
    plot.locator("g.updatemenu-button").nth(m["play"]).click()
    after = before
    waited = 0
    while after == before and waited < PLAY_WAIT_MS:
        page.wait_for_timeout(100)
        waited += 100
        after = plot.evaluate(STATE_JS)
    if m["pause"] >= 0:
        plot.locator("g.updatemenu-button").nth(m["pause"]).click()
    if after == before:
        return "%d frames; Play clicked, nothing changed in %d ms (state %s)" % (m["frames"], waited, before)
    return None


def check_figures(page, label, shots_dir, scope=None):
    """Measures every Descent figure on page (plots already drawn); returns the problem lines.

    page: a Playwright Page; label: names the page in problems and screenshot files;
    shots_dir: folder for <label>-<n>.png (made if missing); scope: a Locator to look in
    (default the whole page; e.g. JupyterLab's current notebook panel).
    """
    os.makedirs(shots_dir, exist_ok=True)
    plots = (scope if scope is not None else page).locator("div.descent-plot")
    problems = []
    for n in range(1, plots.count() + 1):
        plot = plots.nth(n - 1)
        plot.scroll_into_view_if_needed()
        m = plot.evaluate(MEASURE_JS)
        ident = plot.get_attribute("id") or "?"
        found = judge(m)
        if m["drawn"]:
            played = check_animation(page, plot, m)
            if played:
                found.append((ANIMATION, played))
        for check, measured in found:
            problems.append("%s figure %d (%s): %s: %s" % (label, n, ident, check, measured))
        plot.screenshot(path=os.path.join(shots_dir, "%s-%d.png" % (label, n)))
    return problems


def report_only():
    """True when DESCENT_FIGURE_CHECKS=report: problems are printed, not failed."""
    return os.environ.get("DESCENT_FIGURE_CHECKS", "fail") == "report"


def enforce(problems, out=sys.stderr):
    """Prints each problem; returns how many fail the run (0 with DESCENT_FIGURE_CHECKS=report)."""
    tag = "REPORT" if report_only() else "FAIL"
    for p in problems:
        print("%s figure check: %s" % (tag, p), file=out, flush=True)
    return 0 if report_only() else len(problems)


# ------------------------------------------------------------------ self-test ---------------------
# Figures with known faults (and two good ones) on one static page; each must give exactly the
# problems listed, so the checks are shown to fail where they must and pass where they must.
SELF_TEST_FIGURES = [
    ("good", {"data": [{"x": [1, 2, 3], "y": [1e-12, 1e-6, 1e3], "name": "sgd"},
                       {"x": [1, 2, 3], "y": [1e-9, 1e-3, 1], "name": "adam"}],
              "layout": {"title": {"text": "Loss against step"}, "width": 600, "height": 360,
                         "xaxis": {"title": {"text": "step"}},
                         "yaxis": {"type": "log", "exponentformat": "power",
                                   "title": {"text": "loss"}}}},
     []),
    ("legend over title", {"data": [{"x": [1, 2], "y": [1, 2], "name": "a long legend entry"},
                                    {"x": [1, 2], "y": [2, 1], "name": "another legend entry"}],
                           "layout": {"title": {"text": "A title under the legend", "x": 0,
                                                "xref": "paper", "xanchor": "left", "y": 1,
                                                "yref": "paper", "yanchor": "bottom"},
                                      "width": 600, "height": 360,
                                      "legend": {"x": 0, "xanchor": "left", "y": 1,
                                                 "yanchor": "bottom"}}},
     [OVERLAP]),
    ("SI prefixes", {"data": [{"x": [1, 2, 3], "y": [1e-12, 1e-6, 1e3], "name": "loss"}],
                     "layout": {"title": {"text": "Loss on a log axis"}, "width": 600, "height": 360,
                                "yaxis": {"type": "log"}}},
     [SI_PREFIX]),
    ("toString title", {"data": [{"x": [1, 2], "y": [1, 2]}],
                        "layout": {"title": {"text": "Quadratic(lambda1=1.0, lambda2=100.0, angle=0.78…"},
                                   "width": 600, "height": 360,
                                   "xaxis": {"title": {"text": "descent.Surface@1b6d3586"}}}},
     [TO_STRING, TO_STRING]),
    ("too wide", {"data": [{"x": [1, 2], "y": [1, 2]}],
                  "layout": {"title": {"text": "Wider than the page"}, "width": 1400, "height": 300}},
     [TOO_WIDE]),
    ("one frame", {"data": [{"x": [1, 2], "y": [1, 2]}],
                   "layout": {"title": {"text": "A race of one frame"}, "width": 600, "height": 300},
                   "frames": [{"name": "0", "data": [{"x": [1, 2], "y": [2, 1]}]}]},
     [ANIMATION]),
    ("legend on the colour bar",
     {"data": [{"type": "contour", "z": [[1, 2, 3], [2, 3, 4], [3, 4, 5]], "name": "loss"},
               {"x": [0, 1, 2], "y": [0, 1, 2], "name": "gradient descent path"}],
      "layout": {"title": {"text": "Loss surface"}, "width": 600, "height": 360, "showlegend": True}},
     [OVERLAP]),
    ("frames without Play", {"data": [{"x": [1, 2], "y": [1, 2]}],
                             "layout": {"title": {"text": "A race with no button"}, "width": 600,
                                        "height": 300},
                             "frames": [{"name": str(k), "data": [{"x": [1, 2], "y": [k, 1]}]}
                                        for k in range(3)]},
     [ANIMATION]),
    ("race", {"data": [{"x": [0], "y": [0], "name": "sgd"}],
              "layout": {"title": {"text": "A race that plays"}, "width": 600, "height": 360,
                         "xaxis": {"range": [-1, 4]}, "yaxis": {"range": [-1, 4]},
                         "updatemenus": [{"type": "buttons", "x": 0, "y": -0.15, "xanchor": "left",
                                          "yanchor": "top", "direction": "left", "buttons": [
                             {"label": "Play", "method": "animate",
                              "args": [None, {"frame": {"duration": 300, "redraw": False},
                                              "fromcurrent": True}]},
                             {"label": "Pause", "method": "animate",
                              "args": [[None], {"mode": "immediate", "frame": {"duration": 0}}]}]}]},
              "frames": [{"name": str(k), "data": [{"x": list(range(k + 1)), "y": list(range(k + 1))}]}
                         for k in range(4)]},
     []),
]

SELF_TEST_PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><script src="{plotly}"></script>
<style>.jp-OutputArea-output {{ width: 800px; padding: 0 4px; overflow-x: auto; }}</style></head>
<body>
{divs}
<script>
const figures = {figures};
figures.forEach((f, i) => {{
  const gd = document.getElementById('descent_' + i);
  Plotly.newPlot(gd, f.data, f.layout).then(() => {{ if (f.frames) Plotly.addFrames(gd, f.frames); }});
}});
</script>
</body></html>
"""


def self_test():
    """Draws SELF_TEST_FIGURES in headless Chromium (no network) and checks the problems found."""
    from playwright.sync_api import sync_playwright

    if not os.path.isfile(PLOTLY_JS):
        print("ERROR: %s is missing. Fix: mvn -o -q -pl lib package -DskipTests (or "
              "bash environment/install.sh)" % os.path.relpath(PLOTLY_JS, ROOT), file=sys.stderr)
        return 1
    work = tempfile.mkdtemp(prefix="descent-figure-checks-")
    divs = "\n".join('<div class="jp-OutputArea-output"><div id="descent_%d" class="descent-plot">'
                     '</div></div>' % i for i in range(len(SELF_TEST_FIGURES)))
    page_html = SELF_TEST_PAGE.format(plotly="file://" + PLOTLY_JS, divs=divs,
                                      figures=json.dumps([f for _, f, _ in SELF_TEST_FIGURES]))
    path = os.path.join(work, "figures.html")
    with open(path, "w", encoding="utf-8") as f:
        f.write(page_html)
    failures, checked = [], 0
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1000, "height": 800})
        page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
        page.goto("file://" + path)
        page.wait_for_function("document.querySelectorAll('.js-plotly-plot .main-svg').length >= %d"
                               % len(SELF_TEST_FIGURES))
        page.wait_for_function("(() => { const gd = document.getElementById('descent_%d');"
                               " return gd._transitionData && gd._transitionData._frames.length > 0; })()"
                               % (len(SELF_TEST_FIGURES) - 1))
        problems = check_figures(page, "self-test", os.path.join(work, "shots"))
        browser.close()
    for n, (name, _, expected) in enumerate(SELF_TEST_FIGURES, start=1):
        prefix = "self-test figure %d (descent_%d): " % (n, n - 1)
        got = sorted(p[len(prefix):].split(":")[0] for p in problems if p.startswith(prefix))
        checked += 1
        if got != sorted(expected):
            failures.append("%s: expected problems %s, got %s" % (name, sorted(expected), got))
        else:
            print("[figure checks] ok: %s -> %s" % (name, got or "no problem"))
        if not os.path.isfile(os.path.join(work, "shots", "self-test-%d.png" % n)):
            failures.append("%s: no screenshot" % name)
    for p in problems:
        print("  measured: " + p)
    for f in failures:
        print("FAIL figure checks self-test: " + f, file=sys.stderr)
    print("figure checks self-test: %d checked, %d failed" % (checked, len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    if sys.argv[1:] == ["--self-test"]:
        sys.exit(self_test())
    print(__doc__)
    sys.exit(2)
