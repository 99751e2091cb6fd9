package chat.free4.ui;

import chat.free4.ui.i18n.Texts;

import chat.free4.audio.AudioBackend;
import chat.free4.audio.AudioDeviceLists;
import chat.free4.invite.InvalidInviteLinkException;
import chat.free4.invite.InviteLink;
import chat.free4.logging.CrashReports;
import chat.free4.logging.LogDirectory;
import chat.free4.session.ComputerSound;
import chat.free4.ui.diagnostics.CrashOfferBanner;
import chat.free4.ui.diagnostics.FileOpener;
import chat.free4.ui.diagnostics.LogsFolder;
import chat.free4.ui.lobby.CreateRoomRequest;
import chat.free4.ui.lobby.LobbyViewModel;
import chat.free4.ui.lobby.RoomSource;
import chat.free4.ui.room.RoomViewModel;
import chat.free4.ui.settings.ConfigDirectory;
import chat.free4.ui.settings.Settings;
import chat.free4.ui.settings.SettingsStore;
import chat.free4.ui.settings.SettingsViewModel;
import chat.free4.ui.settings.WindowBounds;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop app: loads settings, asks for a display name on the first start, then shows the
 * main window. View models live here; the engine bridge connects them to the engine.
 */
public class DesktopApp extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(DesktopApp.class);
    /** Notes of downloads in progress, inside the config directory. */
    private static final String UNFINISHED_DOWNLOADS = "unfinished-downloads";

    private AppOptions options;
    private Supplier<AudioBackend> audioFactory = ComputerSound.audio(warning -> this.bridge.audioWarning(warning));
    /** The computer's sound devices for Settings; none when a test swaps the audio path. */
    private Supplier<Optional<AudioDeviceLists>> deviceLists = ComputerSound::devices;
    private EngineBridge bridge;
    private Path configDir;
    private SettingsStore store;
    private SettingsViewModel settings;
    private final LobbyViewModel lobby = new LobbyViewModel();
    private final RoomViewModel room = new RoomViewModel();
    private final StringProperty selfName = new SimpleStringProperty("");
    private Stage stage;
    private Scene scene;
    private MainWindow window;
    /** Where later launches hand their invite links (single instance); empty if it could not be opened. */
    private Optional<RunningApp> runningApp = Optional.empty();
    /** Why the link this app was started with is not followed; said in the lobby once it shows. */
    private String startupProblem = "";
    /** Where the log and crash reports are (free4chat.log.dir in tests). */
    private Path logDir;
    /** Opens folders and reports; the host's (xdg-open) unless a test swapped it. */
    private FileOpener opener;

    /** Used by {@link Application#launch}; options come from the command line. */
    public DesktopApp() {
    }

    /** Used by tests, which pass options directly. */
    public DesktopApp(AppOptions options) {
        this.options = options;
    }

    /** Used by tests: the same app with another audio path (headless peers push PCM). */
    public DesktopApp(AppOptions options, Supplier<AudioBackend> audioFactory) {
        this.options = options;
        this.audioFactory = audioFactory;
        this.deviceLists = Optional::empty;
    }

    /** Used by tests: folders and reports go to {@code opener} instead of the file manager. */
    void useFileOpener(FileOpener opener) {
        this.opener = opener;
    }

    @Override
    public void init() {
        if (options == null) {
            List<String> raw = getParameters().getRaw();
            try {
                options = AppOptions.parse(raw);
            } catch (InvalidInviteLinkException e) {
                // Opened by a link that cannot be followed: the app starts, joins nothing, and says why.
                options = AppOptions.parse(raw.subList(1, raw.size()));
                startupProblem = e.getMessage();
            }
        }
        configDir = options.configDir().orElseGet(ConfigDirectory::resolve);
        store = new SettingsStore(configDir);
        settings = new SettingsViewModel(store.load(), store::save);
        logDir = LogDirectory.resolve();
        if (opener == null) {
            opener = FileOpener.with(getHostServices());
        }
        settings.setLogsFolder(new LogsFolder(logDir, opener));
        // Before any view is built: every view reads its words once, when made.
        chat.free4.ui.i18n.Texts.use(settings.current().comforts().language());
        selfName.set(settings.current().displayName());
        room.voiceModeProperty().set(settings.current().voiceMode());
        room.pushToTalkKeyProperty().set(settings.current().pushToTalkKey());
        settings.settingsProperty().addListener((obs, old, now) -> {
            selfName.set(now.displayName());
            room.voiceModeProperty().set(now.voiceMode());
            room.pushToTalkKeyProperty().set(now.pushToTalkKey());
            if (old.theme() != now.theme() && scene != null) {
                ThemeManager.apply(now.theme(), scene);
            }
        });
        room.voiceModeProperty().addListener((obs, old, now) -> settings.update(settings.current().withVoiceMode(now)));
        if (!options.exitAfterStart()) {
            runningApp = RunningApp.listen(configDir, invite -> {
                CompletableFuture<String> said = new CompletableFuture<>();
                Platform.runLater(() -> said.complete(openInvite(invite)));
                return said;
            }, sentence -> Platform.runLater(() -> tell(sentence)));
        }
    }

    /** Says {@code sentence} where the person is looking: the room while in one, else the lobby. */
    private void tell(String sentence) {
        if (stage != null) {
            stage.toFront();
        }
        (room.activeProperty().get() ? room.errorProperty() : lobby.errorProperty()).set(sentence);
    }

    /**
     * An invite link handed over by a later launch (on the FX thread): joins its room, or says why
     * not (already in a room, no name yet). Returns the sentence for the launch that handed it.
     */
    String openInvite(InviteLink invite) {
        if (stage != null) {
            stage.setIconified(false);
            stage.toFront();
        }
        if (bridge == null) {
            return "free4chat is still asking for your name; answer it, then open the invite again.";
        }
        if (room.activeProperty().get()) {
            String here = room.roomNameProperty().get();
            String sentence = here.equals(invite.room()) && room.inviteProperty().get() != null
                    && invite.relay().equals(room.inviteProperty().get().relay())
                    ? Texts.get("invite.alreadyHere", here)
                    : Texts.get("invite.leaveFirst", here, invite.room());
            room.errorProperty().set(sentence);
            return sentence;
        }
        bridge.join(new CreateRoomRequest(invite.room(), invite.onThisNetwork() ? RoomSource.LAN : RoomSource.RELAY,
                false, List.of(), invite.secret()), invite.relay().map(Object::toString).orElse(""));
        return Texts.get("invite.joining", invite.room());
    }

    @Override
    public void start(Stage primaryStage) {
        stage = primaryStage;
        stage.setTitle("free4chat");
        options.name().filter(n -> settings.current().needsFirstRun())
                .ifPresent(n -> settings.update(settings.current().withDisplayName(n)));
        Settings current = settings.current();
        scene = new Scene(new javafx.scene.layout.Pane(), current.window().width(), current.window().height());
        ThemeManager.apply(current.theme(), scene);
        placeWindow(current.window());
        stage.setScene(scene);
        stage.setMinWidth(720);
        stage.setMinHeight(480);
        stage.setOnHiding(e -> rememberWindow());
        if (current.needsFirstRun()) {
            scene.setRoot(new FirstRunView(System.getProperty("user.name", ""), name -> {
                settings.update(settings.current().withDisplayName(name));
                showMain();
            }));
            ThemeManager.apply(current.theme(), scene);
        } else {
            showMain();
        }
        stage.show();
        if (options.exitAfterStart()) {
            exitAfterFirstFrames();
        }
    }

    /** A few pulses let the renderer draw the window, so its classes are loaded too. */
    private static void exitAfterFirstFrames() {
        new AnimationTimer() {
            private int frames;

            @Override
            public void handle(long now) {
                if (++frames == 3) {
                    stop();
                    Platform.exit();
                }
            }
        }.start();
    }

    private void showMain() {
        bridge = new EngineBridge(lobby, room, settings, this::relayUrl, audioFactory,
                configDir.resolve(UNFINISHED_DOWNLOADS));
        window = new MainWindow(lobby, room, settings, selfName);
        scene.setRoot(window);
        startAfterFirstLayout(bridge);
        ThemeManager.apply(settings.current().theme(), scene);
        window.installShortcuts(scene);
        window.setChatActions(new chat.free4.ui.chat.DesktopChatActions(() -> stage,
                url -> getHostServices().showDocument(url)));
        offerCrashReport();
        LOG.info("Desktop app ready (relay {})", relayUrl().isEmpty() ? "not set" : relayUrl());
    }

    /**
     * After a crash (ours, or the JVM's hs_err of a native one) the report is offered once: noted
     * as offered as soon as it shows, so the next start is quiet whatever the person clicks.
     */
    private void offerCrashReport() {
        CrashReports reports = new CrashReports(logDir);
        reports.unoffered().ifPresent(report -> {
            try {
                reports.offered(report);
            } catch (java.io.IOException e) {
                LOG.warn("Could not note the crash report as offered; it is offered again next time: {}", e.toString());
            }
            window.showNotice(new CrashOfferBanner(report, opener, () -> window.showNotice(null)));
        });
    }

    /**
     * LAN discovery and the relay's room list start once the window has been laid out, so their
     * start-up work does not compete with the first frame; the lobby shows them as they come.
     */
    private void startAfterFirstLayout(EngineBridge starting) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            Platform.runLater(() -> {
                if (bridge == starting && !options.exitAfterStart()) {
                    starting.start();
                    starting.watchDevices(deviceLists);
                    if (!startupProblem.isEmpty()) {
                        lobby.errorProperty().set(startupProblem);
                    }
                    options.room().ifPresent(name -> starting.join(new CreateRoomRequest(name,
                            options.lan() ? RoomSource.LAN : RoomSource.RELAY, false, List.of(),
                            options.invite().flatMap(InviteLink::secret))));
                }
            });
        };
        scene.addPostLayoutPulseListener(once[0]);
    }

    /** The relay for this run: the command line wins over the setting. */
    public String relayUrl() {
        return options.relay().orElse(settings.current().relayUrl());
    }

    private void placeWindow(WindowBounds bounds) {
        stage.setWidth(bounds.width());
        stage.setHeight(bounds.height());
        if (bounds.hasPosition() && onSomeScreen(bounds)) {
            stage.setX(bounds.x());
            stage.setY(bounds.y());
        } else {
            stage.centerOnScreen();
        }
        stage.setMaximized(bounds.maximized());
    }

    /** A window remembered on a screen that is gone now would open invisible; centre it instead. */
    private static boolean onSomeScreen(WindowBounds b) {
        return !Screen.getScreensForRectangle(new Rectangle2D(b.x(), b.y(), Math.max(1, b.width()),
                Math.max(1, b.height()))).isEmpty();
    }

    private void rememberWindow() {
        if (stage.isMaximized()) {
            WindowBounds old = settings.current().window();
            settings.update(settings.current().withWindow(
                    new WindowBounds(old.x(), old.y(), old.width(), old.height(), true)));
        } else {
            settings.update(settings.current().withWindow(
                    new WindowBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), false)));
        }
    }

    @Override
    public void stop() {
        if (stage != null && stage.isShowing()) {
            rememberWindow();
        }
        runningApp.ifPresent(RunningApp::close);
        if (bridge != null) {
            bridge.close();
        }
        LOG.info("Desktop app closed");
    }

    public LobbyViewModel lobby() {
        return lobby;
    }

    public RoomViewModel room() {
        return room;
    }

    public SettingsViewModel settings() {
        return settings;
    }

    public Stage stage() {
        return stage;
    }
}
