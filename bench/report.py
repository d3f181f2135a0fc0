#!/usr/bin/env python3
"""Prints bench/run.sh's table: every measurement issue 11's targets ask for, against its target.

    report.py --out bench/out [--course build]

Reads from --out: machine.txt (the header), machine.json (bench/machine_peak.c: read bandwidth and
FMA peaks), jmh-*.json (JMH's results, any JDK, any thread count), numpy-1.json and numpy-2.json
(bench/numpy_bench.py). From --course: notebooks*/summary.tsv, written by the test command. Prints
markdown: the targets table (one row a measurement, with its target and "met" or "not met"), how
the loss's time grows with N, the machine's limits and the first call fork by fork. Plain Python,
no numpy: it runs with any python3.
"""
import argparse
import glob
import json
import os
import re
import statistics
import sys
import time

D = 3073
C = 10
FLOOR_N = 49000
SIZES = (64, 128, 200, 256, 500, 1000, 10000, 49000)
LOSSES = ("svm", "softmax")
PRECISIONS = ("float64", "float32")
BYTES = {"float64": 8, "float32": 4}
STEADY_CALLS = 5  # FirstCallBench: the last calls of each fork are its steady state
CONTENTION = 1.5  # numpy with 2 threads this many times slower than with 1 is marked

# Issue 11's targets: ratio to what is compared, at most.
LOSS_VS_NUMPY = 0.5
FLOOR_MULTIPLE = 2.0
TRAIN_VS_NUMPY = 0.5
NUMGRAD_VS_NUMPY = 0.5
FIRST_CALL = {"none": 2.0, "kernel-start": 1.3}
TRIVIAL_CELL_SLACK = 1.1  # the first "1 + 1" cell with the warm-up running, against none: noise allowed
COURSE_SECONDS = 90.0
COURSE_PEAK_MB = 2048.0


# --- reading -----------------------------------------------------------------------------------

def median(values):
    return statistics.median(values) if values else None


def jmh_threads(jvm_args):
    """The fork's thread count: -XX:ActiveProcessorCount=k, else every core."""
    for a in jvm_args:
        m = re.fullmatch(r"-XX:ActiveProcessorCount=(\d+)", a)
        if m:
            return int(m.group(1))
    return os.cpu_count()


def jdk_name(r):
    vm = r.get("vmName", "")
    vendor = "Temurin" if "temurin" in r.get("jvm", "").lower() else vm.split(" ")[0]
    return f"{vendor} {r.get('jdkVersion', '?')}"


def read_jmh(paths):
    """JMH results as dicts: bench (class name), params, jdk, threads, forks (each fork's times, ms)."""
    rows = []
    for path in paths:
        with open(path) as f:
            for r in json.load(f):
                params = {k: (int(v) if v.isdigit() else v) for k, v in r.get("params", {}).items()}
                rows.append({"bench": r["benchmark"].rsplit(".", 2)[1], "params": params,
                             "jdk": jdk_name(r), "threads": jmh_threads(r.get("jvmArgs", [])),
                             "forks": r["primaryMetric"].get("rawData", [])})
    return rows


def read_numpy(paths):
    """numpy results keyed by (threads, bench, loss, precision, n), and the BLAS each run used."""
    results, blas = {}, {}
    for path in paths:
        if not os.path.exists(path):
            continue
        with open(path) as f:
            data = json.load(f)
        blas[data["threads"]] = data.get("blas", [])
        for r in data["results"]:
            p = r["params"]
            results[(r["threads"], r["bench"], p["loss"], p["precision"], p["n"])] = r["ms"]
    return results, blas


def read_machine(path):
    if not os.path.exists(path):
        return {"missing": "no machine.json"}
    with open(path) as f:
        return json.load(f)


# --- measurements from JMH ---------------------------------------------------------------------

def find(jmh, bench, **params):
    return [r for r in jmh if r["bench"] == bench and all(r["params"].get(k) == v for k, v in params.items())]


def all_times(row):
    return [t for fork in row["forks"] for t in fork]


