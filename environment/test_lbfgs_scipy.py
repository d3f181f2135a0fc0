"""Checks descent.secondorder.Lbfgs against an independent L-BFGS: SciPy's L-BFGS-B.

    . build/jupyter/env.sh && "$JUPYTER_PYTHON" environment/test_lbfgs_scipy.py [lib/target/lbfgs-scipy]

The library test LbfgsScipyProblemTest (step 1 of environment/test.sh) ran the Java L-BFGS on a
softmax problem of CIFAR-10's shape (N = 500 images, D = 3073, C = 10, reg·ΣW²) and wrote the
problem and its result to lib/target/lbfgs-scipy/. This script computes the same loss in NumPy
(its own code, not the library's) and minimizes it from the same W0 with
scipy.optimize.minimize(method="L-BFGS-B", jac=True, options=dict(maxcor=m, gtol=tol, ...)).

Both runs stop once ‖∇f‖∞ ≤ tol, with different line searches (Moré–Thuente in SciPy, Nocedal &
Wright 3.5/3.6 in Descent), so their paths differ and their ends must agree only as far as the
stopping rule allows. The loss is μ-strongly convex with μ = 2·reg (the softmax part is convex,
reg·ΣW² adds 2·reg to every Hessian eigenvalue), so for any W with gradient g:
    f(W) − f* ≤ ‖g‖₂² / (2μ)        and        ‖W − W*‖₂ ≤ ‖g‖₂ / μ.
Hence, with g_J and g_S the gradients at the two ends (computed here in NumPy):
    |f_J − f_S| ≤ (‖g_J‖₂² + ‖g_S‖₂²) / (2μ)   and   ‖W_J − W_S‖₂ ≤ (‖g_J‖₂ + ‖g_S‖₂) / μ.
Checked (each must hold; the script exits 1 and says which failed otherwise):
  1. NumPy's loss at the Java W equals the loss Java reported (relative 1e-12: two
     implementations of the same formula in float64);
  2. NumPy's gradient at the Java W meets the tolerance Java claims to have met (‖g_J‖∞ ≤ tol,
     up to 1e-6 of tol for summation order), so the Java run stopped where it says;
  3. SciPy met the same tolerance (‖g_S‖∞ ≤ tol);
  4. the final losses agree within the strong-convexity bound and within relative 1e-6;
  5. the minimizers agree within the bound and within relative 1e-3 (‖W_J − W_S‖ / ‖W_S‖).
Prints one line "lbfgs vs scipy: 5 checked, ..." with both runs' loss, iterations and evaluations.
"""
import argparse
import json
import os
import sys
import time
from pathlib import Path

# One BLAS thread: the products here are small (500 × 3073 by 3073 × 10), and on a busy 2-core
# machine OpenBLAS's spinning threads made one evaluation take 0.5 s instead of 26 ms (measured).
for _name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_name, "1")

import numpy as np  # noqa: E402  (after the thread settings, which numpy reads on import)
from scipy.optimize import minimize  # noqa: E402

CHECKS = 5
# What rounding may add to a computed loss, relative: a mean of 500 terms plus a sum of 30,730
# squares in float64 is off by far less (about 1e-14 at most), so the bounds below get this slack.
ROUNDING = 1e-12


