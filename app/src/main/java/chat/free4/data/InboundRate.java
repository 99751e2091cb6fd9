package chat.free4.data;

/**
 * How much one peer may send us on one data channel: messages and bytes per second, each with a
 * burst it may use at once (a token bucket each). Beyond it, messages are dropped unread, so a
 * peer flooding a channel costs us a counter, not a JSON parse, a UI update or heap.
 */
public record InboundRate(double messagesPerSecond, int messageBurst, double bytesPerSecond, long byteBurst) {
    private static final long MIB = 1024 * 1024;

    /**
     * Chat: people type a few lines a second; the burst takes a history replay (200 lines of up
     * to 16 KiB) plus some.
     */
    public static final InboundRate CHAT = new InboundRate(30, 400, MIB, 4 * MIB);
    /**
     * Files: ten times the throughput measured here (18-27 MB/s), so a fast LAN is not cut off
     * (a dropped chunk fails the transfer); a chunk for no transfer is cheap to drop anyway.
     */
    public static final InboundRate FILES = new InboundRate(4_000, 4_000, 256 * MIB, 32 * MIB);
    /** Application data (games, whiteboards): many small messages. */
    public static final InboundRate APP = new InboundRate(200, 1_000, 4 * MIB, 8 * MIB);
    /** For benchmarks of the transport itself. */
    public static final InboundRate UNLIMITED = new InboundRate(Double.POSITIVE_INFINITY, Integer.MAX_VALUE,
            Double.POSITIVE_INFINITY, Long.MAX_VALUE);

    public InboundRate {
        if (!(messagesPerSecond > 0) || messageBurst < 1 || !(bytesPerSecond > 0) || byteBurst < 1) {
            throw new IllegalArgumentException("An inbound rate needs positive rates and bursts.");
        }
    }
}
