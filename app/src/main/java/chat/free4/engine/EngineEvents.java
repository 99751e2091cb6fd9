package chat.free4.engine;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Delivers engine events to listeners on one dedicated thread, in order. */
final class EngineEvents implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EngineEvents.class);

    private final List<EngineListener> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "engine-events");
        t.setDaemon(true);
        return t;
    });

    void add(EngineListener listener) {
        listeners.add(listener);
    }

    void remove(EngineListener listener) {
        listeners.remove(listener);
    }

    void fire(Consumer<EngineListener> event) {
        if (thread.isShutdown()) {
            return;
        }
        thread.execute(() -> {
            for (EngineListener l : listeners) {
                try {
                    event.accept(l);
                } catch (RuntimeException e) {
                    LOG.warn("An engine listener failed", e);
                }
            }
        });
    }

    @Override
    public void close() {
        thread.shutdown();
    }
}
