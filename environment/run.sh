#!/usr/bin/env bash
# The README's run command: builds the library, sets up the environment (environment/install.sh),
# then opens a notebook server on notebooks/ and prints its URL.
#
#   bash environment/run.sh                 port 8888, or the next free one up to 8898
#   bash environment/run.sh --port 9000     exactly this port (an error if it is busy)
#   bash environment/run.sh --ip 0.0.0.0    listen on all interfaces (containers, VMs)
#   bash environment/run.sh --notebook-dir DIR   serve DIR instead of notebooks/ (the browser test
#                                           serves a copy, so the course's files stay untouched)
#
# The server uses JupyterLab when installed, else the classic Notebook. Stop it with Ctrl-C.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PORT=""
IP="${DESCENT_IP:-127.0.0.1}"
NOTEBOOK_DIR="$ROOT/notebooks"
while [ $# -gt 0 ]; do
  case "$1" in
    --port) PORT="${2:?--port needs a number}"; shift 2 ;;
    --ip) IP="${2:?--ip needs an address}"; shift 2 ;;
    --notebook-dir) NOTEBOOK_DIR="$(cd "${2:?--notebook-dir needs a folder}" && pwd)"; shift 2 ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown option '$1' (try --help)" >&2; exit 2 ;;
  esac
done

bash "$ROOT/environment/install.sh"
# shellcheck source=/dev/null
. "$ROOT/build/jupyter/env.sh"

# port_free PORT: true if nothing listens on PORT (we try to bind it, as the server will).
port_free() {
  "$JUPYTER_PYTHON" - "$IP" "$1" <<'PY'
import socket, sys
s = socket.socket()
try:
    s.bind((sys.argv[1], int(sys.argv[2])))
except OSError:
    sys.exit(1)
finally:
    s.close()
PY
}

if [ -n "$PORT" ]; then
  port_free "$PORT" || {
    echo "[descent] ERROR: port $PORT is already in use (another notebook server?)." >&2
    echo "[descent] Fix: stop that program, or choose another port: bash environment/run.sh --port $((PORT + 1))" >&2
    exit 1; }
else
  for p in $(seq 8888 8898); do
    if port_free "$p"; then PORT="$p"; break; fi
  done
  [ -n "$PORT" ] || {
    echo "[descent] ERROR: ports 8888-8898 are all in use." >&2
    echo "[descent] Fix: stop old notebook servers ('jupyter notebook list' shows them), or pick one: bash environment/run.sh --port 9000" >&2
    exit 1; }
fi

TOKEN="$("$JUPYTER_PYTHON" -c 'import secrets; print(secrets.token_hex(16))')"
ARGS=(--no-browser --ip="$IP" --port="$PORT" --port-retries=0)
[ "$(id -u)" -eq 0 ] && ARGS+=(--allow-root)
if "$JUPYTER" lab --version >/dev/null 2>&1; then
  APP=(lab); ARGS+=(--ServerApp.token="$TOKEN" --ServerApp.root_dir="$NOTEBOOK_DIR")
else
  APP=(notebook); ARGS+=(--NotebookApp.token="$TOKEN" --NotebookApp.notebook_dir="$NOTEBOOK_DIR")
fi

HOST="$IP"; [ "$IP" = 0.0.0.0 ] && HOST=localhost
echo
echo "[descent] Notebook server (${APP[0]}) on ${NOTEBOOK_DIR#"$ROOT"/} - open this URL in a browser:"
echo
echo "    http://$HOST:$PORT/?token=$TOKEN"
echo
echo "[descent] Kernel: 'Java (Descent)'. Stop the server with Ctrl-C."
exec "$JUPYTER" "${APP[@]}" "${ARGS[@]}"
