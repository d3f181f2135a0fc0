#!/usr/bin/env bash
# Descent vs numpy, in one run, on this machine: builds the JMH benchmarks, runs them, runs the
# same measurements in numpy (2 BLAS threads, then 1), and prints one table (time, GFLOP/s,
# Descent / numpy) plus the first-call times. Results and raw JSON go to bench/out/.
#
#   bench/run.sh           the default run, about 10-15 minutes on 2 cores
#   bench/run.sh --quick   fewer sizes, iterations and trials: about 4 minutes, for a smoke test
set -euo pipefail
cd "$(dirname "$0")/.."
QUICK=0
[[ "${1:-}" == "--quick" ]] && QUICK=1
OUT=bench/out
mkdir -p "$OUT"
rm -f "$OUT"/*.json

echo "== build" >&2
mvn -q -DskipTests package -pl bench -am >&2
BUILD=bench/target/bench
CP="$BUILD/classes:$(cat "$BUILD/benchmark.classpath")"
jmh() { java -cp "$CP" org.openjdk.jmh.Main "$@" -rf json -foe true >&2; }

if [[ $QUICK == 1 ]]; then
  SIZES=256,10000,49000; NAIVE_SIZES=256; TRIALS=100; ITER=(-wi 2 -w 1 -i 3 -r 1); FIRST_FORKS=1
else
  SIZES=256,500,10000,49000; NAIVE_SIZES=256,500,10000; TRIALS=1000; ITER=(-wi 2 -w 1 -i 4 -r 1); FIRST_FORKS=3
fi

{
  echo "date:    $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "cpu:     $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores; $(lscpu | sed -n 's/^L3 cache: *//p') L3"
  echo "memory:  $(free -g | awk '/^Mem:/ {print $2 " GB"}')"
  echo "java:    $(java -version 2>&1 | head -2 | tail -1)"
  echo "numpy:   $(python3 -c 'import numpy; print(numpy.__version__)') ($(python3 -c 'import numpy; c=numpy.show_config(mode="dicts"); print(c["Build Dependencies"]["blas"]["name"], c["Build Dependencies"]["blas"]["version"])' 2>/dev/null || echo '?'))"
  echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "mode:    $([[ $QUICK == 1 ]] && echo quick || echo default)"
} > "$OUT/machine.txt"

echo "== JMH: vectorized losses" >&2
jmh 'descent.bench.LossBench' -p impl=vectorized -p n=$SIZES "${ITER[@]}" -f 1 -rff "$OUT/jmh-vectorized.json"
echo "== JMH: naive losses" >&2
jmh 'descent.bench.LossBench' -p impl=naive -p n=$NAIVE_SIZES -wi 1 -w 1 -i 3 -r 1 -f 1 -rff "$OUT/jmh-naive.json"
echo "== JMH: first call in a fresh JVM" >&2
jmh 'descent.bench.FirstCallBench' -f $FIRST_FORKS -rff "$OUT/jmh-first.json"
echo "== JMH: numerical gradient, random search, SGD step" >&2
jmh 'descent.bench.WorkflowBench' -p trials=$TRIALS -rff "$OUT/jmh-workflow.json"

echo "== numpy, 2 threads" >&2
Q=(--sizes $SIZES --naive-sizes $NAIVE_SIZES); [[ $QUICK == 1 ]] && Q+=(--quick)
python3 bench/numpy_bench.py measure --threads 2 --trials $TRIALS "${Q[@]}" --out "$OUT/numpy-2.json"
echo "== numpy, 1 thread" >&2
python3 bench/numpy_bench.py measure --threads 1 --trials $TRIALS "${Q[@]}" --out "$OUT/numpy-1.json"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/machine.txt"

{
  cat "$OUT/machine.txt"
  echo
  python3 bench/numpy_bench.py report --jmh "$OUT"/jmh-*.json --numpy "$OUT/numpy-2.json" "$OUT/numpy-1.json"
} | tee "$OUT/table.md"
