"""Starts a Descent Java kernel (--kernel: descent-java, descent-jjava) N times in a row and checks each start answers and runs a cell.

Run with the Python that belongs to Jupyter (install.sh writes it to build/jupyter/env.sh) and with
JUPYTER_PATH pointing at build/jupyter:

    . build/jupyter/env.sh && "$JUPYTER_PYTHON" environment/kernel_check.py --starts 50

Each start: KernelManager.start_kernel, wait for the kernel_info reply (timeout), execute one cell
that uses the library, EJML and Tablesaw with no magic and check its output, check that a cell
ending in printf shows only its line, one ending in an expression shows its value and a compile error
shows javac's message without the incubator-module warning, then shut down.
A start that does not become ready within the timeout counts as a hang; the kernel is killed.
Prints the median and maximum start time (launch to kernel_info reply). Exit status 1 on any
failure. Only the standard library and jupyter_client are used.
"""
import argparse
import os
import statistics
import sys
import time

from jupyter_client.manager import KernelManager

CELL = (
    "import descent.data.Dataset; import org.ejml.simple.SimpleMatrix; import tech.tablesaw.api.Table;\n"
    "var m = new SimpleMatrix(2, 3);\n"
    'var t = Table.create("t");\n'
    'System.out.println("ok " + m.getNumRows() + "x" + m.getNumCols() + " " + t.name() + " "'
    ' + Dataset.class.getSimpleName());\n'
)
EXPECTED = "ok 2x3 t Dataset"
# What a cell shows: its printed text, and the value of its last expression - except the
# PrintStream that System.out.printf returns (QuietResults and the patched IOPubChannel).
ECHO_CELLS = [
    ('System.out.printf("%d steps%n", 3)', [("stream", "3 steps\n")]),
    ("6 * 7", [("execute_result", "42")]),
]

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def one_start(kernel_name, timeout, log):
    """Returns (seconds to ready or None on hang, error text or None)."""
    km = KernelManager(kernel_name=kernel_name)
    t0 = time.monotonic()
    km.start_kernel(stdout=log, stderr=log, cwd=os.path.join(ROOT, "notebooks")
                    if os.path.isdir(os.path.join(ROOT, "notebooks")) else ROOT)
    kc = km.client()
    kc.start_channels()
    try:
        try:
            kc.wait_for_ready(timeout=timeout)
        except (RuntimeError, TimeoutError) as e:
            # jupyter_client 7 raises RuntimeError both for a dead kernel and for a silent one.
            if km.is_alive():
                return None, "no kernel_info reply within %d s (hang): %s" % (timeout, e)
            return None, "kernel died during start: %s" % e
        ready = time.monotonic() - t0
        out = []
        reply = kc.execute_interactive(
            CELL, timeout=timeout,
            output_hook=lambda m: out.append(m["content"].get("text", ""))
            if m["msg_type"] == "stream" else None)
        text = "".join(out)
        if reply["content"]["status"] != "ok" or EXPECTED not in text:
            return ready, "cell failed: status=%s output=%r %s" % (
                reply["content"]["status"], text, reply["content"].get("evalue", ""))
        for cell, want in ECHO_CELLS:
            outputs = []
            kc.execute_interactive(cell, timeout=timeout, output_hook=outputs.append)
            printed = "".join(m["content"]["text"] for m in outputs if m["msg_type"] == "stream")
            got = ([("stream", printed)] if printed else []) + [
                # the value's text in whatever mime the kernel chose (rapaio: text/html, JJava: text/plain)
                (m["msg_type"], "".join(m["content"]["data"].values()) if "data" in m["content"]
                 else str(m["content"].get("evalue")))
                for m in outputs if m["msg_type"] in ("execute_result", "display_data", "error")]
            if got != want:
                return ready, "cell %r showed %r, expected %r" % (cell, got, want)
        # A compile error shows javac's message, not first the incubator-module warning.
        kc.execute_interactive("double[] v = {1.0};", timeout=timeout)
        outputs = []
        kc.execute_interactive("v.lenght", timeout=timeout, output_hook=outputs.append)
        shown = "\n".join("\n".join(m["content"].get("traceback", [])) for m in outputs if m["msg_type"] == "error")
        if "cannot find symbol" not in shown or "incubating" in shown:
            return ready, "the compile error of 'v.lenght' showed %r, expected 'cannot find symbol' alone" % shown
        return ready, None
    finally:
        kc.stop_channels()
        if km.is_alive():
            try:
                km.shutdown_kernel(now=False)
            except Exception:  # a hung kernel: kill it
                km.shutdown_kernel(now=True)
        km.cleanup_resources()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--starts", type=int, default=1, help="consecutive starts (default 1)")
    ap.add_argument("--timeout", type=int, default=60, help="seconds to wait for a start (default 60)")
    ap.add_argument("--kernel", default="descent-java", help="kernelspec name")
    ap.add_argument("--log", default=os.path.join(ROOT, "build", "jupyter", "kernel-check.log"),
                    help="kernel stdout/stderr go here")
    ap.add_argument("--quiet", action="store_true", help="print only failures and the summary")
    args = ap.parse_args()

    os.makedirs(os.path.dirname(args.log), exist_ok=True)
    times, failures = [], []
    with open(args.log, "w") as log:
        for i in range(1, args.starts + 1):
            ready, error = one_start(args.kernel, args.timeout, log)
            if ready is not None:
                times.append(ready)
            if error:
                failures.append((i, error))
                print("start %d: FAILED: %s" % (i, error), file=sys.stderr)
            elif not args.quiet:
                print("start %d: ready in %.2f s" % (i, ready), flush=True)
    hangs = sum(1 for _, e in failures if "hang" in e)
    summary = "kernel %s: %d starts, %d failed (%d hangs)" % (args.kernel, args.starts, len(failures), hangs)
    if times:
        summary += ", start time median %.2f s, max %.2f s" % (statistics.median(times), max(times))
    print(summary)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
