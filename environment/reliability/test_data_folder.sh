#!/usr/bin/env bash
# Reliability, area "data folder": a CIFAR-10 folder that an instructor shares with the class
# (DESCENT_DATA_DIR pointing at files owned by root, mode 0555/0444) loads for a student, and what
# goes wrong there gets one message with the cause and the fix.
#
# Root ignores file permissions, so chmod alone proves nothing when the tests run as root (CI does):
# this script makes the folders as root and loads them as the unprivileged user nobody
# (setpriv --reuid=nobody --regid=nogroup --clear-groups), with a copy of the library's jars and a
# small Java program in a folder nobody can read. The real CIFAR-10 files are taken from the
# library's own cache (DESCENT_DATA_DIR or ~/.cache/descent; fetched first if it lacks them).
#
# Run after `bash environment/install.sh --for-tests` (it fills build/classpath with the library
# jar and its dependencies; DESCENT_RELIABILITY_CLASSPATH=<folder of jars> uses another set):
#   bash environment/reliability/test_data_folder.sh
# One line per case: "[reliability] ok: <case>: <what the student sees>"; exits 1 naming each failed
# case; the last line is "reliability data folder: N checked".
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CLASSES="${DESCENT_RELIABILITY_CLASSPATH:-$ROOT/build/classpath}"
CHECKED=0
FAILED=()

fail_setup() {
  echo "[reliability] FAIL: set-up: $*" >&2
  exit 1
}

[ "$(id -u)" -eq 0 ] || fail_setup "must run as root, to make folders owned by root and load them as nobody"
command -v setpriv >/dev/null || fail_setup "setpriv (util-linux) is not installed"
id nobody >/dev/null 2>&1 || fail_setup "there is no user nobody"
ls "$CLASSES"/descent-lib-*.jar >/dev/null 2>&1 \
  || fail_setup "no descent-lib jar in $CLASSES: run bash environment/install.sh --for-tests first"
JAVA="$(readlink -f "$(command -v java)")" || fail_setup "java is not on the PATH"
NOGROUP="$(id -gn nobody)"

T="$(mktemp -d /tmp/descent-data-folder.XXXXXX)"
cleanup() {
  chmod -R u+rwx "$T" 2>/dev/null || true
  rm -rf "$T"
}
trap cleanup EXIT
chmod 0755 "$T"

# The library for nobody: jars and the program, readable by all.
mkdir "$T/cp"
cp "$CLASSES"/*.jar "$T/cp/"
cat >"$T/LoadCheck.java" <<'JAVA'
import descent.data.Cifar10;

/** ensure: prints the verified folder; load: loads a small split and prints its shapes. */
public class LoadCheck {
    public static void main(String[] args) {
        try {
            if (args[0].equals("ensure")) {
                System.out.println(Cifar10.ensureFiles());
            } else {
                var s = Cifar10.load(Cifar10.Options.defaults().withSizes(1_000, 100, 100)
                        .withDev(0, 1));
                System.out.println("loaded train " + s.train().size() + " x " + s.train().features() + ", val "
                        + s.val().size() + ", test " + s.test().size());
            }
        } catch (RuntimeException e) {
            System.out.println(e.getMessage());
            System.exit(3);
        }
    }
}
JAVA
chmod -R a+rX "$T/cp" "$T/LoadCheck.java"

run_java() { # run_java ensure|load, as root with this shell's DESCENT_DATA_DIR
  "$JAVA" -XX:-UsePerfData -Dfile.encoding=UTF-8 -cp "$T/cp/*" "$T/LoadCheck.java" "$1"
}
as_nobody() { # as_nobody DATA_ROOT ensure|load: a student with no rights on the folder
  setpriv --reuid=nobody --regid="$NOGROUP" --clear-groups \
    env -i PATH=/usr/bin:/bin HOME=/nonexistent LANG=C.UTF-8 DESCENT_DATA_DIR="$1" \
    "$JAVA" -XX:-UsePerfData -Dfile.encoding=UTF-8 -cp "$T/cp/*" "$T/LoadCheck.java" "$2" 2>&1 || true
}
listing() { (cd "$1" && ls -A --full-time); }
# unchanged BEFORE DIR: "unchanged: <names>" if DIR lists as BEFORE did, else what it lists now
unchanged() {
  if [ "$(listing "$2")" = "$1" ]; then echo "unchanged: $(cd "$2" && ls -A | tr '\n' ' ' | sed 's/ $//')"
  else echo "changed: $(listing "$2" | tr '\n' ';')"; fi
}

# check CASE EXPECTED ACTUAL
check() {
  CHECKED=$((CHECKED + 1))
  if [ "$3" = "$2" ]; then
    echo "[reliability] ok: $1: $3"
  else
    echo "[reliability] FAIL: $1: expected: $2" >&2
    echo "[reliability]       got: $3" >&2
    FAILED+=("$1")
  fi
}

# The real files, verified by the library as root.
SOURCE="$(run_java ensure 2>/dev/null | tail -n 1)"
[ -f "$SOURCE/data_batch_1.bin" ] || fail_setup "the library could not provide CIFAR-10: $SOURCE"

