package chat.free4.ui.chat;

import chat.free4.files.TransferListener;
import chat.free4.files.TransferStatus;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Carries transfer updates to the FX thread in batches: one FX task waits at most, and only the
 * latest status of each transfer is kept (an offer cancelled before the FX thread ran is one
 * update). Unanswered offers are few (the service caps them per peer); finished transfers that
 * were never shown are the ones dropped when more than {@link #MAX_PENDING} pile up, as the list
 * would soon forget them anyway.
 */
final class PendingTransfers implements TransferListener {
    static final int MAX_PENDING = 256;

    private final Executor fx;
    private final Consumer<List<TransferStatus>> apply;
    /** Transfers the FX side has a row for; read here, written by {@link #shown}. */
    private final Set<UUID> shownIds = ConcurrentHashMap.newKeySet();
    private final Map<UUID, TransferStatus> pending = new LinkedHashMap<>();
    private boolean scheduled;

    /** @param apply runs on the FX thread with the batch, oldest first */
    PendingTransfers(Executor fx, Consumer<List<TransferStatus>> apply) {
        this.fx = fx;
        this.apply = apply;
    }

    /** The FX side now has (true) or no longer has (false) a row for this transfer. */
    void shown(UUID id, boolean shown) {
        if (shown) {
            shownIds.add(id);
        } else {
            shownIds.remove(id);
        }
    }

    @Override
    public synchronized void onTransfer(TransferStatus status) {
        pending.put(status.id(), status);
        if (pending.size() > MAX_PENDING) {
            dropUnshownFinished();
        }
        if (!scheduled) {
            scheduled = true;
            fx.execute(this::run);
        }
    }

    private void dropUnshownFinished() {
        Iterator<TransferStatus> it = pending.values().iterator();
        while (it.hasNext() && pending.size() > MAX_PENDING / 2) {
            TransferStatus s = it.next();
            if (s.state().isFinal() && !shownIds.contains(s.id())) {
                it.remove();
            }
        }
    }

    private void run() {
        List<TransferStatus> batch;
        synchronized (this) {
            batch = new ArrayList<>(pending.values());
            pending.clear();
            scheduled = false;
        }
        apply.accept(batch);
    }
}
