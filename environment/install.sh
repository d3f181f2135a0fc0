#!/usr/bin/env bash
# Installs everything Descent's notebooks need, idempotently, and writes a project-local kernelspec.
#
#   bash environment/install.sh               JDK check, Jupyter, library, kernel, kernelspec
#   bash environment/install.sh --for-tests   also nbclient, nbconvert and Chromium (notebook tests)
#   bash environment/install.sh --no-system   never call apt-get or pip (Binder's postBuild)
#   bash environment/install.sh --grader-only only the library and grader jars (grader/grade.sh)
#
# What it leaves behind (under build/ and environment/, nothing in the user's global Jupyter folders):
#   build/classpath/            the library jar + its runtime dependencies (EJML, Tablesaw, ...)
#   build/kernel/               rapaio-jupyter-kernel jar (pinned) + patch/ (start-up, interrupt, System.exit fixes)
#   build/jupyter/kernels/descent-java/kernel.json   found through JUPYTER_PATH=build/jupyter
#   build/jupyter/kernels/descent-jjava/kernel.json  the second kernel, JJava (pip package jjava), where
#                               pip can install it; build/kernel/jjava/ + jjava-patch/ (our fixes)
#   build/jupyter/env.sh        JUPYTER, JUPYTER_PYTHON, JUPYTER_PATH for run.sh and test.sh
#   environment/.venv/          the pinned Jupyter (environment/requirements.txt), where pip can
#                               install it; else a jupyter on PATH, else Debian's (see "Jupyter")
# Re-running it rewrites nothing that is already right: jars, class files and kernel.json are only
# replaced when their content differs.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="$ROOT/build"
# JVM options of the kernel. -Xmx1400m: the course must fit a 2 GB container (Binder), leaving
# ~600 MB for metaspace, JShell's compiler, the notebook server and the browser-side traffic.
KERNEL_HEAP="${DESCENT_KERNEL_HEAP:--Xmx1400m}"
KERNEL_NAME="descent-java"
# Where env.sh goes (DESCENT_ENV_FILE moves it: test_routes.sh keeps build/jupyter/env.sh of the
# main route); pip's and the smoke test's logs go beside it.
ENV_FILE="${DESCENT_ENV_FILE:-$BUILD/jupyter/env.sh}"
LOG_DIR="$(dirname "$ENV_FILE")"

FOR_TESTS=0
GRADER_ONLY=0
SYSTEM_INSTALL=1
for arg in "$@"; do
  case "$arg" in
    --for-tests) FOR_TESTS=1 ;;
    --no-system) SYSTEM_INSTALL=0 ;;
    --grader-only) GRADER_ONLY=1 ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) echo "install.sh: unknown option '$arg' (try --help)" >&2; exit 2 ;;
  esac
done

say()  { echo "[descent] $*"; }
# die MESSAGE FIX: one clear message and the fix, then exit 1.
die()  { echo "[descent] ERROR: $1" >&2; echo "[descent] Fix: $2" >&2; exit 1; }

# ---------------------------------------------------------------- system packages (apt) --------
APT_UPDATED=0
# apt_install PKG...: installs the missing Debian packages (apt-get update first, sudo if not root).
apt_install() {
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ "${#missing[@]}" -eq 0 ] && return 0
  if [ "$SYSTEM_INSTALL" -eq 0 ] || ! command -v apt-get >/dev/null; then
    return 1
  fi
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || return 1
    sudo=(sudo)
  fi
  say "installing with apt-get: ${missing[*]}"
  if [ "$APT_UPDATED" -eq 0 ]; then
    "${sudo[@]}" apt-get update -qq && APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# ---------------------------------------------------------------- JDK 17+ ----------------------
find_java_home() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then echo "$JAVA_HOME"; return; fi
  local javac
  javac="$(command -v javac || true)"
  [ -n "$javac" ] && dirname "$(dirname "$(readlink -f "$javac")")"
}
JAVA_HOME_FOUND="$(find_java_home || true)"
if [ -z "$JAVA_HOME_FOUND" ]; then
  apt_install openjdk-17-jdk-headless || true
  JAVA_HOME_FOUND="$(find_java_home || true)"
