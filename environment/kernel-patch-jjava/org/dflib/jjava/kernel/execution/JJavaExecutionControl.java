/*
 * Interrupt fix for JJava 1.0a8 (pip package jjava, Apache-2.0 licensed); our code.
 *
 * This class replaces JJava's own org.dflib.jjava.kernel.execution.JJavaExecutionControl
 * (install.sh compiles it into build/kernel/jjava-patch/, ahead of the jar on the class path) and
 * keeps its signatures: the constructor (JJavaLoaderDelegate, long, TimeUnit), EXECUTION_TIMEOUT_NAME,
 * EXECUTION_INTERRUPTED_NAME, stop(), takeResult(String), unloadClass(String), interrupt(),
 * start/stopThreadTelemetryCollection, invoke(Method).
 *
 * What 1.0a8 did (javap -c; environment/KERNEL-NOTES.md, "The second kernel: JJava"): cells ran on a
 * cached thread pool; interrupt() only cancelled their Futures (Thread.interrupt()). A sleeping cell
 * ended, but a busy loop (`while (true) {}`, a training loop without interrupt checks) got its reply
 * "Evaluation interrupted." at once and went on running in the background, using a core, for as
 * long as the kernel lived. System.exit(0) in a cell ended the kernel.
 *
 * What this class does, as Descent's patched rapaio kernel does (RapaioExecutionControl): each cell
 * runs on its own new daemon thread; interrupt() and stop() mean "stop the running cell":
 *   1. Thread.interrupt() on the cell's thread (sleeps, waits and Descent's library loops end here);
 *   2. after GRACE_MS, if it still runs: Thread.stop() (Java 17-19);
 *   3. after ABANDON_MS more, if it still runs (it catches Throwable, or Java 20+), the cell gets its
 *      reply anyway and the thread is left behind; the reply says so.
 * The reply is "Interrupted: the cell was stopped; variables defined before it are kept." with no stack
 * trace. load() sends every class a cell defines through descent.kernel.ExitCallRewriter, so that
 * System.exit / Runtime.exit / Runtime.halt throw descent.kernel.ExitGuard.Refused instead.
 */
package org.dflib.jjava.kernel.execution;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

import descent.kernel.ExitCallRewriter;
import descent.kernel.ExitGuard;
import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.spi.SPIResolutionException;
import org.dflib.jjava.jupyter.telemetry.TelemetryCollector;

/** Runs JShell snippets on a thread of their own, so that a running cell can be stopped. */
class JJavaExecutionControl extends DirectExecutionControl {

    public static final String EXECUTION_TIMEOUT_NAME = "Execution Timeout";
    public static final String EXECUTION_INTERRUPTED_NAME = "Execution Interrupted";

    /** How long a cell has to end after Thread.interrupt() before it is forced, in milliseconds. */
    static final long GRACE_MS = 2000;
    /** How long a forced cell has to end before its reply is sent without it, in milliseconds. */
    static final long ABANDON_MS = 2000;
    /** The name shown before the message of an interrupted cell; the same words as under descent-java. */
    static final String INTERRUPTED = "Interrupted";
    static final String REFUSED = "Refused";
    static final String STOPPED = "the cell was stopped; variables defined before it are kept.";

