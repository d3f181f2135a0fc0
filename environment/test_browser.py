"""A student's session in a real browser: JupyterLab, driven by Playwright through Debian's Chromium.

    . build/jupyter/env.sh && DESCENT_DATA_DIR=... "$JUPYTER_PYTHON" environment/test_browser.py

Starts the server the way a student does (environment/run.sh, on a copy of the notebooks in
build/browser/notebooks, so notebooks/ is never modified), opens notebooks in JupyterLab and, in
the live page:
  * runs all cells from the Run menu and waits for every cell to finish;
  * checks every plot div was drawn by plotly.js (traces in its SVG, counted as check_plots.py
    does), no error output, no console error from the page, the kernel's name in the status bar;
  * measures every figure with environment/figure_checks.py (title, legend and colour bar apart, no
    SI prefix on a log axis, no toString() title, fits the output area, animations play; a
    screenshot of each in build/browser/screenshots/figures/); DESCENT_FIGURE_CHECKS=report prints
    the problems without failing;
  * for the notebook with a long progress bar: its text changes in place while the cell runs and
    the cell ends with exactly one progress output;
  * saves (Ctrl+S), reopens the saved notebook in a new browser context and checks the plots are
    drawn from the saved outputs;
  * interrupts a long CIFAR-10 training cell with the toolbar's stop button: the cell ends within
    8 s with the "Interrupted:" message, the kernel keeps its variables and the next cell runs;
  * restarts the kernel from the Kernel menu (confirming the dialog) and runs all again;
  * exports a saved notebook with nbconvert and checks printf pieces make one line.
Screenshots go to build/browser/screenshots/. Prints "[browser] ok: <check>" per check and ends
with "browser: N checked"; exits 1 naming the failed check. Never runs `playwright install`.
"""
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

from playwright.sync_api import sync_playwright

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import figure_checks  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "build", "browser")
SHOTS = os.path.join(OUT, "screenshots")
FIGURE_SHOTS = os.path.join(SHOTS, "figures")
WORK = os.path.join(OUT, "notebooks")
KERNEL_DISPLAY_NAME = "Java (Descent)"
# (notebook, what it exercises): a short one with every plot type and a short progress bar,
# a long progress bar (1,000 random guesses on CIFAR-10), contour plots.
NOTEBOOKS = ["00-environment-check.ipynb", "02-random-search.ipynb", "09-curvature.ipynb"]
PROGRESS_NOTEBOOK = "02-random-search.ipynb"
RUN_ALL_TIMEOUT_S = 240
INTERRUPT_BOUND_S = 8.0

checked = 0


class Failure(Exception):
    pass


def ok(what):
    global checked
    checked += 1
    print("[browser] ok: " + what, flush=True)


def check(cond, what, detail=""):
    if not cond:
        raise Failure(what + (": " + detail if detail else ""))
    ok(what)


def chromium_path():
    for p in ("/usr/bin/chromium", "/usr/bin/chromium-browser", shutil.which("chromium") or ""):
        if p and os.path.isfile(p):
            return p
    raise Failure("Chromium not found. Fix: sudo apt-get install chromium "
                  "(or run: bash environment/install.sh --for-tests)")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def interrupt_notebook():
    """A student's notebook: a variable, a long training cell, a cell printing the variable."""
    def code(src):
        return {"cell_type": "code", "execution_count": None,
                "metadata": {}, "outputs": [], "source": src}
    cells = [
        code("import descent.data.*;\nimport descent.loss.*;\nimport descent.optim.Sgd;\n"
             "import descent.train.*;\nimport org.ejml.data.DMatrixRMaj;\n\n"
             "int kept = 42;\n"
             "var splits = Cifar10.load(Cifar10.Options.defaults().withSizes(2_000, 0, 0)"
             ".withDev(0, 231));\n"
             "Dataset train = splits.train();\n"
             "System.out.printf(\"a=%d \", 1);\nSystem.out.printf(\"b=%d\", 2);\n"
             "System.out.printf(\"%n\");\n"),
        code("var trainer = Trainer.builder(new SvmLoss(2.5e4), new Sgd()).learningRate(1e-7)"
             ".batchSize(200).iterations(1_000_000).seed(7).build();\n"
             "trainer.fit(new DMatrixRMaj(10, 3073), train);\n"),
        code("System.out.println(\"kept = \" + kept);\n"),
    ]
    for i, c in enumerate(cells):
        c["id"] = "cell-%d" % i
    return {"cells": cells, "metadata": {"kernelspec": {"display_name": KERNEL_DISPLAY_NAME,
            "language": "java", "name": "descent-java"}}, "nbformat": 4, "nbformat_minor": 5}


