#!/usr/bin/env bash
# Takes, on purpose, the install routes that this machine's main run does not take (the rule: every
# route the scripts can take has a test that takes it). Each runs the real install.sh:
#   1. Debian's Jupyter: pip cannot reach a package index (PIP_INDEX_URL at a closed local port), no
#      project venv (DESCENT_VENV at a fresh folder) and no jupyter on PATH. install.sh must fall
#      back to apt-get's packages (/usr/bin/jupyter, /usr/bin/python3) and pass its kernel smoke
#      test; then notebooks/00-environment-check.ipynb must run on that Jupyter, and
#      environment/test_lbfgs_scipy.py with Debian's NumPy and SciPy (when lib/target holds its
#      problem).
#   2. The pinned venv before a jupyter on PATH: with route 1's /usr/bin/jupyter on PATH and pip
#      able to reach its index, a fresh venv must still win and hold exactly requirements.lock
#      (what a fresh clone on this machine does next).
# First, the pins: binder/requirements.txt includes environment/requirements.txt, and every pin of
# requirements.txt is in requirements.lock at the same version.
# The main route's state stays as it was: these runs write env.sh and their logs to a temporary
# folder (DESCENT_ENV_FILE), use temporary venvs (DESCENT_VENV) and notebook output (--out); the
# script fails if build/jupyter or environment/.venv changed. Run after install.sh succeeded once
# (test.sh does so); route 1 needs apt-get as root or with sudo (and the network the first time),
# route 2 needs pip's index.
#
#   bash environment/test_routes.sh
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
PASSED=0

fail() { echo "FAIL $1" >&2; [ -z "${2:-}" ] || sed 's/^/    /' "$2" >&2; exit 1; }
# expect_line NAME FILE TEXT: FILE has a line containing TEXT.
expect_line() { grep -qF -- "$3" "$2" || fail "$1: expected '$3' in the output:" "$2"; }

# ---------------------------------------------------------------- the pins agree --------------
PINS="$ROOT/environment/requirements.txt"
LOCK="$ROOT/environment/requirements.lock"
[ "$(grep -v '^ *#' "$ROOT/binder/requirements.txt" | grep -v '^ *$')" = "-r ../environment/requirements.txt" ] \
  || fail "pins: binder/requirements.txt must be just '-r ../environment/requirements.txt' (one set of pins)"
# name==version, lower case and '-' for '_' (pip's normalized names).
normalized() { grep -v '^ *#' "$1" | grep '==' | tr 'A-Z_' 'a-z-' | sort; }
missing="$(comm -23 <(normalized "$PINS") <(normalized "$LOCK"))"
[ -z "$missing" ] || fail "pins: requirements.txt pins what requirements.lock does not hold: $missing" \
  "(rebuild the lock as requirements.txt says)"
echo "ok   pins: binder/requirements.txt = environment/requirements.txt, all $(normalized "$PINS" | wc -l) pins in requirements.lock"

# ---------------------------------------------------------------- the main route's state ------
# What must not change: the main route's env.sh and kernelspec (by content), the jar names of its
# class path (the jars themselves follow the sources), and no file of its venv may be written.
touch "$TMP/start"
main_state() {
  cat "$ROOT/build/jupyter/env.sh" "$ROOT"/build/jupyter/kernels/*/kernel.json
  ls "$ROOT/build/classpath"
  [ ! -d "$ROOT/environment/.venv" ] || find "$ROOT/environment/.venv" -type f -newer "$TMP/start"
}
[ -s "$ROOT/build/jupyter/env.sh" ] || fail "no build/jupyter/env.sh: run bash environment/install.sh --for-tests first"
main_state >"$TMP/state.before"

# A PATH without any 'jupyter': DIR/bin links every other program on PATH (the first of each name,
# as PATH lookup does), plus the sbin folders apt-get's dpkg needs.
path_without_jupyter() {
  local dirs d f
  IFS=: read -ra dirs <<< "$PATH:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
  mkdir -p "$1/bin"
  for d in "${dirs[@]}"; do
    [ -d "$d" ] || continue
    for f in "$d"/*; do
      if [ "${f##*/}" != jupyter ] && [ -x "$f" ] && [ ! -d "$f" ] && [ ! -L "$1/bin/${f##*/}" ]; then
        ln -s "$f" "$1/bin/${f##*/}"
      fi
    done
  done
  echo "$1/bin"
}

# ---------------------------------------------------------------- 1. Debian's Jupyter ---------
if ! command -v apt-get >/dev/null || { [ "$(id -u)" -ne 0 ] && ! sudo -n true 2>/dev/null; }; then
  echo "skip Debian's Jupyter: no apt-get here, or not root and no sudo (install.sh cannot take that route either)"
