"""Builds the executed course as a static book: build/book/, one page per notebook, an index.

    python3 environment/build_book.py [--notebooks build/notebooks] [--out build/book]

Reads the executed notebooks that environment/test_notebooks.py wrote (the lessons 00-10, then the
assignments' student copies from assignments/release/; the solutions in assignments/source/ stay
out of a published book) and writes:
  * index.html: the course map, each chapter's title (the heading of its first markdown cell) and
    topic (the lessons' row of the README's course table; an assignment's first sentence);
  * one page per chapter (00-environment-check.html, ..., a1-svm.html): nbconvert's HTML export of
    the executed notebook with its outputs (plots drawn by the plotly.js embedded in the notebook),
    with a navigation bar (previous / course map / next) above and below.
Relative links only and no network asset: nbconvert's lab template loads require.js, MathJax and
Mermaid from a CDN; this book's template leaves all three out (a formula shows as its TeX source).
Every page opens from disk; the folder can be published as it is. Uses nbconvert only.
Why nbconvert rather than Jupyter Book 1.x (1.0.4, tried on these notebooks): it drew the same
plots, but every page it wrote loads MathJax from a CDN and throws a script error from
sphinx-thebe ("Identifier 'THEBE_JS_URL' has already been declared"), it adds 41 packages to the
pinned venv (and so to Binder's), and Debian has no package of it for the apt route.
"""
import argparse
import glob
import html
import os
import re
import shutil
import sys

import nbformat
from jinja2 import DictLoader
from nbconvert import HTMLExporter

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# nbconvert's lab template without its three CDN scripts, with a navigation bar above and below.
BOOK_TEMPLATE = r"""{%- extends 'lab/index.html.j2' -%}
{%- block html_head_js_requirejs -%}{%- endblock html_head_js_requirejs -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
{%- block html_head_css -%}
<style type="text/css">{{ resources.book_css }}</style>
{%- endblock html_head_css -%}
{%- block body_header -%}
{{ super() }}
{{ resources.book_nav_top }}
{%- endblock body_header -%}
{% block body_footer %}
{{ resources.book_nav_bottom }}
{{ super() }}
{% endblock body_footer %}
"""

BOOK_CSS = """
.descent-book-nav { display: flex; justify-content: space-between; gap: 1em; padding: 0.6em 1em;
  font: 14px sans-serif; background: #f3f5f8; border: 1px solid #d8dde5; border-radius: 4px;
  margin: 0.5em 0; }
.descent-book-nav a { text-decoration: none; color: #1f5fa8; }
.descent-book-nav span { color: #999; }
"""

