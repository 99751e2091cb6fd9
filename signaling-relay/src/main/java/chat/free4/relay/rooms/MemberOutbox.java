package chat.free4.relay.rooms;

/** The way a room reaches one peer's connection. Implementations must never block. */
public interface MemberOutbox {

    /** Queues one message for the peer; never blocks (a peer that cannot keep up is dropped). */
    void send(String json);

    /** As {@link #send(String)}, for a caller that has already counted the message's UTF-8 bytes. */
    default void send(String json, int utf8Bytes) {
        send(json);
    }

    /** Another connection took this peer's session over (rejoin with the secret); close this one. */
    void replaced();
}