def loss_ms(jmh, loss, precision, n, threads):
    rows = [r for r in find(jmh, "LossBench", impl="vectorized", loss=loss, precision=precision, n=n)
            if r["threads"] == threads]
    return median(all_times(rows[0])) if rows else None


# --- the targets table -------------------------------------------------------------------------

def fmt_ms(ms):
    if ms is None:
        return "–"
    if ms >= 10000:
        return f"{ms / 1000:.1f} s"
    if ms >= 1000:
        return f"{ms / 1000:.2f} s"
    if ms >= 100:
        return f"{ms:.0f} ms"
    if ms >= 1:
        return f"{ms:.2f} ms" if ms < 10 else f"{ms:.1f} ms"
    return f"{ms * 1000:.0f} µs"


def row(target, what, case, value, against, against_value, limit, value_text=None, limit_text=None):
    """One line of the targets table; ratio = value / against_value, met when ratio ≤ limit."""
    ratio = value / against_value if value is not None and against_value else None
    return {"target": target, "what": what, "case": case,
            "value": value_text if value_text is not None else fmt_ms(value),
            "against": against, "ratio": ratio, "limit": limit,
            "limit_text": limit_text if limit_text is not None else f"≤ {limit:g} ×"}


def contention(two_threads, one_thread):
    """A mark where 2 BLAS threads took far longer than 1: OpenBLAS's threads waiting for a busy core."""
    if two_threads is None or one_thread is None or two_threads < CONTENTION * one_thread:
        return ""
    return " ⚠ 2 thr slower: a busy machine?"


def loss_rows(jmh, numpy):
    out = []
    for loss in LOSSES:
        for prec in PRECISIONS:
            for n in SIZES:
                d = loss_ms(jmh, loss, prec, n, 2)
                np2 = numpy.get((2, "loss", loss, prec, n))
                if d is None and np2 is None:
                    continue
                np1 = numpy.get((1, "loss", loss, prec, n))
                out.append(row(1, "loss + gradient, 2 threads", f"{loss}, {prec}, N = {n:,}", d,
                               f"numpy 2 thr {fmt_ms(np2)} (1 thr {fmt_ms(np1)}){contention(np2, np1)}",
                               np2, LOSS_VS_NUMPY))
    return out


def floor_ms(machine, prec):
    """max(bytes of X / bandwidth, flops / peak) for one loss + gradient at N = 49,000, and why."""
    bw, peak = machine.get("read_GBps", -1), machine.get(f"fma_{'f64' if prec == 'float64' else 'f32'}_GFLOPs", -1)
    if bw <= 0 or peak <= 0:
        return None, machine.get("missing", "no FMA peak measured")
    gbytes = FLOOR_N * D * BYTES[prec] / 1e9
    gflop = 4.0 * FLOOR_N * D * C / 1e9
    ms = max(gbytes / bw, gflop / peak) * 1e3
    return ms, f"floor {fmt_ms(ms)} ({gbytes:.2f} GB / {bw:.1f} GB/s; {gflop:.1f} GFLOP / {peak:.0f} GFLOP/s)"


def floor_rows(jmh, machine):
    out = []
    for loss in LOSSES:
        for prec in PRECISIONS:
            d = loss_ms(jmh, loss, prec, FLOOR_N, 2)
            fl, why = floor_ms(machine, prec)
            out.append(row(2, "loss + gradient vs the machine's floor", f"{loss}, {prec}, N = 49,000, 2 thr",
                           d, why, fl, FLOOR_MULTIPLE))
    return out


def train_rows(jmh, numpy):
    out = []
    for r in find(jmh, "TrainBench"):
        loss, prec = r["params"]["loss"], r["params"]["precision"]
        np2 = numpy.get((2, "train", loss, prec, FLOOR_N))
        cold = median([f[0] for f in r["forks"] if f])
        warm = median([t for f in r["forks"] for t in f[1:]])
        case = f"{loss}, {prec}, 1,500 × 200"
        against = f"numpy 2 thr {fmt_ms(np2)}"
        out.append(row(3, "minibatch SGD run, warm JVM", case, warm, against, np2, TRAIN_VS_NUMPY))
        out.append(row(3, "minibatch SGD run, fresh JVM (JIT included)", case, cold, against, np2, TRAIN_VS_NUMPY))
    return out


