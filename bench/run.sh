#!/usr/bin/env bash
# Descent vs numpy against issue 11's targets, in one run, on this machine: the machine's own read
# bandwidth and FMA peak (bench/machine_peak.c), Descent's JMH benchmarks (losses with 1 and 2
# threads, a whole SGD run, a numerical gradient, the first call on every JDK found), the same in
# numpy (CS231n's code, bench/numpy_bench.py, in its own venv), the course's notebook times, and
# one table, each row with its target and "met" or "not met" (bench/report.py). Everything goes
# to bench/out/ (the table in table.md).
#
#   bench/run.sh           the default run, under 20 minutes on 2 cores when quiet (23 under load)
#   bench/run.sh --quick   fewer sizes, iterations and cases: about 5 minutes, a smoke test
set -euo pipefail
cd "$(dirname "$0")/.."
QUICK=0
[[ "${1:-}" == "--quick" ]] && QUICK=1
OUT=bench/out
VENV=bench/.venv
NUMPY_VERSION=2.4.6
THREADPOOLCTL_VERSION=3.8.0
mkdir -p "$OUT"
rm -f "$OUT"/*.json "$OUT"/machine.txt "$OUT"/table.md

if [[ $QUICK == 1 ]]; then
  SIZES=64,256,49000
  LOSS_ITER=(-wi 2 -w 300ms -i 3 -r 300ms)
  TRAIN=(-p loss=svm -p precision=float32)
  NUMGRAD=(-p loss=svm -p precision=float32 -wi 0)
  FIRST=(-f 1 -p loss=svm)
  KERNEL_TRIALS=1
  NUMPY_QUICK=(--quick --losses svm --precisions float32)
else
  SIZES=64,128,200,256,500,1000,10000,49000
  LOSS_ITER=(-wi 3 -w 500ms -i 4 -r 500ms)
  TRAIN=()
  NUMGRAD=()
  FIRST=(-f 3)
  KERNEL_TRIALS=3
  NUMPY_QUICK=()
fi

step() { echo "== $(date -u +%T) $*" >&2; }

# numpy as a user's machine runs it: a venv with pinned numpy (its own OpenBLAS) and threadpoolctl.
ensure_venv() {
  if ! "$VENV/bin/python" -c "import numpy, threadpoolctl; assert numpy.__version__ == '$NUMPY_VERSION'" 2>/dev/null; then
    step "venv $VENV: numpy $NUMPY_VERSION, threadpoolctl $THREADPOOLCTL_VERSION"
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q "numpy==$NUMPY_VERSION" "threadpoolctl==$THREADPOOLCTL_VERSION" >&2
  fi
}
# This machine's OpenBLAS overrides are unset for numpy alone; nothing else changes.
numpy_py() { env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "$VENV/bin/python" bench/numpy_bench.py "$@"; }

# Read bandwidth and FMA peaks as JSON in $OUT/machine.json, or why they are missing.
machine_peak() {
  if ! command -v gcc >/dev/null; then
    echo '{"missing": "gcc not found: bandwidth and FMA peak not measured"}' > "$OUT/machine.json"
  elif ! gcc -O3 -march=native -fopenmp -o "$OUT/machine_peak" bench/machine_peak.c 2> "$OUT/machine_peak.log"; then
    echo '{"missing": "bench/machine_peak.c did not compile, see bench/out/machine_peak.log"}' > "$OUT/machine.json"
  else
    "$OUT/machine_peak" > "$OUT/machine.json"
  fi
}

# Every JDK 17+ with jdk.incubator.vector: the default java and each under /usr/lib/jvm, once each.
vector_jdks() {
  local seen=() java real
  for java in "$(command -v java)" /usr/lib/jvm/*/bin/java; do
    [[ -x "$java" ]] || continue
    real="$(readlink -f "$java")"
    [[ " ${seen[*]:-} " == *" $real "* ]] && continue
    seen+=("$real")
    "$real" --list-modules 2>/dev/null | grep -q '^jdk.incubator.vector@' && echo "$real"
  done
}

ensure_venv
step "build"
mvn -q -DskipTests package -pl bench -am >&2
BUILD=bench/target/bench
CP="$BUILD/classes:$(cat "$BUILD/benchmark.classpath")"
jmh() { java -cp "$CP" org.openjdk.jmh.Main "$@" -rf json -foe true >&2; }

{
  echo "date:    $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "cpu:     $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores; $(lscpu | sed -n 's/^L3 cache: *//p') L3"
  echo "memory:  $(free -g | awk '/^Mem:/ {print $2 " GB"}')"
  echo "java:    $(java -version 2>&1 | head -2 | tail -1) (JMH's host; forks as named per row)"
  echo "numpy:   $("$VENV/bin/python" -c 'import numpy; print(numpy.__version__)') in $VENV"
  echo "BLAS:    $(numpy_py blas) (threadpoolctl, 2 threads)"
  echo "numpy's environment: OPENBLAS_CORETYPE, OPENBLAS_L2_SIZE unset (were: ${OPENBLAS_CORETYPE:-unset}, ${OPENBLAS_L2_SIZE:-unset})"
  echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "mode:    $([[ $QUICK == 1 ]] && echo quick || echo default)"
} > "$OUT/machine.txt"

step "machine: read bandwidth and FMA peak"
machine_peak
for threads in 2 1; do
  step "JMH: vectorized losses, $threads thread(s)"
  jmh 'descent.bench.LossBench' -p impl=vectorized -p n=$SIZES "${LOSS_ITER[@]}" -f 1 \
    -jvmArgsPrepend "-XX:ActiveProcessorCount=$threads" -rff "$OUT/jmh-loss-$threads.json"
done
step "JMH: a whole minibatch SGD run"
jmh 'descent.bench.TrainBench' "${TRAIN[@]}" -rff "$OUT/jmh-train.json"
step "JMH: numerical gradient"
jmh 'descent.bench.NumericalGradientBench' "${NUMGRAD[@]}" -rff "$OUT/jmh-numgrad.json"
for jdk in $(vector_jdks); do
  name="$(basename "$(dirname "$(dirname "$jdk")")")"
  step "JMH: first call in a fresh JVM, $name"
  jmh 'descent.bench.FirstCallBench' "${FIRST[@]}" -jvm "$jdk" -rff "$OUT/jmh-first-$name.json"
done

# The first call as a student meets it: in the notebook kernel (environment/install.sh's build/jupyter).
if [[ -f build/jupyter/env.sh ]]; then
  step "the first call in the notebook kernel, with and without its warm-up"
  # shellcheck source=/dev/null
  (. build/jupyter/env.sh && "$JUPYTER_PYTHON" bench/kernel_first_call.py --trials "$KERNEL_TRIALS" \
    --out "$OUT/kernel-first.json" >&2)
fi

step "numpy, 2 threads"
numpy_py measure --threads 2 --sizes $SIZES "${NUMPY_QUICK[@]}" --out "$OUT/numpy-2.json"
step "numpy, 1 thread"
numpy_py measure --threads 1 --what loss --sizes $SIZES "${NUMPY_QUICK[@]}" --out "$OUT/numpy-1.json"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/machine.txt"

python3 bench/report.py --out "$OUT" --course build | tee "$OUT/table.md"