fi
[ -n "$JAVA_HOME_FOUND" ] || die "no JDK found (need 'javac' 17 or newer on PATH or in JAVA_HOME)." \
  "install a JDK 17+ (Debian/Ubuntu: sudo apt-get install openjdk-17-jdk-headless) or set JAVA_HOME."
JAVA="$JAVA_HOME_FOUND/bin/java"
JAVA_MAJOR="$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
[ "${JAVA_MAJOR%%.*}" -ge 17 ] 2>/dev/null || die "the JDK at $JAVA_HOME_FOUND is Java $JAVA_MAJOR; Descent needs 17 or newer." \
  "install openjdk-17-jdk-headless (or newer) and point JAVA_HOME at it."
"$JAVA" --list-modules 2>/dev/null | grep -q '^jdk.incubator.vector' || die \
  "the JDK at $JAVA_HOME_FOUND lacks the module jdk.incubator.vector (a JRE or a jlinked runtime?)." \
  "install a full JDK 17+ (openjdk-17-jdk-headless) and set JAVA_HOME to it."
export JAVA_HOME="$JAVA_HOME_FOUND"
say "JDK $JAVA_MAJOR at $JAVA_HOME"

# ---------------------------------------------------------------- Maven and npm ---------------
command -v mvn >/dev/null || apt_install maven || die "Maven ('mvn') is not installed." \
  "install it (Debian/Ubuntu: sudo apt-get install maven) and re-run."
# npm: the library build fetches plotly.js (for offline plots) with the npm client.
command -v npm >/dev/null || apt_install npm || die "npm is not installed (the library build uses it to fetch plotly.js)." \
  "install it (Debian/Ubuntu: sudo apt-get install npm) and re-run."

# (--grader-only needs no Jupyter: it builds the jars for grader/grade.sh and stops.)
if [ "$GRADER_ONLY" -eq 0 ]; then
# ---------------------------------------------------------------- Jupyter ---------------------
# jupyter_python JUPYTER: the interpreter in the jupyter script's shebang (Debian: /usr/bin/python3,
# Binder/conda: the env's python), so we import nbclient from the same installation.
jupyter_python() {
  local line
  line="$(head -n1 "$1")"
  case "$line" in
    '#!'*python*) line="${line#\#!}"; line="${line#/usr/bin/env }"; command -v "${line%% *}" ;;
    *) command -v python3 ;;
  esac
}
# has_modules PYTHON MOD...: true if PYTHON imports every module.
has_modules() {
  local py="$1"; shift
  local m
  for m in "$@"; do "$py" -c "import $m" >/dev/null 2>&1 || return 1; done
}
NEEDED_MODULES=(jupyter_client)
[ "$FOR_TESTS" -eq 1 ] && NEEDED_MODULES+=(nbclient nbconvert numpy scipy)
# numpy and scipy: environment/test_lbfgs_scipy.py checks the library's L-BFGS against SciPy's. The
# venv has them from requirements.txt; the other routes add them only for the tests.
TEST_APT=()
TEST_PIP=()
[ "$FOR_TESTS" -eq 1 ] && TEST_APT=(python3-numpy python3-scipy) && TEST_PIP=(numpy scipy)

# jupyter_works JUPYTER: true if it answers and has a front end (JupyterLab or the classic Notebook).
jupyter_works() {
  [ -n "$1" ] && [ -x "$1" ] && "$1" --version >/dev/null 2>&1 \
    && { "$1" lab --version >/dev/null 2>&1 || "$1" notebook --version >/dev/null 2>&1; }
}

