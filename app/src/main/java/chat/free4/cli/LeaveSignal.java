package chat.free4.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * When the headless peer leaves: after its time, on Ctrl-C (or SIGTERM), or when its thread is
 * interrupted by a program that embeds it. Ctrl-C waits, for a bounded time, until the goodbye is
 * said and the recording closed, because the JVM halts as soon as its shutdown hooks return.
 */
final class LeaveSignal implements AutoCloseable {
    private static final long GOODBYE_MILLIS = 15_000;

    private final CountDownLatch leave = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread onCtrlC = new Thread(this::ctrlC, "ctrl-c");
    private boolean interrupted;

    private LeaveSignal() {
    }

    static LeaveSignal install() {
        LeaveSignal signal = new LeaveSignal();
        Runtime.getRuntime().addShutdownHook(signal.onCtrlC);
        return signal;
    }

    private void ctrlC() {
        leave.countDown();
        try {
            finished.await(GOODBYE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until it is time to leave; {@code seconds} 0 means no time limit. */
    void await(double seconds) {
        try {
            if (seconds > 0) {
                leave.await((long) (seconds * 1000), TimeUnit.MILLISECONDS);
            } else {
                leave.await();
            }
        } catch (InterruptedException e) {
            // Told to leave. The flag stays cleared until close(), so the goodbye can still be said.
            interrupted = true;
        }
    }

    /** The goodbye was said (or failed) and the recording is closed: a waiting Ctrl-C lets the JVM halt. */
    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(onCtrlC);
        } catch (IllegalStateException shuttingDown) {
            // Ctrl-C: the JVM is already running the hook.
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
