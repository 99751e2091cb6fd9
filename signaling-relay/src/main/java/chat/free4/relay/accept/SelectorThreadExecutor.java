package chat.free4.relay.accept;

import java.util.concurrent.Executor;

/**
 * The connector's executor: a task handed over by a selector thread runs on that thread at once,
 * like an event loop, instead of waking a pool thread for every frame (two thread wake-ups and
 * two epoll changes per forwarded message, measured with strace; decision 0023). Everything else
 * (the selector loops themselves, acceptors, timers) runs on the pool.
 *
 * <p>Only safe because nothing the relay does on a connection's events blocks: sends enqueue,
 * room locks are held for a few map operations, and the slowest step (a password answer's
 * Ed25519 check) takes well under a millisecond.
 */
public final class SelectorThreadExecutor implements Executor {
    private static final ThreadLocal<Boolean> ON_SELECTOR = ThreadLocal.withInitial(() -> false);

    private final Executor pool;

    public SelectorThreadExecutor(Executor pool) {
        this.pool = pool;
    }

    @Override
    public void execute(Runnable task) {
        if (ON_SELECTOR.get()) {
            task.run();
            return;
        }
        // The first task a pool thread gets from the connector is a selector loop (or an
        // acceptor); what that thread hands over later runs in place.
        pool.execute(() -> {
            ON_SELECTOR.set(true);
            try {
                task.run();
            } finally {
                ON_SELECTOR.set(false);
            }
        });
    }
}
