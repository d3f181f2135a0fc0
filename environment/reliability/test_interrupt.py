"""Interrupt and System.exit in the Descent Java kernel, driven through a real kernel.

Run after `bash environment/install.sh --for-tests` with the Python that belongs to Jupyter:

    . build/jupyter/env.sh && "$JUPYTER_PYTHON" environment/reliability/test_interrupt.py [--kernel descent-jjava]

The same cases and messages hold under both kernelspecs (descent-java: rapaio, descent-jjava: JJava;
each patched, see environment/KERNEL-NOTES.md); test_reliability.sh runs it under each one installed.

In ONE kernel: define a variable, then stop seven running cells in a row with
KernelManager.interrupt_kernel() (the interrupt_request message a notebook server sends for the
stop button): a sleeping cell, SVM training with the library on real CIFAR-10 (DESCENT_DATA_DIR or
the library's default data folder), `while (true) {}`, `for (long i = 0; ; i++) x += i;`, a loop in
a method over the cell's own classes, a long computation inside the JDK and a loop that catches
Throwable. Each time: the interrupted cell's reply arrives within REPLY_BOUND_S, it is an error
whose text is the expected message (which depends on the kernel's Java for the last two) with no
stack trace, and the next cell runs and prints. Then System.exit(0), Runtime.getRuntime().halt(3),
System.exit inside a method defined in an earlier cell, System::exit and an exit after two
switches: each is refused with the expected message, the kernel stays alive and the variable is
still there. Finally a restart gives a fresh kernel that runs a cell. Prints one "[reliability] ok: <case>: <message>"
line per case and "reliability interrupt: N checked"; exits 1 naming the case on any failure.
"""
import argparse
import os
import queue
import re
import sys
import time

from jupyter_client.manager import KernelManager

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
AREA = "interrupt"
REPLY_BOUND_S = 8.0     # from interrupt_request to the interrupted cell's execute_reply
START_BOUND_S = 120.0   # for a cell to start running (the CIFAR-10 load included)
CELL_TIMEOUT_S = 120.0

STOPPED = "Interrupted: the cell was stopped; variables defined before it are kept."
ANSI = re.compile(r"\x1b\[[0-9;]*m")


class Failure(Exception):
    pass


CAUGHT = ("Interrupted: the cell did not stop when asked (does it catch Throwable and go on?), so it still"
          " runs in the background and uses a processor core. Variables defined before it are kept and later"
          " cells run. To end it, save your work and use Kernel > Restart.")


def left_running(java):
    """The message when a cell cannot be forced to stop (Java 20+, a loop with no stop check)."""
    return ("Interrupted: the cell did not stop on this Java (%d): a loop that never checks for"
            " interruption cannot be forced to end here, so it still runs in the background and uses"
            " a processor core. Variables defined before it are kept and later cells run. To end it,"
            " save your work and use Kernel > Restart; the course's kernel (Java 17,"
            " bash environment/install.sh) stops such loops." % java)


def exit_message(call):
    return ("Refused: %s would end the kernel and lose every variable; the call was refused."
            " To start over, use Kernel > Restart." % call)


