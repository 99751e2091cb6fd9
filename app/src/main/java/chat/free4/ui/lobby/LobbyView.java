package chat.free4.ui.lobby;

import chat.free4.ui.i18n.Texts;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import chat.free4.ui.widgets.Described;
import chat.free4.ui.widgets.Icons;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** The lobby: rooms on this network, public rooms on the relay, create and join. */
public final class LobbyView extends VBox {
    private final LobbyViewModel model;
    private final TextField search;

    public LobbyView(LobbyViewModel model) {
        this.model = model;
        setId("lobby");
        getStyleClass().add("page");
        setSpacing(18);
        setPadding(new Insets(28, 32, 24, 32));

        Label title = new Label(Texts.get("lobby.title"));
        title.getStyleClass().add(Styles.TITLE_2);
        Label subtitle = new Label(Texts.get("lobby.subtitle"));
        subtitle.getStyleClass().add(Styles.TEXT_MUTED);
        VBox heading = new VBox(4, title, subtitle);

        CustomTextField searchField = new CustomTextField();
        searchField.setLeft(Icons.of(Feather.SEARCH));
        searchField.setPromptText(Texts.get("lobby.search"));
        searchField.setId("lobby-search");
        Described.named(searchField, "lobby.search");
        searchField.setPrefWidth(240);
        searchField.textProperty().bindBidirectional(model.searchProperty());
        search = searchField;
        Button create = new Button(Texts.get("lobby.create"), Icons.of(Feather.PLUS));
        create.setId("create-room");
        create.getStyleClass().add(Styles.ACCENT);
        create.setOnAction(e -> showCreateDialog());
        create.setMinWidth(Region.USE_PREF_SIZE);
        searchField.setMinWidth(160);
        subtitle.setMinWidth(0);
        heading.setMinWidth(0);
        HBox.setHgrow(heading, Priority.SOMETIMES);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox header = new HBox(12, heading, grow, searchField, create);
        header.setAlignment(Pos.CENTER_LEFT);

        getChildren().addAll(header, joinByNameBar(), errorMessage(), lanSection(), publicSection());
        model.passwordQuestionProperty().addListener((obs, old, now) -> {
            if (now != null) {
                askForPassword(now);
            }
        });
    }

    /** Centred on the window and styled like it (the app's stylesheet, which dialogs do not inherit). */
    private void ownedByThisWindow(javafx.scene.control.Dialog<?> dialog) {
        if (getScene() != null) {
            dialog.initOwner(getScene().getWindow());
            dialog.getDialogPane().getStylesheets().setAll(getScene().getStylesheets());
        }
    }

    /** Asks for the room's password; Cancel leaves the lobby as it was. */
    private void askForPassword(PasswordQuestion question) {
        PasswordPromptDialog dialog = new PasswordPromptDialog(question);
        ownedByThisWindow(dialog);
        javafx.beans.value.ChangeListener<PasswordQuestion> replaced = (obs, old, now) -> {
            if (now != question) {
                dialog.close(); // another join started, or another question came: this one is over
            }
        };
        model.passwordQuestionProperty().addListener(replaced);
        dialog.setOnHidden(e -> {
            model.passwordQuestionProperty().removeListener(replaced);
            String typed = dialog.getResult();
            if (model.passwordQuestionProperty().get() != question) {
                return; // answered or replaced meanwhile
            }
            if (typed == null || typed.isEmpty()) {
                model.dismissPasswordQuestion();
            } else {
                model.answerPassword(typed);
            }
        });
        dialog.show();
    }

    /** Focuses the search field (Ctrl+F). */
    public void focusSearch() {
        search.requestFocus();
    }

    public void showCreateDialog() {
        CreateRoomDialog dialog = new CreateRoomDialog(model.relayStatusProperty().get() == RelayStatus.ONLINE);
        ownedByThisWindow(dialog);
        dialog.showAndWait().ifPresent(model::join);
    }