# Where the Jupyter comes from, the first that works:
#   1) the project venv (environment/.venv; DESCENT_VENV moves it) holding the pins of
#      environment/requirements.txt (JupyterLab), every other package held by requirements.lock:
#      reused when an earlier run made it from the same pins, else made or brought to the pins with
#      pip (not with --no-system, which uses it as it is);
#   2) a jupyter already on PATH (Binder's, one the user installed);
#   3) Debian's packages with apt-get (classic Notebook 6.4; /usr/bin/jupyter, /usr/bin/python3).
# The venv comes first so that a machine where 3) ran once (test_routes.sh takes it on purpose)
# still takes the pinned pip route. test_setup_errors.sh points DESCENT_VENV at a folder that does
# not exist to stand for a machine where no earlier run made one.
JUPYTER=""
JUPYTER_ROUTE=""
VENV="${DESCENT_VENV:-$ROOT/environment/.venv}"
PINS="$ROOT/environment/requirements.txt"
PINS_LOCK="$ROOT/environment/requirements.lock"
PINS_KEY="$(cat "$PINS" "$PINS_LOCK" | cksum)"
PINS_STAMP="$VENV/.descent-pins"
venv_ready() { jupyter_works "$VENV/bin/jupyter" && has_modules "$VENV/bin/python" "${NEEDED_MODULES[@]}"; }

if venv_ready && { [ "$(cat "$PINS_STAMP" 2>/dev/null)" = "$PINS_KEY" ] || [ "$SYSTEM_INSTALL" -eq 0 ] \
                   || ! command -v python3 >/dev/null; }; then
  JUPYTER="$VENV/bin/jupyter"; JUPYTER_ROUTE="the project venv"
elif [ "$SYSTEM_INSTALL" -eq 1 ] && command -v python3 >/dev/null; then
  say "installing the pinned Jupyter (environment/requirements.txt) with pip into $VENV"
  mkdir -p "$LOG_DIR"
  venv_made=0
  [ -e "$VENV" ] || venv_made=1
  : > "$LOG_DIR/pip.log"
  # Debian's own python3 makes venvs only with python3-venv (a no-op where it is installed).
  if [ "$(command -v python3)" = /usr/bin/python3 ] && [ ! -x "$VENV/bin/python" ]; then
    apt_install python3-venv || true
  fi
  if { [ -x "$VENV/bin/python" ] || python3 -m venv "$VENV" >>"$LOG_DIR/pip.log" 2>&1; } \
     && "$VENV/bin/python" -m pip install --disable-pip-version-check --timeout 15 --retries 1 \
          -r "$PINS" -c "$PINS_LOCK" >>"$LOG_DIR/pip.log" 2>&1 \
     && venv_ready; then
    echo "$PINS_KEY" > "$PINS_STAMP"
    JUPYTER="$VENV/bin/jupyter"; JUPYTER_ROUTE="the project venv (pip)"
  elif venv_ready; then
    say "pip could not bring the venv to the pins (log: ${LOG_DIR#"$ROOT"/}/pip.log); using it as it is"
    JUPYTER="$VENV/bin/jupyter"; JUPYTER_ROUTE="the project venv (not at the pins)"
  else
    say "pip could not install the pinned Jupyter (no package index? log: ${LOG_DIR#"$ROOT"/}/pip.log)"
    [ "$venv_made" -eq 0 ] || rm -rf "$VENV"
  fi
fi

if [ -z "$JUPYTER" ] && jupyter_works "$(command -v jupyter || true)"; then
  JUPYTER="$(command -v jupyter)"; JUPYTER_ROUTE="PATH"
  if ! has_modules "$(jupyter_python "$JUPYTER")" "${NEEDED_MODULES[@]}"; then
    # It lacks the test modules: add them the same way it was installed.
    if [ "$(jupyter_python "$JUPYTER")" = /usr/bin/python3 ]; then
      apt_install jupyter-nbconvert python3-nbclient jupyter-client "${TEST_APT[@]}" || true
    elif [ "$SYSTEM_INSTALL" -eq 1 ]; then
      "$(jupyter_python "$JUPYTER")" -m pip install -q nbclient nbconvert jupyter_client "${TEST_PIP[@]}" || true
    fi
  fi
fi

if [ -z "$JUPYTER" ]; then
  say "no Jupyter from pip or on PATH; trying Debian's packages"
  apt_install jupyter-notebook jupyter-nbconvert python3-nbclient jupyter-client python3-ipykernel \
    "${TEST_APT[@]}" \
    && jupyter_works /usr/bin/jupyter && JUPYTER=/usr/bin/jupyter && JUPYTER_ROUTE="Debian's packages"
