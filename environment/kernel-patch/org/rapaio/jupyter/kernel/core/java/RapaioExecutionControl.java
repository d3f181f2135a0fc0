/*
 * Interrupt fix for io.github.padreati:rapaio-jupyter-kernel:3.0.1 (MIT licensed); our code.
 *
 * This class replaces the kernel's own org.rapaio.jupyter.kernel.core.java.RapaioExecutionControl
 * (install.sh compiles it into build/kernel/patch/, ahead of the kernel jar on the class path). It
 * keeps the original's public signatures: the constructor (long), TIMEOUT_MARKER,
 * INTERRUPTED_MARKER, getTimeout(), takeResult(String), invoke(Method), interrupt(), stop().
 *
 * What 3.0.1 did (javap -c; environment/KERNEL-NOTES.md, "Interrupt and System.exit"): cells ran on a
 * cached thread pool; on interrupt_request JavaEngine.interrupt() calls interrupt() (Future.cancel:
 * interrupts the thread), then stop() (executor.shutdown(), shutdownNow() after 500 ms) and
 * JShell.stop() (stop() again). The pool was then dead for good: every later cell was refused
 * without running, and a cell that ignored the interrupt flag kept running in the background.
 *
 * What this class does instead: each cell runs on its own new thread ("Engine-thread-N"). interrupt()
 * and stop() both mean "stop the running cell", and are idempotent:
 *   1. Thread.interrupt() on the cell's thread (sleeps, waits and Descent's library loops end here);
 *   2. after GRACE_MS, if the cell still runs: force it. Java 17-19: Thread.stop(). Java 20+, where
 *      Thread.stop throws UnsupportedOperationException: descent.kernel.CellStop.request(thread),
 *      which the stop checks woven into the cell's own classes by descent.kernel.StopCheckWeaver
 *      (Java 24+) act on at the next backward branch or method call;
 *   3. after ABANDON_MS more, if it still runs (a loop inside code that has no stop check, on Java
 *      20+), the cell gets its reply anyway and the thread is left behind; the reply says so.
 * The interrupted cell's reply is an error "Interrupted: ..." with no stack trace; the kernel, its
 * variables and later cells are unaffected (a new thread per cell: nothing to repair).
 *
 * load() also sends every class a cell defines through descent.kernel.ExitCallRewriter, so that
 * System.exit / Runtime.exit / Runtime.halt in a cell throw instead of ending the kernel.
 */
package org.rapaio.jupyter.kernel.core.java;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.logging.Logger;

import descent.kernel.CellStop;
import descent.kernel.ExitCallRewriter;
import descent.kernel.ExitGuard;
import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.spi.SPIResolutionException;

/** Runs JShell snippets on a thread of their own, so that a running cell can be stopped. */
public class RapaioExecutionControl extends DirectExecutionControl {

    /** Exception class name that JavaEngine turns into EvaluationTimeoutException (as in 3.0.1). */
    public static final String TIMEOUT_MARKER = "## Timeout Marker ##";
    /** Exception class name that JavaEngine turns into EvaluationInterruptedException (as in 3.0.1; unused now). */
    public static final String INTERRUPTED_MARKER = "## Interrupted Marker ##";

    /** How long a cell has to end after Thread.interrupt() before it is forced, in milliseconds. */
    public static final long GRACE_MS = 2000;
    /** How long a forced cell has to end before its reply is sent without it, in milliseconds. */
    public static final long ABANDON_MS = 2000;

    /** The name shown before the message of an interrupted cell ("Interrupted: the cell was stopped; ..."). */
    public static final String INTERRUPTED = "Interrupted";
    /** The name shown before the message of a refused System.exit ("Refused: System.exit(0) would ..."). */
    public static final String REFUSED = "Refused";
    /** The message of a stopped cell, after "Interrupted: ". */
    public static final String STOPPED = "the cell was stopped; variables defined before it are kept.";

    private static final AtomicInteger ID = new AtomicInteger();
    /** The kernel's log (the server's terminal): System.err belongs to the notebook while a cell runs. */
    private static final Logger LOGGER = Logger.getLogger(RapaioExecutionControl.class.getSimpleName());
    private static final StackTraceElement[] NO_TRACE = new StackTraceElement[0];