def softmax_loss(w_flat, x, y, reg, c):
    """reg·ΣW² plus the mean softmax cross-entropy over the rows of x, and its gradient (flat)."""
    w = w_flat.reshape(c, -1)
    n = x.shape[0]
    s = x @ w.T
    s -= s.max(axis=1, keepdims=True)
    lse = np.log(np.exp(s).sum(axis=1))
    loss = (lse - s[np.arange(n), y]).mean() + reg * np.sum(w * w)
    p = np.exp(s - lse[:, None])
    p[np.arange(n), y] -= 1
    grad = p.T @ x / n + 2 * reg * w
    return loss, grad.ravel()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = Path(__file__).resolve().parent.parent / "lib" / "target" / "lbfgs-scipy"
    parser.add_argument("folder", nargs="?", type=Path, default=default,
                        help="where LbfgsScipyProblemTest wrote the problem (default: %(default)s)")
    folder = parser.parse_args().folder
    if not (folder / "problem.json").is_file():
        print(f"lbfgs vs scipy: FAILED: no problem in {folder}: the library tests (mvn test, "
              "LbfgsScipyProblemTest) write it; run them first")
        return 1
    meta = json.loads((folder / "problem.json").read_text(encoding="utf-8"))
    n, d, c = meta["n"], meta["d"], meta["c"]
    reg, memory, tol = meta["reg"], meta["memory"], meta["gradientTolerance"]
    java = meta["java"]
    x = np.fromfile(folder / "X.f64", dtype="<f8").reshape(n, d)
    y = np.fromfile(folder / "y.i32", dtype="<i4")
    w0 = np.fromfile(folder / "w0.f64", dtype="<f8")
    w_java = np.fromfile(folder / "w_java.f64", dtype="<f8")
    assert y.shape == (n,) and w0.shape == (c * d,) and w_java.shape == (c * d,), "file sizes"

    def f(w):
        return softmax_loss(w, x, y, reg, c)

    t0 = time.perf_counter()
    res = minimize(f, w0.copy(), jac=True, method="L-BFGS-B",
                   options=dict(maxcor=memory, gtol=tol, ftol=0.0, maxiter=meta["maxIterations"],
                                maxfun=10 * meta["maxIterations"], maxls=20))
    seconds = time.perf_counter() - t0
    f_java, g_java = f(w_java)
    f_scipy, g_scipy = f(res.x)
    mu = 2 * reg
    nj, ns = np.linalg.norm(g_java), np.linalg.norm(g_scipy)
    loss_bound = (nj * nj + ns * ns) / (2 * mu)
    w_bound = (nj + ns) / mu
    loss_diff = abs(f_java - f_scipy)
    w_diff = np.linalg.norm(w_java - res.x)
    w_rel = w_diff / np.linalg.norm(res.x)

    failures = []
    if not abs(f_java - java["loss"]) <= 1e-12 * abs(java["loss"]):
        failures.append(f"1. NumPy's loss at the Java W is {float(f_java)!r}, Java reported {java['loss']!r}")
    if not np.abs(g_java).max() <= tol * (1 + 1e-6):
        failures.append(f"2. NumPy's ‖∇f‖∞ at the Java W is {np.abs(g_java).max():.3g} > tol {tol:g}")
    if not np.abs(g_scipy).max() <= tol * (1 + 1e-6):
        failures.append(f"3. SciPy stopped with ‖∇f‖∞ = {np.abs(g_scipy).max():.3g} > tol {tol:g}"
                        f" ({res.message})")
    if not (loss_diff <= loss_bound + ROUNDING * abs(f_scipy) and loss_diff <= 1e-6 * abs(f_scipy)):
        failures.append(f"4. |Δloss| = {loss_diff:.3g}: bound {loss_bound:.3g}, 1e-6·loss"
                        f" = {1e-6 * abs(f_scipy):.3g}")
    if not (w_diff <= w_bound * (1 + ROUNDING) and w_rel <= 1e-3):
        failures.append(f"5. ‖ΔW‖ = {w_diff:.3g} (relative {w_rel:.3g}): bound {w_bound:.3g},"
                        " relative 1e-3")

    summary = (f"{meta['data']}, reg {reg:g}, m = {memory}, tol {tol:g}; "
               f"Descent L-BFGS loss {java['loss']:.12f} in {java['iterations']} iterations, "
               f"{java['evaluations']} evaluations ({java['seconds']:.1f} s); "
               f"SciPy {__import__('scipy').__version__} L-BFGS-B loss {f_scipy:.12f} in {res.nit} "
               f"iterations, {res.nfev} evaluations ({seconds:.1f} s); "
               f"|Δloss| = {loss_diff:.2g} (relative {loss_diff / abs(f_scipy):.2g}, bound "
               f"{loss_bound:.2g}); ‖ΔW‖/‖W‖ = {w_rel:.2g} (bound {w_bound / np.linalg.norm(res.x):.2g});"
               f" max |ΔW| = {np.abs(w_java - res.x).max():.2g}")
    if failures:
        print(f"lbfgs vs scipy: FAILED {len(failures)} of {CHECKS}: {summary}")
        for line in failures:
            print("  " + line)
        return 1
    print(f"lbfgs vs scipy: {CHECKS} checked, {summary}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