fi
[ -n "$JUPYTER" ] || die "no Jupyter found, and it cannot be installed here (pip has no package index, apt-get is missing or not allowed)." \
  "install Jupyter yourself (pip install jupyterlab, or: sudo apt-get install jupyter-notebook jupyter-nbconvert python3-nbclient) and re-run."
JUPYTER_PYTHON="$(jupyter_python "$JUPYTER")"
has_modules "$JUPYTER_PYTHON" "${NEEDED_MODULES[@]}" || die \
  "the Jupyter at $JUPYTER lacks Python modules: ${NEEDED_MODULES[*]} (for $JUPYTER_PYTHON)." \
  "install them for that Python (pip install nbclient nbconvert jupyter_client numpy scipy, or: sudo apt-get install python3-nbclient jupyter-nbconvert jupyter-client python3-numpy python3-scipy)."
say "Jupyter at $JUPYTER (python: $JUPYTER_PYTHON), from $JUPYTER_ROUTE"

if [ "$FOR_TESTS" -eq 1 ]; then
  command -v chromium >/dev/null || command -v chromium-browser >/dev/null || apt_install chromium \
    || die "Chromium is not installed (the notebook tests check the plots in headless Chromium)." \
           "install it (Debian: sudo apt-get install chromium) and re-run."
fi
fi  # GRADER_ONLY