class Server:
    """environment/run.sh on a free port, serving WORK; its URL (with token) read from its output."""

    def __init__(self):
        port = free_port()
        self.log_path = os.path.join(OUT, "server.log")
        self.log = open(self.log_path, "w")
        env = dict(os.environ)
        env["DESCENT_SKIP_KERNEL_CHECK"] = "1"   # the test command's install already checked it
        # A fresh JupyterLab state: no workspace or settings from the user's own sessions.
        env["JUPYTERLAB_WORKSPACES_DIR"] = tempfile.mkdtemp(prefix="descent-lab-ws-")
        env["JUPYTERLAB_SETTINGS_DIR"] = tempfile.mkdtemp(prefix="descent-lab-settings-")
        self.proc = subprocess.Popen(
            ["bash", os.path.join(ROOT, "environment", "run.sh"), "--port", str(port),
             "--notebook-dir", WORK],
            stdout=self.log, stderr=subprocess.STDOUT, env=env, start_new_session=True)
        self.url = None
        deadline = time.time() + 300
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise Failure("run.sh ended (status %d) before the server was up; log: %s"
                              % (self.proc.returncode, self.log_path))
            with open(self.log_path) as f:
                text = f.read()
            m = re.search(r"(http://\S+/)\?token=(\w+)", text)
            if m and self.answers(m.group(1) + "api/status?token=" + m.group(2)):
                self.base, self.token = m.group(1), m.group(2)
                return
            time.sleep(0.5)
        raise Failure("the server did not start within 300 s; log: " + self.log_path)

    @staticmethod
    def answers(url):
        try:
            with urllib.request.urlopen(url, timeout=5) as r:
                return r.status == 200
        except OSError:
            return False

    def url_for(self, notebook):
        # reset: an empty workspace, so only this notebook opens (as for a student's first visit)
        return "%slab/tree/%s?reset&token=%s" % (self.base, notebook, self.token)

    def stop(self):
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGINT)
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
        self.log.close()


class Page:
    """One JupyterLab tab with a notebook open; collects the page's console errors."""

    def __init__(self, context, server, notebook):
        self.notebook = notebook
        self.errors = []
        self.page = context.new_page()
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append("page error: %s" % e))
        self.page.goto(server.url_for(notebook))
        self.panel = self.page.locator(".jp-NotebookPanel:not(.lm-mod-hidden)").first
        self.panel.locator(".jp-Notebook .jp-Cell").first.wait_for(timeout=60_000)
        self.wait_idle(60)

    def status_text(self):
        return self.page.locator(".jp-StatusBar-Widget").first.inner_text()

    def wait_idle(self, timeout_s):
        """Waits until the kernel is known and idle (the status bar says 'Java (Descent) | Idle')."""
        deadline = time.time() + timeout_s
        while time.time() < deadline:
            if re.search(re.escape(KERNEL_DISPLAY_NAME) + r"\s*\|\s*Idle", self.status_text()):
                return
            time.sleep(0.3)
        raise Failure("%s: the status bar did not say %r | Idle within %d s after the notebook opened "
                      "(it says %r)" % (self.notebook, KERNEL_DISPLAY_NAME, timeout_s, self.status_text()))

    def menu(self, top, item):
        self.page.locator(".lm-MenuBar-itemLabel", has_text=re.compile("^%s$" % top)).click()
        self.page.locator(".lm-Menu-itemLabel", has_text=re.compile("^%s" % re.escape(item))).first.click()

    def run_cell(self, cell):
        """Selects the cell (command mode) and presses Shift+Enter."""
        cell.locator(".jp-InputPrompt").click()
        self.page.keyboard.press("Escape")
        self.page.keyboard.press("Shift+Enter")

    def wait_prompt(self, cell, timeout_s):
        """Waits until the cell shows its execution count ([n]:)."""
        prompt = cell.locator(".jp-InputPrompt")
        deadline = time.time() + timeout_s
        time.sleep(0.3)
        while time.time() < deadline:
            if re.search(r"\[\d+\]", prompt.text_content()):
                return
            time.sleep(0.2)
        raise Failure("%s: a cell did not finish within %d s (prompt %r)"
                      % (self.notebook, timeout_s, prompt.text_content()))

    def prompts(self):
        return self.panel.locator(".jp-CodeCell .jp-InputPrompt").all_text_contents()

    def wait_all_ran(self, timeout_s, sample=None):
        """Waits until every code cell shows an execution count and the kernel is idle.
        sample(): called every 0.2 s meanwhile."""
        deadline = time.time() + timeout_s
        time.sleep(0.5)
        while time.time() < deadline:
            if sample:
                sample()
            prompts = self.prompts()
            if all(re.search(r"\[\d+\]", p) for p in prompts) and \
                    re.search(r"\|\s*Idle", self.status_text()):
                return
            time.sleep(0.2)
        raise Failure("%s: cells did not finish within %d s (prompts: %s)"
                      % (self.notebook, timeout_s, self.prompts()))

    def plots(self):
        """Counts as check_plots.py does: figure divs, drawn ones, SVGs, traces."""
        return self.panel.evaluate("""p => ({
            expected: p.querySelectorAll('.descent-plot').length,
            drawn: p.querySelectorAll('.descent-plot.js-plotly-plot, .descent-plot .js-plotly-plot').length,
            svgs: p.querySelectorAll('svg.main-svg').length,
            traces: p.querySelectorAll('g.trace, g.hm, g.contour').length,
            contours: p.querySelectorAll('g.contour, .contourlayer g.trace').length,
            undrawn: [...p.querySelectorAll('.descent-plot')].filter(d =>
                !(d.classList.contains('js-plotly-plot') || d.querySelector('.js-plotly-plot'))
                || d.querySelectorAll('g.trace, g.hm, g.contour').length === 0).length,
        })""")

    def error_outputs(self):
        return self.panel.evaluate("""p => [...p.querySelectorAll(
                '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.error"],'
                + '.jp-RenderedText[data-mime-type="application/vnd.jupyter.stderr"]')]
            .map(e => e.textContent.slice(0, 300))""")

    def screenshot(self, name):
        path = os.path.join(SHOTS, name + ".png")
        self.page.screenshot(path=path)
        return os.path.relpath(path, ROOT)

    def save(self):
        self.panel.click(position={"x": 5, "y": 5})   # focus the notebook, not a cell editor
        self.page.keyboard.press("Escape")
        self.page.keyboard.press("Control+s")
        deadline = time.time() + 30
        while time.time() < deadline:
            if self.page.locator(".jp-mod-current.jp-mod-dirty, .lm-TabBar-tab.jp-mod-dirty").count() == 0:
                return
            time.sleep(0.2)
        raise Failure("%s: Ctrl+S did not save within 30 s" % self.notebook)


