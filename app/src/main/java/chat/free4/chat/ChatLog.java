package chat.free4.chat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The room's chat as this peer shows it: kept in {@link ChatMessage#ORDER}, each message once.
 * Memory only; bounded so a long session cannot grow without limit (oldest lines go first).
 */
public final class ChatLog {
    /** How many recent messages a late joiner receives. */
    public static final int HISTORY_SIZE = 200;

    private final int capacity;
    private final List<ChatMessage> lines = new ArrayList<>();
    private final Set<String> seenIds = new HashSet<>();
    private final List<ChatLogListener> listeners = new CopyOnWriteArrayList<>();

    public ChatLog() {
        this(5_000);
    }

    public ChatLog(int capacity) {
        if (capacity < HISTORY_SIZE) {
            throw new IllegalArgumentException("capacity must hold at least the history");
        }
        this.capacity = capacity;
    }

    public void addListener(ChatLogListener listener) {
        listeners.add(listener);
    }

    public void removeListener(ChatLogListener listener) {
        listeners.remove(listener);
    }

    /**
     * Adds a line in order; returns false (and changes nothing) if its id was seen before.
     * Listeners are told under the lock so indices reach them in the order they happened;
     * they must not block.
     */
    public synchronized boolean add(ChatMessage message) {
        if (!seenIds.add(message.id())) {
            return false;
        }
        int index = Collections.binarySearch(lines, message, ChatMessage.ORDER);
        index = index >= 0 ? index : -index - 1;
        lines.add(index, message);
        if (lines.size() > capacity) {
            // The id stays in seenIds so an old duplicate cannot come back.
            lines.remove(0);
            index--;
            for (ChatLogListener l : listeners) {
                l.onOldestRemoved();
            }
        }
        if (index >= 0) {
            for (ChatLogListener l : listeners) {
                l.onAdded(message, index);
            }
        }
        return true;
    }

    /** Every line, system lines included, in order. */
    public synchronized List<ChatMessage> lines() {
        return List.copyOf(lines);
    }

    /** The last {@link #HISTORY_SIZE} person-written messages: what a late joiner is sent. */
    public synchronized List<ChatMessage> recentHistory() {
        List<ChatMessage> texts = lines.stream().filter(m -> !m.isSystem()).toList();
        return List.copyOf(texts.subList(Math.max(0, texts.size() - HISTORY_SIZE), texts.size()));
    }

    public synchronized int size() {
        return lines.size();
    }

    public synchronized boolean contains(String id) {
        return seenIds.contains(id);
    }
}