# The instructor's folder: owned by root, folders 0555, files 0444, nothing else in it.
SHARED_ROOT="$T/shared"
SHARED="$SHARED_ROOT/cifar-10-batches-bin"
mkdir -p "$SHARED"
cp "$SOURCE"/batches.meta.txt "$SOURCE"/*.bin "$SHARED/"
chown -R root:root "$SHARED_ROOT"
chmod 0444 "$SHARED"/*
chmod 0555 "$SHARED" "$SHARED_ROOT"
LOADED="loaded train 1000 x 3073, val 100, test 100"
FIX="point DESCENT_DATA_DIR at a folder you can write (CIFAR-10 is then fetched into its cifar-10-batches-bin subfolder)."

before="$(listing "$SHARED")"
out="$(as_nobody "$SHARED_ROOT" load)"
check "read-only shared folder loads, hash-verified, nothing written" "$LOADED" "$out"
check "read-only shared folder: no .lock or .verified written" \
  "unchanged: batches.meta.txt data_batch_1.bin data_batch_2.bin data_batch_3.bin data_batch_4.bin data_batch_5.bin test_batch.bin" \
  "$(unchanged "$before" "$SHARED")"

# The instructor verified it once as root (leaving root's .lock and .verified, 0644): still loads.
chmod 0755 "$SHARED"
DESCENT_DATA_DIR="$SHARED_ROOT" run_java ensure >/dev/null
chmod 0555 "$SHARED"
before="$(listing "$SHARED")"
out="$(as_nobody "$SHARED_ROOT" load)"
check "read-only shared folder with root's .lock and .verified loads" "$LOADED" "$out"
check "read-only shared folder with root's .lock and .verified: nothing written" \
  "unchanged: .lock .verified batches.meta.txt data_batch_1.bin data_batch_2.bin data_batch_3.bin data_batch_4.bin data_batch_5.bin test_batch.bin" \
  "$(unchanged "$before" "$SHARED")"

# A file is missing in the shared folder.
mv "$SHARED/data_batch_5.bin" "$T/data_batch_5.bin"
out="$(as_nobody "$SHARED_ROOT" load)"
check "read-only shared folder with a missing file" "CIFAR-10 in $SHARED is incomplete (data_batch_5.bin is missing), and the folder is read-only for you (owner root, mode 0555), so nothing can be fetched into it. Fix: ask the folder's owner (root, e.g. your instructor) to complete it, or $FIX" "$out"
mv "$T/data_batch_5.bin" "$SHARED/data_batch_5.bin"

# A batch file only its owner may read: once found through the checksum marker, once through hashing.
chmod 0600 "$SHARED/data_batch_1.bin"
DENIED="cannot read $SHARED/data_batch_1.bin: permission denied (owner root, mode 0600). Fix: ask the owner (root, e.g. your instructor) to make it readable (chmod a+r $SHARED/data_batch_1.bin), or $FIX"
out="$(as_nobody "$SHARED_ROOT" load)"
check "unreadable batch file, checksum remembered" "$DENIED" "$out"
mv "$SHARED/.verified" "$T/verified"
out="$(as_nobody "$SHARED_ROOT" load)"
check "unreadable batch file, hashed" "$DENIED" "$out"
mv "$T/verified" "$SHARED/.verified"
chmod 0444 "$SHARED/data_batch_1.bin"
chmod 0600 "$SHARED/batches.meta.txt"
out="$(as_nobody "$SHARED_ROOT" load)"
check "unreadable class-name file" "cannot read $SHARED/batches.meta.txt: permission denied (owner root, mode 0600). Fix: ask the owner (root, e.g. your instructor) to make it readable (chmod a+r $SHARED/batches.meta.txt), or $FIX" "$out"
chmod 0444 "$SHARED/batches.meta.txt"

# A folder only its owner may open.
chmod 0700 "$SHARED"
out="$(as_nobody "$SHARED_ROOT" load)"
check "shared folder only its owner may open" "cannot read the folder $SHARED: permission denied (owner root, mode 0700). Fix: ask the owner (root, e.g. your instructor) to open it (chmod a+rx $SHARED), or $FIX" "$out"
chmod 0555 "$SHARED"

# The student's own folder (writable) holding root's files and a read-only .lock left by root.
OWN_ROOT="$T/own"
OWN="$OWN_ROOT/cifar-10-batches-bin"
mkdir -p "$OWN"
cp -l "$SHARED"/batches.meta.txt "$SHARED"/*.bin "$OWN/"
: >"$OWN/.lock"
chmod 0444 "$OWN/.lock"
chown -R nobody:"$NOGROUP" "$OWN_ROOT"
chown root:root "$OWN/.lock" "$OWN"/*.bin "$OWN"/batches.meta.txt
out="$(as_nobody "$OWN_ROOT" load)"
check "own folder with root's read-only .lock loads" "$LOADED" "$out"
rm "$OWN/data_batch_5.bin"
out="$(as_nobody "$OWN_ROOT" load)"
check "own folder with root's read-only .lock and a missing file" "CIFAR-10 in $OWN is incomplete (data_batch_5.bin is missing), and its lock file $OWN/.lock is read-only for you (owner root, mode 0444), so nothing can be fetched into it. Fix: ask the owner of .lock (root) to delete it, or $FIX" "$out"

# DESCENT_DATA_DIR names a folder that does not exist yet, inside one the student may not write.
EMPTY="$T/empty"
mkdir -m 0555 "$EMPTY"
out="$(as_nobody "$EMPTY/data" load)"
check "data folder that cannot be created" "cannot create the CIFAR-10 folder $EMPTY/data/cifar-10-batches-bin: permission denied inside $EMPTY (owner root, mode 0555). Fix: ${FIX%.}, or ask the owner to create it." "$out"

if [ "${#FAILED[@]}" -gt 0 ]; then
  printf '[reliability] FAIL: data folder: %s\n' "${FAILED[@]}" >&2
  echo "reliability data folder: $CHECKED checked, ${#FAILED[@]} failed" >&2
  exit 1
fi
echo "reliability data folder: $CHECKED checked"