def check_plots(p, name, when):
    c = p.plots()
    check(c["expected"] > 0 and c["undrawn"] == 0 and c["svgs"] >= c["expected"] and c["traces"] > 0,
          "%s %s: %d/%d plot divs drawn by plotly.js, %d SVGs, %d traces"
          % (name, when, c["expected"] - c["undrawn"], c["expected"], c["svgs"], c["traces"]),
          json.dumps(c))
    return c


def run_notebook(browser, server, name):
    context = browser.new_context(viewport={"width": 1400, "height": 2000})
    p = Page(context, server, name)
    check(KERNEL_DISPLAY_NAME in p.status_text(),
          "%s: status bar names the kernel %r" % (name, KERNEL_DISPLAY_NAME), p.status_text())
    samples = []

    def sample():
        if name != PROGRESS_NOTEBOOK:
            return
        texts = p.panel.locator(".descent-progress").all_text_contents()
        if texts and (not samples or samples[-1] != texts[0]):
            samples.append(texts[0])

    started = time.time()
    p.menu("Run", "Run All Cells")
    p.wait_all_ran(RUN_ALL_TIMEOUT_S, sample)
    seconds = time.time() - started
    ok("%s: Run > Run All Cells finished in %.1f s, every cell has its count" % (name, seconds))
    errors = p.error_outputs()
    check(not errors, "%s: no error output" % name, repr(errors))
    c = check_plots(p, name, "live")
    if name == "09-curvature.ipynb":
        check(c["contours"] > 0, "%s: contour plot drawn (%d contour traces)" % (name, c["contours"]))
    problems = figure_checks.check_figures(p.page, "jupyterlab-" + name.replace(".ipynb", ""),
                                           FIGURE_SHOTS, p.panel)
    failed = figure_checks.enforce(problems)
    check(failed == 0, "%s: its %d figures measured in the page (environment/figure_checks.py): %d problem(s)%s,"
          " screenshots in %s" % (name, c["expected"], len(problems),
                                  " reported (DESCENT_FIGURE_CHECKS=report)" if problems and not failed else "",
                                  os.path.relpath(FIGURE_SHOTS, ROOT)),
          "; ".join(problems))
    if name == PROGRESS_NOTEBOOK:
        cell = p.panel.locator(".jp-CodeCell", has=p.page.locator(".descent-progress"))
        outputs = cell.locator(".jp-OutputArea-output:has(.descent-progress)").count()
        check(len(samples) >= 2,
              "%s: progress bar changed in place while the cell ran (%d distinct texts, e.g. %r -> %r)"
              % (name, len(samples), samples[0] if samples else "", samples[-1] if samples else ""),
              repr(samples))
        check(cell.count() == 1 and outputs == 1,
              "%s: the progress cell ends with exactly one progress output" % name,
              "cells with progress %d, progress outputs %d" % (cell.count(), outputs))
    ok("%s: screenshot %s" % (name, p.screenshot(name.replace(".ipynb", ""))))
    p.save()
    with open(os.path.join(WORK, name)) as f:
        saved = json.load(f)
    n_out = sum(len(c.get("outputs", [])) for c in saved["cells"] if c["cell_type"] == "code")
    check(n_out > 0, "%s: Ctrl+S saved the outputs (%d in the file)" % (name, n_out))
    check(not p.errors, "%s: no console errors from the page" % name, repr(p.errors[:5]))
    context.close()
    return c["expected"]


