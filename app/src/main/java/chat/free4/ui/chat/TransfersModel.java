package chat.free4.ui.chat;

import chat.free4.ui.i18n.Texts;

import chat.free4.session.SessionFiles;
import chat.free4.files.TransferStatus;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executor;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * File transfers as the FX thread sees them, newest last; at most the service's last finished
 * ones. Updates arrive in batches ({@link PendingTransfers}).
 */
public final class TransfersModel {
    private final SessionFiles files;
    private final Executor fx;
    private final ObservableList<TransferItem> items = FXCollections.observableArrayList();
    private final Map<UUID, TransferItem> byId = new HashMap<>();
    /** Finished transfers still shown, oldest first. FX thread only. */
    private final Deque<UUID> finished = new ArrayDeque<>();
    private final PendingTransfers listener;

    /** @param fx runs a task on the FX thread (the bridge's; tests pass a queue they run by hand) */
    public TransfersModel(SessionFiles files, Executor fx) {
        this.files = files;
        this.fx = fx;
        this.listener = new PendingTransfers(fx, batch -> batch.forEach(this::update));
        files.addListener(listener);
        files.transfers().forEach(this::update);
    }

    private void update(TransferStatus s) {
        TransferItem item = byId.get(s.id());
        if (item == null) {
            item = new TransferItem(s);
            byId.put(s.id(), item);
            items.add(item);
            listener.shown(s.id(), true);
        } else {
            item.statusProperty().set(s);
        }
        if (s.state().isFinal() && !finished.contains(s.id())) {
            finished.add(s.id());
            // As the service does: the list shows the last finished transfers, not all of them.
            while (finished.size() > SessionFiles.MAX_FINISHED_KEPT) {
                UUID oldest = finished.poll();
                items.remove(byId.remove(oldest));
                listener.shown(oldest, false);
            }
        }
    }

    public ObservableList<TransferItem> items() {
        return items;
    }

    /** Offers a file to the room (hashed off the FX thread); {@code said} gets "" or the problem in words, on the FX thread. */
    public void offerToRoom(java.nio.file.Path file, java.util.function.Consumer<String> said) {
        files.offerToRoom(file).whenCompleteAsync((offered, failure) -> said.accept(failure == null ? ""
                : problem(failure)), fx);
    }

    /** The offer's own sentence (no such file, too large, nobody here); anything else is our bug, said plainly. */
    private static String problem(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof java.util.concurrent.CompletionException || cause instanceof java.io.UncheckedIOException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if ((cause instanceof java.io.IOException || cause instanceof IllegalArgumentException) && cause.getMessage() != null) {
            return cause.getMessage();
        }
        org.slf4j.LoggerFactory.getLogger(TransfersModel.class).warn("Offering a file failed", cause);
        return Texts.get("chat.offerFailed");
    }

    public void accept(UUID id, java.nio.file.Path target) throws java.io.IOException {
        files.accept(id, target);
    }

    public void decline(UUID id) {
        files.decline(id);
    }

    public void cancel(UUID id) {
        files.cancel(id);
    }

    /** Hides finished transfers from the list. */
    public void clearFinished() {
        items.removeIf(i -> i.status().state().isFinal());
        byId.values().removeIf(i -> {
            boolean done = i.status().state().isFinal();
            if (done) {
                listener.shown(i.status().id(), false);
            }
            return done;
        });
        finished.clear();
    }

    public void dispose() {
        files.removeListener(listener);
    }
}
