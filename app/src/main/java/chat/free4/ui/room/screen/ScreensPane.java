package chat.free4.ui.room.screen;

import chat.free4.ui.i18n.Texts;

import atlantafx.base.theme.Styles;
import chat.free4.peer.PeerId;
import chat.free4.screen.ScreenListener;
import chat.free4.screen.ScreenPicture;
import chat.free4.screen.ScreenShare;
import chat.free4.screen.ScreenUnavailableException;
import chat.free4.screen.SharedWindow;
import chat.free4.screen.SharingState;
import chat.free4.ui.widgets.Icons;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.kordamp.ikonli.feather.Feather;

/**
 * The room's screens: a Texts.get("screen.share") button offering the whole screen or one window
 * ({@link WindowChooser}; or why it cannot), what the room's size does to your picture, and one
 * tile per person sharing; a click on a tile enlarges it in its own window.
 */
public final class ScreensPane extends VBox {
    private static final double TILE_WIDTH = 320;
    private static final double TILE_HEIGHT = 200;

    private final java.util.function.Function<PeerId, String> names;
    private final ToggleButton share = new ToggleButton(Texts.get("screen.share"), Icons.of(Feather.MONITOR));
    private final Label note = new Label();
    private final FlowPane tiles = new FlowPane(12, 12);
    private final Map<PeerId, ScreenImage> images = new ConcurrentHashMap<>();
    private final Map<PeerId, VBox> tileNodes = new HashMap<>();
    private final Listener listener = new Listener();
    private ScreenShare screen;
    private boolean updating;
    /** Why this computer cannot share, in words ("" when it can). */
    private String unavailable = "";

    /** @param names a person's name in the room ("" when unknown) */
    public ScreensPane(ObjectProperty<ScreenShare> screens, java.util.function.Function<PeerId, String> names) {
        this.names = names;
        setId("screens");
        setSpacing(8);
        setPadding(new Insets(0, 32, 8, 32));
        share.setId("share-screen");
        share.setOnAction(e -> toggle());
        note.setId("share-note");
        note.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        note.setWrapText(true);
        HBox bar = new HBox(12, share, note);
        bar.setAlignment(Pos.CENTER_LEFT);
        tiles.setId("screen-tiles");
        getChildren().addAll(bar, tiles);
        screens.addListener((obs, old, now) -> use(now));
        use(screens.get());
    }

    private void use(ScreenShare next) {
        if (screen != null) {
            screen.removeListener(listener);
        }
        screen = next;
        share.setDisable(next == null);
        if (next == null) {
            return;
        }
        next.addListener(listener);
        unavailable = next.unavailableReason().orElse("");
        next.unavailableReason().ifPresentOrElse(reason -> {
            share.setDisable(true);
            note.setText(reason);
            share.setTooltip(new Tooltip(reason));
        }, () -> share.setTooltip(new Tooltip(Texts.get("screen.shareTooltip"))));
    }

    private void toggle() {
        if (updating || screen == null) {
            return;
        }
        ScreenShare s = screen;
        if (!share.isSelected()) {
            offFx(s::stop);
            return;
        }
        // Listing the windows and reading the first frame talk to the display: never on the FX thread.
        offFx(() -> {
            java.util.List<SharedWindow> windows;
            try {
                windows = s.windows();
            } catch (ScreenUnavailableException e) {
                windows = java.util.List.of(); // the whole screen is still offered
            }
            java.util.List<SharedWindow> found = windows;
            Platform.runLater(() -> WindowChooser.show(share, found, choice -> offFx(() -> {
                if (choice.isPresent()) {
                    s.start(choice.get());
                } else {
                    s.start();
                }
            }), () -> setSelected(s.sharing())));
        });
    }

    /** Runs {@code action} on its own thread; a refusal unselects the button and says why. */
    private void offFx(Runnable action) {
        Thread starter = new Thread(() -> {
            try {
                action.run();
            } catch (ScreenUnavailableException e) {
                Platform.runLater(() -> {
                    setSelected(false);
                    note.setText(Texts.get("screen.cannotShare", e.getMessage()));
                });
            }
        }, "share-screen-toggle");
        starter.setDaemon(true);
        starter.start();
    }

    private void setSelected(boolean on) {
        updating = true;
        share.setSelected(on);
        updating = false;
    }

    private void sharingChanged(SharingState state) {
        setSelected(state.sharing());
        share.setText(state.sharing() ? Texts.get("screen.stop") : Texts.get("screen.share"));
        note.setText(state.sharing() ? (state.note().isEmpty() ? Texts.get("screen.everyoneSees") : state.note()) : unavailable);
    }

    private void addTile(PeerId peer, ScreenImage image) {
        if (tileNodes.containsKey(peer)) {
            return;
        }
        ImageView view = new ImageView();
        view.imageProperty().bind(image.imageProperty());
        view.setPreserveRatio(true);
        view.setFitWidth(TILE_WIDTH);
        view.setFitHeight(TILE_HEIGHT);
        view.setSmooth(true);
        view.getStyleClass().add("screen-picture");
        Label caption = new Label(name(peer) + "'s screen");
        caption.getStyleClass().add(Styles.TEXT_SMALL);
        VBox tile = new VBox(4, view, caption);
        tile.setId("screen-" + peer.value());
        tile.getStyleClass().add("screen-tile");
        tile.setOnMouseClicked(e -> {
            Stage stage = ScreenWindow.open(getScene() == null ? null : getScene().getWindow(), name(peer) + "'s screen",
                    image.imageProperty());
            tile.getProperties().put("window", stage);
        });
        Tooltip.install(tile, new Tooltip(Texts.get("screen.enlarge")));
        tileNodes.put(peer, tile);
        tiles.getChildren().add(tile);
    }

    private void removeTile(PeerId peer) {
        VBox tile = tileNodes.remove(peer);
        if (tile != null) {
            tiles.getChildren().remove(tile);
            if (tile.getProperties().get("window") instanceof Stage stage) {
                stage.close();
            }
        }
    }

    private String name(PeerId peer) {
        String name = names.apply(peer);
        return name == null || name.isBlank() ? Texts.get("screen.someone") : name;
    }

    /** Screen layer events, off the FX thread. */
    private final class Listener implements ScreenListener {
        @Override
        public void onPicture(PeerId peer, ScreenPicture picture) {
            ScreenImage image = images.get(peer);
            if (image == null) {
                ScreenImage created = new ScreenImage();
                image = images.putIfAbsent(peer, created);
                if (image == null) {
                    image = created;
                    ScreenImage shown = created;
                    Platform.runLater(() -> addTile(peer, shown));
                }
            }
            image.offer(picture);
        }

        @Override
        public void onPictureEnded(PeerId peer) {
            images.remove(peer);
            Platform.runLater(() -> removeTile(peer));
        }

        @Override
        public void onSharingChanged(SharingState state) {
            Platform.runLater(() -> sharingChanged(state));
        }

        @Override
        public void onSharingStopped(String sentence) {
            Platform.runLater(() -> note.setText(sentence));
        }
    }
}