def numgrad_rows(jmh, numpy):
    out = []
    for r in find(jmh, "NumericalGradientBench"):
        loss, prec = r["params"]["loss"], r["params"]["precision"]
        np2 = numpy.get((2, "numericalGradient", loss, prec, 100))
        out.append(row(4, "numerical gradient, centered, loss alone", f"{loss}, {prec}, N = 100",
                       median(all_times(r)), f"numpy 2 thr {fmt_ms(np2)}", np2, NUMGRAD_VS_NUMPY))
    return out


def first_call(r):
    """(median first call over forks, steady state: median of every fork's last calls)."""
    firsts = [f[0] for f in r["forks"] if f]
    steady = [t for f in r["forks"] for t in f[1:][-STEADY_CALLS:]]
    return median(firsts), median(steady)


def first_call_rows(jmh):
    out = []
    for r in find(jmh, "FirstCallBench"):
        p = r["params"]
        first, steady = first_call(r)
        start = "notebook kernel's warm-up" if p["warmUp"] == "kernel-start" else "bare JVM"
        out.append(row(5, f"first call, {start}", f"{r['jdk']}; {p['loss']}, {p['precision']}, N = {p['n']:,}",
                       first, f"steady {fmt_ms(steady)}", steady, FIRST_CALL[p["warmUp"]]))
    return out


def kernel_first_call_rows(path):
    """bench/kernel_first_call.py's results: the first loss call in the real notebook kernel."""
    if not os.path.exists(path):
        return [row(5, "first call, in the notebook kernel", "not measured (no build/jupyter: run "
                    "environment/install.sh)", None, "–", None, FIRST_CALL["kernel-start"])]
    with open(path) as f:
        runs = json.load(f)
    out = []
    for r in runs:
        if r["warmUp"] == "kernel-start":
            out.append(row(5, "first call, in the notebook kernel (warm-up at start)",
                           f"{r['kernel']}; svm, float32, N = 49,000, {len(r['trials'])} fresh kernels",
                           r["first_ms"], f"steady {fmt_ms(r['steady_ms'])}", r["steady_ms"],
                           FIRST_CALL["kernel-start"]))
    for name in sorted({r["kernel"] for r in runs}):
        warm = [r for r in runs if r["kernel"] == name and r["warmUp"] == "kernel-start"]
        cold = [r for r in runs if r["kernel"] == name and r["warmUp"] == "none"]
        if warm and cold:
            out.append(row(5, "first trivial cell, warm-up at start vs none (must not delay it)", name,
                           warm[0]["trivial_cell_ms"], f"none {fmt_ms(cold[0]['trivial_cell_ms'])}",
                           cold[0]["trivial_cell_ms"], TRIVIAL_CELL_SLACK))
    return out


def read_summary(path):
    with open(path) as f:
        lines = [line.rstrip("\n").split("\t") for line in f if line.strip()]
    header, body = lines[0], lines[1:]
    return [dict(zip(header, cells)) for cells in body]


def summary_kernel(path):
    """test.sh writes build/notebooks/ with descent-java and build/notebooks-KERNEL/ with KERNEL."""
    d = os.path.basename(os.path.dirname(path))
    return d[len("notebooks-"):] if d.startswith("notebooks-") else "descent-java"


