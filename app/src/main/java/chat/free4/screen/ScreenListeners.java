package chat.free4.screen;

import chat.free4.peer.PeerId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The viewers' listeners; one failing does not stop the others. */
final class ScreenListeners {
    private static final Logger LOG = LoggerFactory.getLogger(ScreenListeners.class);
    private final List<ScreenListener> listeners = new CopyOnWriteArrayList<>();

    void add(ScreenListener listener) {
        listeners.add(listener);
    }

    void remove(ScreenListener listener) {
        listeners.remove(listener);
    }

    void picture(PeerId peer, ScreenPicture picture) {
        each(l -> l.onPicture(peer, picture));
    }

    void ended(PeerId peer) {
        each(l -> l.onPictureEnded(peer));
    }

    void sharing(SharingState state) {
        each(l -> l.onSharingChanged(state));
    }

    void stopped(String sentence) {
        each(l -> l.onSharingStopped(sentence));
    }

    private void each(java.util.function.Consumer<ScreenListener> call) {
        for (ScreenListener l : listeners) {
            try {
                call.accept(l);
            } catch (RuntimeException e) {
                LOG.warn("A screen listener failed", e);
            }
        }
    }
}
