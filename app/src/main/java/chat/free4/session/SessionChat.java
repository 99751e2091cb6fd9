package chat.free4.session;

import chat.free4.chat.ChatLogListener;
import chat.free4.chat.ChatMessage;
import chat.free4.chat.ChatService;
import chat.free4.chat.TranscriptWriter;
import chat.free4.peer.PeerInfo;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** A room's chat as its users see it: the lines, sending one, following new ones, a transcript. */
public final class SessionChat {
    private final ChatService chat;

    /** The session makes these; tests of the chat's views wrap a service of their own. */
    public SessionChat(ChatService chat) {
        this.chat = chat;
    }

    public PeerInfo self() {
        return chat.self();
    }

    /**
     * Sends a line to everyone connected (shortcodes such as {@code :smile:} become emoji).
     *
     * @throws chat.free4.chat.MessageRefusedException with a sentence for the person when it is empty or too long
     */
    public ChatMessage send(String text) {
        return chat.send(text);
    }

    /** The room's lines in order, system lines (joins, leaves) included. */
    public List<ChatMessage> lines() {
        return chat.log().lines();
    }

    public boolean contains(String messageId) {
        return chat.log().contains(messageId);
    }

    /**
     * The lines so far, and from then on every new one to {@code listener} (on a channel thread;
     * it must return quickly). Atomic: no line falls between the two.
     */
    public List<ChatMessage> follow(ChatLogListener listener) {
        synchronized (chat.log()) {
            List<ChatMessage> now = chat.log().lines();
            chat.log().addListener(listener);
            return now;
        }
    }

    /**
     * Runs {@code action} while no line can be added: how a reader copies the lines and its own
     * pending changes as one consistent picture.
     */
    public <T> T atomically(java.util.function.Supplier<T> action) {
        synchronized (chat.log()) {
            return action.get();
        }
    }

    /** How many lines the chat keeps; older ones are dropped first. */
    public int capacity() {
        return chat.log().capacity();
    }

    public void unfollow(ChatLogListener listener) {
        chat.log().removeListener(listener);
    }

    /** The peer that passed this line on, when its author had already left (unverifiable). */
    public Optional<String> relayedBy(String messageId) {
        return chat.relayedBy(messageId);
    }

    /** Peers whose chat channel is open. */
    public List<PeerInfo> connectedPeers() {
        return chat.connectedPeers();
    }

    /** Writes the chat as a text file; nothing is kept otherwise. */
    public void saveTranscript(Path target, ZoneId zone) throws IOException {
        new TranscriptWriter(zone).save(chat.log().lines(), target);
    }
}
