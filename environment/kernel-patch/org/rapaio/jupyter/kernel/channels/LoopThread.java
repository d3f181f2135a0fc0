/*
 * Start-up race fixes for io.github.padreati:rapaio-jupyter-kernel:3.0.1 (MIT licensed); our code.
 *
 * This class replaces the kernel's own org.rapaio.jupyter.kernel.channels.LoopThread: the install
 * script compiles it into build/kernel/patch/, which the kernelspec puts on the JVM class path
 * *before* the kernel jar, so the JVM loads this copy and never the jar's. It keeps the original's
 * public signatures (constructor, run, start, shutdown), so the kernel's classes link unchanged.
 *
 * Two races in 3.0.1 (found with javap -c and by watching hung starts; environment/KERNEL-NOTES.md):
 *
 * 1. start() called super.start() and set running = true only afterwards; a thread scheduled
 *    before that assignment saw running == false and ended at once. Fixed: the flag is set first.
 *
 * 2. Channels.connect() binds the sockets and starts the heartbeat, shell and control loops, and
 *    only then fills its message-handler map. A kernel_info_request that the client queued early
 *    reaches the shell loop while the map is still null: NullPointerException, the loop thread
 *    dies, and the kernel never answers (the hang seen in about 1 start in 5). Fixed with a gate:
 *    descent.kernel.Launcher calls holdStarts() before connect() and releaseStarts() after it, and
 *    every LoopThread created meanwhile waits at the gate before its first turn. Messages wait in
 *    the bound ZeroMQ sockets meanwhile, so none is lost, and the latch makes the finished handler
 *    map visible to the loop threads (happens-before). Without the launcher there is no gate.
 *
 * Also: an exception thrown by one turn of the loop is printed and the loop goes on, instead of
 * silently killing the channel (which also looks like a hang to the notebook).
 */
package org.rapaio.jupyter.kernel.channels;

import java.util.concurrent.CountDownLatch;

/** A named thread that runs {@code loopBody} then sleeps {@code sleep} ms, until shut down. */
public final class LoopThread extends Thread {

    /** The gate new loop threads wait at, or null when starts are not held. */
    private static volatile CountDownLatch gate;

    private volatile boolean running;
    private final long sleep;
    private final Runnable loopBody;
    private final CountDownLatch startGate;

    /**
     * @param name     thread name
     * @param sleep    pause between two turns of the loop, in milliseconds (>= 0)
     * @param loopBody the work done on each turn
     */
    public LoopThread(String name, long sleep, Runnable loopBody) {
        super(name);
        this.sleep = sleep;
        this.loopBody = loopBody;
        this.startGate = gate;
    }

    /** Loop threads created from now on wait before their first turn until {@link #releaseStarts()}. */
    public static synchronized void holdStarts() {
        gate = new CountDownLatch(1);
    }

    /** Lets every held loop thread begin; later threads no longer wait. */
    public static synchronized void releaseStarts() {
        CountDownLatch g = gate;
        gate = null;
        if (g != null) {
            g.countDown();
        }
    }

    @Override
    public void run() {
        try {
            if (startGate != null) {
                startGate.await();
            }
            while (running) {
                try {
                    loopBody.run();
                } catch (RuntimeException e) {
                    System.err.println("[descent] " + getName() + ": error in channel loop, continuing: " + e);
                    e.printStackTrace();
                }
                Thread.sleep(sleep);
            }
        } catch (InterruptedException e) {
            running = false;
        }
    }

    /** Marks the loop running, then starts the thread (this order is fix 1). */
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
