package chat.free4.data;

import java.util.function.LongSupplier;

/**
 * Token buckets for one channel's inbound messages and bytes ({@link InboundRate}); both start
 * full. Called on native threads, so it only does arithmetic under its lock.
 */
final class InboundLimit {
    private final InboundRate rate;
    private final LongSupplier nanoTime;
    private double messages;
    private double bytes;
    private long last;

    InboundLimit(InboundRate rate, LongSupplier nanoTime) {
        this.rate = rate;
        this.nanoTime = nanoTime;
        this.messages = rate.messageBurst();
        this.bytes = rate.byteBurst();
        this.last = nanoTime.getAsLong();
    }

    /** Takes one message of {@code size} bytes from the budget; false (nothing taken) if it is spent. */
    synchronized boolean admit(int size) {
        long now = nanoTime.getAsLong();
        double seconds = Math.max(0, now - last) / 1e9;
        last = now;
        messages = Math.min(rate.messageBurst(), messages + seconds * rate.messagesPerSecond());
        bytes = Math.min(rate.byteBurst(), bytes + seconds * rate.bytesPerSecond());
        if (messages < 1 || bytes < size) {
            return false;
        }
        messages -= 1;
        bytes -= size;
        return true;
    }
}
