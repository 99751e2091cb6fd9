package chat.free4.chat;

/**
 * Lamport logical clock: ticks for each local message and jumps past every time it sees. A remote
 * time is taken only if it is at most {@link #MAX_ADVANCE} ahead of ours and not above
 * {@link #MAX_CLOCK}: one peer's frame can then neither push the room's clocks to the top of the
 * range (where the next tick would overflow) nor far ahead of everyone else's lines.
 */
public final class LamportClock {
    /**
     * The largest time: 2^53, exact in any JSON reader (JavaScript numbers included) and so far
     * below Long.MAX_VALUE that a tick can never overflow. A clock there stays there.
     */
    public static final long MAX_CLOCK = 1L << 53;
    /**
     * How far a remote time may be ahead of ours. A room's clock grows by about two per line, so
     * a late joiner (starting near 0) takes the history of a room of up to ~500,000 lines; one
     * frame cannot move us further, and reaching the ceiling would take billions of frames.
     */
    public static final long MAX_ADVANCE = 1_000_000;

    private long time;

    public LamportClock() {
        this(0);
    }

    private LamportClock(long start) {
        this.time = start;
    }

    /** A clock that has already reached {@code start}, for tests near the ceiling. */
    static LamportClock startingAt(long start) {
        if (start < 0 || start > MAX_CLOCK) {
            throw new IllegalArgumentException("start out of range");
        }
        return new LamportClock(start);
    }

    /** Time for a new local message; at the ceiling it stays there (order then falls to sender and id). */
    public synchronized long tick() {
        time = Math.min(MAX_CLOCK, time + 1);
        return time;
    }

    /**
     * Records a received time so later local messages sort after it. Returns false, changing
     * nothing, for a time too far ahead: the frame carrying it should be dropped.
     */
    public synchronized boolean witness(long seen) {
        if (!acceptable(seen)) {
            return false;
        }
        time = Math.max(time, seen);
        return true;
    }

    /**
     * Takes a remote time however far ahead (up to {@link #MAX_CLOCK}): for a newcomer's first
     * contact with a room, whose clock may rightly be far ahead of ours. Returns false for a
     * time out of range.
     */
    public synchronized boolean adopt(long seen) {
        if (seen < 0 || seen > MAX_CLOCK) {
            return false;
        }
        time = Math.max(time, seen);
        return true;
    }

    /** Whether {@link #witness} would take {@code seen}. */
    public synchronized boolean acceptable(long seen) {
        return seen >= 0 && seen <= MAX_CLOCK && seen - time <= MAX_ADVANCE;
    }

    public synchronized long current() {
        return time;
    }
}
