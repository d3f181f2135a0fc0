#!/usr/bin/env bash
# Checks that set-up failures give one clear message with the fix (issue: "Bad input and failure"):
#   - no JDK at all, a JDK older than 17, a JDK without jdk.incubator.vector;
#   - no Jupyter and no way to install one;
#   - the port asked for is in use;
#   - a kernel that fails to start.
# Each case runs the real install.sh / run.sh and asserts exit status 1, the "[descent] ERROR:"
# line and the "[descent] Fix:" line. Run after install.sh has succeeded once (test.sh does so);
# the kernel case breaks the kernelspec on purpose and restores it before exiting.
#
#   bash environment/test_setup_errors.sh
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=/dev/null
. "$ROOT/build/jupyter/env.sh"
TMP="$(mktemp -d)"
PASSED=0

# The kernel case rewrites kernel.json with a heap the JVM refuses; put the real one back whatever happens.
restore() {
  local rc=$?
  if [ -n "${KERNEL_BROKEN:-}" ]; then
    bash "$ROOT/environment/install.sh" >/dev/null 2>&1 \
      || echo "[descent] could not restore the kernelspec: run bash environment/install.sh" >&2
  fi
  rm -rf "$TMP"
  exit "$rc"
}
trap restore EXIT

# expect_failure NAME ERROR_TEXT FIX_TEXT COMMAND...: COMMAND must exit 1 and print both lines.
expect_failure() {
  local name="$1" error="$2" fix="$3"; shift 3
  local rc=0
  "$@" >"$TMP/out" 2>"$TMP/err" || rc=$?
  if [ "$rc" -ne 1 ] \
     || ! grep -qF "[descent] ERROR: $error" "$TMP/err" \
     || ! grep -qF "[descent] Fix: $fix" "$TMP/err"; then
    echo "FAIL $name: exit $rc, expected 1 with 'ERROR: $error' and 'Fix: $fix'; stderr was:" >&2
    sed 's/^/    /' "$TMP/err" >&2
    exit 1
  fi
  echo "ok   $name: $(grep -F '[descent] ERROR:' "$TMP/err" | head -n1 | cut -c18-)"
  PASSED=$((PASSED + 1))
}

# A PATH that has the shell tools install.sh uses and, on request, some of the real programs.
# fake_path DIR PROGRAM...: DIR/bin holds links to the basic tools plus PROGRAM...
fake_path() {
  local dir="$1"; shift
  mkdir -p "$dir/bin"
  local tool found
  for tool in bash env dirname readlink dpkg-query grep id sed head cat cut cksum cmp mkdir cp rm "$@"; do
    found="$(command -v "$tool" || true)"   # dpkg-query exists on Debian-like systems only
    [ -z "$found" ] || ln -sf "$found" "$dir/bin/$tool"
  done
  echo "$dir/bin"
}

# A stand-in JDK: bin/javac exists, bin/java answers the two questions install.sh asks.
# fake_jdk DIR VERSION MODULES
fake_jdk() {
  mkdir -p "$1/bin"
  touch "$1/bin/javac" && chmod +x "$1/bin/javac"
  cat > "$1/bin/java" <<EOF
#!/bin/bash
case "\$*" in
  *-XshowSettings:properties*) echo "    java.specification.version = $2" >&2 ;;
  *--list-modules*) printf '%s\n' $3 ;;
esac
EOF
  chmod +x "$1/bin/java"
}

NO_JDK_PATH="$(fake_path "$TMP/nojdk")"
expect_failure "no JDK" "no JDK found" "install a JDK 17+" \
  env -u JAVA_HOME PATH="$NO_JDK_PATH" bash "$ROOT/environment/install.sh" --no-system

fake_jdk "$TMP/jdk11" 11 "java.base@11"
expect_failure "JDK 11" "the JDK at $TMP/jdk11 is Java 11; Descent needs 17 or newer." "install openjdk-17-jdk-headless" \
  env JAVA_HOME="$TMP/jdk11" PATH="$NO_JDK_PATH" bash "$ROOT/environment/install.sh" --no-system

fake_jdk "$TMP/jre17" 17 "java.base@17"
expect_failure "JDK without the vector module" "the JDK at $TMP/jre17 lacks the module jdk.incubator.vector" \
  "install a full JDK 17+" \
  env JAVA_HOME="$TMP/jre17" PATH="$NO_JDK_PATH" bash "$ROOT/environment/install.sh" --no-system

# A real JDK, Maven and npm, but no jupyter on PATH, no project venv (the pip route of an earlier
# install.sh made environment/.venv; DESCENT_VENV points at a folder that does not exist, as on a
# fresh clone), Debian's Jupyter packages not installed (a dpkg-query that knows no package) and no
# apt-get/pip allowed (--no-system).
NO_JUPYTER_PATH="$(fake_path "$TMP/nojupyter" javac mvn npm)"
rm -f "$NO_JUPYTER_PATH/dpkg-query"
printf '#!/bin/bash\necho "dpkg-query: no packages found matching $3" >&2\nexit 1\n' > "$NO_JUPYTER_PATH/dpkg-query"
chmod +x "$NO_JUPYTER_PATH/dpkg-query"
expect_failure "no Jupyter, no way to install it" "no Jupyter found, and it cannot be installed here" \
  "install Jupyter yourself" \
  env -u JAVA_HOME PATH="$NO_JUPYTER_PATH" DESCENT_VENV="$TMP/no-venv" \
  bash "$ROOT/environment/install.sh" --no-system

# A port that something else holds.
"$JUPYTER_PYTHON" - "$TMP/port" <<'PY' &
import socket, sys, time
s = socket.socket()
s.bind(("127.0.0.1", 0))
s.listen()
open(sys.argv[1] + ".tmp", "w").write(str(s.getsockname()[1]))
import os; os.rename(sys.argv[1] + ".tmp", sys.argv[1])
time.sleep(120)
PY
HOLDER=$!
for _ in $(seq 100); do [ -s "$TMP/port" ] && break; sleep 0.1; done
PORT="$(cat "$TMP/port")"
expect_failure "port in use" "port $PORT is already in use" "stop that program, or choose another port" \
  env DESCENT_SKIP_KERNEL_CHECK=1 bash "$ROOT/environment/run.sh" --port "$PORT"
kill "$HOLDER" 2>/dev/null || true

# A kernel whose JVM cannot start (a heap it refuses): the smoke test must catch it, not hang.
KERNEL_BROKEN=1
expect_failure "kernel fails to start" "the Java kernel 'descent-java' did not start and run a cell" \
  "read the log" \
  env DESCENT_KERNEL_HEAP=-Xmx1k bash "$ROOT/environment/install.sh"

echo "[descent] set-up failures: $PASSED checked, each with one message and its fix"
