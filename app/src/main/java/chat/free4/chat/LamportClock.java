package chat.free4.chat;

/** Lamport logical clock: ticks for each local message and jumps past every time it sees. */
public final class LamportClock {
    private long time;

    /** Time for a new local message. */
    public synchronized long tick() {
        return ++time;
    }

    /** Records a received time so later local messages sort after it. */
    public synchronized void witness(long seen) {
        time = Math.max(time, seen);
    }

    public synchronized long current() {
        return time;
    }
}
