package chat.free4.mesh;

import chat.free4.peer.PeerId;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * How many new connections each peer made us build in the last minute. A peer over the limit is
 * barred for a minute, and every attempt while barred starts that minute again, so a peer that
 * keeps pushing never gets more connections. Runs on the mesh thread.
 */
final class SessionChurnLimit {
    private final int perWindow;
    private final long windowNanos;
    private final Map<PeerId, ArrayDeque<Long>> starts = new HashMap<>();
    private final Map<PeerId, Long> barredUntil = new HashMap<>();

    SessionChurnLimit(int perWindow, long windowNanos) {
        this.perWindow = perWindow;
        this.windowNanos = windowNanos;
    }

    /** A new session from {@code peer}: true if it may have it, false if that is one too many (then it is barred). */
    boolean tryStart(PeerId peer, long now) {
        if (barred(peer, now)) {
            barredUntil.put(peer, now + windowNanos);
            return false;
        }
        ArrayDeque<Long> recent = starts.computeIfAbsent(peer, p -> new ArrayDeque<>());
        while (!recent.isEmpty() && now - recent.peekFirst() > windowNanos) {
            recent.pollFirst();
        }
        if (recent.size() >= perWindow) {
            starts.remove(peer);
            barredUntil.put(peer, now + windowNanos);
            return false;
        }
        recent.addLast(now);
        return true;
    }

    boolean barred(PeerId peer, long now) {
        Long until = barredUntil.get(peer);
        if (until == null) {
            return false;
        }
        if (now - until >= 0) {
            barredUntil.remove(peer);
            return false;
        }
        return true;
    }

    /** A barred peer keeps trying: its minute starts again. */
    void attempted(PeerId peer, long now) {
        if (barred(peer, now)) {
            barredUntil.put(peer, now + windowNanos);
        }
    }

    /** Forgets peers with nothing in the last minute, so the maps stay as small as the room. */
    void prune(long now) {
        starts.values().removeIf(q -> q.isEmpty() || now - q.peekLast() > windowNanos);
        barredUntil.values().removeIf(until -> now - until >= 0);
    }
}
