#!/usr/bin/env python3
"""The numpy side of Descent's benchmark: CS231n's losses on the same problems as the JMH benchmarks.

    numpy_bench.py measure --threads 2 --out numpy-2.json [--quick]
    numpy_bench.py report  --jmh jmh-*.json --numpy numpy-2.json numpy-1.json

`measure` times CS231n's naive and vectorized SVM and softmax loss + gradient (linear_svm.py,
softmax.py: W is D x C there, the transpose of Descent's C x D), a centered numerical gradient of
every entry of W at N = 100, random search at N = 49,000 and a minibatch SGD step (batch 200), and
writes medians as JSON. The BLAS thread count must be fixed before numpy is imported, so each
thread count is its own process. `report` prints the table of bench/RESULTS.md: time, GFLOP/s and
Descent / numpy, side by side.

Data: as BenchData.java: pixels uniform in 0..255 minus 127.5, a bias column of 1, D = 3073,
C = 10, labels uniform, W = 0.0001 * randn, reg = 5e-6.
"""
import argparse
import json
import os
import sys
import time

D = 3073
C = 10
REG = 5e-6


def set_threads(threads):
    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[var] = str(threads)


# --- CS231n's losses (W: D x C, X: N x D, y: N) -------------------------------------------------

def svm_loss_naive(W, X, y, reg):
    import numpy as np
    dW = np.zeros(W.shape, dtype=W.dtype)
    num_classes = W.shape[1]
    num_train = X.shape[0]
    loss = 0.0
    for i in range(num_train):
        scores = X[i].dot(W)
        correct_class_score = scores[y[i]]
        for j in range(num_classes):
            if j == y[i]:
                continue
            margin = scores[j] - correct_class_score + 1
            if margin > 0:
                loss += margin
                dW[:, j] += X[i]
                dW[:, y[i]] -= X[i]
    loss /= num_train
    dW /= num_train
    loss += reg * np.sum(W * W)
    dW += 2 * reg * W
    return loss, dW


def svm_loss_vectorized(W, X, y, reg, grad=True):
    import numpy as np
    num_train = X.shape[0]
    rows = np.arange(num_train)
    scores = X.dot(W)
    correct = scores[rows, y][:, None]
    margins = np.maximum(0, scores - correct + 1)
    margins[rows, y] = 0
    loss = margins.sum() / num_train + reg * np.sum(W * W)
    if not grad:
        return loss
    binary = (margins > 0).astype(X.dtype)
    binary[rows, y] = -binary.sum(axis=1)
    dW = X.T.dot(binary) / num_train + 2 * reg * W
    return loss, dW


def softmax_loss_naive(W, X, y, reg):
    import numpy as np
    dW = np.zeros_like(W)
    num_classes = W.shape[1]
    num_train = X.shape[0]
    loss = 0.0
    for i in range(num_train):
        scores = X[i].dot(W)
        scores -= np.max(scores)
        probs = np.exp(scores) / np.sum(np.exp(scores))
        loss += -np.log(probs[y[i]])
        for j in range(num_classes):
            dW[:, j] += (probs[j] - (j == y[i])) * X[i]
    loss = loss / num_train + reg * np.sum(W * W)
    dW = dW / num_train + 2 * reg * W
    return loss, dW


def softmax_loss_vectorized(W, X, y, reg, grad=True):
    import numpy as np
    num_train = X.shape[0]
    rows = np.arange(num_train)
    scores = X.dot(W)
    scores -= scores.max(axis=1, keepdims=True)
    exp = np.exp(scores)
    probs = exp / exp.sum(axis=1, keepdims=True)
    loss = -np.log(probs[rows, y]).sum() / num_train + reg * np.sum(W * W)
    if not grad:
        return loss
    probs[rows, y] -= 1
    dW = X.T.dot(probs) / num_train + 2 * reg * W
    return loss, dW


LOSSES = {
    ("svm", "naive"): svm_loss_naive,
    ("svm", "vectorized"): svm_loss_vectorized,
    ("softmax", "naive"): softmax_loss_naive,
    ("softmax", "vectorized"): softmax_loss_vectorized,
}


# --- data and timing ---------------------------------------------------------------------------

def images(n, dtype, seed=1):
    import numpy as np
    rng = np.random.default_rng(seed)
    X = np.empty((n, D), dtype=dtype)
    X[:, :D - 1] = rng.integers(0, 256, size=(n, D - 1), dtype=np.uint8).astype(dtype) - dtype(127.5)
    X[:, D - 1] = 1
    y = rng.integers(0, C, size=n)
    return X, y