class Kernel:
    """One kernel and its client; send() returns the msg_id, collect() its outputs and reply."""

    def __init__(self, name, log):
        self.km = KernelManager(kernel_name=name)
        self.km.start_kernel(stdout=log, stderr=log, cwd=ROOT)
        self.connect()

    def connect(self):
        self.kc = self.km.client()
        self.kc.start_channels()
        self.kc.wait_for_ready(timeout=120)

    def send(self, code):
        return self.kc.execute(code, store_history=True)

    def wait_output(self, msg_id, text, timeout):
        """Waits until the cell msg_id printed `text` (so it is running); returns what it printed."""
        printed = ""
        deadline = time.monotonic() + timeout
        while text not in printed:
            msg = self.iopub(msg_id, deadline)
            if msg is None:
                raise Failure("the cell did not print %r within %.0f s (printed %r)" % (text, timeout, printed))
            if msg["msg_type"] == "stream":
                printed += msg["content"]["text"]
            elif msg["msg_type"] == "error":
                raise Failure("the cell failed before it started: %s" % error_text(msg["content"]))
        return printed

    def iopub(self, msg_id, deadline):
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            try:
                msg = self.kc.get_iopub_msg(timeout=left)
            except queue.Empty:
                return None
            if msg["parent_header"].get("msg_id") == msg_id:
                return msg

    def collect(self, msg_id, timeout):
        """Returns (reply content or None if none within timeout, stream text, error contents)."""
        deadline = time.monotonic() + timeout
        reply = None
        while reply is None:
            left = deadline - time.monotonic()
            if left <= 0:
                return None, "", []
            try:
                msg = self.kc.get_shell_msg(timeout=left)
            except queue.Empty:
                return None, "", []
            if msg["parent_header"].get("msg_id") == msg_id:
                reply = msg["content"]
        printed, errors = "", []
        end = time.monotonic() + 10
        while True:  # the outputs up to the cell's "idle" status
            msg = self.iopub(msg_id, end)
            if msg is None or (msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle"):
                break
            if msg["msg_type"] == "stream":
                printed += msg["content"]["text"]
            elif msg["msg_type"] == "error":
                errors.append(msg["content"])
        return reply, printed, errors

    def run(self, code, timeout=CELL_TIMEOUT_S):
        return self.collect(self.send(code), timeout)

    def close(self):
        self.kc.stop_channels()
        if self.km.is_alive():
            try:
                self.km.shutdown_kernel(now=False)
            except Exception:
                self.km.shutdown_kernel(now=True)
        self.km.cleanup_resources()


def error_text(content):
    """The error as the notebook shows it: the traceback lines without colour codes."""
    return "\n".join(ANSI.sub("", line) for line in content.get("traceback", [])).strip()


def expect_prints(k, case, code, want):
    reply, printed, errors = k.run(code)
    if reply is None:
        raise Failure("%s: the next cell got no reply within %.0f s" % (case, CELL_TIMEOUT_S))
    if reply["status"] != "ok" or printed.strip() != want:
        raise Failure("%s: the next cell should print %r, but status=%s printed=%r error=%r" % (
            case, want, reply["status"], printed, [error_text(e) for e in errors]))


def interrupt_case(k, case, code, started, allowed):
    """Runs `code` until it printed `started`, interrupts it, checks the reply; returns the message."""
    msg_id = k.send(code)
    k.wait_output(msg_id, started, START_BOUND_S)
    time.sleep(0.5)  # well inside the loop, not at its first step
    t0 = time.monotonic()
    k.km.interrupt_kernel()
    reply, _, errors = k.collect(msg_id, REPLY_BOUND_S)
    took = time.monotonic() - t0
    if reply is None:
        raise Failure("%s: the interrupted cell got no reply within %.0f s (it stays [*])" % (case, REPLY_BOUND_S))
    if reply["status"] != "error" or len(errors) != 1:
        raise Failure("%s: expected one error reply, got status=%s errors=%r" % (
            case, reply["status"], [error_text(e) for e in errors]))
    shown = error_text(errors[0])
    if not allowed(shown):
        raise Failure("%s: the student sees %r" % (case, shown))
    if "\tat " in shown or "\n    at " in shown or "Exception" in shown:
        raise Failure("%s: the message shows a stack trace: %r" % (case, shown))
    return shown, took


def shown_path(path):
    """The log's path relative to the project when it is inside it."""
    rel = os.path.relpath(path, ROOT)
    return path if rel.startswith("..") else rel


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--kernel", default="descent-java", help="kernelspec name (default descent-java)")
    ap.add_argument("--log", default=os.path.join(ROOT, "build", "jupyter", "reliability-interrupt.log"),
                    help="the kernel's stdout/stderr go here")
    args = ap.parse_args()
    os.makedirs(os.path.dirname(args.log), exist_ok=True)

    checked = 0
    case = "start"
    k = None
    with open(args.log, "w") as log:
        try:
            k = Kernel(args.kernel, log)
            case = "Java version of the kernel"
            reply, printed, _ = k.run("System.out.println(Runtime.version().feature());")
            if reply is None or not printed.strip().isdigit():
                raise Failure("%s: got %r" % (case, printed))
            java = int(printed)
            case = "define a variable"
            expect_prints(k, case, 'String kept = "defined before the interrupts"; System.out.println(kept);',
                          "defined before the interrupts")

            expect_prints(k, case, "long x = 0; System.out.println(x);", "0")
            case = "interrupt while idle"
            k.km.interrupt_kernel()
            time.sleep(1)
            expect_prints(k, case, "System.out.println(kept);", "defined before the interrupts")
            print("[reliability] ok: %s (the next cell runs): defined before the interrupts" % case, flush=True)
            checked += 1

            case = "define classes and a method"
            expect_prints(k, case, (
                "class A {} class B extends A {} class C extends A {}\n"
                "void spin(A b, A c) { A a = b; System.out.println(\"merging\");"
                " while (true) a = a == b ? (A) (C) c : (A) (B) b; }\n"
                'System.out.println("defined");'), "defined")
            case = "load CIFAR-10"
            expect_prints(k, case, (
                "import descent.data.*; import descent.loss.*; import descent.optim.*; import descent.train.*;\n"
                "import org.ejml.data.DMatrixRMaj;\n"
                "var splits = Cifar10.load(Cifar10.Options.defaults().withSizes(2000, 500, 0)"
                ".withDev(0, 231));\n"
                "var W0 = new DMatrixRMaj(10, splits.train().features());\n"
                'System.out.println("train " + splits.train().size());'), "train 2000")

            just_stopped = lambda s: s == STOPPED
            # With the library's cooperative stop (descent.util.Interrupted) its message follows ours.
            stopped_lib = lambda s: s == STOPPED or (s.startswith(STOPPED + " ") and "interrupted" in s[len(STOPPED):])
            # Each running cell is ONE snippet that prints its start marker from inside the running
            # statement, so the interrupt arrives while the snippet runs (not while JShell compiles).
            cases = [
                ("interrupt a sleeping cell",
                 'for (int k = 0; k < 1; k++) { System.out.println("sleeping"); Thread.sleep(600_000); }',
                 "sleeping", just_stopped),
                ("interrupt SVM training on CIFAR-10",
                 "Trainer.builder(new SvmLoss(2.5e4), new Sgd()).batchSize(200).iterations(1_000_000)"
                 ".learningRate(1e-7).evaluateEvery(1_000_000).seed(1)"
                 '.listener((step, total, loss) -> { if (step == 0) System.out.println("training"); })'
                 ".build().fit(W0, splits.train());",
                 "training", stopped_lib),
                ("interrupt while (true) {}",
                 '{ System.out.println("spinning"); while (true) {} }', "spinning", just_stopped),
                ("interrupt for (long i = 0; ; i++) x += i;",
                 '{ System.out.println("summing"); for (long i = 0; ; i++) x += i; }', "summing", just_stopped),
                # A loop in a method of the cell's own classes whose stack maps merge two of them (on
                # 24+ the stop checks need the cells' class hierarchy to be woven in).
                ("interrupt a loop over the cell's own classes",
                 "spin(new B(), new C());", "merging", just_stopped),
                # A long computation inside the JDK (no interrupt check, no stop check woven in): on
                # Java 17 Thread.stop ends it; on 20+ the cell gets its reply and the thread runs on.
                ("interrupt a long JDK computation",
                 '{ System.out.println("computing"); java.math.BigInteger.valueOf(3).pow(200_000_000); }',
                 "computing", lambda s: s == (STOPPED if java < 20 else left_running(java))),
                # A cell that swallows the stop: on 17 it gets its reply anyway and the kernel goes on;
                # on 24+ the stop check before the outer loop's back branch is outside the try and ends it.
                ("interrupt a cell that catches Throwable",
                 '{ System.out.println("stubborn"); while (true) { try { while (true) {} } catch (Throwable t) {} } }',
                 "stubborn", lambda s: s == (CAUGHT if java < 20 else STOPPED if java >= 24 else left_running(java))),
            ]
            for n, (case, code, started, allowed) in enumerate(cases, 1):
                shown, took = interrupt_case(k, case, code, started, allowed)
                expect_prints(k, case, 'System.out.println("next cell %d runs");' % n, "next cell %d runs" % n)
                print("[reliability] ok: %s (reply in %.1f s): %s" % (case, took, shown), flush=True)
                checked += 1

            case = "variable kept after the interrupts"
            expect_prints(k, case, "System.out.println(kept);", "defined before the interrupts")
            print("[reliability] ok: %s: %s" % (case, "defined before the interrupts"), flush=True)
            checked += 1

            exits = [
                ("System.exit(0) refused", 'System.out.println("before exit"); System.exit(0);', "System.exit(0)"),
                ("Runtime.halt(3) refused", "Runtime.getRuntime().halt(3);", "Runtime.getRuntime().halt(3)"),
                ("System.exit in a method refused", "void quit() { System.exit(2); }\nquit();", "System.exit(2)"),
                ("System::exit refused", "java.util.function.IntConsumer q = System::exit;\nq.accept(4);",
                 "System.exit(4)"),
                # The call comes after a tableswitch and a lookupswitch: the rewriter must step over both.
                ("System.exit after switches refused",
                 "switch (kept.length()) { case 1: case 2: case 3: case 4: break; default: kept.length(); }\n"
                 "switch (kept.length()) { case 1: case 1000: case 100000: break; default: System.exit(5); }",
                 "System.exit(5)"),
            ]
            for case, code, call in exits:
                reply, _, errors = k.run(code, timeout=30)
                if reply is None:
                    raise Failure("%s: no reply within 30 s (kernel alive: %s)" % (case, k.km.is_alive()))
                shown = error_text(errors[0]) if errors else ""
                if reply["status"] != "error" or shown != exit_message(call):
                    raise Failure("%s: status=%s, the student sees %r, expected %r" % (
                        case, reply["status"], shown, exit_message(call)))
                time.sleep(1)
                if not k.km.is_alive():
                    raise Failure("%s: the kernel process ended" % case)
                expect_prints(k, case, "System.out.println(kept);", "defined before the interrupts")
                print("[reliability] ok: %s: %s" % (case, shown), flush=True)
                checked += 1

            case = "restart after all this"
            k.kc.stop_channels()
            k.km.restart_kernel(now=False)
            k.connect()
            reply, printed, errors = k.run('System.out.println("fresh kernel");')
            if reply is None or reply["status"] != "ok" or printed.strip() != "fresh kernel":
                raise Failure("%s: the restarted kernel did not run a cell: %r %r" % (case, reply, printed))
            reply, _, errors = k.run("System.out.println(kept);")
            if reply is None or reply["status"] != "error":
                raise Failure("%s: `kept` should be gone after a restart, got %r" % (case, reply))
            print("[reliability] ok: %s: fresh kernel" % case, flush=True)
            checked += 1
        except Failure as e:
            print("[reliability] FAILED: %s (kernel log: %s)" % (e, shown_path(args.log)), file=sys.stderr)
            return 1
        except Exception as e:  # a kernel that did not start, a broken channel, ...
            print("[reliability] FAILED: %s: %s: %s (kernel log: %s)" % (
                case, type(e).__name__, e, shown_path(args.log)), file=sys.stderr)
            return 1
        finally:
            if k is not None:
                k.close()
    # descent-java keeps the suite's line; another kernel (descent-jjava) is named in it
    print("reliability %s%s: %d checked" % (AREA, "" if args.kernel == "descent-java" else " under " + args.kernel,
                                            checked))
    return 0


if __name__ == "__main__":
    sys.exit(main())
