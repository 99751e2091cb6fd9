package chat.free4.chat;

import chat.free4.peer.PeerId;
import java.util.Comparator;
import java.util.Objects;

/**
 * One line of the room's chat. {@code clock} is a Lamport time; sorting by
 * {@link #ORDER} (clock, then sender id, then message id) gives every peer the same order.
 * System lines (joins, leaves) are local and never sent.
 */
public record ChatMessage(String id, PeerId sender, String senderName, long clock, long sentAtMillis,
                          Kind kind, String text) {

    public enum Kind { TEXT, SYSTEM }

    /** The one total order all peers agree on. */
    public static final Comparator<ChatMessage> ORDER = Comparator.comparingLong(ChatMessage::clock)
            .thenComparing(ChatMessage::sender)
            .thenComparing(ChatMessage::id);

    public ChatMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(senderName, "senderName");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        if (clock < 0) {
            throw new IllegalArgumentException("clock must not be negative");
        }
    }

    /** The same line under another name: the one signaling knows for its sender. */
    public ChatMessage withSenderName(String name) {
        return name.equals(senderName) ? this : new ChatMessage(id, sender, name, clock, sentAtMillis, kind, text);
    }

    public boolean isSystem() {
        return kind == Kind.SYSTEM;
    }
}