    private Node joinByNameBar() {
        CustomTextField name = new CustomTextField();
        name.setId("join-name");
        Described.named(name, "lobby.joinByName");
        name.setLeft(Icons.of(Feather.HASH));
        name.setPromptText(Texts.get("lobby.joinByName"));
        HBox.setHgrow(name, Priority.ALWAYS);
        javafx.scene.control.PasswordField password = RoomPasswordField.create("join-password");
        password.setPrefWidth(220);
        password.setMinWidth(140);
        Button join = new Button(Texts.get("lobby.join"), Icons.of(Feather.LOG_IN));
        join.setId("join-by-name");
        join.disableProperty().bind(name.textProperty().isEmpty());
        Runnable joinIt = () -> {
            String text = name.getText().strip();
            String problem = CreateRoomDialog.problemWith(text, "");
            if (text.isEmpty()) {
                return;
            }
            if (!problem.isEmpty()) {
                model.errorProperty().set(problem);
                return;
            }
            String typed = password.getText();
            password.clear();
            model.join(new CreateRoomRequest(text, whereToJoin(text), false, List.of()).withPassword(typed));
        };
        join.setOnAction(e -> joinIt.run());
        name.setOnAction(e -> joinIt.run());
        password.setOnAction(e -> joinIt.run());
        join.setMinWidth(Region.USE_PREF_SIZE);
        HBox bar = new HBox(8, name, password, join);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    /** A room seen on the LAN is joined there; any other name goes to the relay when there is one. */
    private RoomSource whereToJoin(String name) {
        boolean onLan = model.lanRooms().stream().anyMatch(r -> r.name().equalsIgnoreCase(name));
        if (onLan || model.relayStatusProperty().get() == RelayStatus.NOT_CONFIGURED) {
            return RoomSource.LAN;
        }
        return RoomSource.RELAY;
    }

    private Node errorMessage() {
        Message message = new Message(Texts.get("lobby.joinFailed"), "");
        message.setId("lobby-error");
        message.getStyleClass().add(Styles.DANGER);
        message.setGraphic(Icons.of(Feather.ALERT_CIRCLE));
        message.descriptionProperty().bind(model.errorProperty());
        message.visibleProperty().bind(model.errorProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        message.setOnClose(e -> model.errorProperty().set(""));
        return message;
    }

    private Node lanSection() {
        Label header = sectionTitle(Texts.get("lobby.lan.title"), Feather.WIFI);
        Label count = countLabel(model.visibleLanRooms());
        HBox bar = new HBox(10, header, count);
        bar.setAlignment(Pos.CENTER_LEFT);
        ListView<RoomEntry> list = roomList("lan-rooms", model.visibleLanRooms(),
                Texts.get("lobby.lan.empty"));
        Label problem = new Label(null, Icons.of(Feather.ALERT_TRIANGLE));
        problem.setId("lan-status");
        problem.setWrapText(true);
        problem.setMinHeight(Region.USE_PREF_SIZE);
        problem.setMaxWidth(Double.MAX_VALUE);
        problem.getStyleClass().add("relay-problem");
        problem.textProperty().bind(model.lanProblemProperty());
        problem.visibleProperty().bind(model.lanProblemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        VBox box = new VBox(10, bar, problem, list);
        VBox.setVgrow(list, Priority.ALWAYS);
        VBox.setVgrow(box, Priority.ALWAYS);
        return box;
    }

    private Node publicSection() {
        Label header = sectionTitle(Texts.get("lobby.public.title"), Feather.GLOBE);
        Label count = countLabel(model.visiblePublicRooms());
        ComboBox<String> tag = new ComboBox<>();
        tag.setId("tag-filter");
        tag.setPromptText(Texts.get("lobby.public.allTags"));
        tag.getItems().add("");
        model.knownTags().addListener((javafx.collections.ListChangeListener<String>) c -> {
            String selected = tag.getValue();
            tag.getItems().setAll(model.knownTags());
            tag.getItems().add(0, "");
            tag.setValue(selected);
        });
        tag.setButtonCell(tagCell());
        tag.setCellFactory(v -> tagCell());
        tag.valueProperty().addListener((obs, old, now) -> model.tagFilterProperty().set(now == null ? "" : now));
        tag.disableProperty().bind(model.relayAvailable().not());
        Button refresh = new Button(null, Icons.of(Feather.REFRESH_CW));
        refresh.setId("refresh-rooms");
        refresh.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        Described.iconOnlyWithTip(refresh, "lobby.public.refreshName", "lobby.public.refreshTooltip");
        refresh.setOnAction(e -> model.refresh());
        refresh.disableProperty().bind(model.relayStatusProperty().isEqualTo(RelayStatus.NOT_CONFIGURED));
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox bar = new HBox(10, header, count, grow, tag, refresh);
        bar.setAlignment(Pos.CENTER_LEFT);

        Label relayState = new Label();
        relayState.setId("relay-status");
        relayState.setWrapText(true);
        relayState.setMinHeight(Region.USE_PREF_SIZE);
        relayState.setMaxWidth(Double.MAX_VALUE);
        relayState.textProperty().bind(model.relayMessageProperty());
        relayState.graphicProperty().bind(Bindings.createObjectBinding(() -> switch (model.relayStatusProperty().get()) {
            case UNREACHABLE -> Icons.of(Feather.ALERT_TRIANGLE);
            case CONNECTING -> Icons.of(Feather.LOADER);
            default -> Icons.of(Feather.INFO);
        }, model.relayStatusProperty()));
        relayState.visibleProperty().bind(model.relayMessageProperty().isNotEmpty());
        relayState.managedProperty().bind(relayState.visibleProperty());
        model.relayStatusProperty().addListener((obs, old, now) -> styleRelayState(relayState, now));
        styleRelayState(relayState, model.relayStatusProperty().get());

        ListView<RoomEntry> list = roomList("public-rooms", model.visiblePublicRooms(),
                Texts.get("lobby.public.empty"));
        VBox box = new VBox(10, bar, relayState, list);
        VBox.setVgrow(list, Priority.ALWAYS);
        VBox.setVgrow(box, Priority.ALWAYS);
        return box;
    }

    private static void styleRelayState(Label label, RelayStatus status) {
        label.getStyleClass().removeAll("relay-problem", "relay-info");
        label.getStyleClass().add(status == RelayStatus.UNREACHABLE ? "relay-problem" : "relay-info");
    }

    private static javafx.scene.control.ListCell<String> tagCell() {
        return new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.isEmpty() ? Texts.get("lobby.public.allTags") : "#" + item);
            }
        };
    }