else
  if (exec 3<>/dev/tcp/127.0.0.1/9) 2>/dev/null; then
    fail "Debian's Jupyter: something listens on 127.0.0.1:9, which stands for an unreachable package index"
  fi
  t0=$SECONDS
  D="$TMP/debian"
  NO_JUPYTER_PATH="$(path_without_jupyter "$D/path")"
  rc=0
  env -u PIP_EXTRA_INDEX_URL -u PIP_FIND_LINKS -u PIP_NO_INDEX -u VIRTUAL_ENV \
    PATH="$NO_JUPYTER_PATH" PIP_CONFIG_FILE=/dev/null PIP_INDEX_URL=http://127.0.0.1:9/simple \
    PIP_NO_CACHE_DIR=1 DESCENT_VENV="$D/venv" DESCENT_ENV_FILE="$D/jupyter/env.sh" \
    bash "$ROOT/environment/install.sh" --for-tests >"$D/out" 2>&1 || rc=$?
  [ "$rc" -eq 0 ] || fail "Debian's Jupyter: install.sh exited $rc:" "$D/out"
  expect_line "Debian's Jupyter" "$D/out" "[descent] pip could not install the pinned Jupyter"
  expect_line "Debian's Jupyter" "$D/out" "[descent] Jupyter at /usr/bin/jupyter (python: /usr/bin/python3), from Debian's packages"
  expect_line "Debian's Jupyter" "$D/out" "kernel descent-java: 1 starts, 0 failed"
  grep -qx 'export JUPYTER="/usr/bin/jupyter"' "$D/jupyter/env.sh" \
    && grep -qx 'export JUPYTER_PYTHON="/usr/bin/python3"' "$D/jupyter/env.sh" \
    || fail "Debian's Jupyter: env.sh does not name /usr/bin/jupyter and /usr/bin/python3:" "$D/jupyter/env.sh"
  [ ! -e "$D/venv" ] || fail "Debian's Jupyter: install.sh left the venv it could not fill at $D/venv"
  rc=0
  ( # shellcheck source=/dev/null
    . "$D/jupyter/env.sh"
    "$JUPYTER_PYTHON" "$ROOT/environment/test_notebooks.py" --out "$D/notebooks" \
      "$ROOT/notebooks/00-environment-check.ipynb" ) >"$D/notebooks.out" 2>&1 || rc=$?
  [ "$rc" -eq 0 ] || fail "Debian's Jupyter: notebooks/00-environment-check.ipynb failed (exit $rc):" "$D/notebooks.out"
  expect_line "Debian's Jupyter" "$D/notebooks.out" "ok   notebooks/00-environment-check.ipynb"
  # The L-BFGS cross-check with Debian's NumPy and SciPy (python3-numpy, python3-scipy), when the
  # library tests have written its problem (test.sh runs them first).
  lbfgs_note=""
  if [ -s "$ROOT/lib/target/lbfgs-scipy/problem.json" ]; then
    rc=0
    /usr/bin/python3 "$ROOT/environment/test_lbfgs_scipy.py" >"$D/lbfgs.out" 2>&1 || rc=$?
    [ "$rc" -eq 0 ] || fail "Debian's Jupyter: environment/test_lbfgs_scipy.py failed (exit $rc):" "$D/lbfgs.out"
    expect_line "Debian's Jupyter" "$D/lbfgs.out" "lbfgs vs scipy: 5 checked"
    lbfgs_note=", the L-BFGS cross-check passed with Debian's SciPy"
  fi
  echo "ok   Debian's Jupyter: pip had no index, install.sh took apt-get's /usr/bin/jupyter, the kernel" \
    "started, notebook 00 ran$lbfgs_note ($((SECONDS - t0)) s)"
  PASSED=$((PASSED + 1))
fi

# ---------------------------------------------------------------- 2. the venv first ----------
t0=$SECONDS
P="$TMP/pip"
on_path="$(command -v jupyter || echo none)"
rc=0
DESCENT_VENV="$P/venv" DESCENT_ENV_FILE="$P/jupyter/env.sh" DESCENT_SKIP_KERNEL_CHECK=1 \
  bash "$ROOT/environment/install.sh" --for-tests >"$P.out" 2>&1 || rc=$?
[ "$rc" -eq 0 ] || fail "pinned venv first: install.sh exited $rc:" "$P.out"
expect_line "pinned venv first" "$P.out" "[descent] Jupyter at $P/venv/bin/jupyter (python: $P/venv/bin/python), from the project venv (pip)"
grep -qx "export JUPYTER=\"$P/venv/bin/jupyter\"" "$P/jupyter/env.sh" \
  || fail "pinned venv first: env.sh does not name the venv's jupyter:" "$P/jupyter/env.sh"
"$P/venv/bin/python" -m pip freeze --disable-pip-version-check | tr 'A-Z_' 'a-z-' | sort >"$P.freeze"
diff <(normalized "$LOCK") "$P.freeze" >"$P.diff" \
  || fail "pinned venv first: the venv differs from requirements.lock (< lock, > venv):" "$P.diff"
echo "ok   pinned venv first: with a jupyter on PATH ($on_path), a fresh venv took the pins," \
  "exactly requirements.lock ($((SECONDS - t0)) s)"
PASSED=$((PASSED + 1))

main_state >"$TMP/state.after"
diff "$TMP/state.before" "$TMP/state.after" >"$TMP/state.diff" \
  || fail "the main route's state changed (env.sh, kernel.json, build/classpath, environment/.venv):" "$TMP/state.diff"
echo "[descent] install routes: $PASSED checked, the main route's env.sh, venv and class path untouched"
