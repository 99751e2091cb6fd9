package chat.free4.ui;

import chat.free4.ui.i18n.Texts;

import chat.free4.audio.AudioBackend;
import chat.free4.audio.AudioDeviceInfo;
import chat.free4.audio.AudioDeviceLists;
import chat.free4.engine.EngineListener;
import chat.free4.engine.PeerView;
import chat.free4.engine.RoomSnapshot;
import chat.free4.invite.InviteLink;
import chat.free4.peer.PeerConnectionStatus;
import chat.free4.peer.PeerId;
import chat.free4.session.ComputerSound;
import chat.free4.session.LanNetwork;
import chat.free4.session.DrawWords;
import chat.free4.session.RobotClaims;
import chat.free4.session.RobotLauncher;
import chat.free4.session.RoomAddress;
import chat.free4.session.RoomDirectories;
import chat.free4.session.RoomSession;
import chat.free4.session.SessionRoom;
import chat.free4.session.SessionSettings;
import chat.free4.signaling.ConfiguredIceServers;
import chat.free4.signaling.ListedRoom;
import chat.free4.signaling.RoomDirectory;
import chat.free4.signaling.RoomRequest;
import chat.free4.signaling.SignalingState;
import chat.free4.ui.chat.ChatModel;
import chat.free4.ui.chat.ChatModels;
import chat.free4.ui.chat.TransfersModel;
import chat.free4.ui.lobby.CreateRoomRequest;
import chat.free4.ui.lobby.LobbyActions;
import chat.free4.ui.lobby.LobbyViewModel;
import chat.free4.ui.lobby.PasswordQuestion;
import chat.free4.ui.lobby.RelayStatus;
import chat.free4.ui.lobby.RoomEntry;
import chat.free4.ui.lobby.RoomSource;
import chat.free4.ui.room.ConnectionState;
import chat.free4.ui.room.ParticipantViewModel;
import chat.free4.ui.room.RoomActions;
import chat.free4.ui.room.RoomViewModel;
import chat.free4.ui.settings.AudioTestActions;
import chat.free4.ui.settings.Settings;
import chat.free4.ui.settings.SettingsViewModel;
import chat.free4.ui.settings.VoiceMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where the engine meets JavaFX. User actions from the view models go to the
 * {@link RoomSession} on a background thread (never blocking the FX thread); session events come
 * back through {@link #FX} and update the view models. No WebRTC or socket code lives here, and
 * nothing of the transports: the session and its room directories do that.
 */
public final class EngineBridge implements LobbyActions, RoomActions, AudioTestActions, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EngineBridge.class);
    /** Shown when the room turned out to be in the relay's public list though not asked for. */
        static final String FAILED_BEHIND_A_FIREWALL =
            "they may be behind a strict firewall; a TURN server in Settings → Network can help";
    /** In a password room a connection also fails when the other side cannot prove the password. */
    static final String FAILED_IN_A_PASSWORD_ROOM = "they may not have this room's password, or be behind a strict "
            + "firewall (a TURN server in Settings → Network can help)";
    /** The way onto the FX thread; the chat and transfer models get it from here too. */
    private static final Executor FX = Platform::runLater;

    private final LobbyViewModel lobby;
    private final RoomViewModel room;
    private final SettingsViewModel settings;
    private final Supplier<String> relayUrl;
    private final Supplier<AudioBackend> audioFactory;
    private final PublicRoomList directory;
    private final java.nio.file.Path downloads;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ui-engine-bridge");
        t.setDaemon(true);
        return t;
    });
    private RoomSession session;
    private ScheduledFuture<?> routePoll;
    private LanNetwork lan;
    private volatile String audioWarning = "";
    private volatile boolean microphoneOpen = true;
    private volatile boolean deafened;
    private ScheduledFuture<?> micTest;
    /** The sound devices Settings lists (on the worker), to find the speaker a test sound goes to. */
    private volatile AudioDeviceLists soundDevices;
    /** Set on the FX thread while a leave we asked for is under way, so CLOSED is not an error. */
    private boolean leaving;
    /** The last room snapshot shown was joined at the relay or LAN (FX thread); a refusal then no longer ends the join. */
    private boolean signalingJoined;
    /** The room being joined and its relay (FX thread): a refusal a password can answer asks again for it. */
    private CreateRoomRequest joining;
    private String joiningRelay = "";
    /** Who in the room says it is a robot (set on the worker once joined). */
    private volatile RobotClaims robotClaims;
    /** The subscription to a draw-and-guess robot's secret words; null outside a room. */
    private volatile AutoCloseable drawWords;
    /** The robot this person added (worker thread only). */
    private RobotLauncher.RobotProcess addedRobot;

    /**
     * @param relayUrl     the relay for this run (empty: LAN only)
     * @param audioFactory makes the audio path when first needed (device audio on the desktop)
     * @param downloads    where downloads in progress are noted; {@link #start()} cleans up after a crash
     */
    public EngineBridge(LobbyViewModel lobby, RoomViewModel room, SettingsViewModel settings,
            Supplier<String> relayUrl, Supplier<AudioBackend> audioFactory, java.nio.file.Path downloads) {
        this.downloads = downloads;
        this.lobby = lobby;
        this.room = room;
        this.settings = settings;
        this.relayUrl = relayUrl;
        this.audioFactory = audioFactory;
        this.directory = new PublicRoomList(lobby);
        lobby.setActions(this);
        room.setActions(this);
        settings.setAudioTests(this);
    }

    /** Starts watching the relay's public rooms (if a relay is set). Call on the FX thread. */
    public void start() {
        worker.execute(this::removeUnfinishedDownloads);
        directory.connect(relayUrl.get());
        String lanInterface = settings.current().lanInterface();
        worker.execute(() -> openLan(lanInterface));
        settings.settingsProperty().addListener((obs, old, now) -> {
            if (!old.relayUrl().equals(now.relayUrl())) {
                directory.connect(relayUrl.get());
            }
            if (!old.lanInterface().equals(now.lanInterface()) && !room.activeProperty().get()) {
                worker.execute(() -> openLan(now.lanInterface()));
            }
            if (!old.inputDevice().equals(now.inputDevice()) || !old.outputDevice().equals(now.outputDevice())) {
                worker.execute(() -> applyDevices(now));
            }
            if (!old.sound().equals(now.sound()) || old.voiceMode() != now.voiceMode()) {
                worker.execute(() -> applySound(now));
            }
        });
    }

    private void removeUnfinishedDownloads() {
        try {
            SessionSettings.removeUnfinishedDownloads(downloads);
        } catch (RuntimeException e) {
            LOG.warn("Could not clean up unfinished downloads of an earlier run", e);
        }
    }

    // ---- lobby ----

    @Override
    public void refreshPublicRooms(String tag) {
        directory.refresh(tag);
    }

    @Override
    public void join(CreateRoomRequest request) {
        join(request, relayUrl.get());
    }

    /** Joins a room on {@code relay} (an invite's, which may differ from the lobby's); empty: none. */
    @Override
    public void join(CreateRoomRequest request, String relay) {
        if (room.activeProperty().get()) {
            lobby.errorProperty().set(Texts.get("room.alreadyIn", room.roomNameProperty().get()));
            return;
        }
        if (request.source() == RoomSource.RELAY && relay.isEmpty()) {
            lobby.errorProperty().set(Texts.get("room.noRelay"));
            return;
        }
        if (request.source() == RoomSource.LAN && !lobby.lanProblemProperty().get().isEmpty()) {
            lobby.errorProperty().set(lobby.lanProblemProperty().get());
            return;
        }
        Settings now = settings.current();
        RoomRequest roomRequest;
        try {
            RoomRequest plain = new RoomRequest(request.name(), now.displayName(), PeerId.random(), request.isPublic(),
                    request.tags());
            roomRequest = request.password().map(p -> plain.withPassword(p.toCharArray())).orElse(plain);
        } catch (IllegalArgumentException e) {
            lobby.errorProperty().set(e.getMessage());
            return;
        }
        leaving = false;
        signalingJoined = false;
        lobby.passwordQuestionProperty().set(null); // a new join answers whatever was asked
        joining = request;
        joiningRelay = relay;
        room.reset(request.name(), Texts.get(request.source() == RoomSource.LAN ? "room.kind.lan" : "room.kind.internet"),
                request.password().isPresent());
        room.inviteProperty().set(inviteTo(request, relay));
        room.statusProperty().set(Texts.get(request.source() == RoomSource.LAN ? "room.status.lookingOnLan"
                : "room.status.connectingRelay"));
        worker.execute(() -> {
            try {
                RoomSession s = session();
                String warning = audioWarning;
                if (!warning.isEmpty()) {
                    Platform.runLater(() -> room.errorProperty().set(warning));
                }
                SessionRoom joined = s.join(request.source() == RoomSource.LAN ? lanAddress() : RoomAddress.relay(relay),
                        roomRequest);
                RobotClaims claims = RobotClaims.follow(joined);
                claims.onChange(() -> Platform.runLater(this::showRobots));
                robotClaims = claims;
                drawWords = DrawWords.follow(joined, claims, word -> Platform.runLater(() -> {
                    if (room.activeProperty().get() && !leaving) {
                        room.drawWordProperty().set(word); // empty: the turn is over
                    }
                }));
                Platform.runLater(() -> {
                    if (room.activeProperty().get() && !leaving) {
                        room.chatProperty().set(new ChatModels(new ChatModel(joined.chat(), FX),
                                new TransfersModel(joined.files(), FX)));
                        room.boardProperty().set(joined.whiteboard());
                    }
                });
            } catch (RuntimeException ex) {
                LOG.warn("Could not join {}", request.name(), ex);
                String sentence = ex instanceof MicrophoneUnavailable ? ex.getMessage()
                        : FailureAdvice.explain("", ex.getMessage());
                Platform.runLater(() -> {
                    room.close();
                    lobby.errorProperty().set(sentence);
                });
            }
        });
    }

    /** The invite link to the room being joined; null if the relay address cannot be put in one. */
    private static InviteLink inviteTo(CreateRoomRequest request, String relay) {
        try {
            InviteLink invite = request.source() == RoomSource.LAN ? InviteLink.lan(request.name())
                    : InviteLink.relay(java.net.URI.create(relay), request.name());
            // A password room's link carries the password after '#', which no server ever sees.
            return request.password().map(invite::withSecret).orElse(invite);
        } catch (IllegalArgumentException e) {
            LOG.info("No invite link for this room: {}", e.getMessage());
            return null;
        }
    }

    // ---- room ----

    @Override
    public void setDeafened(boolean deafened) {
        this.deafened = deafened;
        worker.execute(() -> {
            if (session != null) {
                session.setDeafened(deafened);
            }
        });
    }

    @Override
    public void setMicrophoneOpen(boolean open) {
        microphoneOpen = open;
        worker.execute(() -> {
            if (session != null) {
                session.setMicrophoneMuted(!open);
            }
        });
    }

    @Override
    public void setParticipantVolume(String participantId, double volume) {
        worker.execute(() -> {
            if (session != null) {
                session.setPeerVolume(new PeerId(participantId), volume);
            }
        });
    }

    @Override
    public void setParticipantMuted(String participantId, boolean muted) {
        worker.execute(() -> {
            if (session != null) {
                session.setPeerMuted(new PeerId(participantId), muted);
            }
        });
    }

    @Override
    public void leave() {
        if (!room.activeProperty().get()) {
            return;
        }
        leaving = true;
        room.close();
        worker.execute(this::leaveOnWorker);
    }

    private void leaveOnWorker() {
        removeRobotOnWorker();
        if (drawWords != null) {
            try {
                drawWords.close();
            } catch (Exception ignored) {
                // the room is being left anyway
            }
            drawWords = null;
        }
        if (robotClaims != null) {
            robotClaims.close();
            robotClaims = null;
        }
        if (session != null) {
            session.leave();
        }
    }

    @Override
    public void addRobot(String game) {
        CreateRoomRequest where = joining;
        String relay = joiningRelay;
        if (where == null || !room.activeProperty().get()) {
            return;
        }
        if (where.source() == RoomSource.LAN) {
            room.errorProperty().set(Texts.get("room.robotOnLan"));
            return;
        }
        worker.execute(() -> {
            if (addedRobot != null && addedRobot.running()) {
                return;
            }
            try {
                addedRobot = RobotLauncher.start(RoomAddress.relay(relay), where.name(), game,
                        where.password().map(String::toCharArray));
                Platform.runLater(() -> room.robotAddedProperty().set(true));
            } catch (RuntimeException e) {
                LOG.warn("Could not add a robot: {}", e.getMessage());
                Platform.runLater(() -> room.errorProperty().set(e.getMessage()));
            }
        });
    }

    @Override
    public void removeRobot() {
        room.robotAddedProperty().set(false);
        worker.execute(this::removeRobotOnWorker);
    }

    private void removeRobotOnWorker() {
        if (addedRobot != null) {
            addedRobot.remove();
            addedRobot = null;
        }
    }

    // ---- settings: device checks ----

    @Override
    public void startMicTest(String inputDevice) {
        worker.execute(() -> {
            try {
                RoomSession s = session();
                if (micTest != null) {
                    micTest.cancel(false);
                }
                micTest = worker.scheduleAtFixedRate(() -> {
                    double level = s.microphoneLevel();
                    Platform.runLater(() -> settings.micTestLevelProperty().set(level));
                }, 0, 100, TimeUnit.MILLISECONDS);
            } catch (RuntimeException ex) {
                Platform.runLater(() -> settings.problemProperty().set(ex.getMessage()));
            }
        });
    }

    @Override
    public void stopMicTest() {
        worker.execute(() -> {
            if (micTest != null) {
                micTest.cancel(false);
                micTest = null;
            }
        });
    }

    @Override
    public void playTestSound(String outputDevice) {
        // A thread of its own: the chime takes most of a second, and the worker runs the call.
        Thread player = new Thread(() -> {
            try {
                AudioDeviceLists lists = soundDevices;
                ComputerSound.playTestSound(lists == null ? Optional.empty() : find(lists.outputs(), outputDevice));
            } catch (RuntimeException ex) {
                Platform.runLater(() -> settings.problemProperty().set(ex.getMessage()));
            } catch (LinkageError ex) {
                LOG.warn("The sound system could not be loaded for the test sound", ex);
                Platform.runLater(() -> settings.problemProperty().set(FailureAdvice.noSoundSystem()));
            }
        }, "test-sound");
        player.setDaemon(true);
        player.start();
    }

    /** The audio path could only be opened partly (e.g. no sound card); shown on every join. */
    public void audioWarning(String sentence) {
        audioWarning = sentence == null ? "" : sentence;
        Platform.runLater(() -> room.errorProperty().set(audioWarning));
    }

    @Override
    public void close() {
        directory.close();
        if (soundDevices instanceof AutoCloseable watcher) {
            try {
                watcher.close(); // its event thread would otherwise outlive the window
            } catch (Exception e) {
                LOG.debug("Closing the sound device watcher failed", e);
            }
        }
        worker.execute(() -> {
            removeRobotOnWorker();
            if (session != null) {
                session.close();
                session = null;
            }
            closeLan();
        });
        worker.shutdown();
        try {
            worker.awaitTermination(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- on the worker thread ----

    /** Opens mDNS on the chosen interface and feeds the lobby's LAN list; says why in words if it cannot. */
    private void openLan(String interfaceName) {
        closeLan();
        try {
            lan = LanNetwork.open(interfaceName);
            lan.directory(rooms -> {
                List<RoomEntry> entries = rooms.stream()
                        .map(r -> new RoomEntry(r.name(), r.members(), List.of(), RoomSource.LAN)).toList();
                Platform.runLater(() -> lobby.setLanRooms(entries));
            }).start();
            Platform.runLater(() -> lobby.lanProblemProperty().set(""));
        } catch (RuntimeException e) {
            LOG.warn("LAN discovery is not available: {}", e.getMessage());
            String sentence = Texts.get("lobby.lanProblem", e.getMessage());
            Platform.runLater(() -> {
                lobby.setLanRooms(List.of());
                lobby.lanProblemProperty().set(sentence);
            });
        }
    }

    private void closeLan() {
        if (lan != null) {
            lan.close();
            lan = null;
        }
    }

    private RoomAddress lanAddress() {
        if (lan == null) {
            throw new IllegalStateException(Texts.get("lobby.lanUnavailable"));
        }
        return RoomAddress.lan(lan);
    }

    /** The session, made at first use so the sound card is only opened when needed. */
    private RoomSession session() {
        if (session != null) {
            return session;
        }
        AudioBackend audio;
        try {
            audio = audioFactory.get();
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("Could not open the audio devices", e);
            throw new MicrophoneUnavailable(FailureAdvice.microphone(e));
        }
        Settings now = settings.current();
        List<ConfiguredIceServers.Entry> entries = new ArrayList<>(ConfiguredIceServers.urls(now.stunServers()));
        now.turnServers().forEach(turn -> entries.add(turn.entry()));
        session = RoomSession.open(audio, SessionSettings.defaults().withIceServers(entries).withDownloadJournal(downloads));
        chat.free4.screen.ScreenShare screens = session.screen();
        Platform.runLater(() -> room.screenProperty().set(screens));
        if (!session.iceProblems().isEmpty()) {
            String problems = String.join(" ", session.iceProblems());
            Platform.runLater(() -> room.errorProperty().set(problems));
        }
        if (routePoll == null) {
            // Each person's route (direct, through your router, via TURN), round-trip time and loss.
            routePoll = worker.scheduleWithFixedDelay(this::showRoutes, 1, 2, TimeUnit.SECONDS);
        }
        session.setMicrophoneMuted(!microphoneOpen);
        session.setDeafened(deafened);
        session.addListener(new ToFx());
        session.devices().ifPresent(chooser -> {
            showDeviceLists(chooser);
            chooser.addChangeListener(() -> showDeviceLists(chooser));
        });
        applyDevices(now);
        applySound(now);
        return session;
    }

    /** Voice processing switches, and the voice gate in voice-activity mode (push-to-talk sends while held). */
    private void applySound(Settings now) {
        if (session == null) {
            return;
        }
        session.setVoiceProcessing(now.sound().processing());
        session.setVoiceSensitivity(now.voiceMode() == VoiceMode.VOICE_ACTIVITY ? now.sound().voiceSensitivity() : Double.NaN);
    }

    /**
     * Fills Settings' device lists from the start, before any sound device is opened, and keeps
     * them current as devices come and go. The desktop app passes the computer's devices; tests
     * with headless audio pass none.
     */
    public void watchDevices(Supplier<java.util.Optional<AudioDeviceLists>> lists) {
        worker.execute(() -> {
            try {
                lists.get().ifPresent(l -> {
                    soundDevices = l;
                    showDeviceLists(l);
                    l.addChangeListener(() -> showDeviceLists(l));
                });
            } catch (RuntimeException | LinkageError e) {
                LOG.warn("Could not list the sound devices", e);
            }
        });
    }

    private void showDeviceLists(AudioDeviceLists chooser) {
        List<String> inputs = chooser.inputs().stream().map(AudioDeviceInfo::name).toList();
        List<String> outputs = chooser.outputs().stream().map(AudioDeviceInfo::name).toList();
        Platform.runLater(() -> {
            settings.inputDevices().setAll(inputs);
            settings.outputDevices().setAll(outputs);
            if (inputs.isEmpty()) {
                room.errorProperty().set(FailureAdvice.noMicrophone());
            }
        });
    }

    /** Puts the chosen devices to use; a chosen device that is not connected falls back to the default, with a word. */
    private void applyDevices(Settings now) {
        if (session == null) {
            return;
        }
        session.devices().ifPresent(c -> {
            c.selectInput(chosen(c.inputs(), now.inputDevice(), "audio.microphoneMissing"));
            c.selectOutput(chosen(c.outputs(), now.outputDevice(), "audio.speakerMissing"));
        });
    }

    /** The device Settings names ({@code wanted}: its server name or its description); empty for the default. */
    private static Optional<AudioDeviceInfo> find(List<AudioDeviceInfo> devices, String wanted) {
        return wanted.isEmpty() ? Optional.empty()
                : devices.stream().filter(d -> d.descriptor().equals(wanted) || d.name().equals(wanted)).findFirst();
    }

    /** @param missingKey the words for a chosen device that is not connected */
    private AudioDeviceInfo chosen(List<AudioDeviceInfo> devices, String wanted, String missingKey) {
        if (wanted.isEmpty()) {
            return null;
        }
        Optional<AudioDeviceInfo> found = find(devices, wanted);
        if (found.isEmpty()) {
            audioWarning(Texts.get(missingKey, wanted));
        }
        return found.orElse(null);
    }

    /** Engine events (on the engine's thread) handed to the FX thread. */
    private final class ToFx implements EngineListener {
        @Override
        public void onRoomChanged(RoomSnapshot view) {
            Platform.runLater(() -> show(view));
        }

        @Override
        public void onLevels(RoomSnapshot view) {
            Platform.runLater(() -> showLevels(view));
        }

        @Override
        public void onError(String code, String sentence) {
            Platform.runLater(() -> showError(code, sentence));
        }
    }

    /** On the worker: asks WebRTC how each connected person's call goes and shows it in the room. */
    private void showRoutes() {
        RoomSession s = session;
        if (s == null) {
            return;
        }
        for (PeerView peer : s.snapshot().peers()) {
            if (peer.status() != PeerConnectionStatus.CONNECTED) {
                continue;
            }
            String id = peer.id().value();
            try {
                s.route(peer.id()).thenAccept(known -> known.ifPresent(route -> {
                    String words = route.shortWords();
                    Platform.runLater(() -> room.participant(id).ifPresent(p -> p.routeProperty().set(words)));
                }));
            } catch (RuntimeException leftMeanwhile) {
                // The room closed under us (a periodic task that threw would never run again).
                LOG.debug("No statistics for {} right now", id, leftMeanwhile);
            }
        }
    }

    // ---- on the FX thread ----

    private void show(RoomSnapshot view) {
        if (!room.activeProperty().get() || leaving) {
            return;
        }
        Set<String> present = new HashSet<>();
        for (PeerView peer : view.peers()) {
            String id = peer.id().value();
            present.add(id);
            ParticipantViewModel p = room.participant(id).orElseGet(() -> {
                ParticipantViewModel created = new ParticipantViewModel(id, peer.name());
                room.addParticipant(created);
                return created;
            });
            p.displayNameProperty().set(peer.name());
            p.setState(state(peer), peer.status() != PeerConnectionStatus.FAILED ? ""
                    : room.passwordProtectedProperty().get() ? FAILED_IN_A_PASSWORD_ROOM : FAILED_BEHIND_A_FIREWALL);
            p.levelProperty().set(peer.level());
            p.safetyCodeProperty().set(peer.safetyCode());
            RobotClaims claims = robotClaims;
            p.robotGameProperty().set(claims == null ? "" : claims.game(peer.id()).orElse(""));
        }
        new ArrayList<>(room.participants()).stream().map(ParticipantViewModel::id)
                .filter(id -> !present.contains(id)).forEach(room::removeParticipant);
        signalingJoined = view.signaling() == SignalingState.JOINED;
        room.statusProperty().set(statusWords(view));
        room.micLevelProperty().set(view.selfLevel());
    }

    /** A peer said it is a robot: its badge. */
    private void showRobots() {
        RobotClaims claims = robotClaims;
        if (claims == null || !room.activeProperty().get() || leaving) {
            return;
        }
        room.participants().forEach(p -> p.robotGameProperty().set(claims.game(new PeerId(p.id())).orElse("")));
    }

    private void showLevels(RoomSnapshot view) {
        if (!room.activeProperty().get() || leaving) {
            return;
        }
        for (PeerView peer : view.peers()) {
            room.participant(peer.id().value()).ifPresent(p -> p.levelProperty().set(peer.level()));
        }
        room.micLevelProperty().set(view.selfLevel());
    }

    private void showError(String code, String sentence) {
        String words = FailureAdvice.explain(code, sentence);
        if (!room.activeProperty().get()) {
            lobby.errorProperty().set(words);
            return;
        }
        boolean inRoomAlready = signalingJoined;
        if (EngineErrors.endsTheJoin(code, inRoomAlready)) {
            // A refused join: back to the lobby, which says why, or asks for the room's password.
            leaving = true;
            room.close();
            Optional<PasswordQuestion> question = joining == null ? Optional.empty()
                    : PasswordQuestion.forRefusal(code, sentence, joining, joiningRelay);
            question.ifPresentOrElse(lobby.passwordQuestionProperty()::set, () -> lobby.errorProperty().set(words));
            worker.execute(this::leaveOnWorker);
            return;
        }
        room.errorProperty().set(words);
    }

    private static ConnectionState state(PeerView peer) {
        return switch (peer.status()) {
            case NEW, CONNECTING -> ConnectionState.CONNECTING;
            case CONNECTED -> ConnectionState.CONNECTED;
            case RECONNECTING -> ConnectionState.RECONNECTING;
            case FAILED, CLOSED -> ConnectionState.FAILED;
        };
    }

    private static String statusWords(RoomSnapshot view) {
        if (view.signaling() == SignalingState.JOINED) {
            long connected = view.peers().stream()
                    .filter(p -> p.status() == PeerConnectionStatus.CONNECTED).count();
            String size = view.maxPeers() > 0 ? " · " + Texts.get("room.status.size", view.maxPeers()) : "";
            String listed = view.listedAgainstWish() ? " · " + Texts.get("room.status.listed") : "";
            return Texts.get("room.status.inRoom", view.peers().isEmpty() ? Texts.get("room.status.waiting")
                    : Texts.get("room.status.connected", connected, view.peers().size()), size, listed);
        }
        return view.signalingWords().isBlank() ? Texts.get("room.status.connecting") : view.signalingWords();
    }

    /** A microphone problem, already in words for the person. */
    static final class MicrophoneUnavailable extends RuntimeException {
        MicrophoneUnavailable(String sentence) {
            super(sentence);
        }
    }

    /** Keeps the lobby's public room list fed from the relay; restarts when the relay address changes. */
    private static final class PublicRoomList implements AutoCloseable {
        private final LobbyViewModel lobby;
        private RoomDirectory current;

        PublicRoomList(LobbyViewModel lobby) {
            this.lobby = lobby;
        }

        void connect(String url) {
            close();
            lobby.setPublicRooms(List.of());
            if (url.isEmpty()) {
                lobby.setRelayStatus(RelayStatus.NOT_CONFIGURED, "");
                return;
            }
            try {
                current = RoomDirectories.publicRooms(url, new RoomDirectory.Listener() {
                    @Override
                    public void onRooms(List<ListedRoom> rooms) {
                        List<RoomEntry> entries = rooms.stream()
                                .map(r -> new RoomEntry(r.name(), r.members(), r.tags(), RoomSource.RELAY)).toList();
                        Platform.runLater(() -> lobby.setPublicRooms(entries));
                    }

                    @Override
                    public void onReachable(boolean reachable, String sentence) {
                        Platform.runLater(() -> lobby.setRelayStatus(
                                reachable ? RelayStatus.ONLINE : RelayStatus.UNREACHABLE, sentence));
                    }

                    @Override
                    public void onRefused(String sentence) {
                        Platform.runLater(() -> lobby.errorProperty().set(sentence));
                    }
                });
            } catch (IllegalArgumentException e) {
                lobby.setRelayStatus(RelayStatus.UNREACHABLE, e.getMessage());
                return;
            }
            lobby.setRelayStatus(RelayStatus.CONNECTING, "");
            current.start();
        }

        void refresh(String tag) {
            if (current != null) {
                current.refresh(tag);
            }
        }

        @Override
        public void close() {
            if (current != null) {
                current.close();
                current = null;
            }
        }
    }
}