def course_rows(course_dir, notebooks_found):
    out = []
    for path in sorted(glob.glob(os.path.join(course_dir, "notebooks*", "summary.tsv"))):
        books = read_summary(path)
        kernel = summary_kernel(path)
        when = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime(os.path.getmtime(path)))
        partial = "" if len(books) >= notebooks_found else f"; only {len(books)} of {notebooks_found} notebooks"
        source = f"{os.path.relpath(path)}, {when}{partial}"
        seconds = sum(float(b["seconds"]) for b in books)
        peak = max(books, key=lambda b: float(b["peak_rss_mb"]))
        in_cells = sum(float(b.get("cell_seconds") or "nan") for b in books)
        if in_cells == in_cells:  # summaries written before the cell time was recorded have none
            source += f"; {in_cells:.0f} s inside cells, the rest starting kernels"
        out.append(row(6, "the course: notebook time, total", f"{kernel} ({source})", seconds,
                       f"{COURSE_SECONDS:g} s", COURSE_SECONDS, 1.0, value_text=f"{seconds:.1f} s",
                       limit_text=f"≤ {COURSE_SECONDS:g} s"))
        out.append(row(6, "the course: largest peak memory", f"{kernel}: {peak['notebook']}",
                       float(peak["peak_rss_mb"]), f"{COURSE_PEAK_MB:,.0f} MB", COURSE_PEAK_MB, 1.0,
                       value_text=f"{float(peak['peak_rss_mb']):.0f} MB", limit_text=f"≤ {COURSE_PEAK_MB:,.0f} MB"))
        if partial:  # a run of some notebooks (the summary is rewritten by every run) says nothing of all
            for r in out[-2:]:
                r["verdict"] = "not measured (a partial run)"
    if not out:
        out.append(row(6, "the course", f"no {course_dir}/notebooks*/summary.tsv (run the test command)",
                       None, "–", None, 1.0, limit_text=f"≤ {COURSE_SECONDS:g} s, ≤ {COURSE_PEAK_MB:,.0f} MB"))
    return out


def verdict(r):
    if "verdict" in r:
        return r["verdict"]
    if r["ratio"] is None:
        return "not measured"
    return "met" if r["ratio"] <= r["limit"] else "**not met**"


def print_targets(rows):
    print("| # | measurement | case | Descent | against | ratio | target | met |")
    print("|---|---|---|---:|---|---:|---:|---|")
    for r in rows:
        ratio = f"{r['ratio']:.2f}" if r["ratio"] is not None else "–"
        print(f"| {r['target']} | {r['what']} | {r['case']} | {r['value']} | {r['against']} | {ratio} "
              f"| {r['limit_text']} | {verdict(r)} |")


# --- the other views ---------------------------------------------------------------------------

def print_growth(jmh, numpy):
    """µs per example of loss + gradient: one row per loss, precision and side, one column per N."""
    measured = {r["params"]["n"] for r in find(jmh, "LossBench")} | {k[4] for k in numpy if k[1] == "loss"}
    sizes = [n for n in SIZES if n in measured]
    print("| µs per example | " + " | ".join(f"N = {n:,}" for n in sizes) + " |")
    print("|---|" + "---:|" * len(sizes))
    for loss in LOSSES:
        for prec in PRECISIONS:
            for side, threads in (("Descent", 1), ("Descent", 2), ("numpy", 1), ("numpy", 2)):
                cells = []
                for n in sizes:
                    ms = (loss_ms(jmh, loss, prec, n, threads) if side == "Descent"
                          else numpy.get((threads, "loss", loss, prec, n)))
                    cells.append(f"{ms * 1e3 / n:.2f}" if ms is not None else "–")
                print(f"| {loss} {prec}, {side} {threads} thr | " + " | ".join(cells) + " |")


def print_machine(machine, blas):
    if "missing" in machine:
        print(f"- read bandwidth and FMA peak: not measured ({machine['missing']})")
    else:
        print(f"- read bandwidth, {machine['threads']} threads, {machine['read_bytes'] / 1e9:.2f} GB: "
              f"{machine['read_GBps']:.1f} GB/s (best of the repeats)")
        print(f"- FMA peak, {machine['threads']} threads, {machine['accumulators']} accumulators of "
              f"{machine['f64_lanes']} float64 lanes: {machine['fma_f64_GFLOPs']:.0f} GFLOP/s float64, "
              f"{machine['fma_f32_GFLOPs']:.0f} GFLOP/s float32")
    for threads, libs in sorted(blas.items()):
        for lib in libs:
            print(f"- numpy's BLAS with {threads} thread(s): " + ", ".join(f"{k} {v}" for k, v in lib.items()))