# ---------------------------------------------------------------- helpers for idempotency -----
# install_file SRC DST: copies only when DST is missing or differs (keeps mtime otherwise).
install_file() {
  if ! cmp -s "$1" "$2"; then mkdir -p "$(dirname "$2")"; cp -f "$1" "$2"; say "updated ${2#"$ROOT"/}"; fi
}
# mvn_run ARGS...: Maven offline first (works without network once the cache is filled), online next.
mvn_run() {
  mvn -o -q -B "$@" >/dev/null 2>&1 && return 0
  mvn -q -B "$@"
}
pom_property() { sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" "$ROOT/pom.xml" | head -n1; }

# ---------------------------------------------------------------- library + dependencies ------
say "building the library and the grader (mvn package, tests skipped here)"
MVN_BUILD_DIR="${DESCENT_BUILD_DIR:-$ROOT/lib/target}"
STAGE="$BUILD/.stage/classpath"
rm -rf "$STAGE" && mkdir -p "$STAGE"
# One reactor build: lib, then the grader against it; copy-dependencies in the same run resolves
# descent-lib from the reactor, so nothing has to be installed in ~/.m2 first.
mvn_run -f "$ROOT/pom.xml" -pl lib,grader -Ddescent.buildDir="$MVN_BUILD_DIR" -DskipTests package \
  dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$STAGE" \
  || die "the library did not build (see Maven's output above)." "fix the build error, then re-run."
cp "$MVN_BUILD_DIR"/descent-lib-*.jar "$STAGE/"
# The grader jar (self-check API and public tests) joins the kernel's class path; its hidden tests
# do not: they go to build/grader/, read only by the grading JVM's parent.
cp "$MVN_BUILD_DIR"/grader/descent-grader-*[0-9T].jar "$STAGE/"
mkdir -p "$BUILD/grader"
install_file "$(ls "$MVN_BUILD_DIR"/grader/descent-grader-*-hidden.jar)" "$BUILD/grader/descent-grader-hidden.jar"
rm -f "$STAGE"/*-sources.jar "$STAGE"/*-javadoc.jar
# Sync build/classpath with the staged set: add/replace changed jars, drop stale ones.
mkdir -p "$BUILD/classpath"
for jar in "$STAGE"/*.jar; do install_file "$jar" "$BUILD/classpath/$(basename "$jar")"; done
for jar in "$BUILD/classpath"/*.jar; do
  [ -e "$STAGE/$(basename "$jar")" ] || { rm -f "$jar"; say "removed stale ${jar#"$ROOT"/}"; }
done
rm -rf "$BUILD/.stage"

# The grader's sandbox (grader/grade.sh): bubblewrap where it can be installed; without it the
# grader still runs each submission in its own JVM with time, heap and output limits, and says so.
if ! command -v bwrap >/dev/null; then
  apt_install bubblewrap || say "bubblewrap is not installed: the grader will run submissions without its sandbox"
fi
if [ "$GRADER_ONLY" -eq 1 ]; then
  say "ready: the grader (build/classpath, build/grader/descent-grader-hidden.jar)"
  exit 0
fi

# ---------------------------------------------------------------- the kernel ------------------
KERNEL_VERSION="$(pom_property rapaio.kernel.version)"
KERNEL_JAR="$BUILD/kernel/rapaio-jupyter-kernel-$KERNEL_VERSION.jar"
if [ ! -s "$KERNEL_JAR" ]; then
  say "fetching io.github.padreati:rapaio-jupyter-kernel:$KERNEL_VERSION from Maven Central"
  mvn_run -f "$ROOT/pom.xml" -N dependency:copy \
    -Dartifact="io.github.padreati:rapaio-jupyter-kernel:$KERNEL_VERSION" -DoutputDirectory="$BUILD/kernel" \
    || die "could not fetch the Java kernel jar." "check network access to Maven Central, then re-run."
fi
# The start-up race fixes (see environment/KERNEL-NOTES.md): a patched LoopThread that is put ahead
# of the kernel jar on the class path, and the launcher that holds the channel loops during connect.
# Also a patched IOPubChannel and a display provider (QuietResults) so that a cell ending in
# System.out.printf does not echo "java.io.PrintStream@...". And the interrupt fix: a patched
# ControlChannel and RapaioExecutionControl (stop the running cell, keep the kernel), with
# ExitGuard/ExitCallRewriter refusing System.exit in a cell (KERNEL-NOTES.md, "Interrupt and System.exit").
# Printed output in batches (JShellOutputStream, OutputBatcher; sent before any other IOPub message,
# shell reply or input request: IOPubChannel, ShellChannel, StdinChannel) and compile errors
# without javac's incubator-module warning (CompileErrors).
PATCH_SRC_DIR="$ROOT/environment/kernel-patch"
PATCH_DIR="$BUILD/kernel/patch"
PATCH_STAMP="$PATCH_DIR/.built-from"
PATCH_SOURCES=("$PATCH_SRC_DIR/org/rapaio/jupyter/kernel/channels/LoopThread.java"
               "$PATCH_SRC_DIR/org/rapaio/jupyter/kernel/channels/IOPubChannel.java"
               "$PATCH_SRC_DIR/org/rapaio/jupyter/kernel/channels/ControlChannel.java"
               "$PATCH_SRC_DIR/org/rapaio/jupyter/kernel/core/java/RapaioExecutionControl.java"
               "$PATCH_SRC_DIR/descent/kernel/Launcher.java"
               "$PATCH_SRC_DIR/descent/kernel/QuietResults.java"
               "$PATCH_SRC_DIR/descent/kernel/CellStop.java"
               "$PATCH_SRC_DIR/descent/kernel/ExitGuard.java"
               "$PATCH_SRC_DIR/descent/kernel/ExitCallRewriter.java"
               "$PATCH_SRC_DIR/org/rapaio/jupyter/kernel/channels/ShellChannel.java"
               "$PATCH_SRC_DIR/org/rapaio/jupyter/kernel/channels/StdinChannel.java"
               "$PATCH_SRC_DIR/org/rapaio/jupyter/kernel/core/java/io/JShellOutputStream.java"
               "$PATCH_SRC_DIR/descent/kernel/OutputBatcher.java"
               "$PATCH_SRC_DIR/descent/kernel/CompileErrors.java")
# Interrupt on Java 24+ (no Thread.stop): stop checks woven into cell classes with java.lang.classfile,
# compiled only there (see the interrupt section of environment/KERNEL-NOTES.md).
PATCH_SOURCES_JDK24=("$PATCH_SRC_DIR/jdk24/descent/kernel/StopCheckWeaver.java")
PATCH_SERVICES="$PATCH_SRC_DIR/META-INF/services"
PATCH_KEY="$(cat "${PATCH_SOURCES[@]}" "${PATCH_SOURCES_JDK24[@]}" "$PATCH_SERVICES"/* | cksum) $KERNEL_VERSION $JAVA_MAJOR"
if [ "$(cat "$PATCH_STAMP" 2>/dev/null)" != "$PATCH_KEY" ]; then
  rm -rf "$PATCH_DIR"
  "$JAVA_HOME/bin/javac" --release 17 -nowarn -cp "$KERNEL_JAR" -d "$PATCH_DIR" "${PATCH_SOURCES[@]}" \
    || die "could not compile the kernel patch (start-up, interrupt and System.exit fixes) in environment/kernel-patch/." \
           "check that $KERNEL_JAR is the rapaio-jupyter-kernel $KERNEL_VERSION jar (rm -rf build/kernel and re-run)."
  if [ "${JAVA_MAJOR%%.*}" -ge 24 ]; then
    "$JAVA_HOME/bin/javac" --release "${JAVA_MAJOR%%.*}" -nowarn -cp "$PATCH_DIR" -d "$PATCH_DIR" "${PATCH_SOURCES_JDK24[@]}" \
      || die "could not compile the kernel's stop checks for Java $JAVA_MAJOR (environment/kernel-patch/jdk24/)." \
             "run with JAVA_HOME pointing at a JDK 17 (the course's default) and re-run."
  fi
  mkdir -p "$PATCH_DIR/META-INF" && cp -r "$PATCH_SERVICES" "$PATCH_DIR/META-INF/"
  echo "$PATCH_KEY" > "$PATCH_STAMP"
  say "compiled the kernel patch (start-up, interrupt and System.exit fixes)"
fi

# ---------------------------------------------------------------- kernelspec -----------------
SPEC_DIR="$BUILD/jupyter/kernels/$KERNEL_NAME"
mkdir -p "$SPEC_DIR"
# kernel.json by Python's json module (quoting paths safely).
"$JUPYTER_PYTHON" - "$SPEC_DIR/kernel.json.new" "$JAVA" "$KERNEL_HEAP" "$BUILD" "$KERNEL_JAR" "$ROOT" <<'PY'
import json, sys
out, java, heap, build, kernel_jar, root = sys.argv[1:]
spec = {
    "argv": [java, "--add-modules=jdk.incubator.vector", heap, "-Djava.awt.headless=true",
             # Tablesaw logs through SLF4J without a provider: silence SLF4J's own warning.
             "-Dslf4j.internal.verbosity=ERROR",
             "-cp", build + "/kernel/patch:" + kernel_jar,
             "descent.kernel.Launcher", "{connection_file}"],
    "display_name": "Java (Descent)",
    "language": "java",
    "interrupt_mode": "message",
    "env": {
        # ';'-separated, globs allowed; loaded into JShell at start, so cells need no magics.
        "RJK_CLASSPATH": build + "/classpath/*.jar",
        "RJK_COMPILER_OPTIONS": "--add-modules jdk.incubator.vector",
        "RJK_TIMEOUT_MILLIS": "-1",
        # JShell snippets run at start: warms up the hot loss kernels in the background.
        "RJK_INIT_SCRIPT": root + "/environment/kernel-init.jshell",
    },
    "metadata": {"debugger": False},
}
with open(out, "w") as f:
    json.dump(spec, f, indent=1)
    f.write("\n")
PY
install_file "$SPEC_DIR/kernel.json.new" "$SPEC_DIR/kernel.json"
rm -f "$SPEC_DIR/kernel.json.new"

# ---------------------------------------------------------------- the second kernel: JJava ----
# JJava (pip package jjava, pinned in requirements.txt; the IJava line) as a second kernelspec,
# descent-jjava, with the same JVM options, class path and warm-up as descent-java and no magics.
# Its jar comes from the Jupyter's Python (the project venv), is copied to build/kernel/jjava/ and
# run directly (not through its launcher, which starts a second JVM with the 'java' on PATH).
# Where pip is not available (Debian's Jupyter) there is no JJava: one line says so, and a jar
# copied by an earlier run is kept. See environment/KERNEL-NOTES.md, "The second kernel: JJava".
JJAVA_NAME="descent-jjava"
JJAVA_JAR="$BUILD/kernel/jjava/jjava.jar"
JJAVA_SRC="$("$JUPYTER_PYTHON" - <<'PY' 2>/dev/null || true
import os, sys
for base in (sys.prefix, sys.base_prefix, os.path.expanduser("~/.local")):
    jar = os.path.join(base, "share", "jupyter", "kernels", "java", "jjava.jar")
    if os.path.isfile(jar):
        print(jar)
        break
PY
)"
if [ -n "$JJAVA_SRC" ]; then
  install_file "$JJAVA_SRC" "$JJAVA_JAR"
  # pip's own kernelspec beside the jar ("Java (jjava)": no library, no heap limit) would show in
  # JupyterLab's launcher next to ours; the project venv's copy is removed (the jar stays).
  [ "${JJAVA_SRC#"$VENV"/}" = "$JJAVA_SRC" ] || rm -f "$(dirname "$JJAVA_SRC")/kernel.json"
fi
JJAVA_OK=0
[ -s "$JJAVA_JAR" ] && JJAVA_OK=1
if [ "$JJAVA_OK" -eq 1 ]; then
  # Our replacement classes ahead of the jar (environment/kernel-patch-jjava/; KERNEL-NOTES.md).
  JJAVA_PATCH_DIR="$BUILD/kernel/jjava-patch"
  # (the System.exit guard and the output batcher are the same classes as descent-java's, from
  # environment/kernel-patch/)
  JJAVA_PATCH_SOURCES=("$ROOT/environment/kernel-patch-jjava/org/dflib/jjava/jupyter/kernel/RenderedEvalBuilder.java"
                       "$ROOT/environment/kernel-patch-jjava/org/dflib/jjava/jupyter/kernel/JupyterIO.java"
                       "$ROOT/environment/kernel-patch-jjava/org/dflib/jjava/jupyter/channels/JupyterOutputStream.java"
                       "$ROOT/environment/kernel-patch-jjava/org/dflib/jjava/jupyter/channels/DefaultReplyEnvironment.java"
                       "$ROOT/environment/kernel-patch-jjava/org/dflib/jjava/jupyter/channels/ShellReplyEnvironment.java"
                       "$ROOT/environment/kernel-patch-jjava/org/dflib/jjava/kernel/execution/JJavaExecutionControl.java"
                       "$PATCH_SRC_DIR/descent/kernel/ExitCallRewriter.java"
                       "$PATCH_SRC_DIR/descent/kernel/ExitGuard.java"
                       "$PATCH_SRC_DIR/descent/kernel/OutputBatcher.java")
  JJAVA_PATCH_KEY="$(cat "${JJAVA_PATCH_SOURCES[@]}" "$JJAVA_JAR" | cksum) $JAVA_MAJOR"
  if [ "$(cat "$JJAVA_PATCH_DIR/.built-from" 2>/dev/null)" != "$JJAVA_PATCH_KEY" ]; then
    rm -rf "$JJAVA_PATCH_DIR"
    if "$JAVA_HOME/bin/javac" --release 17 -nowarn -cp "$JJAVA_JAR" -d "$JJAVA_PATCH_DIR" "${JJAVA_PATCH_SOURCES[@]}"; then
      echo "$JJAVA_PATCH_KEY" > "$JJAVA_PATCH_DIR/.built-from"
      say "compiled the JJava kernel patch"
    else
      # Another JJava than the pinned 1.0a8 (a jjava installed outside the project venv): no
      # second kernel rather than one without its fixes; the course does not depend on it.
      JJAVA_OK=0
      rm -rf "$JJAVA_PATCH_DIR" "$BUILD/jupyter/kernels/$JJAVA_NAME"
      say "JJava at ${JJAVA_SRC:-$JJAVA_JAR} is not the pinned 1.0a8 (our patch does not compile against it): the course uses kernel '$KERNEL_NAME' only"
    fi
  fi
fi
if [ "$JJAVA_OK" -eq 1 ]; then
  JJAVA_SPEC_DIR="$BUILD/jupyter/kernels/$JJAVA_NAME"
  mkdir -p "$JJAVA_SPEC_DIR"
  "$JUPYTER_PYTHON" - "$JJAVA_SPEC_DIR/kernel.json.new" "$JAVA" "$KERNEL_HEAP" "$BUILD" "$JJAVA_JAR" "$ROOT" <<'PY'
import json, sys
out, java, heap, build, jar, root = sys.argv[1:]
spec = {
    "argv": [java, "--add-modules=jdk.incubator.vector", heap, "-Djava.awt.headless=true",
             "-Dslf4j.internal.verbosity=ERROR",
             "-Djava.util.logging.config.file=" + root + "/environment/jjava-logging.properties",
             # what JJava's launcher adds: JShell internals the kernel reaches into
             "--add-opens", "jdk.jshell/jdk.jshell=ALL-UNNAMED",
             "-cp", build + "/kernel/jjava-patch:" + jar,
             "org.dflib.jjava.distro.JJava", "{connection_file}"],
    "display_name": "Java (Descent, JJava)",
    "language": "java",
    "interrupt_mode": "message",
    "env": {
        # ':'-separated (the path separator), globs allowed; added to JShell at start.
        "JJAVA_CLASSPATH": build + "/classpath/*.jar",
        # -nowarn: else javac's "using incubating module(s): jdk.incubator.vector" heads every
        # compile error that refers to an earlier cell's variable (JJava shows warnings only for
        # rejected snippets, so nothing else is lost; descent-java drops it in CompileErrors).
        "JJAVA_COMPILER_OPTS": "--add-modules jdk.incubator.vector -nowarn",
        "JJAVA_TIMEOUT": "-1",
        "JJAVA_STARTUP_SCRIPTS_PATH": root + "/environment/kernel-init.jshell",
    },
    "metadata": {"debugger": False},
}
with open(out, "w") as f:
    json.dump(spec, f, indent=1)
    f.write("\n")
PY
  install_file "$JJAVA_SPEC_DIR/kernel.json.new" "$JJAVA_SPEC_DIR/kernel.json"
  rm -f "$JJAVA_SPEC_DIR/kernel.json.new"
elif [ ! -s "$JJAVA_JAR" ]; then
  say "JJava is not available (no pip package jjava for $JUPYTER_PYTHON; Jupyter from $JUPYTER_ROUTE): the course uses kernel '$KERNEL_NAME' only"
fi

# Environment for run.sh / test.sh (and for people who start Jupyter by hand: source it).
mkdir -p "$LOG_DIR"
cat > "$ENV_FILE.new" <<EOF
# Written by environment/install.sh. Source it to use the Descent kernel: . build/jupyter/env.sh
export JUPYTER="$JUPYTER"
export JUPYTER_PYTHON="$JUPYTER_PYTHON"
export JUPYTER_PATH="$BUILD/jupyter\${JUPYTER_PATH:+:\$JUPYTER_PATH}"
EOF
install_file "$ENV_FILE.new" "$ENV_FILE"
rm -f "$ENV_FILE.new"

# ---------------------------------------------------------------- smoke test -----------------
# One start of the kernel, one cell using the library, EJML and Tablesaw.
if [ "${DESCENT_SKIP_KERNEL_CHECK:-0}" != 1 ]; then
  JUPYTER_PATH="$BUILD/jupyter" "$JUPYTER_PYTHON" "$ROOT/environment/kernel_check.py" --starts 1 --quiet \
       --log "$LOG_DIR/kernel-check.log" \
    || die "the Java kernel '$KERNEL_NAME' did not start and run a cell (log: ${LOG_DIR#"$ROOT"/}/kernel-check.log)." \
           "read the log; usual causes are a broken JDK or a stale build: rm -rf build && bash environment/install.sh"
fi
# The second kernel gets the same check; if it fails, the course still has the first.
if [ "${DESCENT_SKIP_KERNEL_CHECK:-0}" != 1 ] && [ -e "$BUILD/jupyter/kernels/$JJAVA_NAME/kernel.json" ]; then
  JUPYTER_PATH="$BUILD/jupyter" "$JUPYTER_PYTHON" "$ROOT/environment/kernel_check.py" --kernel "$JJAVA_NAME" \
       --starts 1 --quiet --log "$LOG_DIR/kernel-check-jjava.log" \
    || say "the second kernel '$JJAVA_NAME' did not pass its check (log: ${LOG_DIR#"$ROOT"/}/kernel-check-jjava.log); use '$KERNEL_NAME'"
fi
say "ready: kernel '$KERNEL_NAME' (JUPYTER_PATH=$BUILD/jupyter)"
