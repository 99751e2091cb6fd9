package chat.free4.ui.chat;

import chat.free4.chat.ChatLogListener;
import chat.free4.chat.ChatMessage;
import chat.free4.session.SessionChat;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.IntConsumer;
import java.util.function.Predicate;
import javafx.collections.ObservableList;

/**
 * Carries a room chat's changes to the FX thread in batches: one FX task at most waits at a
 * time, however fast lines arrive (a flood used to queue one task per line, 60 MB for 100,000
 * lines while the FX thread was busy). When more changes pile up than a full log holds, they are
 * dropped and the batch copies the log instead, so memory stays bounded too.
 */
final class PendingLines implements ChatLogListener {
    /** More changes than this are applied as one copy of the log: cheaper than one by one. */
    static final int APPLY_ONE_BY_ONE = 64;

    private sealed interface Change permits Added, OldestRemoved {
    }

    private record Added(ChatMessage message, int index) implements Change {
    }

    private record OldestRemoved() implements Change {
    }

    /** What one FX task applies: the changes, or a copy of the whole log instead. */
    private record Batch(List<Change> changes, List<ChatMessage> copy, int unread) {
    }

    private final SessionChat log;
    private final Executor fx;
    private final Predicate<ChatMessage> countsAsUnread;
    private final IntConsumer onUnread;
    private final ObservableList<ChatMessage> lines;
    private final int maxPending;
    /** Guarded by {@code this}; taken while the log's monitor is held (log first, then this). */
    private List<Change> changes = new ArrayList<>();
    private boolean copyLog;
    private boolean scheduled;
    private int unread;

    /**
     * @param lines the FX-side list, touched only in tasks given to {@code fx}
     * @param countsAsUnread which added lines raise the unread badge
     * @param onUnread told on the FX thread, after each batch, how many of its lines counted
     */
    PendingLines(SessionChat log, Executor fx, ObservableList<ChatMessage> lines, Predicate<ChatMessage> countsAsUnread,
                 IntConsumer onUnread) {
        this.log = log;
        this.onUnread = onUnread;
        this.fx = fx;
        this.lines = lines;
        this.countsAsUnread = countsAsUnread;
        this.maxPending = Math.max(APPLY_ONE_BY_ONE, log.capacity());
    }

    @Override
    public synchronized void onAdded(ChatMessage message, int index) {
        if (countsAsUnread.test(message)) {
            unread++;
        }
        record(new Added(message, index));
    }

    @Override
    public synchronized void onOldestRemoved() {
        record(new OldestRemoved());
    }

    private void record(Change change) {
        if (!copyLog) {
            changes.add(change);
            if (changes.size() > maxPending) {
                changes = new ArrayList<>();
                copyLog = true;
            }
        }
        if (!scheduled) {
            scheduled = true;
            fx.execute(this::apply);
        }
    }

    /** On the FX thread. */
    private void apply() {
        List<Change> batch;
        List<ChatMessage> copy = null;
        int newUnread;
        // The chat first, then this: no line is added between taking the batch and copying the log.
        Batch taken = log.atomically(() -> {
            synchronized (this) {
                Batch b = new Batch(changes, copyLog || changes.size() > APPLY_ONE_BY_ONE ? log.lines() : null, unread);
                changes = new ArrayList<>();
                copyLog = false;
                scheduled = false;
                unread = 0;
                return b;
            }
        });
        batch = taken.changes();
        copy = taken.copy();
        newUnread = taken.unread();
        if (copy != null) {
            lines.setAll(copy);
        } else {
            for (Change c : batch) {
                if (c instanceof Added a) {
                    lines.add(Math.min(a.index(), lines.size()), a.message());
                } else if (!lines.isEmpty()) {
                    lines.remove(0);
                }
            }
        }
        onUnread.accept(newUnread);
    }
}