def reopen(browser, server, name, expected):
    """A new browser session (no shared state) opens the saved notebook: the plots come back."""
    context = browser.new_context(viewport={"width": 1400, "height": 2000})
    p = Page(context, server, name)
    deadline = time.time() + 30
    while time.time() < deadline and p.plots()["undrawn"] + (expected - p.plots()["expected"]) > 0:
        time.sleep(0.5)
    trusted = p.page.locator(".jp-StatusItem-trust", has_text=re.compile("Not Trusted")).count() == 0
    c = check_plots(p, name, "reopened in a new browser session (saved outputs%s)"
                    % (", trusted" if trusted else ""))
    check(c["expected"] == expected, "%s reopened: all %d saved plots present" % (name, expected),
          "%d of %d" % (c["expected"], expected))
    ok("%s reopened: screenshot %s" % (name, p.screenshot(name.replace(".ipynb", "") + "-reopened")))
    check(not p.errors, "%s reopened: no console errors from the page" % name, repr(p.errors[:5]))
    context.close()


def interrupt_and_restart(browser, server):
    name = "interrupt.ipynb"
    context = browser.new_context(viewport={"width": 1400, "height": 1200})
    p = Page(context, server, name)
    cells = p.panel.locator(".jp-CodeCell")
    # One cell at a time, as a student does (with Run All, the cells queued behind an interrupted
    # one still run: the kernel does not abort its queue on an error).
    p.run_cell(cells.nth(0))
    p.wait_prompt(cells.nth(0), 120)
    train_prompt = cells.nth(1).locator(".jp-InputPrompt")
    p.run_cell(cells.nth(1))
    deadline = time.time() + 10
    while time.time() < deadline and "*" not in train_prompt.text_content():
        time.sleep(0.1)
    check("*" in train_prompt.text_content(), "interrupt: the training cell is running",
          train_prompt.text_content())
    time.sleep(4)
    check("*" in train_prompt.text_content(), "interrupt: still training after 4 s (a long cell)",
          train_prompt.text_content())
    pressed = time.time()
    p.page.locator("jp-button[data-command='notebook:interrupt-kernel'], "
                   "button[data-command='notebook:interrupt-kernel']").first.click()
    while time.time() - pressed < 30 and "*" in train_prompt.text_content():
        time.sleep(0.1)
    took = time.time() - pressed
    output = cells.nth(1).locator(".jp-OutputArea")
    deadline = time.time() + 5   # the error output may render just after the prompt changes
    while time.time() < deadline and "Interrupted:" not in output.text_content():
        time.sleep(0.1)
    text = output.inner_text()
    if "Interrupted:" not in text:
        print("[browser] cells after the interrupt: %r" % cells.all_text_contents(), file=sys.stderr)
    check(took < INTERRUPT_BOUND_S and "Interrupted:" in text,
          "interrupt: stop button ended the training cell in %.1f s with %r"
          % (took, next((l for l in text.splitlines() if "Interrupted:" in l), "")),
          "%.1f s, output %r" % (took, text[-500:]))
    ok("interrupt: screenshot %s" % p.screenshot("interrupt"))
    p.run_cell(cells.nth(2))
    third = cells.nth(2).locator(".jp-OutputArea")
    deadline = time.time() + 30
    while time.time() < deadline and "kept = 42" not in third.inner_text():
        time.sleep(0.2)
    check("kept = 42" in third.inner_text(),
          "interrupt: kernel alive, variable kept, next cell printed %r" % third.inner_text().strip(),
          third.inner_text())
    p.wait_idle(30)
    # Kernel > Restart Kernel..., confirm, then Run All on the short notebook passes.
    p.menu("Kernel", "Restart Kernel")
    dialog = p.page.locator(".jp-Dialog")
    dialog.wait_for(timeout=10_000)
    dialog.locator("button.jp-mod-accept").click()
    time.sleep(1)
    p.wait_idle(120)
    ok("restart: Kernel > Restart Kernel... confirmed, kernel idle again")
    p.save()
    check(not p.errors, "interrupt: no console errors from the page", repr(p.errors[:5]))
    context.close()

    short = "00-environment-check.ipynb"
    context = browser.new_context(viewport={"width": 1400, "height": 2000})
    p = Page(context, server, short)
    p.menu("Kernel", "Restart Kernel")
    dialog = p.page.locator(".jp-Dialog")
    dialog.wait_for(timeout=10_000)
    dialog.locator("button.jp-mod-accept").click()
    time.sleep(1)
    p.wait_idle(120)
    p.menu("Run", "Run All Cells")
    p.wait_all_ran(120)
    check(not p.error_outputs(), "restart: Kernel > Restart Kernel, then Run > Run All Cells on %s passes"
          % short, repr(p.error_outputs()))
    check_plots(p, short, "after the restart")
    check(not p.errors, "restart: no console errors from the page", repr(p.errors[:5]))
    context.close()


