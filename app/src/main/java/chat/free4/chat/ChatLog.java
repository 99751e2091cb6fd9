package chat.free4.chat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The room's chat as this peer shows it: kept in {@link ChatMessage#ORDER}, each message once.
 * Memory only; bounded so a long session cannot grow without limit (oldest lines go first), ids
 * of seen lines included.
 */
public final class ChatLog {
    /** How many recent messages a late joiner receives. */
    public static final int HISTORY_SIZE = 200;
    /** Lines a room's chat keeps. */
    public static final int DEFAULT_CAPACITY = 5_000;

    private final int capacity;
    private final List<ChatMessage> lines = new ArrayList<>();
    private final Set<String> seenIds = new HashSet<>();
    private final List<ChatLogListener> listeners = new CopyOnWriteArrayList<>();

    public ChatLog() {
        this(DEFAULT_CAPACITY);
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
        if (seenIds.contains(message.id())) {
            return false;
        }
        if (lines.size() >= capacity && ChatMessage.ORDER.compare(message, lines.get(0)) < 0) {
            // Older than everything a full log keeps: it would fall out at once. This is also what
            // stops a forgotten line coming back, so only the ids of kept lines are remembered.
            return false;
        }
        seenIds.add(message.id());
        int index = Collections.binarySearch(lines, message, ChatMessage.ORDER);
        index = index >= 0 ? index : -index - 1;
        lines.add(index, message);
        if (lines.size() > capacity) {
            seenIds.remove(lines.remove(0).id());
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

    /** How many lines it keeps at most. */
    public int capacity() {
        return capacity;
    }

    public synchronized int size() {
        return lines.size();
    }

    /** How many ids the duplicate check holds; never more than the capacity. */
    synchronized int rememberedIds() {
        return seenIds.size();
    }

    public synchronized boolean contains(String id) {
        return seenIds.contains(id);
    }
}
