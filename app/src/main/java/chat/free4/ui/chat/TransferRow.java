package chat.free4.ui.chat;

import chat.free4.ui.i18n.Texts;

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
        title.setText(Texts.get(incoming ? "chat.transfer.from" : "chat.transfer.to", s.peer().displayName(), s.fileName()));
        progress.setProgress(s.progress());
        progress.setVisible(s.state() == TransferState.TRANSFERRING || s.state() == TransferState.VERIFYING);
        progress.setManaged(progress.isVisible());
        detail.setText(describe(s));
        buttons.getChildren().clear();
        if (incoming && s.state() == TransferState.OFFERED) {
            Button save = new Button(Texts.get("chat.transfer.save"));
            save.getStyleClass().add("accent");
            save.setOnAction(e -> accept(s));
            Button decline = new Button(Texts.get("chat.transfer.decline"));
            decline.setOnAction(e -> model.decline(s.id()));
            buttons.getChildren().addAll(save, decline);
        } else if (!s.state().isFinal()) {
            Button cancel = new Button(Texts.get("chat.transfer.cancel"));
            cancel.setOnAction(e -> model.cancel(s.id()));
            buttons.getChildren().add(cancel);
        }
    }

    private void accept(TransferStatus s) {
        actions.chooseSaveTarget(s.fileName()).ifPresent(target -> {
            try {
                model.accept(s.id(), target);
            } catch (IOException | IllegalStateException e) {
                onError.accept(Texts.get("chat.transfer.saveFailed", e.getMessage()));
            }
        });
    }

    static String describe(TransferStatus s) {
        String size = FileLimits.human(s.size());
        return switch (s.state()) {
            case OFFERED -> s.direction() == TransferDirection.INCOMING ? Texts.get("chat.transfer.offeredIn", size)
                    : Texts.get("chat.transfer.offeredOut", size, s.peer().displayName());
            case TRANSFERRING -> Texts.get("chat.transfer.progress", FileLimits.human(s.bytesDone()), size);
            case VERIFYING -> Texts.get("chat.transfer.verifying");
            case COMPLETED -> s.savedTo().map(p -> Texts.get("chat.transfer.savedTo", String.valueOf(p))).orElse(Texts.get("chat.transfer.delivered", size));
            case DECLINED, CANCELLED, FAILED -> s.reason();
        };
    }
}
