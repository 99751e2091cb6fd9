package chat.free4.session;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * "Add a robot": starts {@code free4chat robot} for a room as a process of its own, so the robot
 * has its own peer-connection factory on headless audio only (in webrtc-java 0.14 a factory that
 * also records from a device mixes the microphone into pushed audio) and a crash of it cannot take
 * the app along. The installed app starts its own launcher again; a development run starts the same
 * JVM and class path.
 */
public final class RobotLauncher {
    private static final Pattern GAME = Pattern.compile("[a-z]{1,20}");

    private RobotLauncher() {
    }

    /** A robot someone added; {@link #remove()} makes it leave. */
    public static final class RobotProcess implements AutoCloseable {
        private final Process process;

        private RobotProcess(Process process) {
            this.process = process;
        }

        public boolean running() {
            return process.isAlive();
        }

        /** Asks the robot to leave (it says goodbye to nobody: its peers see it go) and waits briefly. */
        public void remove() {
            process.destroy(); // SIGTERM: the robot's shutdown leaves the room
            try {
                if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }

        public long pid() {
            return process.pid();
        }

        @Override
        public void close() {
            remove();
        }
    }

    /**
     * Starts a robot hosting {@code game} in {@code room} on the relay at {@code where}, with the
     * room's password if it has one.
     *
     * @throws IllegalArgumentException with a sentence: not a relay room, not a game name
     * @throws IllegalStateException with a sentence when the robot cannot be started
     */
    public static RobotProcess start(RoomAddress where, String room, String game, Optional<char[]> password) {
        if (!(where instanceof RoomAddress.Relay relay)) {
            throw new IllegalArgumentException("A robot can join rooms on a relay for now; on this network, start one with free4chat robot --lan.");
        }
        if (!GAME.matcher(game).matches()) {
            throw new IllegalArgumentException("There is no game called \"" + game + "\".");
        }
        List<String> command = new ArrayList<>(selfCommand());
        command.addAll(List.of("robot", "--relay", relay.config().relay().toString(), "--room", room, "--game", game));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        // The password goes by environment, never on a command line others can read (ps).
        builder.environment().remove("FREE4CHAT_ROOM_PASSWORD");
        password.ifPresent(p -> builder.environment().put("FREE4CHAT_ROOM_PASSWORD", new String(p)));
        try {
            return new RobotProcess(builder.start());
        } catch (IOException e) {
            throw new IllegalStateException("The robot could not be started.");
        }
    }

    /** The installed launcher (jpackage sets its path), else this JVM with its class path. */
    static List<String> selfCommand() {
        String launcher = System.getProperty("jpackage.app-path");
        if (launcher != null && !launcher.isBlank()) {
            return List.of(launcher);
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return List.of(java, "-cp", System.getProperty("java.class.path"), "chat.free4.Main");
    }
}
