#!/usr/bin/env bash
# Gradescope runs this once while building the autograder image (Ubuntu, as root).
# A JDK 17+ for the grader, bubblewrap for the sandbox, then CIFAR-10 fetched and checked once
# (the grader's own download code, official tarball first) into the image.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if ! command -v java >/dev/null || ! java --list-modules 2>/dev/null | grep -q jdk.incubator.vector; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends openjdk-17-jdk-headless
fi
command -v bwrap >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq bubblewrap || true
export DESCENT_DATA_DIR="${DESCENT_DATA_DIR:-$HERE/data}"
java --add-modules=jdk.incubator.vector -cp "$HERE/classpath/*" descent.grade.Main prepare
