#!/usr/bin/env bash
# The README's test command (also what .ci/run calls):
#   1. the library's unit tests (Maven) and the benchmark report's (bench/test_report.py);
#   2. environment/install.sh --for-tests (idempotent; adds nbclient, nbconvert, NumPy, SciPy,
#      Chromium if missing), then environment/test_setup_errors.sh (each set-up failure gives one
#      message and its fix), environment/test_routes.sh (the install routes this run does not take),
#      and environment/test_lbfgs_scipy.py: the library's L-BFGS against SciPy's L-BFGS-B on the
#      softmax problem that step 1's LbfgsScipyProblemTest wrote to lib/target/lbfgs-scipy/;
#   3. every notebook under notebooks/ executed headless with the Descent kernel, failing on any
#      cell error; executed copies + HTML exports in build/notebooks/; then again under the second
#      kernel (descent-jjava) into build/notebooks-descent-jjava/, compared with the first run;
#   4. headless Chromium, without network, checks the plots in the exported HTML drew, and saves
#      screenshots to build/notebooks/screenshots/ (the build artifact); then the figure checks'
#      self-test (environment/figure_checks.py --self-test: a page of deliberately bad figures is
#      caught, a good one passes), the book: environment/build_book.py writes the executed course
#      as a static site to build/book/ (index.html with the course map, a page per notebook, links
#      between chapters, no network asset) and environment/check_book.py reads it offline page by
#      page, then the assignments' solution copies the book leaves out: every plot drawn, every
#      figure measured (title, legend and colour bar apart, no SI
#      prefix on a log axis, no toString() title, fits its page, animations play; screenshots in
#      build/notebooks/screenshots/figures/). DESCENT_FIGURE_CHECKS=report prints figure problems
#      here and in step 7 without failing;
#   5. the grader's command line: grade.sh grade and Gradescope's run_autograder on every assignment
#      (grader/test_cli.sh). The assignments' source notebooks run in step 3 with every self-check
#      passing, their student copies with every self-check reporting "not implemented yet";
#   6. the reliability suite (environment/test_reliability.sh): interrupting cells, System.exit,
#      long prints, compile errors, a read-only shared data folder, each through a real kernel,
#      server or user, asserting the message a student sees;
#   7. a student's session in JupyterLab (environment/test_browser.py): Playwright drives Debian's
#      Chromium through run.sh's server on a copy of the notebooks: three notebooks run all, plots
#      drawn and measured with the figure checks, progress in place, reopened in a new session, an
#      interrupt and a restart from the page, an HTML export; screenshots in build/browser/screenshots/.
#
#   bash environment/test.sh [NOTEBOOK...]     (default: all notebooks)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

echo "[descent] 1/7 library and grader tests"
mvn -B --no-transfer-progress test
# The benchmark report's arithmetic (floors, ratios, the course's totals) on made-up results.
bench_report="$(python3 -m unittest discover -s "$ROOT/bench" -p 'test_*.py' 2>&1 | tee /dev/stderr \
  | sed -n 's/^Ran \([0-9]*\) tests\{0,1\} in.*/\1/p')"

echo "[descent] 2/7 environment"
bash "$ROOT/environment/install.sh" --for-tests
# shellcheck source=/dev/null
. "$ROOT/build/jupyter/env.sh"
setup_checks="$(bash "$ROOT/environment/test_setup_errors.sh" | tee /dev/stderr \
  | sed -n 's/.*set-up failures: \([0-9]*\) checked.*/\1/p')"
routes="$(bash "$ROOT/environment/test_routes.sh" | tee /dev/stderr | sed -n 's/.*install routes: \([0-9]*\) checked.*/\1/p')"
lbfgs="$("$JUPYTER_PYTHON" "$ROOT/environment/test_lbfgs_scipy.py" | tee /dev/stderr \
  | sed -n 's/^lbfgs vs scipy: \([0-9]*\) checked.*/\1/p')"

echo "[descent] 3/7 notebooks"
rm -rf "$ROOT/build/notebooks"
"$JUPYTER_PYTHON" "$ROOT/environment/test_notebooks.py" "$@"
# The second kernel (JJava, where install.sh could install it): every notebook again, its own
# outputs in build/notebooks-descent-jjava/, and the same text up to timings and the same number
# of displays per cell as under the default kernel (environment/compare_notebooks.py).
SECOND_KERNEL=descent-jjava
second_books=0
# DESCENT_TEST_SECOND_KERNEL=0 skips it (it doubles this step's time: KERNEL-NOTES.md).
if [ "${DESCENT_TEST_SECOND_KERNEL:-1}" = 0 ]; then
  echo "[descent] DESCENT_TEST_SECOND_KERNEL=0: notebooks not run under $SECOND_KERNEL"
