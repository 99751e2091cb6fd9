package chat.free4.cli;

import chat.free4.audio.HeadlessAudio;
import chat.free4.audio.MixRecorder;
import chat.free4.audio.PcmSource;
import chat.free4.audio.RemotePcmListener;
import chat.free4.audio.ToneGenerator;
import chat.free4.audio.WavReader;
import chat.free4.audio.WavSource;
import chat.free4.invite.InviteLink;
import chat.free4.invite.InviteLinks;
import chat.free4.mesh.MeshConfig;
import chat.free4.peer.PeerId;
import chat.free4.screen.RobotScreenCapture;
import chat.free4.screen.ScreenUnavailableException;
import chat.free4.screen.X11Windows;
import chat.free4.session.RoomAddress;
import chat.free4.session.RoomSession;
import chat.free4.session.SessionRoom;
import chat.free4.session.SessionSettings;
import chat.free4.signaling.ConfiguredIceServers;
import chat.free4.signaling.RoomPassword;
import chat.free4.signaling.RoomRequest;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code free4chat join}: a headless peer. Sends a tone, a WAV file or silence, records what it
 * hears, and prints joins, leaves, connection states and levels as they happen; with
 * {@code --chat}, {@code --send-file} and {@code --accept-files} it chats and shares files, so
 * scripts, robots and tests can drive a room without a screen. Built through the same
 * {@link RoomSession} as the desktop app.
 */
