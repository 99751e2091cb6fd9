package chat.free4.ui;

import chat.free4.ui.i18n.Texts;

import chat.free4.ui.widgets.Described;
import chat.free4.ui.widgets.Icons;
import chat.free4.ui.widgets.Avatar;
import atlantafx.base.theme.Styles;
import chat.free4.ui.chat.ChatPaneActions;
import chat.free4.ui.lobby.LobbyView;
import chat.free4.ui.lobby.LobbyViewModel;
import chat.free4.ui.lobby.RelayStatus;
import chat.free4.ui.room.RoomView;
import chat.free4.ui.room.RoomViewModel;
import chat.free4.ui.settings.SettingsView;
import chat.free4.ui.settings.SettingsViewModel;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * The window's frame: a sidebar (pages, connection summary, you) and the current page. It only
 * switches pages; each page binds to its own view model.
 */
public final class MainWindow extends BorderPane {
    private final LobbyView lobby;
    private final RoomViewModel roomModel;
    private final SettingsViewModel settingsModel;
    private final StringProperty selfName;
    // The room and settings pages are built when first shown: fewer nodes before the first frame.
    private RoomView room;
    private SettingsView settings;
    private final StackPane content = new StackPane();
    private final ToggleGroup pages = new ToggleGroup();
    private final ToggleButton lobbyTab;
    private final ToggleButton roomTab;
    private final ToggleButton settingsTab;
    private ChatPaneActions chatActions;