def weights(dtype, seed=2):
    import numpy as np
    return (1e-4 * np.random.default_rng(seed).standard_normal((D, C))).astype(dtype)


def median_ms(fn, min_reps=5, max_reps=100, budget_s=2.0, warmup=2):
    import statistics
    for _ in range(warmup):
        fn()
    times = []
    start = time.perf_counter()
    while len(times) < min_reps or (len(times) < max_reps and time.perf_counter() - start < budget_s):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1e3)
    return statistics.median(times), len(times)


def measure(args):
    set_threads(args.threads)
    import numpy as np
    results = []

    def record(bench, params, ms, reps):
        row = {"bench": bench, "params": params, "ms": ms, "reps": reps, "threads": args.threads}
        results.append(row)
        print(json.dumps(row), file=sys.stderr, flush=True)

    sizes = [int(v) for v in args.sizes.split(",")]
    naive_sizes = [int(v) for v in args.naive_sizes.split(",")]
    for prec, dtype in (("float64", np.float64), ("float32", np.float32)):
        W = weights(dtype)
        big_X, big_y = images(49000, dtype)
        for n in sizes:
            X, y = (big_X, big_y) if n == 49000 else images(n, dtype)
            for loss in ("svm", "softmax"):
                for impl in ("vectorized", "naive"):
                    if impl == "naive" and (n not in naive_sizes or args.threads != 2):
                        continue
                    f = LOSSES[(loss, impl)]
                    ms, reps = median_ms(lambda: f(W, X, y, REG),
                                         min_reps=3 if impl == "naive" else 5,
                                         warmup=1 if impl == "naive" else 2)
                    record("loss", {"loss": loss, "impl": impl, "precision": prec, "n": n}, ms, reps)
        if args.threads != 2:
            continue
        # A centered numerical gradient of every entry of W at N = 100 (loss only, as Descent's).
        X, y = images(100, dtype)
        h = 1e-5

        def numerical_gradient():
            Wc = W.astype(np.float64) if dtype == np.float64 else W.copy()
            grad = np.zeros_like(Wc)
            it = np.nditer(Wc, flags=["multi_index"], op_flags=["readwrite"])
            while not it.finished:
                ix = it.multi_index
                old = Wc[ix]
                Wc[ix] = old + h
                fxph = svm_loss_vectorized(Wc, X, y, REG, grad=False)
                Wc[ix] = old - h
                fxmh = svm_loss_vectorized(Wc, X, y, REG, grad=False)
                Wc[ix] = old
                grad[ix] = (fxph - fxmh) / (2 * h)
                it.iternext()
            return grad

        ms, reps = median_ms(numerical_gradient, min_reps=1 if args.quick else 3, max_reps=3,
                             budget_s=0, warmup=0)
        record("numericalGradient", {"precision": prec, "n": 100}, ms, reps)
        # Random search: K trials of loss(W) at N = 49,000.
        trials = args.trials

        def random_search():
            rng = np.random.default_rng(4)
            best = float("inf")
            for _ in range(trials):
                Wt = (1e-4 * rng.standard_normal((D, C))).astype(dtype)
                best = min(best, svm_loss_vectorized(Wt, big_X, big_y, REG, grad=False))
            return best

        ms, reps = median_ms(random_search, min_reps=1, max_reps=1, budget_s=0, warmup=0)
        record("randomSearch", {"precision": prec, "trials": trials, "n": 49000}, ms, reps)
        # One minibatch SGD step, batch 200 sampled from N = 49,000.
        rng = np.random.default_rng(3)
        Ws = W.copy()

        def sgd_step():
            idx = rng.choice(49000, 200)
            loss, dW = svm_loss_vectorized(Ws, big_X[idx], big_y[idx], REG)
            Ws[...] -= dtype(1e-7) * dW

        ms, reps = median_ms(sgd_step, min_reps=20, max_reps=2000, budget_s=2.0, warmup=10)
        record("sgdStep", {"precision": prec, "batch": 200, "n": 49000}, ms, reps)
        del big_X
    with open(args.out, "w") as out:
        json.dump({"numpy": np.__version__, "threads": args.threads, "results": results}, out, indent=1)


# --- the report --------------------------------------------------------------------------------