    private ListView<RoomEntry> roomList(String id, ObservableList<RoomEntry> items, String emptyText) {
        ListView<RoomEntry> list = new ListView<>(items);
        list.setId(id);
        list.getStyleClass().addAll("room-list", Tweaks.EDGE_TO_EDGE);
        list.setCellFactory(v -> new RoomCell(room -> model.join(
                // A room from the list is listed: joining it asks for nothing else (no warning).
                new CreateRoomRequest(room.name(), room.source(), true, room.tags()))));
        Label empty = new Label(emptyText);
        empty.setId(id + "-empty");
        empty.getStyleClass().addAll(Styles.TEXT_MUTED, "empty-state");
        empty.setWrapText(true);
        list.setPlaceholder(empty);
        list.setMinHeight(120);
        return list;
    }

    private static Label sectionTitle(String text, Feather icon) {
        Label label = new Label(text, Icons.of(icon, 18));
        label.getStyleClass().addAll(Styles.TITLE_4, "section-title");
        return label;
    }

    private static Label countLabel(ObservableList<RoomEntry> rooms) {
        Label count = new Label();
        count.getStyleClass().addAll("count-pill", Styles.TEXT_SMALL);
        count.textProperty().bind(Bindings.size(rooms).asString());
        return count;
    }
}