    public MainWindow(LobbyViewModel lobbyModel, RoomViewModel roomModel, SettingsViewModel settingsModel,
            StringProperty selfName) {
        this.roomModel = roomModel;
        this.settingsModel = settingsModel;
        this.selfName = selfName;
        setId("main-window");
        lobby = new LobbyView(lobbyModel);

        lobbyTab = navButton(Texts.get("nav.rooms"), Feather.GRID, "nav-lobby");
        roomTab = navButton(Texts.get("nav.room"), Feather.VOLUME_2, "nav-room");
        roomTab.textProperty().bind(Bindings.when(roomModel.roomNameProperty().isEmpty())
                .then(Texts.get("nav.room")).otherwise(roomModel.roomNameProperty()));
        roomTab.visibleProperty().bind(roomModel.activeProperty());
        roomTab.managedProperty().bind(roomTab.visibleProperty());
        settingsTab = navButton(Texts.get("nav.settings"), Feather.SETTINGS, "nav-settings");
        pages.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true);
            } else {
                content.getChildren().setAll(now == lobbyTab ? lobby : now == roomTab ? roomPage() : settingsPage());
            }
        });
        roomModel.activeProperty().addListener((obs, was, active) -> pages.selectToggle(active ? roomTab : lobbyTab));
        pages.selectToggle(lobbyTab);

        setLeft(sidebar(lobbyModel, roomModel, selfName));
        content.getStyleClass().add("content");
        setCenter(content);
    }

    /** A strip across the top of the window (the crash report offer); null takes it away. */
    public void showNotice(javafx.scene.Node notice) {
        setTop(notice);
    }

    public void showLobby() {
        pages.selectToggle(lobbyTab);
    }

    public void showRoom() {
        if (roomModel.activeProperty().get()) {
            pages.selectToggle(roomTab);
        }
    }

    public void showSettings() {
        pages.selectToggle(settingsTab);
    }

    /** Keyboard shortcuts that work on every page. */
    public void installShortcuts(Scene scene) {
        RoomView.installPushToTalk(scene, roomModel);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.DIGIT1, KeyCombination.SHORTCUT_DOWN), this::showLobby);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.DIGIT2, KeyCombination.SHORTCUT_DOWN), this::showRoom);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.COMMA, KeyCombination.SHORTCUT_DOWN), this::showSettings);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.M, KeyCombination.SHORTCUT_DOWN),
                () -> roomModel.selfMutedProperty().set(!roomModel.selfMutedProperty().get()));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN), () -> {
            if (roomModel.activeProperty().get()) {
                roomModel.deafenedProperty().set(!roomModel.deafenedProperty().get());
            }
        });
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN), roomModel::leave);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN), () -> {
            showLobby();
            lobby.showCreateDialog();
        });
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), () -> {
            showLobby();
            lobby.focusSearch();
        });
    }

    /** How chat links open and files are chosen in the room page (the app passes its host services). */
    public void setChatActions(ChatPaneActions actions) {
        this.chatActions = actions;
        if (room != null) {
            room.setChatActions(actions);
        }
    }

    private RoomView roomPage() {
        if (room == null) {
            room = new RoomView(roomModel, selfName);
            room.setChatActions(chatActions);
        }
        return room;
    }

    private SettingsView settingsPage() {
        if (settings == null) {
            settings = new SettingsView(settingsModel);
        }
        return settings;
    }

    public LobbyView lobby() {
        return lobby;
    }

    private ToggleButton navButton(String text, Feather icon, String id) {
        ToggleButton button = new ToggleButton(text, Icons.of(icon, 18));
        button.setId(id);
        button.setToggleGroup(pages);
        button.getStyleClass().addAll("nav-button", Styles.FLAT);
        button.setMaxWidth(Double.MAX_VALUE);
        button.setAlignment(Pos.CENTER_LEFT);
        return button;
    }

    private Node sidebar(LobbyViewModel lobbyModel, RoomViewModel roomModel, StringProperty selfName) {
        Label brand = new Label("free4chat", Icons.of(Feather.HEADPHONES, 22));
        brand.getStyleClass().addAll(Styles.TITLE_3, "brand");
        VBox nav = new VBox(4, lobbyTab, roomTab, settingsTab);

        Label lan = new Label(null, Icons.of(Feather.WIFI, 14));
        lan.setId("sidebar-lan");
        lan.getStyleClass().add(Styles.TEXT_SMALL);
        lan.textProperty().bind(Bindings.when(lobbyModel.lanProblemProperty().isEmpty())
                .then(Texts.get("status.lan.ready")).otherwise(Texts.get("status.lan.unavailable")));
        lobbyModel.lanProblemProperty().addListener((obs, old, now) -> {
            lan.getStyleClass().removeAll("status-ok", "status-problem");
            lan.getStyleClass().add(now.isEmpty() ? "status-ok" : "status-problem");
        });
        lan.getStyleClass().add(lobbyModel.lanProblemProperty().get().isEmpty() ? "status-ok" : "status-problem");
        Label relay = new Label();
        relay.setId("sidebar-relay");
        relay.getStyleClass().add(Styles.TEXT_SMALL);
        relay.textProperty().bind(Bindings.createStringBinding(() -> switch (lobbyModel.relayStatusProperty().get()) {
            case NOT_CONFIGURED -> Texts.get("status.relay.notSet");
            case CONNECTING -> Texts.get("status.relay.connecting");
            case ONLINE -> Texts.get("status.relay.online");
            case UNREACHABLE -> Texts.get("status.relay.unreachable");
        }, lobbyModel.relayStatusProperty()));
        relay.setGraphic(Icons.of(Feather.GLOBE, 14));
        lobbyModel.relayStatusProperty().addListener((obs, old, now) -> styleRelay(relay, now));
        styleRelay(relay, lobbyModel.relayStatusProperty().get());
        VBox status = new VBox(6, lan, relay);
        status.setPadding(new Insets(0, 8, 0, 8));

        Avatar me = new Avatar(34);
        me.setName(selfName.get());
        selfName.addListener((obs, old, now) -> me.setName(now));
        Label name = new Label();
        name.setId("self-name");
        name.textProperty().bind(selfName);
        name.getStyleClass().add(Styles.TEXT_BOLD);
        Label mic = new Label();
        mic.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        mic.textProperty().bind(Bindings.when(roomModel.activeProperty())
                .then(roomModel.microphoneTextProperty()).otherwise(Texts.get("status.notInRoom")));
        VBox who = new VBox(1, name, mic);
        who.setMinWidth(0);
        HBox.setHgrow(who, Priority.ALWAYS);
        ToggleButton mute = new ToggleButton();
        mute.setId("sidebar-mute");
        mute.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        mute.selectedProperty().bindBidirectional(roomModel.selfMutedProperty());
        mute.graphicProperty().bind(Bindings.when(roomModel.selfMutedProperty())
                .then(Icons.of(Feather.MIC_OFF)).otherwise(Icons.of(Feather.MIC)));
        Described.iconOnlyWithTip(mute, "status.muteAccessible", "status.muteTooltip");
        HBox user = new HBox(10, me, who, mute);
        user.setAlignment(Pos.CENTER_LEFT);
        user.getStyleClass().add("user-panel");

        Region grow = new Region();
        VBox.setVgrow(grow, Priority.ALWAYS);
        VBox side = new VBox(18, brand, nav, grow, status, user);
        side.getStyleClass().add("sidebar");
        side.setPrefWidth(230);
        side.setMinWidth(230);
        return side;
    }

    private static void styleRelay(Label label, RelayStatus status) {
        label.getStyleClass().removeAll("status-ok", "status-problem", "status-muted");
        label.getStyleClass().add(switch (status) {
            case ONLINE -> "status-ok";
            case UNREACHABLE -> "status-problem";
            default -> "status-muted";
        });
    }
}
