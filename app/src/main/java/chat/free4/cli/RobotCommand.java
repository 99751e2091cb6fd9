package chat.free4.cli;

import chat.free4.mesh.MeshConfig;
import chat.free4.peer.PeerId;
import chat.free4.robot.EspeakSpeech;
import chat.free4.robot.Game;
import chat.free4.robot.Games;
import chat.free4.robot.Robot;
import chat.free4.robot.RoomEmptyException;
import chat.free4.robot.Scoreboard;
import chat.free4.session.RoomAddress;
import chat.free4.session.SessionSettings;
import chat.free4.signaling.ConfiguredIceServers;
import chat.free4.signaling.RoomPassword;
import chat.free4.signaling.RoomRequest;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
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
 * {@code free4chat robot}: a robot joins the room, hosts one voice game with whoever is there, says
 * the scores and leaves (earlier when everyone has left). It speaks with espeak-ng and reads the
 * answers in the chat; without espeak-ng it writes everything in the chat and says so.
 */
@Command(name = "robot", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        description = "Add a robot that hosts a voice game in a room: words, interview, guess or draw.")
public class RobotCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--relay", paramLabel = "URL", description = "The relay, e.g. ws://127.0.0.1:8443/v1.")
    String relay;

    @Option(names = "--room", paramLabel = "ROOM", required = true, description = "The room to join.")
    String room;

    @Option(names = "--game", paramLabel = "NAME", required = true,
            description = "The game: words (word practice), interview (interview practice), guess (guess the word)"
                    + " or draw (draw and guess on the whiteboard).")
    String game;

    @Option(names = "--rounds", paramLabel = "N", description = "How many words or questions (default: the whole bank; draw: 6).")
    Integer rounds;

    @Option(names = "--bank", paramLabel = "FILE",
            description = "Your own words or questions, one a line (guess: word | clue | clue ...; draw: one word to draw a line).")
    Path bank;

    @Option(names = "--answer-seconds", paramLabel = "S", description = "How long each round waits for answers.")
    Integer answerSeconds;

    @Option(names = "--wait-minutes", paramLabel = "M", defaultValue = "10",
            description = "How long to wait for someone to play with (default ${DEFAULT-VALUE}).")
    int waitMinutes;

    @Option(names = "--name", paramLabel = "NAME", defaultValue = "Robot", description = "The robot's name (default ${DEFAULT-VALUE}).")
    String name;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "The room's password is in this file (its first line). Or set " + PasswordSource.ENVIRONMENT + ".")
    Path passwordFile;

    /** The text-to-speech program; tests point it elsewhere to see the robot without a voice. */
    @Option(names = "--speech-program", hidden = true, defaultValue = "espeak-ng")
    String speechProgram;

    @Option(names = "--verbose", description = "Show the engine's log.")
    boolean verbose;

    @Mixin
    LanOptions lanOptions = new LanOptions();

    @Mixin
    IceOptions iceOptions = new IceOptions();

    @Override
    public Integer call() throws Exception {
        Game chosen = chooseGame();
        if (waitMinutes < 1) {
            throw new CliFailure(ExitCodes.BAD_ARGUMENTS, "--wait-minutes must be at least 1.");
        }
        RoomRequest request = request();
        RoomAddress address = address();
        if (verbose) {
            Logs.verbose();
        } else {
            Logs.quiet();
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        EspeakSpeech speech = new EspeakSpeech(speechProgram);
        if (!speech.available()) {
            err.println(speech.unavailableSentence());
            err.flush();
        }
        ConsoleReporter reporter = new ConsoleReporter(out, err, 0);
        ConfiguredIceServers ice = iceOptions.check();
        ice.problems().forEach(err::println);
        SessionSettings settings = SessionSettings.defaults()
                .withMesh(MeshConfig.defaults().withIceServers(ice.servers()).withRelayOnly(iceOptions.relayOnly));
        try (Robot robot = Robot.open(speech, settings, (start, end) -> { })) {
            robot.session().addListener(reporter);
            reporter.joining(request.room());
            try {
                robot.join(address, request);
            } catch (IllegalStateException e) {
                throw new CliFailure(ExitCodes.FAILED, e.getMessage());
            }
            awaitJoin(reporter);
            try {
                Scoreboard board = robot.host(chosen, Duration.ofMinutes(waitMinutes), line -> reporter.line("robot: " + line));
                reporter.line("game over: " + board.sentence());
            } catch (RoomEmptyException e) {
                reporter.line("Nobody is left to play with; the robot leaves the room.");
            }
            robot.leave();
            out.println("left the room");
        }
        return ExitCodes.OK;
    }

    private Game chooseGame() {
        try {
            return Games.create(game, Optional.ofNullable(bank), Optional.ofNullable(rounds),
                    Optional.ofNullable(answerSeconds).map(Duration::ofSeconds));
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new CliFailure(ExitCodes.BAD_ARGUMENTS, e.getMessage());
        }
    }

    private RoomRequest request() {
        try {
            RoomRequest request = new RoomRequest(room, name, PeerId.random(), false, List.of());
            Optional<RoomPassword> password = PasswordSource.read(passwordFile, System.getenv(PasswordSource.ENVIRONMENT));
            return password.isPresent() ? request.withPassword(password.get()) : request;
        } catch (IllegalArgumentException e) {
            throw new CliFailure(ExitCodes.BAD_ARGUMENTS, e.getMessage());
        }
    }

    private RoomAddress address() {
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

    private static void awaitJoin(ConsoleReporter reporter) throws InterruptedException {
        ConsoleReporter.JoinOutcome outcome;
        try {
            outcome = reporter.outcome().get(30, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new CliFailure(ExitCodes.RELAY_UNREACHABLE, "The relay did not let the robot into the room within 30 seconds.");
        } catch (ExecutionException e) {
            throw new CliFailure(ExitCodes.FAILED, "Joining failed.");
        }
        if (outcome == ConsoleReporter.JoinOutcome.UNREACHABLE) {
            throw new CliFailure(ExitCodes.RELAY_UNREACHABLE, reporter.failure());
        }
        if (outcome == ConsoleReporter.JoinOutcome.REFUSED) {
            throw new CliFailure(ExitCodes.JOIN_REFUSED, reporter.failure());
        }
    }
}