def print_first_calls(jmh):
    print("| JDK | case | first call, each fork | steady state (last calls) | first / steady |")
    print("|---|---|---|---:|---:|")
    for r in find(jmh, "FirstCallBench"):
        p = r["params"]
        first, steady = first_call(r)
        forks = ", ".join(fmt_ms(f[0]) for f in r["forks"] if f)
        print(f"| {r['jdk']} | {p['loss']}, {p['precision']}, {p['warmUp']} | {forks} | {fmt_ms(steady)} "
              f"| {first / steady:.2f} |")


def cell_times(course_dir):
    """(seconds, notebook, cell number, first line) of every executed cell under course_dir/notebooks/,
    from the timing nbclient records in each cell's metadata."""
    import datetime
    def stamp(t):
        return datetime.datetime.fromisoformat(t.replace("Z", "+00:00"))
    cells = []
    for path in sorted(glob.glob(os.path.join(course_dir, "notebooks", "**", "*.ipynb"), recursive=True)):
        with open(path) as f:
            nb = json.load(f)
        for number, cell in enumerate(nb["cells"], 1):
            timing = cell.get("metadata", {}).get("execution", {})
            if "iopub.execute_input" in timing and "shell.execute_reply" in timing:
                seconds = (stamp(timing["shell.execute_reply"]) - stamp(timing["iopub.execute_input"])).total_seconds()
                source = "".join(cell["source"]).strip().splitlines()
                cells.append((seconds, os.path.relpath(path, os.path.join(course_dir, "notebooks")), number,
                              source[0][:70] if source else ""))
    return cells


def print_course_cells(course_dir, most=12):
    cells = sorted(cell_times(course_dir), reverse=True)
    if not cells:
        print(f"(no executed notebooks under {course_dir}/notebooks/: run the test command)")
        return
    total = sum(c[0] for c in cells)
    print(f"{len(cells)} cells, {total:.0f} s inside cells under descent-java; the {most} longest "
          f"({sum(c[0] for c in cells[:most]) / total:.0%} of it):\n")
    print("| seconds | notebook | cell | first line |")
    print("|---:|---|---:|---|")
    for seconds, notebook, number, line in cells[:most]:
        print(f"| {seconds:.1f} | {notebook} | {number} | `{line}` |")


def count_notebooks(root):
    return len([p for p in glob.glob(os.path.join(root, "notebooks", "**", "*.ipynb"), recursive=True)
                if ".ipynb_checkpoints" not in p])


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default="bench/out", help="bench/run.sh's output folder")
    ap.add_argument("--course", default="build", help="the folder holding notebooks*/summary.tsv")
    args = ap.parse_args()
    jmh = read_jmh(sorted(glob.glob(os.path.join(args.out, "jmh-*.json"))))
    numpy, blas = read_numpy([os.path.join(args.out, f"numpy-{t}.json") for t in (1, 2)])
    machine = read_machine(os.path.join(args.out, "machine.json"))
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    with open(os.path.join(args.out, "machine.txt")) as f:
        print("```\n" + f.read().rstrip() + "\n```\n")
    print("## Targets (issue 11)\n")
    print_targets(loss_rows(jmh, numpy) + floor_rows(jmh, machine) + train_rows(jmh, numpy)
                  + numgrad_rows(jmh, numpy) + first_call_rows(jmh)
                  + kernel_first_call_rows(os.path.join(args.out, "kernel-first.json"))
                  + course_rows(args.course, count_notebooks(root)))
    print("\n## How the loss + gradient's time grows with N (µs per example)\n")
    print_growth(jmh, numpy)
    print("\n## The machine, measured in this run\n")
    print_machine(machine, blas)
    print("\n## First call, fork by fork\n")
    print_first_calls(jmh)
    print("\n## Where the course's notebook time goes (the test command's executed notebooks)\n")
    print_course_cells(args.course)
    return 0


if __name__ == "__main__":
    sys.exit(main())