def flops(bench, p):
    """Floating-point operations of one call (multiply and add counted separately)."""
    if bench == "loss":
        return 4.0 * p["n"] * D * C  # scores 2NDC + gradient 2NDC
    if bench == "numericalGradient":
        return 2.0 * C * D * 2.0 * p["n"] * D * C  # 2 forward passes per entry of W
    if bench == "randomSearch":
        return p["trials"] * 2.0 * p["n"] * D * C
    if bench == "sgdStep":
        return 4.0 * p["batch"] * D * C
    return float("nan")


def jmh_rows(path):
    with open(path) as f:
        data = json.load(f)
    rows = []
    for r in data:
        name = r["benchmark"].rsplit(".", 1)[1]
        cls = r["benchmark"].rsplit(".", 2)[1]
        p = {k: (int(v) if v.isdigit() else v) for k, v in r.get("params", {}).items()}
        m = r["primaryMetric"]
        raw = [x for fork in m.get("rawData", []) for x in fork]
        ms = sorted(raw)[len(raw) // 2] if raw else m["score"]  # median over iterations and forks
        if cls == "FirstCallBench":
            bench = "firstCall"
        elif cls == "LossBench":
            bench = "loss"
        else:
            bench = name
        if bench == "numericalGradient":
            p["n"] = 100
        if bench == "randomSearch":
            p["n"] = 49000
        if bench == "sgdStep":
            p["batch"] = 200
            p["n"] = 49000
        rows.append({"bench": bench, "params": p, "ms": ms, "all": raw})
    return rows


def key(bench, p):
    ks = ("loss", "impl", "precision", "n", "trials")
    return (bench,) + tuple(str(p.get(k, "")) for k in ks)


def fmt_ms(ms):
    if ms >= 10000:
        return f"{ms / 1000:.1f} s"
    if ms >= 100:
        return f"{ms:.0f} ms"
    if ms >= 1:
        return f"{ms:.1f} ms"
    return f"{ms * 1000:.0f} µs"


def report(args):
    java = [row for path in args.jmh for row in jmh_rows(path)]
    numpy = {}
    for path in args.numpy:
        with open(path) as f:
            data = json.load(f)
        for r in data["results"]:
            numpy[(r["threads"],) + key(r["bench"], r["params"])] = r["ms"]
    print("| benchmark | params | Descent | GFLOP/s | numpy 2 thr | GFLOP/s | Descent / numpy | numpy 1 thr |")
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    steady = {}
    for r in java:
        if r["bench"] == "firstCall":
            continue
        p = r["params"]
        k = key(r["bench"], p)
        steady[k] = r["ms"]
        fl = flops(r["bench"], p)
        n2 = numpy.get((2,) + k)
        n1 = numpy.get((1,) + k)
        label = ", ".join(f"{v}" for kk, v in p.items()
                          if kk != "batch" and (kk != "trials" or r["bench"] == "randomSearch"))
        cells = [r["bench"], label, fmt_ms(r["ms"]), f"{fl / r['ms'] / 1e6:.1f}"]
        if n2 is not None:
            cells += [fmt_ms(n2), f"{fl / n2 / 1e6:.1f}", f"**{r['ms'] / n2:.2f}**"]
        else:
            cells += ["–", "–", "–"]
        cells.append(fmt_ms(n1) if n1 is not None else "–")
        print("| " + " | ".join(cells) + " |")
    first = [r for r in java if r["bench"] == "firstCall"]
    if first:
        print()
        print("| first call (fresh JVM) | params | each fork | median | steady state | first / steady |")
        print("|---|---|---|---:|---:|---:|")
        for r in first:
            p = r["params"]
            s = steady.get(key("loss", {**p, "impl": "vectorized"}))
            ratio = f"{r['ms'] / s:.1f}" if s else "–"
            label = ", ".join(f"{v}" for v in p.values())
            forks = ", ".join(fmt_ms(x) for x in r["all"])
            print(f"| firstCall | {label} | {forks} | {fmt_ms(r['ms'])} | {fmt_ms(s) if s else '–'} | {ratio} |")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    m = sub.add_parser("measure")
    m.add_argument("--threads", type=int, default=2)
    m.add_argument("--out", required=True)
    m.add_argument("--trials", type=int, default=1000)
    m.add_argument("--sizes", default="256,500,10000,49000")
    m.add_argument("--naive-sizes", default="256,500,10000")
    m.add_argument("--quick", action="store_true", help="one repetition of the numerical gradient")
    r = sub.add_parser("report")
    r.add_argument("--jmh", nargs="+", required=True)
    r.add_argument("--numpy", nargs="+", required=True)
    args = ap.parse_args()
    measure(args) if args.cmd == "measure" else report(args)


if __name__ == "__main__":
    main()
