package chat.free4.ui.chat;

import chat.free4.files.FileLimits;
import chat.free4.files.TransferDirection;
import chat.free4.files.TransferState;
import chat.free4.files.TransferStatus;
import java.io.IOException;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** One file transfer: name, who, progress, and the buttons that fit its state. */
final class TransferRow extends VBox {
    private final TransferItem item;
    private final TransfersModel model;
    private final ChatPaneActions actions;
    private final Consumer<String> onError;
    private final Label title = new Label();
    private final Label detail = new Label();
    private final ProgressBar progress = new ProgressBar(0);
    private final HBox buttons = new HBox(6);

    TransferRow(TransferItem item, TransfersModel model, ChatPaneActions actions, Consumer<String> onError) {
        this.item = item;
        this.model = model;
        this.actions = actions;
        this.onError = onError;
        setId("transfer-" + item.status().id());
        getStyleClass().add("transfer-row");
        setSpacing(4);
        title.getStyleClass().add("text-bold");
        detail.getStyleClass().addAll("text-muted", "text-small", "transfer-detail");
        detail.setWrapText(true);
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.getStyleClass().add("transfer-progress");
        HBox.setHgrow(progress, Priority.ALWAYS);
        HBox line = new HBox(8, progress, buttons);
        line.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(title, detail, line);
        item.statusProperty().addListener((obs, old, now) -> show(now));
        show(item.status());
    }

    private void show(TransferStatus s) {
        boolean incoming = s.direction() == TransferDirection.INCOMING;
        title.setText((incoming ? "From " : "To ") + s.peer().displayName() + ": " + s.fileName());
        progress.setProgress(s.progress());
        progress.setVisible(s.state() == TransferState.TRANSFERRING || s.state() == TransferState.VERIFYING);
        progress.setManaged(progress.isVisible());
        detail.setText(describe(s));
        buttons.getChildren().clear();
        if (incoming && s.state() == TransferState.OFFERED) {
            Button save = new Button("Save…");
            save.getStyleClass().add("accent");
            save.setOnAction(e -> accept(s));
            Button decline = new Button("Decline");
            decline.setOnAction(e -> model.decline(s.id()));
            buttons.getChildren().addAll(save, decline);
        } else if (!s.state().isFinal()) {
            Button cancel = new Button("Cancel");
            cancel.setOnAction(e -> model.cancel(s.id()));
            buttons.getChildren().add(cancel);
        }
    }

    private void accept(TransferStatus s) {
        actions.chooseSaveTarget(s.fileName()).ifPresent(target -> {
            try {
                model.accept(s.id(), target);
            } catch (IOException | IllegalStateException e) {
                onError.accept("Could not save there: " + e.getMessage());
            }
        });
    }

    static String describe(TransferStatus s) {
        String size = FileLimits.human(s.size());
        return switch (s.state()) {
            case OFFERED -> s.direction() == TransferDirection.INCOMING ? size + " — save it or decline"
                    : size + " — waiting for " + s.peer().displayName();
            case TRANSFERRING -> FileLimits.human(s.bytesDone()) + " of " + size;
            case VERIFYING -> "Checking the file…";
            case COMPLETED -> s.savedTo().map(p -> "Saved to " + p).orElse("Delivered (" + size + ")");
            case DECLINED, CANCELLED, FAILED -> s.reason();
        };
    }
}