INDEX_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Descent: the executed course</title>
<style type="text/css">
body {{ font: 16px/1.5 sans-serif; max-width: 60em; margin: 2em auto; padding: 0 1em; color: #222; }}
table {{ border-collapse: collapse; width: 100%; }}
th, td {{ text-align: left; vertical-align: top; padding: 0.4em 0.6em; border-bottom: 1px solid #ddd; }}
a {{ color: #1f5fa8; }}
code {{ font-size: 90%; }}
</style>
</head>
<body>
<h1>Descent: the executed course</h1>
<p>CS231n's "Optimization" notes in Java notebooks, every cell executed with its outputs. The plots
are interactive and draw offline (plotly.js is embedded in each page).</p>
<table class="descent-course-map">
<thead><tr><th>chapter</th><th>what a student sees and changes</th></tr></thead>
<tbody>
{rows}
</tbody>
</table>
</body>
</html>
"""


def chapters(notebooks_dir):
    """The executed notebooks in book order: the lessons (NN-*.ipynb), then assignments/release/."""
    lessons = sorted(glob.glob(os.path.join(notebooks_dir, "[0-9][0-9]-*.ipynb")))
    assignments = sorted(glob.glob(os.path.join(notebooks_dir, "assignments", "release", "*.ipynb")))
    return lessons + assignments


def readme_topics(readme):
    """{notebook name: topic} from the README's course table ("| `00-environment-check` | ... |")."""
    topics = {}
    with open(readme, encoding="utf-8") as f:
        for line in f:
            m = re.match(r"\|\s*`([0-9]{2}-[^`]+)`\s*\|(.*)\|\s*$", line)
            if m:
                topics[m.group(1)] = m.group(2).strip()
    return topics


def first_markdown(nb):
    for cell in nb.cells:
        if cell.cell_type == "markdown" and cell.source.strip():
            return cell.source
    return ""


def title_and_lead(nb, name):
    """The first markdown cell's heading (without '#') and its first sentence after the heading."""
    text = first_markdown(nb)
    lines = text.strip().splitlines()
    title = name
    if lines and lines[0].startswith("#"):
        title = lines[0].lstrip("#").strip()
        lines = lines[1:]
    body = " ".join(l.strip() for l in lines if l.strip())
    lead = re.split(r"(?<=[.!?])\s", body, maxsplit=1)[0] if body else ""
    return title, lead


def inline_markdown(text):
    """Escapes text and turns `code` and **bold** into HTML (all the course table uses)."""
    out = html.escape(text, quote=False)
    out = re.sub(r"`([^`]+)`", r"<code>\1</code>", out)
    return re.sub(r"\*\*([^*]+)\*\*", r"<strong>\1</strong>", out)


def nav_bar(pages, i, where):
    """Previous / course map / next links for pages[i] (dicts with file and title); where: top or bottom."""
    def link(j, arrow_left):
        if j < 0 or j >= len(pages):
            return "<span></span>"
        label = html.escape(pages[j]["title"])
        text = "&larr; " + label if arrow_left else label + " &rarr;"
        rel = "prev" if arrow_left else "next"
        return '<a class="descent-book-%s" rel="%s" href="%s">%s</a>' % (rel, rel, pages[j]["file"], text)
    return ('<nav class="descent-book-nav descent-book-nav-%s">%s<a class="descent-book-index" '
            'href="index.html">Course map</a>%s</nav>' % (where, link(i - 1, True), link(i + 1, False)))


def build(notebooks_dir, out):
    paths = chapters(notebooks_dir)
    if not paths:
        raise SystemExit("ERROR: no executed notebooks in %s. Fix: run environment/test_notebooks.py "
                         "first." % notebooks_dir)
    topics = readme_topics(os.path.join(ROOT, "README.md"))
    pages = []
    for path in paths:
        name = os.path.splitext(os.path.basename(path))[0]
        nb = nbformat.read(path, as_version=4)
        title, lead = title_and_lead(nb, name)
        pages.append({"name": name, "file": name + ".html", "title": title, "nb": nb,
                      "topic": topics.get(name, lead),
                      "assignment": os.sep + "assignments" + os.sep in path})
    if os.path.isdir(out):
        shutil.rmtree(out)
    os.makedirs(out)
    exporter = HTMLExporter(extra_loaders=[DictLoader({"descent-book.html.j2": BOOK_TEMPLATE})],
                            template_file="descent-book.html.j2")
    for i, page in enumerate(pages):
        resources = {"metadata": {"name": page["title"]}, "book_nav_top": nav_bar(pages, i, "top"),
                     "book_nav_bottom": nav_bar(pages, i, "bottom"),
                     "book_css": BOOK_CSS}
        body, _ = exporter.from_notebook_node(page["nb"], resources=resources)
        with open(os.path.join(out, page["file"]), "w", encoding="utf-8") as f:
            f.write(body)
    rows = []
    for i, p in enumerate(pages):
        if p["assignment"] and (i == 0 or not pages[i - 1]["assignment"]):
            rows.append('<tr><th colspan="2">Assignments (the student copies)</th></tr>')
        rows.append('<tr><td><a href="%s">%s</a></td><td>%s</td></tr>'
                    % (p["file"], html.escape(p["title"]), inline_markdown(p["topic"])))
    with open(os.path.join(out, "index.html"), "w", encoding="utf-8") as f:
        f.write(INDEX_PAGE.format(rows="\n".join(rows)))
    return pages


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--notebooks", default=os.path.join(ROOT, "build", "notebooks"),
                    help="folder of executed notebooks (default build/notebooks)")
    ap.add_argument("--out", default=os.path.join(ROOT, "build", "book"),
                    help="the book's folder, replaced (default build/book)")
    args = ap.parse_args()
    pages = build(args.notebooks, args.out)
    print("book: %d chapters and index.html in %s" % (len(pages), os.path.relpath(args.out, ROOT)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
