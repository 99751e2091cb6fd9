package chat.free4.audio;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Who to tell that the sound devices changed; one failing listener does not stop the others. */
final class ChangeListeners {
    private static final Logger LOG = LoggerFactory.getLogger(ChangeListeners.class);

    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    void add(Runnable listener) {
        listeners.add(listener);
    }

    void fire() {
        for (Runnable r : listeners) {
            try {
                r.run();
            } catch (RuntimeException e) {
                LOG.warn("A device change listener failed", e);
            }
        }
    }
}
