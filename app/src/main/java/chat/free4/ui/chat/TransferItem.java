package chat.free4.ui.chat;

import chat.free4.files.TransferStatus;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/** One transfer for the UI; its status property is updated on the FX thread. */
public final class TransferItem {
    private final ObjectProperty<TransferStatus> status;

    TransferItem(TransferStatus first) {
        status = new SimpleObjectProperty<>(first);
    }

    public ObjectProperty<TransferStatus> statusProperty() {
        return status;
    }

    public TransferStatus status() {
        return status.get();
    }
}
