#!/usr/bin/env python3
"""The numpy side of Descent's benchmark: CS231n's code on the same problems as the JMH benchmarks.

    numpy_bench.py measure --threads 2 --out numpy-2.json [--what loss,train,numgrad] [--quick]
    numpy_bench.py blas

`measure` times, with the BLAS limited to --threads threads (fixed before numpy is imported, so
each thread count is its own process), and writes medians as JSON:
  loss     CS231n's vectorized SVM and softmax loss + gradient (linear_svm.py, softmax.py: W is
           D x C there, the transpose of Descent's C x D), float64 and float32, at every --sizes N
  train    LinearClassifier.train as CS231n writes it: 1,500 steps, batches of 200 drawn with
           np.random.choice (with replacement) from N = 49,000, loss_vectorized, W -= lr * grad
  numgrad  eval_numerical_gradient (gradient_check.py): centered differences on every entry of W at
           N = 100, the loss alone (no gradient) as the function
`blas` prints the BLAS that numpy loaded, as threadpoolctl reports it, in one line.
bench/report.py turns the JSON into the table of bench/RESULTS.md.

Data: as BenchData.java: pixels uniform in 0..255 minus 127.5, a bias column of 1, D = 3073,
C = 10, labels uniform, W = 0.0001 * randn, reg = 5e-6 (2.5e4 and lr 1e-7 for train).
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


LOSSES = {"svm": svm_loss_vectorized, "softmax": softmax_loss_vectorized}


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


def median_ms(fn, min_reps=5, max_reps=500, budget_s=2.0, warmup=2):
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


class LinearClassifier:
    """CS231n's classifiers/linear_classifier.py: train() as the assignment has it (verbose off)."""

    def __init__(self, loss):
        self.W = None
        self.loss_fn = loss

    def loss(self, X_batch, y_batch, reg):
        return self.loss_fn(self.W, X_batch, y_batch, reg)

    def train(self, X, y, learning_rate=1e-3, reg=1e-5, num_iters=100, batch_size=200):
        import numpy as np
        num_train, dim = X.shape
        num_classes = np.max(y) + 1
        if self.W is None:
            self.W = 0.001 * np.random.randn(dim, num_classes)
        loss_history = []
        for it in range(num_iters):
            batch_indices = np.random.choice(num_train, batch_size, replace=True)
            X_batch = X[batch_indices]
            y_batch = y[batch_indices]
            loss, grad = self.loss(X_batch, y_batch, reg)
            loss_history.append(loss)
            self.W -= learning_rate * grad
        return loss_history


def eval_numerical_gradient(f, x, h=0.00001):
    """CS231n's gradient_check.py (verbose off): centered differences on every entry of x."""
    import numpy as np
    fx = f(x)  # noqa: F841 (CS231n evaluates it too)
    grad = np.zeros_like(x)
    it = np.nditer(x, flags=["multi_index"], op_flags=["readwrite"])
    while not it.finished:
        ix = it.multi_index
        oldval = x[ix]
        x[ix] = oldval + h
        fxph = f(x)
        x[ix] = oldval - h
        fxmh = f(x)
        x[ix] = oldval
        grad[ix] = (fxph - fxmh) / (2 * h)
        it.iternext()
    return grad


PRECISIONS = ("float64", "float32")


def measure_losses(record, sizes, quick):
    import numpy as np
    for prec in PRECISIONS:
        dtype = np.dtype(prec).type
        W = weights(dtype)
        for n in sizes:
            X, y = images(n, dtype)
            for loss in LOSSES:
                f = LOSSES[loss]
                ms, reps = median_ms(lambda: f(W, X, y, REG), budget_s=0.5 if quick else 1.0)
                record("loss", {"loss": loss, "precision": prec, "n": n}, ms, reps)


def measure_training(record, losses, precisions, reps, budget_s=20.0):
    """Whole runs of LinearClassifier.train, every run timed (numpy has no JIT to warm): reps runs,
    fewer once a case has taken budget_s (on a busy machine one run can take 20 s)."""
    import numpy as np
    for prec in precisions:
        dtype = np.dtype(prec).type
        X, y = images(49000, dtype)
        for loss in losses:
            times = []
            for r in range(reps):
                if sum(times) > budget_s * 1e3:
                    break
                np.random.seed(7 + r)
                clf = LinearClassifier(LOSSES[loss])
                clf.W = weights(dtype)  # CS231n's own init would be float64 and upcast float32 X
                t0 = time.perf_counter()
                clf.train(X, y, learning_rate=1e-7, reg=2.5e4, num_iters=1500, batch_size=200)
                times.append((time.perf_counter() - t0) * 1e3)
            record("train", {"loss": loss, "precision": prec, "steps": 1500, "batch": 200, "n": 49000},
                   sorted(times)[len(times) // 2], len(times), times)


def measure_numerical_gradients(record, losses, precisions):
    import numpy as np
    for prec in precisions:
        dtype = np.dtype(prec).type
        X, y = images(100, dtype)
        for loss in losses:
            f = LOSSES[loss]
            W = weights(dtype)
            t0 = time.perf_counter()
            eval_numerical_gradient(lambda w: f(w, X, y, REG, grad=False), W)
            record("numericalGradient", {"loss": loss, "precision": prec, "n": 100},
                   (time.perf_counter() - t0) * 1e3, 1)


def blas_info():
    """The BLAS numpy loaded: threadpoolctl's internal_api, version, architecture, num_threads."""
    import numpy  # noqa: F401 (loads the BLAS)
    from threadpoolctl import threadpool_info
    keys = ("internal_api", "version", "architecture", "corename", "num_threads", "threading_layer")
    return [{k: lib[k] for k in keys if k in lib} for lib in threadpool_info() if lib.get("user_api") == "blas"]


def measure(args):
    set_threads(args.threads)
    import numpy as np
    results = []

    def record(bench, params, ms, reps, each=None):
        row = {"bench": bench, "params": params, "ms": ms, "reps": reps, "threads": args.threads}
        if each is not None:
            row["each"] = each
        results.append(row)
        print(json.dumps(row), file=sys.stderr, flush=True)

    what = args.what.split(",")
    losses = args.losses.split(",")
    precisions = args.precisions.split(",")
    if "loss" in what:
        measure_losses(record, [int(v) for v in args.sizes.split(",")], args.quick)
    if "train" in what:
        measure_training(record, losses, precisions, 1 if args.quick else 3)
    if "numgrad" in what:
        measure_numerical_gradients(record, losses, precisions)
    with open(args.out, "w") as out:
        json.dump({"numpy": np.__version__, "threads": args.threads, "blas": blas_info(),
                   "environment": {k: v for k, v in os.environ.items() if k.startswith("OPENBLAS")},
                   "results": results}, out, indent=1)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    m = sub.add_parser("measure")
    m.add_argument("--threads", type=int, default=2)
    m.add_argument("--out", required=True)
    m.add_argument("--what", default="loss,train,numgrad", help="comma-separated: loss, train, numgrad")
    m.add_argument("--sizes", default="64,128,200,256,500,1000,10000,49000")
    m.add_argument("--losses", default="svm,softmax", help="for train and numgrad")
    m.add_argument("--precisions", default="float64,float32", help="for train and numgrad")
    m.add_argument("--quick", action="store_true", help="shorter loss timings, one training run")
    sub.add_parser("blas")
    args = ap.parse_args()
    if args.cmd == "measure":
        measure(args)
    else:
        set_threads(2)
        print("; ".join(", ".join(f"{k} {v}" for k, v in lib.items()) for lib in blas_info()) or "none found")


if __name__ == "__main__":
    main()
