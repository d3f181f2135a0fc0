#!/usr/bin/env bash
# The reliability suite: what a student's mistake or an instructor's set-up does to the kernel and
# the data, reproduced case by case through a real kernel, a real server or another user.
# Each script in environment/reliability/ runs alone (after install.sh --for-tests and
# `. build/jupyter/env.sh`), prints "[reliability] ok: <case>: <message a student sees>" per case
# and ends with "reliability <area>: N checked". The library's own cases are JUnit tests in lib/.
#
#   bash environment/test_reliability.sh            every area
#   bash environment/test_reliability.sh interrupt  one area (the script's name without test_)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=/dev/null
. "$ROOT/build/jupyter/env.sh"

total=0
for script in "$ROOT"/environment/reliability/test_*; do
  area="$(basename "$script")"; area="${area#test_}"; area="${area%.*}"
  if [ "$#" -gt 0 ] && [[ " $* " != *" $area "* ]]; then continue; fi
  echo "[reliability] $area"
  case "$script" in
    *.py) out="$("$JUPYTER_PYTHON" "$script" | tee /dev/stderr)"
          # interrupt and System.exit, and printed output: under the second kernel too, where
          # install.sh wrote it
          if [ -e "$ROOT/build/jupyter/kernels/descent-jjava/kernel.json" ]; then
            if [ "$area" = interrupt ]; then
              out="$out"$'\n'"$("$JUPYTER_PYTHON" "$script" --kernel descent-jjava \
                --log "$ROOT/build/jupyter/reliability-interrupt-jjava.log" | tee /dev/stderr)"
            elif [ "$area" = output ]; then
              out="$out"$'\n'"$("$JUPYTER_PYTHON" "$script" --kernel descent-jjava | tee /dev/stderr)"
            fi
          fi ;;
    *.sh) out="$(bash "$script" | tee /dev/stderr)" ;;
    *) continue ;;
  esac
  n="$(printf '%s\n' "$out" | sed -n 's/^reliability [a-z_ -]*: \([0-9]*\) checked.*/\1/p' | awk '{s += $1} END {print s}')"
  [ -n "$n" ] || { echo "[reliability] ERROR: $script did not say how many cases it checked" >&2; exit 1; }
  total=$(( total + n ))
done
echo "reliability: $total checked"
