/*
 * Start-up race fix for io.github.padreati:rapaio-jupyter-kernel:3.0.1 (MIT licensed).
 *
 * This class replaces the kernel's own org.rapaio.jupyter.kernel.channels.LoopThread: the install
 * script compiles it into build/kernel/patch/, which the kernelspec puts on the JVM class path
 * *before* the kernel jar, so the JVM loads this copy and never the jar's.
 *
 * The bug (3.0.1 bytecode, seen with javap -c): start() calls super.start() first and sets
 * running = true only afterwards. If the new thread is scheduled before that assignment, run()
 * reads running == false, leaves its loop at once and the thread dies. When that thread is the
 * shell channel's, the kernel never answers kernel_info_request and the client waits forever; on
 * a busy 2-core machine that happened in about 1 start in 5. The fix sets the flag before the
 * thread starts (Thread.start() is a happens-before edge, so run() always sees true). Upstream
 * made the same change in a later release.
 *
 * Same public signatures as the original (constructor, run, start, shutdown), so the kernel's
 * other classes link to it unchanged.
 */
package org.rapaio.jupyter.kernel.channels;

/** A named thread that runs {@code loopBody} then sleeps {@code sleep} ms, until shut down. */
public final class LoopThread extends Thread {

    private volatile boolean running;
    private final long sleep;
    private final Runnable loopBody;

    /**
     * @param name     thread name
     * @param sleep    pause between two runs of the body, in milliseconds (>= 0)
     * @param loopBody the work done on each turn of the loop
     */
    public LoopThread(String name, long sleep, Runnable loopBody) {
        super(name);
        this.sleep = sleep;
        this.loopBody = loopBody;
    }

    @Override
    public void run() {
        while (running) {
            loopBody.run();
            try {
                Thread.sleep(sleep);
            } catch (InterruptedException e) {
                running = false;
                return;
            }
        }
    }

    /** Marks the loop running, then starts the thread (the order is the whole fix). */
    @Override
    public synchronized void start() {
        running = true;
        super.start();
    }

    /** Asks the loop to stop after its current turn. */
    public void shutdown() {
        running = false;
    }
}