    /** Cell threads' names start with it; a snippet run from inside a cell (eval) runs in place. */
    private static final String THREAD_NAME_PREFIX = "jjava-exec-"
            + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36) + "-";
    private static final AtomicInteger ID = new AtomicInteger();
    private static final Logger LOGGER = Logger.getLogger(JJavaExecutionControl.class.getSimpleName());
    private static final StackTraceElement[] NO_TRACE = new StackTraceElement[0];

    private final JJavaLoaderDelegate loaderDelegate;
    private final long timeoutDuration;
    private final TimeUnit timeoutUnit;
    private final Map<String, Object> results = new ConcurrentHashMap<>();
    private final ThreadLocal<TelemetryCollector<?>> telemetryCollector = new ThreadLocal<>();
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "jjava-stop-watchdog");
        t.setDaemon(true);
        return t;
    });
    private volatile Cell current;

    public JJavaExecutionControl(JJavaLoaderDelegate loaderDelegate, long timeoutDuration, TimeUnit timeoutUnit) {
        super(loaderDelegate);
        this.loaderDelegate = loaderDelegate;
        this.timeoutDuration = timeoutDuration;
        this.timeoutUnit = timeoutUnit;
    }

    /** Same as {@link #interrupt()} (1.0a8 shut its pool down here; JShell.stop() calls it). */
    @Override
    public void stop() {
        interrupt();
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
        super.close();
    }

    public Object takeResult(String id) {
        Object result = results.remove(id);
        if (result == null) {
            throw new IllegalStateException("No result with key: " + id);
        }
        return result;
    }

    public void unloadClass(String className) {
        loaderDelegate.unloadClass(className);
    }

    /** Stops the running cell (interrupt, then force after {@link #GRACE_MS}); nothing when none runs. */
    public void interrupt() {
        Cell cell = current;
        if (cell != null) {
            requestStop(cell);
        }
    }

    public void startThreadTelemetryCollection(TelemetryCollector<?> collector) {
        telemetryCollector.set(java.util.Objects.requireNonNull(collector));
    }

    public void stopThreadTelemetryCollection() {
        TelemetryCollector<?> collector = telemetryCollector.get();
        if (collector != null) {
            collector.stop();
            telemetryCollector.set(null);
        }
    }

    @Override
    public void load(ClassBytecodes[] cbcs) throws ClassInstallException, NotImplementedException, EngineTerminationException {
        ClassBytecodes[] rewritten = new ClassBytecodes[cbcs.length];
        for (int i = 0; i < cbcs.length; i++) {
            byte[] bytes = cbcs[i].bytecodes();
            try {
                bytes = ExitCallRewriter.rewrite(bytes);
            } catch (RuntimeException e) {
                LOGGER.warning("could not check " + cbcs[i].name() + " for System.exit: " + e);
            }
            rewritten[i] = new ClassBytecodes(cbcs[i].name(), bytes);
        }
        super.load(rewritten);
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    protected String invoke(Method method) throws Exception {
        String id = UUID.randomUUID().toString();
        TelemetryCollector collector = telemetryCollector.get();
        if (collector == null) {
            collector = TelemetryCollector.DO_NOTHING;
        }
        Object measurement = collector.measurementStart();
        Object result;
        try {
            result = Thread.currentThread().getName().startsWith(THREAD_NAME_PREFIX)
                    ? method.invoke(null) // eval() from inside a running cell
                    : execute(method);
        } finally {
            collector.measurementEnd(measurement);
        }
        results.put(id, result);
        return id;
    }

    private Object execute(Method method) throws Exception {
        Cell cell = new Cell(method);
        Thread thread = new Thread(cell, THREAD_NAME_PREFIX + ID.getAndIncrement());
        thread.setDaemon(true); // a cell that cannot be stopped must not keep the JVM from exiting
        cell.thread = thread;
        current = cell;
        boolean timedOut = false;
        try {
            thread.start();
            if (timeoutDuration > 0 && !cell.done.await(timeoutDuration, timeoutUnit)) {
                timedOut = true;
                requestStop(cell);
            }
            cell.done.await();
        } catch (InterruptedException e) {
            requestStop(cell);
            cell.done.await();
        } finally {
            if (current == cell) {
                current = null;
            }
        }
        if (timedOut) {
            throw new UserException(String.format("Execution timed out after configured timeout of %d %s.",
                    timeoutDuration, timeoutUnit.toString().toLowerCase()), EXECUTION_TIMEOUT_NAME, NO_TRACE);
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
        if (cell.stopRequested.get() && (cell.abandoned || thrown != null)) {
            throw new UserException(interruptedMessage(cell, thrown), INTERRUPTED, NO_TRACE);
        }
        if (thrown == null) {
            return cell.value;
        }
        if (thrown instanceof SPIResolutionException) {
            throw new ResolutionException(((SPIResolutionException) thrown).id(), thrown.getStackTrace());
        }
        UserException e = new UserException(String.valueOf(thrown.getMessage()), thrown.getClass().getName(),
                thrown.getStackTrace());
        if (thrown.getCause() != null) {
            e.initCause(thrown.getCause());
        }
        throw e;
    }

    /** What the student reads after "Interrupted: " (the words of descent-java's kernel). */
    static String interruptedMessage(Cell cell, Throwable thrown) {
        if (cell.abandoned && Runtime.version().feature() < 20) {
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
        if (thrown != null && thrown.getClass().getName().equals("descent.util.Interrupted") && thrown.getMessage() != null) {
            message += " " + thrown.getMessage();
        }
        return message;
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
        synchronized (cell) {
            if (!cell.finished) {
                try {
                    cell.thread.stop(); // Java 17-19; throws UnsupportedOperationException on 20+
                } catch (UnsupportedOperationException e) {
                    // nothing can force it here: step 3
                }
            }
        }
        watchdog.schedule(() -> abandon(cell), ABANDON_MS, TimeUnit.MILLISECONDS);
    }

    private void abandon(Cell cell) {
        synchronized (cell) {
            if (!cell.finished) {
                cell.abandoned = true;
                LOGGER.warning(cell.thread.getName() + " did not stop; its cell got its reply and the thread is left running");
                cell.done.countDown();
            }
        }
    }

    @Override
    public String toString() {
        return "JJavaExecutionControl (Descent: a thread per cell, stoppable)";
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
        volatile boolean abandoned;

        Cell(Method method) {
            this.method = method;
        }

        @Override
        public void run() {
            try {
                try {
                    value = method.invoke(null);
                } catch (Throwable e) { // the snippet's exception, ThreadDeath from stop()
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
                done.countDown();
            }
        }
    }
}
