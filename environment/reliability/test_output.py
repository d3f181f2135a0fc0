"""Reliability cases for what a cell's output looks like in the notebook (area: output).

Run after `bash environment/install.sh --for-tests` and `. build/jupyter/env.sh`:

    "$JUPYTER_PYTHON" environment/reliability/test_output.py [--kernel descent-jjava]

Everything goes the way a student's notebook goes: a real `jupyter server` (started here on a free
localhost port, with a token, a scratch config folder and the server's default IOPub limits made
explicit: 1000 msgs/s and 1 MB/s over a 3 s window), a session made with the REST API
(POST /api/sessions, kernel descent-java, or descent-jjava with --kernel descent-jjava), and the
kernel's websocket channels (/api/kernels/<id>/channels, with websocket-client from
requirements.lock). The server's rate
limiting sits in that websocket relay, so a kernel that sends one message per println trips it here
exactly as it does in JupyterLab.

Cases (see environment/KERNEL-NOTES.md, "Output: batching and compile-error noise" and "The second
kernel: JJava"):
  - 100,000 printed lines arrive whole and in order, no "IOPub ... rate exceeded" text arrives, the
    reply arrives, and they come in far fewer stream messages than lines;
  - two printf calls that make one line arrive as one stream text "a=1 b=2\\n";
  - a compile error shows "cannot find symbol" and not "using incubating module(s)";
  - prints, a display, an update of it, more prints, stderr and an exception keep their order;
  - a cell that prints for a while shows its lines while it runs (no gap over 0.5 s), not at the end;
  - text without a final newline still arrives before the cell is idle.

Prints `[reliability] ok: <case>: <what the student sees>` per case, `[reliability] FAIL: ...` for a
failed one, ends with `reliability output: N checked`, exits 1 if any case failed.
Only the standard library, websocket-client and the Jupyter server from the project venv are used.
"""
import argparse
import datetime
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid

import websocket  # websocket-client, pinned in environment/requirements.lock

KERNEL = "descent-java"  # set by --kernel
# How a cell shows and then updates a text/plain display, per kernel (the same outputs follow).
DISPLAY_CODE = {
    "descent-java": ('String id = display("text/plain", "shown");\n',
                     'updateDisplay(id, "text/plain", "updated");\n'),
    "descent-jjava": ('String id = display("shown");\n',
                      'updateDisplay(id, "updated");\n'),
}
LINES = 100_000
# The server's defaults (jupyter_server 2.x, ZMQChannelsWebsocketConnection), passed explicitly so a
# user's own Jupyter config cannot loosen them.
SERVER_LIMITS = ["--ZMQChannelsWebsocketConnection.iopub_msg_rate_limit=1000",
                 "--ZMQChannelsWebsocketConnection.iopub_data_rate_limit=1000000",
                 "--ZMQChannelsWebsocketConnection.rate_limit_window=3"]
CELL_TIMEOUT = 240  # s; the unbatched kernel needs a long time to push 100,000 messages


class CellTimeout(Exception):
    """A cell whose reply or idle status did not arrive in time; .got holds what did arrive."""

    def __init__(self, what, got):
        super().__init__(what)
        self.got = got