elif [ -e "$ROOT/build/jupyter/kernels/$SECOND_KERNEL/kernel.json" ]; then
  rm -rf "$ROOT/build/notebooks-$SECOND_KERNEL"
  "$JUPYTER_PYTHON" "$ROOT/environment/test_notebooks.py" --kernel "$SECOND_KERNEL" \
    --out "$ROOT/build/notebooks-$SECOND_KERNEL" "$@"
  "$JUPYTER_PYTHON" "$ROOT/environment/compare_notebooks.py" "$ROOT/build/notebooks" "$ROOT/build/notebooks-$SECOND_KERNEL"
  second_books="$(find "$ROOT/build/notebooks-$SECOND_KERNEL" -name '*.ipynb' | wc -l)"
else
  echo "[descent] no kernel $SECOND_KERNEL (JJava comes with pip): notebooks run under descent-java only"
fi

echo "[descent] 4/7 plots, figure checks and the book in headless Chromium"
"$JUPYTER_PYTHON" "$ROOT/environment/check_plots.py"
figure_selftest="$("$JUPYTER_PYTHON" "$ROOT/environment/figure_checks.py" --self-test | tee /dev/stderr \
  | sed -n 's/^figure checks self-test: \([0-9]*\) checked.*/\1/p')"
book_pages=0
# (a run of only assignment sources has no chapter to publish)
if compgen -G "$ROOT/build/notebooks/[0-9][0-9]-*.ipynb" >/dev/null \
   || compgen -G "$ROOT/build/notebooks/assignments/release/*.ipynb" >/dev/null; then
  "$JUPYTER_PYTHON" "$ROOT/environment/build_book.py"
  book_pages="$("$JUPYTER_PYTHON" "$ROOT/environment/check_book.py" | tee /dev/stderr \
    | sed -n 's/^book: \([0-9]*\) pages.*/\1/p')"
fi

echo "[descent] 5/7 grader command line"
cli_checks="$(bash "$ROOT/grader/test_cli.sh" | tee /dev/stderr \
  | sed -n 's/.*grader command line: \([0-9]*\) checked.*/\1/p')"
echo "[descent] 6/7 reliability"
reliability="$(bash "$ROOT/environment/test_reliability.sh" | tee /dev/stderr \
  | sed -n 's/^reliability: \([0-9]*\) checked.*/\1/p')"
echo "[descent] 7/7 a student's session in JupyterLab"
browser="$("$JUPYTER_PYTHON" "$ROOT/environment/test_browser.py" | tee /dev/stderr \
  | sed -n 's/^browser: \([0-9]*\) checked.*/\1/p')"
# One closing line for CI and people: unit tests (from Surefire's reports: lib's, and the grader's
# under its own build folder) plus the checks and notebooks run.
unit="$(find "$ROOT"/*/target -path '*surefire-reports/TEST-*.xml' -exec cat {} + 2>/dev/null \
  | grep -o '<testsuite [^>]*' | grep -o ' tests="[0-9]*"' | grep -o '[0-9]*' | awk '{s += $1} END {print s + 0}')"
books="$(find "$ROOT/build/notebooks" -name '*.ipynb' | wc -l)"
echo "[descent] all tests passed: ${unit:-0} unit tests, ${bench_report:-0} benchmark-report tests, ${setup_checks:-0} set-up failure checks," \
  "${routes:-0} install routes, ${lbfgs:-0} L-BFGS vs SciPy checks, $books notebooks executed and drawn (and $second_books under $SECOND_KERNEL)," \
  "${figure_selftest:-0} figure-check self-tests, ${book_pages:-0} book pages read," \
  "${cli_checks:-0} grader command-line checks," \
  "${reliability:-0} reliability cases, ${browser:-0} browser checks"
echo "tests: $(( ${unit:-0} + ${bench_report:-0} + ${setup_checks:-0} + ${routes:-0} + ${lbfgs:-0} + books + second_books + ${figure_selftest:-0} + ${book_pages:-0} + ${cli_checks:-0} + ${reliability:-0} + ${browser:-0} )) passed, 0 failed"
