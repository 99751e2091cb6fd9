package chat.free4.data;

import chat.free4.peer.PeerInfo;

/**
 * One data channel to one peer, as the feature services (chat, files, app data) see it. Listener
 * calls come one at a time, in order, never on a WebRTC native thread.
 */
public interface FeatureChannel {

    PeerInfo peer();

    String label();

    boolean isOpen();

    /**
     * Queues one message. Never blocks.
     *
     * @throws ChannelClosedException if the channel is not open (the peer left or is leaving)
     */
    void send(byte[] data, boolean binary);

    /** Bytes queued for sending but not yet handed to the network. */
    long bufferedAmount();

    /**
     * Asks for one {@link Listener#onBufferedAmountLow} call once {@link #bufferedAmount()} is at
     * or below {@code threshold}: how a sender waits out backpressure without blocking.
     */
    void notifyWhenBufferedAmountLow(long threshold);

    /** Sets the one listener; an open channel reports {@code onOpen} right away. */
    void setListener(Listener listener);

    /** Receives what happens on a {@link FeatureChannel}. */
    interface Listener {

        void onOpen(FeatureChannel channel);

        void onMessage(FeatureChannel channel, byte[] data, boolean binary);

        /** Answers {@link #notifyWhenBufferedAmountLow}: senders waiting on backpressure may go on. */
        default void onBufferedAmountLow(FeatureChannel channel) {
        }

        /** Closed for good: the peer left, the connection failed, or the room was left. */
        void onClosed(FeatureChannel channel);
    }
}