    private final long timeoutTime;
    private final Map<String, Object> results = new ConcurrentHashMap<>();
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "Engine-stop-watchdog");
        t.setDaemon(true);
        return t;
    });
    /** Stop checks for Java 24+ (descent.kernel.StopCheckWeaver), or null where it is not built or not needed. */
    private final Function<byte[][], byte[][]> stopChecks = loadStopChecks(this::loadedClass);
    private volatile Cell current;
    /** An interrupt came while the shell ran a cell but none of its snippets was running (JShell was compiling). */
    private volatile boolean pendingStop;

    /**
     * Tells whether the shell is handling a request (Channels.hasMsgId()); set by the patched
     * ControlChannel. Lets an interrupt that arrives between two snippets of a cell stop the rest
     * of that cell, and only that cell.
     */
    private static volatile BooleanSupplier shellBusy = () -> false;

    /** @param timeoutTime per-cell time limit in milliseconds; <= 0 for none */
    public RapaioExecutionControl(long timeoutTime) {
        this.timeoutTime = timeoutTime;
    }

    /** @return the per-cell time limit in milliseconds (<= 0: none) */
    public long getTimeout() {
        return timeoutTime;
    }

    /**
     * @param id the id {@link #invoke(Method)} returned
     * @return the value the snippet produced, removed from the store
     */
    public Object takeResult(String id) {
        Object result = results.remove(id);
        if (result == null) {
            throw new IllegalStateException("No result with key: " + id);
        }
        return result;
    }

    @Override
    public void load(ClassBytecodes[] cbcs) throws ClassInstallException, NotImplementedException, EngineTerminationException {
        byte[][] bytes = new byte[cbcs.length][];
        for (int i = 0; i < cbcs.length; i++) {
            bytes[i] = cbcs[i].bytecodes();
            try {
                bytes[i] = ExitCallRewriter.rewrite(bytes[i]);
            } catch (RuntimeException e) {
                LOGGER.warning("could not check " + cbcs[i].name() + " for System.exit: " + e);
            }
        }
        if (stopChecks != null) {
            try {
                bytes = stopChecks.apply(bytes);
            } catch (RuntimeException | LinkageError e) {
                LOGGER.warning("could not add stop checks: " + e);
            }
        }
        ClassBytecodes[] rewritten = new ClassBytecodes[cbcs.length];
        for (int i = 0; i < cbcs.length; i++) {
            rewritten[i] = new ClassBytecodes(cbcs[i].name(), bytes[i]);
        }
        super.load(rewritten);
    }

    /** A class JShell loaded before (for the stop checks' stack maps), or null. */
    private Class<?> loadedClass(String name) {
        try {
            return findClass(name);
        } catch (ClassNotFoundException | RuntimeException e) {
            return null;
        }
    }

    @Override
    protected String invoke(Method method) throws Exception {
        String id = UUID.randomUUID().toString();
        Object result = execute(method);
        results.put(id, result);
        return id;
    }

    /**
     * Called by the patched ControlChannel with {@code channels::hasMsgId}.
     *
     * @param busy true while the shell is handling a request
     */
    public static void watchShell(BooleanSupplier busy) {
        shellBusy = busy;
    }

    private Object execute(Method method) throws Exception {
        if (pendingStop) {
            pendingStop = false;
            throw new UserException(STOPPED, INTERRUPTED, NO_TRACE);
        }
        Cell cell = new Cell(method);
        Thread thread = new Thread(cell, "Engine-thread-" + ID.getAndIncrement());
        thread.setDaemon(true); // a cell that cannot be stopped must not keep the JVM from exiting
        cell.thread = thread;
        current = cell;
        try {
            thread.start();
            if (timeoutTime > 0 && !cell.done.await(timeoutTime, TimeUnit.MILLISECONDS)) {
                requestStop(cell);
                cell.done.await();
                throw new UserException("Execution timed out", TIMEOUT_MARKER, NO_TRACE);
            }
            cell.done.await();
        } catch (InterruptedException e) {
            // The shell thread itself was interrupted: stop the cell and report it as interrupted.
            requestStop(cell);
            cell.done.await();
        } finally {
            if (current == cell) {
                current = null;
            }
        }
        return outcome(cell);
    }

    /** The cell's value, or the exception JShell should report for it. */
    private Object outcome(Cell cell) throws Exception {
        Throwable thrown = cell.thrown;
        if (thrown instanceof InvocationTargetException) {
            thrown = thrown.getCause();
        }
        if (thrown instanceof ExitGuard.Refused) {
            throw new UserException(thrown.getMessage(), REFUSED, NO_TRACE);
        }
        if (cell.stopRequested.get()) {
            LOGGER.info(cell.thread.getName() + " ended after a stop request: "
                    + (cell.abandoned ? "left running" : String.valueOf(thrown)));
        }
        if (cell.stopRequested.get() && (cell.abandoned || thrown != null)) {
            throw new UserException(interruptedMessage(cell, thrown), INTERRUPTED, NO_TRACE);
        }
        if (thrown == null) {
            return cell.value;
        }
        if (thrown instanceof SPIResolutionException) {
            throw new ResolutionException(((SPIResolutionException) thrown).id(), thrown.getStackTrace());
        }
        throw new UserException(thrown.getMessage(), thrown.getClass().getName(), thrown.getStackTrace());
    }

    /** What the student reads after "Interrupted: ". */
    static String interruptedMessage(Cell cell, Throwable thrown) {
        if (cell.abandoned && Runtime.version().feature() < 20) {
            // Thread.stop was sent, so the cell caught it (catch (Throwable t) in a loop) and went on.
            return "the cell did not stop when asked (does it catch Throwable and go on?), so it still runs"
                    + " in the background and uses a processor core. Variables defined before it are kept and"
                    + " later cells run. To end it, save your work and use Kernel > Restart.";
        }
        if (cell.abandoned) {
            return "the cell did not stop on this Java (" + Runtime.version().feature() + "): a loop that never"
                    + " checks for interruption cannot be forced to end here, so it still runs in the background"
                    + " and uses a processor core. Variables defined before it are kept and later cells run."
                    + " To end it, save your work and use Kernel > Restart; the course's kernel (Java 17,"
                    + " bash environment/install.sh) stops such loops.";
        }
        String message = STOPPED;
        // A Descent library loop that stopped on the interrupt says what it kept (descent.util.Interrupted).
        if (thrown != null && thrown.getClass().getName().equals("descent.util.Interrupted") && thrown.getMessage() != null) {
            message += " " + thrown.getMessage();
        }
        return message;
    }

    /** Stops the running cell (interrupt, then force after {@link #GRACE_MS}); does nothing when none runs. */
    public void interrupt() {
        Cell cell = current;
        if (cell != null) {
            requestStop(cell);
        } else if (shellBusy.getAsBoolean() && !pendingStop) {
            // Between two snippets of the running cell: its next snippet is refused. Forgotten as
            // soon as the shell is idle, so the student's next cell is not affected.
            pendingStop = true;
            watchdog.schedule(this::forgetPendingStopWhenIdle, 50, TimeUnit.MILLISECONDS);
        }
    }

    private void forgetPendingStopWhenIdle() {
        if (!pendingStop) {
            return;
        }
        if (shellBusy.getAsBoolean()) {
            watchdog.schedule(this::forgetPendingStopWhenIdle, 50, TimeUnit.MILLISECONDS);
        } else {
            pendingStop = false;
        }
    }

    /**
     * Same as {@link #interrupt()}. In 3.0.1 this shut the cell executor down for good; JavaEngine
     * and JShell.stop() call it on every interrupt_request, so it must leave the engine usable.
     */
    @Override
    public void stop() {
        interrupt();
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
        super.close();
    }

    private void requestStop(Cell cell) {
        if (!cell.stopRequested.compareAndSet(false, true)) {
            return;
        }
        cell.thread.interrupt();
        watchdog.schedule(() -> force(cell), GRACE_MS, TimeUnit.MILLISECONDS);
    }

    @SuppressWarnings({"removal", "deprecation"})
    private void force(Cell cell) {
        if (cell.done.getCount() == 0) {
            return;
        }
        CellStop.request(cell.thread);
        synchronized (cell) {
            if (!cell.finished) {
                try {
                    cell.thread.stop(); // Java 17-19; throws UnsupportedOperationException on 20+
                } catch (UnsupportedOperationException e) {
                    // the woven stop checks (Java 24+) end the student's own loops; see CellStop
                }
            }
        }
        watchdog.schedule(() -> abandon(cell), ABANDON_MS, TimeUnit.MILLISECONDS);
    }

    private void abandon(Cell cell) {
        synchronized (cell) {
            if (!cell.finished) {
                cell.abandoned = true;
                LOGGER.warning(cell.thread.getName() + " did not stop; its cell got its reply and the thread is"
                        + " left running");
                cell.done.countDown();
            }
        }
    }

    /** Returns a descent.kernel.StopCheckWeaver on Java 20+ when it was compiled (Java 24+), else null. */
    @SuppressWarnings("unchecked")
    private static Function<byte[][], byte[][]> loadStopChecks(Function<String, Class<?>> loaded) {
        if (Runtime.version().feature() < 20) {
            return null; // Thread.stop works
        }
        try {
            return (Function<byte[][], byte[][]>) Class.forName("descent.kernel.StopCheckWeaver")
                    .getConstructor(Function.class).newInstance(loaded);
        } catch (ReflectiveOperationException | LinkageError e) {
            return null;
        }
    }

    /** One snippet run: its thread, its outcome and whether a stop was asked for. */
    static final class Cell implements Runnable {
        private final Method method;
        final CountDownLatch done = new CountDownLatch(1);
        final AtomicBoolean stopRequested = new AtomicBoolean();
        volatile Thread thread;
        volatile Object value;
        volatile Throwable thrown;
        /** Set under the cell's lock when the snippet has ended (so Thread.stop is no longer sent). */
        boolean finished;
        /** Set when the reply was sent while the thread still ran. */
        volatile boolean abandoned;

        Cell(Method method) {
            this.method = method;
        }

        @Override
        public void run() {
            try {
                try {
                    value = method.invoke(null);
                } catch (Throwable e) { // the snippet's exception, ThreadDeath from stop(), CellStop
                    thrown = e;
                }
                synchronized (this) {
                    finished = true;
                }
            } catch (Throwable late) { // a ThreadDeath that arrived after the snippet ended
                synchronized (this) {
                    finished = true;
                }
                if (thrown == null) {
                    thrown = late;
                }
            } finally {
                CellStop.clear(Thread.currentThread());
                done.countDown();
            }
        }
    }
}