def html_export():
    """nbconvert's HTML of the saved interrupt notebook: printf pieces are one line in one <pre>."""
    jupyter = os.environ.get("JUPYTER") or shutil.which("jupyter")
    src = os.path.join(WORK, "interrupt.ipynb")
    r = subprocess.run([jupyter, "nbconvert", "--to", "html", "--output-dir", OUT, src],
                       capture_output=True, text=True, timeout=120)
    html_path = os.path.join(OUT, "interrupt.html")
    check(r.returncode == 0 and os.path.isfile(html_path), "export: jupyter nbconvert --to html",
          r.stderr[-1000:])
    with open(html_path, encoding="utf-8") as f:
        html = f.read()
    pres = [re.sub(r"<[^>]+>", "", p) for p in re.findall(r"<pre>(.*?)</pre>", html, re.S)]
    whole = [p for p in pres if "a=1 b=2\n" in p]
    pieces = [p for p in pres if p.strip() in ("a=", "1", "b=", "2", "a=1", "b=2")]
    check(len(whole) == 1 and not pieces,
          "export: printf pieces read as one line 'a=1 b=2' in one <pre> (%s)"
          % os.path.relpath(html_path, ROOT), "pre blocks: %r" % pres[:10])


def main():
    # --only notebooks|interrupt|export (comma-separated): run a part alone while working on it.
    parts = {"notebooks", "interrupt", "export"}
    if len(sys.argv) == 3 and sys.argv[1] == "--only":
        parts = set(sys.argv[2].split(","))
    for d in (SHOTS, WORK):
        shutil.rmtree(d, ignore_errors=True)
        os.makedirs(d)
    for name in NOTEBOOKS:
        shutil.copy(os.path.join(ROOT, "notebooks", name), WORK)
    with open(os.path.join(WORK, "interrupt.ipynb"), "w") as f:
        json.dump(interrupt_notebook(), f, indent=1)
    server = None
    started = time.time()
    try:
        server = Server()
        ok("server: environment/run.sh started JupyterLab on a copy of the notebooks (%s)"
           % os.path.relpath(WORK, ROOT))
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=chromium_path(),
                                         args=["--no-sandbox", "--disable-dev-shm-usage"])
            expected = {}
            if "notebooks" in parts:
                for name in NOTEBOOKS:
                    expected[name] = run_notebook(browser, server, name)
                for name in NOTEBOOKS:
                    reopen(browser, server, name, expected[name])
            if "interrupt" in parts:
                interrupt_and_restart(browser, server)
            browser.close()
        if "export" in parts:
            html_export()
    except Failure as e:
        print("[browser] FAIL: %s" % e, file=sys.stderr, flush=True)
        if server:
            print("[browser] server log: %s" % os.path.relpath(server.log_path, ROOT), file=sys.stderr)
        return 1
    finally:
        if server:
            server.stop()
    print("browser: %d checked (%.0f s)" % (checked, time.time() - started))
    return 0


if __name__ == "__main__":
    sys.exit(main())
