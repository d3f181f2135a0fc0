#!/usr/bin/env python3
"""The first loss call as a student meets it: in the notebook kernel, right after the data cell.

    kernel_first_call.py --out bench/out/kernel-first.json [--kernels descent-java descent-jjava]

For each installed Descent kernel, twice (as installed, whose start-up script calls
LinearClassifier.warmUpInBackground(), and a copy of its kernelspec whose start-up script does
nothing), this starts the kernel and runs three cells:

1. imports and a data set of CIFAR-10's shape built in the cell (N = 49,000, D = 3,073, float32, as
   Cifar10.Options.defaults() stores it), standing in for the notebook's loading cell;
2. one SVM loss + gradient, timed inside the cell (what the student's first training cell waits for);
3. the same call 7 more times, the median timed inside the cell (the steady state).

It also times a trivial first cell ("1 + 1") after the kernel reports ready, which must not be
slower with the warm-up than without it (the warm-up must not delay the first cell). Each variant
runs in `--trials` fresh kernels (default 3) and the medians are written as JSON for report.py.
Needs build/jupyter (environment/install.sh); run through build/jupyter/env.sh's JUPYTER_PYTHON.
"""
import argparse
import json
import os
import re
import shutil
import statistics
import sys
import tempfile
import time

from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import start_new_kernel

DATA_CELL = """
import descent.data.Dataset;
import descent.loss.LinearClassifier;
import descent.loss.SvmLoss;
import org.ejml.data.FMatrixRMaj;
var rng = new java.util.Random(1);
var x = new FMatrixRMaj(49_000, 3_073);
for (int i = 0; i < x.data.length; i++) x.data[i] = (i % 3_073 == 3_072) ? 1f : rng.nextInt(256) - 127.5f;
int[] y = new int[49_000];
for (int i = 0; i < y.length; i++) y[i] = rng.nextInt(10);
var data = new Dataset(x, y, Dataset.defaultClassNames(10));
var w = LinearClassifier.randomWeights(10, 3_073, 1e-4, 2);
var svm = new SvmLoss(5e-6);
"""
FIRST_CELL = """
long t0 = System.nanoTime();
svm.lossAndGradient(w, data);
System.out.printf("first-call-ms %.3f%n", (System.nanoTime() - t0) / 1e6);
"""
STEADY_CELL = """
double[] ms = new double[7];
for (int k = 0; k < ms.length; k++) {
    long s = System.nanoTime();
    svm.lossAndGradient(w, data);
    ms[k] = (System.nanoTime() - s) / 1e6;
}
java.util.Arrays.sort(ms);
System.out.printf("steady-ms %.3f%n", ms[ms.length / 2]);
"""
# The start-up script's variable in each kernel's kernelspec.
INIT_ENV = {"descent-java": "RJK_INIT_SCRIPT", "descent-jjava": "JJAVA_STARTUP_SCRIPTS_PATH"}


def run_cell(client, code, timeout=600):
    """Runs one cell; returns (seconds from request to reply, the cell's stdout)."""
    t0 = time.monotonic()
    msg_id = client.execute(code)
    out = []
    while True:
        msg = client.get_iopub_msg(timeout=timeout)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        kind, content = msg["msg_type"], msg["content"]
        if kind == "stream":
            out.append(content["text"])
        elif kind == "error":
            raise RuntimeError("cell failed: %s: %s" % (content["ename"], content["evalue"]))
        elif kind == "status" and content["execution_state"] == "idle":
            break
    client.get_shell_msg(timeout=timeout)
    return time.monotonic() - t0, "".join(out)


def number(label, text):
    m = re.search(label + r" ([0-9.]+)", text)
    if not m:
        raise RuntimeError("no '%s' in the cell's output: %r" % (label, text))
    return float(m.group(1))


def one_kernel(name, spec_dir):
    """One fresh kernel: (seconds to ready, first trivial cell, first loss call, steady state) in ms."""
    # The kernelspec is looked up in this process's JUPYTER_PATH (start_new_kernel's env= only
    # reaches the kernel's process), so the copy without warm-up goes first here, for this start.
    saved = os.environ.get("JUPYTER_PATH", "")
    if spec_dir:
        os.environ["JUPYTER_PATH"] = spec_dir + os.pathsep + saved
    try:
        t0 = time.monotonic()
        km, client = start_new_kernel(kernel_name=name, startup_timeout=120)
        ready = time.monotonic() - t0
    finally:
        os.environ["JUPYTER_PATH"] = saved
    try:
        trivial, _ = run_cell(client, "1 + 1")
        run_cell(client, DATA_CELL)
        _, first = run_cell(client, FIRST_CELL)
        _, steady = run_cell(client, STEADY_CELL)
        return {"ready_ms": 1000 * ready, "trivial_cell_ms": 1000 * trivial,
                "first_ms": number("first-call-ms", first), "steady_ms": number("steady-ms", steady)}
    finally:
        client.stop_channels()
        km.shutdown_kernel(now=True)


def without_warm_up(name, tmp):
    """A copy of the kernelspec whose start-up script is empty, under tmp; returns its JUPYTER_PATH."""
    spec = KernelSpecManager().get_kernel_spec(name)
    target = os.path.join(tmp, "kernels", name)
    shutil.copytree(spec.resource_dir, target)
    empty = os.path.join(tmp, "empty.jshell")
    open(empty, "w").write("// no warm-up\n")
    with open(os.path.join(target, "kernel.json")) as f:
        kernel = json.load(f)
    kernel["env"][INIT_ENV[name]] = empty
    with open(os.path.join(target, "kernel.json"), "w") as f:
        json.dump(kernel, f, indent=1)
    return tmp


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", required=True)
    ap.add_argument("--kernels", nargs="*", default=list(INIT_ENV))
    ap.add_argument("--trials", type=int, default=3)
    args = ap.parse_args()
    installed = KernelSpecManager().find_kernel_specs()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.kernels:
            if name not in installed:
                print("kernel_first_call: no kernel %s installed, skipped" % name, file=sys.stderr)
                continue
            no_warm = without_warm_up(name, os.path.join(tmp, name))
            for warm_up, spec_dir in (("kernel-start", None), ("none", no_warm)):
                trials = [one_kernel(name, spec_dir) for _ in range(args.trials)]
                row = {"kernel": name, "warmUp": warm_up, "trials": trials}
                for key in trials[0]:
                    row[key] = statistics.median(t[key] for t in trials)
                row["first_over_steady"] = statistics.median(t["first_ms"] / t["steady_ms"] for t in trials)
                print("kernel_first_call: %s, warm-up %s: first %.0f ms, steady %.0f ms (%.2f x), "
                      "first trivial cell %.0f ms" % (name, warm_up, row["first_ms"], row["steady_ms"],
                                                      row["first_over_steady"], row["trivial_cell_ms"]),
                      file=sys.stderr)
                rows.append(row)
    with open(args.out, "w") as f:
        json.dump(rows, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
