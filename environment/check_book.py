"""Reads the book (build/book/, from environment/build_book.py) the way a reader does, offline.

    . build/jupyter/env.sh && "$JUPYTER_PYTHON" environment/check_book.py [--book build/book]

Headless Chromium (Debian's, through Playwright) with every non-file request refused opens
index.html, follows the course map's first link and then each page's "next" link to the last
chapter. It fails if:
  * the pages reached are not exactly the course map's chapters, in its order, or a page lacks the
    "previous" link back, or the link to the course map;
  * a page asks for anything outside the book's folder (a network asset), or throws a script error;
  * a figure (`div.descent-plot`) was not drawn by plotly.js;
  * a figure fails environment/figure_checks.py (overlaps, SI prefixes on log axes, toString()
    titles, width, animations); with DESCENT_FIGURE_CHECKS=report those are printed, not failed.
The assignments' solution copies (build/notebooks/assignments/source/*.html), which the book leaves
out, are opened after it and their figures measured the same way, so every figure the test command
draws is checked. Screenshots of every figure:
build/notebooks/screenshots/figures/book-<chapter>-<n>.png and solution-<assignment>-<n>.png.
Ends with "book: N pages, M figures checked, P figure problems".
"""
import argparse
import glob
import os
import sys
from urllib.parse import urlparse

from playwright.sync_api import sync_playwright

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import figure_checks  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHOTS = os.path.join(ROOT, "build", "notebooks", "screenshots", "figures")
DRAW_TIMEOUT_MS = 30000


def page_name(url):
    return os.path.splitext(os.path.basename(urlparse(url).path))[0]


def measure(page, title, label, shots, failures, figure_problems):
    """Waits for the page's plots, counts the drawn ones and runs the figure checks on them.

    Appends to failures (undrawn figures) and figure_problems; returns the number of figures."""
    expected = page.locator("div.descent-plot").count()
    try:
        page.wait_for_function(
            "n => document.querySelectorAll('div.descent-plot.js-plotly-plot .main-svg').length >= n",
            arg=expected, timeout=DRAW_TIMEOUT_MS)
    except Exception:  # Playwright's TimeoutError: counted below
        pass
    drawn = page.locator("div.descent-plot.js-plotly-plot").count()
    if drawn != expected:
        failures.append("%s: %d of %d figures drawn" % (title, drawn, expected))
    problems = figure_checks.check_figures(page, label, shots)
    figure_problems += problems
    print("%s: %d/%d figures drawn, %d figure problem(s)" % (title, drawn, expected, len(problems)), flush=True)
    return expected


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--book", default=os.path.join(ROOT, "build", "book"))
    ap.add_argument("--shots", default=SHOTS)
    ap.add_argument("--solutions", default=os.path.join(ROOT, "build", "notebooks", "assignments", "source"),
                    help="folder of the solution copies' HTML exports, measured after the book")
    args = ap.parse_args()
    book = os.path.abspath(args.book)
    solutions = os.path.abspath(args.solutions)
    index = os.path.join(book, "index.html")
    if not os.path.isfile(index):
        print("ERROR: %s is missing. Fix: run environment/build_book.py first." % index, file=sys.stderr)
        return 1
    failures, figure_problems, figures, pages = [], [], 0, 0
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1280, "height": 1000})
        outside, errors = [], []

        def route(r):
            url = r.request.url
            if url.startswith(("file://" + book + "/", "file://" + solutions + "/", "data:")):
                r.continue_()
            else:
                outside.append(url)
                r.abort()
        page.route("**/*", route)
        page.on("pageerror", lambda e: errors.append(str(e)))

        page.goto("file://" + index)
        chapters = page.eval_on_selector_all(".descent-course-map a", "as => as.map(a => a.href)")
        if not chapters:
            failures.append("index.html: the course map links to no chapter")
        visited = []
        next_url = chapters[0] if chapters else None
        while next_url:
            if next_url in visited:
                failures.append("%s: the next links go round in a circle" % page_name(next_url))
                break
            page.goto(next_url)
            name = page_name(page.url)
            visited.append(page.url)
            pages += 1
            previous = visited[-2] if len(visited) > 1 else None
            back = page.eval_on_selector_all(".descent-book-nav-top a.descent-book-prev",
                                             "as => as.map(a => a.href)")
            if back != ([previous] if previous else []):
                failures.append("%s: previous link %s, expected %s" % (name, back, previous))
            if page.locator(".descent-book-nav-top a.descent-book-index[href='index.html']").count() != 1:
                failures.append("%s: no link to the course map" % name)
            figures += measure(page, name, "book-" + name, args.shots, failures, figure_problems)
            nxt = page.eval_on_selector_all(".descent-book-nav-top a.descent-book-next",
                                            "as => as.map(a => a.href)")
            next_url = nxt[0] if nxt else None
        if visited != chapters:
            failures.append("the next links reached %s; the course map lists %s"
                            % ([page_name(u) for u in visited], [page_name(u) for u in chapters]))
        # The solution copies are nbconvert's own exports, not book pages: they name require.js and
        # MathJax on a CDN (refused here, and not needed to draw), so only the book is held to "no
        # network asset".
        book_outside = list(outside)
        for html in sorted(glob.glob(os.path.join(solutions, "*.html"))):
            name = os.path.splitext(os.path.basename(html))[0]
            page.goto("file://" + html)
            figures += measure(page, "solution copy " + name, "solution-" + name, args.shots, failures,
                               figure_problems)
        for url in book_outside:
            failures.append("a page asked for %s (outside the book)" % url)
        for e in errors:
            failures.append("script error: %s" % e)
        browser.close()
    failed = figure_checks.enforce(figure_problems)
    for f in failures:
        print("FAIL book: " + f, file=sys.stderr)
    print("book: %d pages, %d figures checked, %d figure problems%s"
          % (pages, figures, len(figure_problems),
             " (reported, not failed: DESCENT_FIGURE_CHECKS=report)" if figure_checks.report_only() else ""))
    return 1 if failures or failed else 0


if __name__ == "__main__":
    sys.exit(main())
