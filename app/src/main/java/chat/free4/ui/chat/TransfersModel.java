package chat.free4.ui.chat;

import chat.free4.files.FileSharingService;
import chat.free4.files.TransferStatus;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * File transfers as the FX thread sees them, newest last; at most the service's last finished
 * ones. Updates arrive in batches ({@link PendingTransfers}).
 */
public final class TransfersModel {
    private final FileSharingService files;
    private final ObservableList<TransferItem> items = FXCollections.observableArrayList();
    private final Map<UUID, TransferItem> byId = new HashMap<>();
    /** Finished transfers still shown, oldest first. FX thread only. */
    private final Deque<UUID> finished = new ArrayDeque<>();
    private final PendingTransfers listener;

    public TransfersModel(FileSharingService files) {
        this(files, Platform::runLater);
    }

    /** @param fx runs a task on the FX thread (tests pass a queue they run by hand) */
    TransfersModel(FileSharingService files, Executor fx) {
        this.files = files;
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
            while (finished.size() > FileSharingService.MAX_FINISHED_KEPT) {
                UUID oldest = finished.poll();
                items.remove(byId.remove(oldest));
                listener.shown(oldest, false);
            }
        }
    }

    public ObservableList<TransferItem> items() {
        return items;
    }

    public FileSharingService service() {
        return files;
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