class Server:
    """A jupyter server on a free localhost port, with one session of the Descent kernel."""

    def __init__(self):
        self.tmp = tempfile.mkdtemp(prefix="descent-output-")
        self.proc = self.ws = self.kernel_id = None
        try:
            self.start()
        except BaseException:
            self.close()
            raise

    def start(self):
        self.token = uuid.uuid4().hex
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        env = dict(os.environ, JUPYTER_CONFIG_DIR=os.path.join(self.tmp, "config"),
                   JUPYTER_RUNTIME_DIR=os.path.join(self.tmp, "runtime"))
        self.log_path = os.path.join(self.tmp, "server.log")
        self.log = open(self.log_path, "w")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "jupyter_server", "--no-browser", "--allow-root",
             "--ServerApp.ip=127.0.0.1",
             "--ServerApp.port=%d" % self.port, "--ServerApp.port_retries=0",
             "--IdentityProvider.token=" + self.token, "--ServerApp.root_dir=" + self.tmp]
            + SERVER_LIMITS, stdout=self.log, stderr=subprocess.STDOUT, env=env, cwd=self.tmp)
        self.base = "http://127.0.0.1:%d" % self.port
        deadline = time.monotonic() + 60
        while True:
            try:
                self.request("GET", "/api/status")
                break
            except (urllib.error.URLError, ConnectionError, OSError):
                if self.proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("jupyter server did not start:\n" + self.log_tail())
                time.sleep(0.3)
        session = self.request("POST", "/api/sessions", {
            "path": "output-test.ipynb", "type": "notebook", "name": "output-test.ipynb",
            "kernel": {"name": KERNEL}})
        self.kernel_id = session["kernel"]["id"]
        self.session = uuid.uuid4().hex
        self.ws = websocket.create_connection(
            "ws://127.0.0.1:%d/api/kernels/%s/channels?session_id=%s"
            % (self.port, self.kernel_id, self.session),
            header=["Authorization: token " + self.token], timeout=60)
        deadline = time.monotonic() + 90
        while True:  # the kernel is ready once it answers kernel_info
            msg_id = self.send("kernel_info_request", {})
            try:
                self.collect(msg_id, 10, want_idle=False)
                break
            except CellTimeout:
                if time.monotonic() > deadline:
                    raise RuntimeError("kernel %s gave no kernel_info reply in 90 s" % KERNEL)

    def request(self, method, path, body=None):
        req = urllib.request.Request(
            self.base + path, method=method,
            data=None if body is None else json.dumps(body).encode(),
            headers={"Authorization": "token " + self.token, "Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=60) as r:
            text = r.read()
            return json.loads(text) if text else None

    def log_tail(self):
        self.log.flush()
        with open(self.log_path) as f:
            return "".join(f.readlines()[-30:])

    def send(self, msg_type, content):
        msg_id = uuid.uuid4().hex
        self.ws.send(json.dumps({
            "header": {"msg_id": msg_id, "msg_type": msg_type, "username": "test",
                       "session": self.session, "version": "5.3",
                       "date": datetime.datetime.now(datetime.timezone.utc).isoformat()},
            "parent_header": {}, "metadata": {}, "content": content, "channel": "shell",
            "buffers": []}))
        return msg_id

    def collect(self, msg_id, timeout, want_idle=True):
        """Messages answering msg_id, as (seconds since sent, channel, msg_type, content), until
        its reply and (want_idle) its idle status arrived. CellTimeout after timeout seconds."""
        t0 = time.monotonic()
        got, replied, idle = [], False, not want_idle
        while not (replied and idle):
            left = t0 + timeout - time.monotonic()
            if left <= 0:
                raise CellTimeout("no %s within %d s" % ("idle status" if replied else "reply", timeout), got)
            self.ws.settimeout(min(left, 1.0))  # short: server pings must not hold recv() past the deadline
            try:
                raw = self.ws.recv()
            except websocket.WebSocketTimeoutException:
                continue
            if isinstance(raw, bytes):
                continue  # binary frames carry buffers; none of our cells makes any
            msg = json.loads(raw)
            if msg.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            kind = msg["header"]["msg_type"]
            got.append((time.monotonic() - t0, msg["channel"], kind, msg["content"]))
            if msg["channel"] == "shell" and kind.endswith("_reply"):
                replied = True
            if kind == "status" and msg["content"].get("execution_state") == "idle":
                idle = True
        return got

    def execute(self, code, timeout=60):
        msg_id = self.send("execute_request", {
            "code": code, "silent": False, "store_history": True, "user_expressions": {},
            "allow_stdin": False, "stop_on_error": True})
        return self.collect(msg_id, timeout)

    def close(self):
        try:
            if self.ws is not None:
                self.ws.close()
            if self.kernel_id is not None:
                self.request("DELETE", "/api/kernels/" + self.kernel_id)
        except Exception:
            pass  # the server stops below, and its kernels with it
        if self.proc is not None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
            self.log.close()
        shutil.rmtree(self.tmp, ignore_errors=True)


class CaseFailed(Exception):
    pass


def check(cond, what):
    if not cond:
        raise CaseFailed(what)


def streams(msgs):
    """The stream messages, as (name, text)."""
    return [(c["name"], c["text"]) for _, ch, kind, c in msgs if kind == "stream"]


def reply_of(msgs):
    return next(c for _, ch, kind, c in msgs if ch == "shell" and kind == "execute_reply")


def outputs(msgs):
    """What the notebook shows, in arrival order: (kind, text), consecutive same-name streams joined."""
    shown = []
    for _, ch, kind, c in msgs:
        if kind == "stream":
            if shown and shown[-1][0] == c["name"]:
                shown[-1] = (c["name"], shown[-1][1] + c["text"])
            else:
                shown.append((c["name"], c["text"]))
        elif kind in ("display_data", "update_display_data", "execute_result"):
            shown.append((kind, c["data"].get("text/plain", str(c["data"]))))
        elif kind == "error":
            lines = [x.strip() for x in strip_ansi("\n".join(c["traceback"])).splitlines()]
            shown.append(("error", next((x for x in lines if x), "")))
    return shown


# ---------------------------------------------------------------------------------------- cases
def case_many_lines(srv):
    code = "for (int i = 0; i < %d; i++) System.out.println(\"line \" + i);" % LINES
    try:
        msgs = srv.execute(code, timeout=CELL_TIMEOUT)
    except CellTimeout as e:  # say what the student has seen by then
        text = "".join(t for name, t in streams(e.got))
        lines = [x for x in text.splitlines() if x.startswith("line ")]
        cut = "IOPub message rate exceeded" in text
        raise CaseFailed("%s (the cell still looks busy); by then %d of %d lines had arrived%s"
                         % (e, len(lines), LINES, ", and \"IOPub message rate exceeded\"" if cut else ""))
    text = "".join(t for name, t in streams(msgs))
    check("rate exceeded" not in text,
          "the server cut the output: %r" % text[text.find("IOPub"):][:120])
    reply = reply_of(msgs)
    check(reply["status"] == "ok", "the cell's reply is %r" % reply)
    lines = text.splitlines()
    want = ["line %d" % i for i in range(LINES)]
    if lines != want:
        first_bad = next((i for i, (a, b) in enumerate(zip(lines, want)) if a != b), min(len(lines), LINES))
        raise CaseFailed("%d lines arrived, expected %d; first difference at line %d: %r"
                         % (len(lines), LINES, first_bad, lines[first_bad:first_bad + 1]))
    n = len(streams(msgs))
    check(n <= LINES // 100, "%d stream messages for %d lines (expected at most %d)" % (n, LINES, LINES // 100))
    return "%r ... %r, %d lines in order in %d stream messages, no \"IOPub message rate exceeded\"" % (
        lines[0], lines[-1], LINES, n)


def case_printf_line(srv):
    msgs = srv.execute('System.out.printf("a=%d ", 1); System.out.printf("b=%d%n", 2);')
    got = streams(msgs)
    check(got == [("stdout", "a=1 b=2\n")], "stream texts %r, expected [('stdout', 'a=1 b=2\\n')]" % got)
    return repr(got[0][1])


def case_compile_error(srv):
    # A typo on a variable of an earlier snippet: the case where javac adds its incubator warning.
    msgs = srv.execute("double[] v = {1.0};\nSystem.out.println(v.lenght);")
    errors = [c for _, ch, kind, c in msgs if kind == "error"]
    check(len(errors) == 1, "expected one error output, got %r" % outputs(msgs))
    shown = "\n".join(errors[0]["traceback"])
    check("cannot find symbol" in shown and "variable lenght" in shown,
          "the error does not say 'cannot find symbol ... variable lenght': %r" % shown)
    check("incubat" not in shown, "the error still shows the incubator warning: %r" % shown)
    reply = "\n".join(reply_of(msgs).get("traceback", []))
    check("incubat" not in reply, "the execute_reply still carries the incubator warning: %r" % reply)
    plain = [strip_ansi(line).strip() for line in errors[0]["traceback"] if strip_ansi(line).strip()]
    return " / ".join(plain)


def case_order_with_display(srv):
    show, update = DISPLAY_CODE[KERNEL]
    code = ('System.out.println("before");\n'
            + show
            + 'System.out.print("middle ");\n'
            + update
            + 'System.out.println("after");\n'
            'System.err.println("warning");\n'
            'System.out.println("last");\n'
            'if (true) throw new IllegalStateException("stop");')
    msgs = srv.execute(code)
    got = outputs(msgs)
    want = [("stdout", "before\n"), ("display_data", "shown"), ("stdout", "middle "),
            ("update_display_data", "updated"), ("stdout", "after\n"), ("stderr", "warning\n"),
            ("stdout", "last\n"), ("error", "java.lang.IllegalStateException: stop")]
    check(got == want, "outputs in this order: %r, expected %r" % (got, want))
    return " | ".join("%s %r" % kv for kv in got)


def case_live_printing(srv):
    # 60 lines, one every 25 ms (~1.5 s): they must show while the cell runs, not at its end.
    code = ('for (int i = 0; i < 60; i++) { System.out.println("tick " + i); Thread.sleep(25); }')
    msgs = srv.execute(code)
    times = [t for t, ch, kind, c in msgs if kind == "stream"]
    text = "".join(t for name, t in streams(msgs))
    check(text == "".join("tick %d\n" % i for i in range(60)), "printed %r" % text[:200])
    done = next(t for t, ch, kind, c in msgs if ch == "shell")
    gaps = [b - a for a, b in zip(times, times[1:])]
    check(len(times) >= 5, "only %d stream messages for 1.5 s of printing" % len(times))
    check(done - times[0] > 0.8, "the first line came %.2f s before the cell ended" % (done - times[0]))
    check(max(gaps) < 0.5, "a gap of %.2f s between printed lines" % max(gaps))
    return "%d lines in %d stream messages over %.1f s, largest gap %.2f s" % (
        60, len(times), times[-1] - times[0], max(gaps))


def case_no_final_newline(srv):
    msgs = srv.execute('System.out.print("no newline");')
    got = streams(msgs)
    check(got == [("stdout", "no newline")], "stream texts %r" % got)
    return repr(got[0][1])


def strip_ansi(s):
    out, i = [], 0
    while i < len(s):
        if s[i] == "\x1b" and i + 1 < len(s) and s[i + 1] == "[":
            j = i + 2
            while j < len(s) and not s[j].isalpha():
                j += 1
            i = j + 1
        else:
            out.append(s[i])
            i += 1
    return "".join(out)


CASES = [
    ("100000 printed lines through jupyter server", case_many_lines),
    ("printf pieces make one line", case_printf_line),
    ("compile error without incubator noise", case_compile_error),
    ("prints, display, update, stderr and error keep their order", case_order_with_display),
    ("printing shows while the cell runs", case_live_printing),
    ("text without a final newline", case_no_final_newline),
]


def main():
    global KERNEL
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--kernel", default="descent-java", choices=sorted(DISPLAY_CODE),
                    help="kernelspec name (default descent-java)")
    KERNEL = ap.parse_args().kernel
    try:
        srv = Server()
    except Exception as e:  # no server, no cases: say why and fail
        print("[reliability] FAIL: output: could not start jupyter server with kernel %s: %s" % (KERNEL, e))
        print("reliability output: 0 checked")
        return 1
    failed = 0
    try:
        for name, case in CASES:
            try:
                seen = case(srv)
                print("[reliability] ok: %s: %s" % (name, seen), flush=True)
            except (CaseFailed, CellTimeout, StopIteration) as e:
                failed += 1
                print("[reliability] FAIL: %s: %s" % (name, e), flush=True)
    finally:
        srv.close()
    print("reliability output: %d checked" % len(CASES))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