@Command(name = "join", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        description = "Join a room as a headless peer (no sound card needed).")
public class JoinCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--relay", paramLabel = "URL", description = "The relay, e.g. ws://127.0.0.1:8443/v1.")
    String relay;

    @Option(names = "--room", paramLabel = "ROOM", description = "The room to join.")
    String room;

    @picocli.CommandLine.Parameters(index = "0", arity = "0..1", paramLabel = "LINK",
            description = "A free4chat:// invite link instead of --room and --relay/--lan (its #password, if any, is the room's).")
    String link;

    @Option(names = "--name", paramLabel = "NAME", description = "Your display name (default: bot-XXXX).")
    String name;

    @Option(names = "--tone", paramLabel = "HZ", description = "Send a sine tone of this frequency.")
    Double tone;

    @Option(names = "--play", paramLabel = "FILE", description = "Send this WAV file (16-bit PCM), once.")
    Path play;

    @Option(names = "--loop", description = "With --play: repeat the file.")
    boolean loop;

    @Option(names = "--record", paramLabel = "FILE", description = "Record what you hear (all peers mixed) to this WAV file.")
    Path record;

    @Option(names = "--seconds", paramLabel = "N", defaultValue = "0",
            description = "Leave after N seconds (default: stay until Ctrl-C).")
    double seconds;

    @Option(names = "--private", description = "Do not list the room publicly (when you create it).")
    boolean privateRoom;

    @Option(names = "--tag", paramLabel = "TAG", description = "A tag for a new public room (repeatable).")
    List<String> tags = new ArrayList<>();

    @Option(names = "--levels-every", paramLabel = "MS", defaultValue = "1000",
            description = "Print peer levels this often in milliseconds, 0 for never (default ${DEFAULT-VALUE}).")
    long levelsEvery;

    @Option(names = "--route-every", paramLabel = "MS", defaultValue = "0",
            description = "Print each connection's route, round-trip time and loss this often in milliseconds "
                    + "(default: once, when it connects).")
    long routeEvery;

    @Option(names = "--chat", description = "Send each line of standard input as a chat message; print the lines others send.")
    boolean chat;

    @Option(names = "--send-file", paramLabel = "PATH", description = "Offer this file to everyone in the room (each person once).")
    Path sendFile;

    @Option(names = "--accept-files", paramLabel = "DIR", description = "Accept every file offered into this folder.")
    Path acceptInto;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "The room's password is in this file (its first line); a room with a password, on a relay "
                    + "or with --lan, is created or entered with it. Or set " + PasswordSource.ENVIRONMENT + ". Never on the command line.")
    Path passwordFile;

    @Option(names = "--share-screen", description = "Share this display's screen ($DISPLAY) with the room.")
    boolean shareScreen;

    @Option(names = "--share-window", paramLabel = "TITLE",
            description = "Share one window of this display instead: the first whose title contains TITLE (X11; needs xwininfo).")
    String shareWindow;

    @Option(names = "--share-seconds", paramLabel = "N", defaultValue = "0",
            description = "With --share-screen or --share-window: stop sharing after N seconds and stay in the room (default: share until leaving).")
    double shareSeconds;

    @Option(names = "--save-video", paramLabel = "DIR",
            description = "Write the screens others share into this folder as PNG pictures, one a second and the last one.")
    Path saveVideo;

    @Option(names = "--draw", paramLabel = "FILE",
            description = "Draw the strokes of this file on the room's whiteboard (format: docs/PROTOCOL.md, Strokes files).")
    Path draw;

    @Option(names = "--save-board", paramLabel = "FILE.png", description = "Write the whiteboard to this PNG file when leaving.")
    Path saveBoard;

    @Option(names = "--verbose", description = "Show the engine's log.")
    boolean verbose;

    @Mixin
    LanOptions lanOptions = new LanOptions();

    @Mixin
    IceOptions iceOptions = new IceOptions();

    @Override
    public Integer call() throws Exception {
        PcmSource source = source();
        String displayName = name == null ? "bot-" + PeerId.random().value().substring(0, 4) : name;
        java.util.Optional<String> linkSecret = followLink();
        if (room == null) {
            throw new CliFailure(ExitCodes.BAD_ARGUMENTS, "Say which room to join with --room ROOM, or give an invite link.");
        }
        RoomRequest request;
        try {
            request = new RoomRequest(room, displayName, PeerId.random(), !privateRoom, tags);
            java.util.Optional<RoomPassword> password =
                    PasswordSource.read(passwordFile, System.getenv(PasswordSource.ENVIRONMENT));
            if (password.isPresent() && linkSecret.isPresent()) {
                throw new CliFailure(ExitCodes.BAD_ARGUMENTS, "The invite link carries the room's password already;"
                        + " leave out --password-file and " + PasswordSource.ENVIRONMENT + ".");
            }
            if (password.isEmpty() && linkSecret.isPresent()) {
                password = java.util.Optional.of(RoomPassword.of(linkSecret.get().toCharArray()));
            }
            if (password.isPresent()) {
                request = request.withPassword(password.get());
            }
        } catch (IllegalArgumentException e) {
            throw new CliFailure(ExitCodes.BAD_ARGUMENTS, e.getMessage());
        }
        checkFileOptions();
        chat.free4.screen.SharedWindow window = shareWindow == null ? null : findWindow(shareWindow);
        chat.free4.board.StrokeScript strokes = BoardConsole.check(draw, saveBoard);
        RoomAddress address = roomAddress();
        if (verbose) {
            Logs.verbose();
        } else {
            Logs.quiet();
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        MixRecorder recorder = record == null ? null : openRecorder();
        RemotePcmListener heard = recorder == null ? RemotePcmListener.none() : recorder;
        ConsoleReporter reporter = new ConsoleReporter(out, err, levelsEvery);
        ConfiguredIceServers ice = iceOptions.check();
        // A bad server is left out with a sentence; the join goes on with the others.
        ice.problems().forEach(err::println);
        err.flush();
        SessionSettings settings = SessionSettings.defaults()
                .withMesh(MeshConfig.defaults().withIceServers(ice.servers()).withRelayOnly(iceOptions.relayOnly));
        LeaveSignal leave = LeaveSignal.install();
        try (RoomSession session = RoomSession.open(new HeadlessAudio(source, heard), settings);
             RouteReporter routes = new RouteReporter(session, reporter, routeEvery)) {
            session.addListener(reporter);
            session.addListener(routes);
            reporter.joining(request.room());
            SessionRoom joined = join(session, address, request);
            ConsoleReporter.JoinOutcome outcome = awaitJoin(reporter);
            if (outcome == ConsoleReporter.JoinOutcome.UNREACHABLE) {
                throw new CliFailure(ExitCodes.RELAY_UNREACHABLE, reporter.failure());
            }
            if (outcome == ConsoleReporter.JoinOutcome.REFUSED) {
                throw new CliFailure(ExitCodes.JOIN_REFUSED, reporter.failure());
            }
            try (ChatConsole chatConsole = chat ? ChatConsole.start(joined.chat(), reporter, System.in) : null;
                 FileConsole files = FileConsole.start(joined.files(), reporter, sendFile, acceptInto);
                 ScreenConsole screens = ScreenConsole.start(session, reporter, shareScreen, window, shareSeconds, saveVideo);
                 BoardConsole board = BoardConsole.start(joined.board(), reporter, strokes, saveBoard)) {
                leave.await(seconds);
            }
            session.leave().get(10, TimeUnit.SECONDS);
            out.println("left the room");
        } finally {
            try {
                if (recorder != null) {
                    recorder.close();
                    out.println("recorded to " + record);
                }
            } finally {
                out.flush();
                leave.close();
            }
        }
        return ExitCodes.OK;
    }

    /** With an invite link: its room and where it is become this join's; returns its password part, if any. */
    private java.util.Optional<String> followLink() {
        if (link == null) {
            return java.util.Optional.empty();
        }
        if (room != null || relay != null || lanOptions.lan) {
            throw new CliFailure(ExitCodes.BAD_ARGUMENTS, "An invite link already names the room and where it is;"
                    + " leave out --room, --relay and --lan.");
        }
        InviteLink invite;
        try {
            invite = InviteLinks.parse(link);
        } catch (IllegalArgumentException e) {
            throw new CliFailure(ExitCodes.BAD_ARGUMENTS, e.getMessage());
        }
        room = invite.room();
        if (invite.onThisNetwork()) {
            lanOptions.lan = true;
        } else {
            relay = invite.relay().map(Object::toString).orElseThrow();
        }
        return invite.secret();
    }

    /** Where the room is: the relay, or this network (the LAN mode). */
    private RoomAddress roomAddress() {
        if (lanOptions.enabled()) {
            return LanJoin.address(lanOptions, relay);
        }
        if (relay == null) {
            throw new CliFailure(ExitCodes.BAD_ARGUMENTS, "Say which relay to use with --relay ws://HOST:PORT/v1, or use --lan.");
        }
        try {
            return RoomAddress.relay(relay);
        } catch (IllegalArgumentException e) {
            throw new CliFailure(ExitCodes.BAD_ARGUMENTS, e.getMessage());
        }
    }

    private static SessionRoom join(RoomSession session, RoomAddress address, RoomRequest request) {
        try {
            return session.join(address, request);
        } catch (IllegalStateException e) {
            throw new CliFailure(ExitCodes.FAILED, e.getMessage()); // no network for LAN mode, in words
        }
    }

    /** Checked before anything opens, so a typo costs no join. */
    private void checkFileOptions() {
        if (sendFile != null && !java.nio.file.Files.isRegularFile(sendFile)) {
            throw new CliFailure(ExitCodes.BAD_ARGUMENTS, "There is no file " + sendFile + " to send.");
        }
        if (saveVideo != null && !java.nio.file.Files.isDirectory(saveVideo)) {
            throw new CliFailure(ExitCodes.BAD_ARGUMENTS, "There is no folder " + saveVideo + " to save pictures into.");
        }
        if (shareSeconds < 0 || (shareSeconds > 0 && !shareScreen && shareWindow == null)) {
            throw new CliFailure(ExitCodes.BAD_ARGUMENTS,
                    "--share-seconds needs --share-screen or --share-window and cannot be negative.");
        }
        if (shareScreen && shareWindow != null) {
            throw new CliFailure(ExitCodes.BAD_ARGUMENTS, "Share either the screen (--share-screen) or one window (--share-window), not both.");
        }
        if (shareWindow != null && shareWindow.isEmpty()) {
            throw new CliFailure(ExitCodes.BAD_ARGUMENTS, "--share-window needs a piece of the window's title.");
        }
        if (acceptInto != null && !java.nio.file.Files.isDirectory(acceptInto)) {
            throw new CliFailure(ExitCodes.BAD_ARGUMENTS, "There is no folder " + acceptInto + " to accept files into.");
        }
    }

    /** The window --share-window names, looked up before the join so a wrong title costs nothing. */
    private static chat.free4.screen.SharedWindow findWindow(String title) {
        java.util.Optional<String> reason = RobotScreenCapture.unavailableReason();
        if (reason.isPresent()) {
            throw new CliFailure(ExitCodes.BAD_ARGUMENTS, "Cannot share a window: " + reason.get());
        }
        try {
            return X11Windows.titled(title).orElseThrow(() -> new CliFailure(ExitCodes.BAD_ARGUMENTS,
                    "No window on this display has a title containing \"" + TerminalText.safe(title) + "\"."));
        } catch (ScreenUnavailableException e) {
            throw new CliFailure(ExitCodes.BAD_ARGUMENTS, "Cannot share a window: " + e.getMessage());
        }
    }

    private PcmSource source() {
        if (tone != null && play != null) {
            throw new CliFailure(ExitCodes.BAD_ARGUMENTS, "Use either --tone or --play, not both.");
        }
        if (seconds < 0) {
            throw new CliFailure(ExitCodes.BAD_ARGUMENTS, "--seconds cannot be negative.");
        }
        if (tone != null) {
            try {
                return new ToneGenerator(tone, 0.3);
            } catch (IllegalArgumentException e) {
                throw new CliFailure(ExitCodes.BAD_ARGUMENTS, e.getMessage());
            }
        }
        if (play != null) {
            try {
                return new WavSource(WavReader.read(play), loop);
            } catch (java.nio.file.NoSuchFileException e) {
                throw new CliFailure(ExitCodes.BAD_ARGUMENTS, "There is no file " + play + ".");
            } catch (IOException e) {
                throw new CliFailure(ExitCodes.BAD_ARGUMENTS, e.getMessage());
            }
        }
        return PcmSource.silence();
    }

    private MixRecorder openRecorder() {
        try {
            return new MixRecorder(record);
        } catch (IOException e) {
            throw new CliFailure(ExitCodes.BAD_ARGUMENTS, "Cannot write the recording to " + record + ".");
        }
    }

    private static ConsoleReporter.JoinOutcome awaitJoin(ConsoleReporter reporter) throws InterruptedException {
        try {
            return reporter.outcome().get(30, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new CliFailure(ExitCodes.RELAY_UNREACHABLE, "The relay did not let us into the room within 30 seconds.");
        } catch (ExecutionException e) {
            throw new CliFailure(ExitCodes.FAILED, "Joining failed.");
        }
    }
}
