package chat.free4.robot;

import chat.free4.audio.HeadlessAudio;
import chat.free4.audio.RemotePcmListener;
import chat.free4.peer.PeerConnectionStatus;
import chat.free4.session.RoomAddress;
import chat.free4.session.RoomSession;
import chat.free4.session.SessionRoom;
import chat.free4.session.SessionSettings;
import chat.free4.signaling.RoomRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * A robot: a peer like any other, built through the same {@link RoomSession}, on headless audio
 * only (its voice is pushed, it never opens a microphone, and it plays nothing). It tells each peer
 * it is a robot ({@link chat.free4.session.RobotClaims}, the room's badge), hosts one game and then
 * leaves; it leaves early when everyone else has left.
 */
public final class Robot implements AutoCloseable {
    private static final long LOOK_MILLIS = 100;

    private final RoomSession session;
    private final RobotVoice voice;
    private final Speech speech;
    private RobotTable table;

    private Robot(RoomSession session, RobotVoice voice, Speech speech) {
        this.session = session;
        this.voice = voice;
        this.speech = speech;
    }

    /** @param speaking told when each sentence starts and stops going out (tests, benchmarks) */
    public static Robot open(Speech speech, SessionSettings settings, RobotVoice.Listener speaking) {
        RobotVoice voice = new RobotVoice(speaking);
        // Deaf on purpose: what players say is never heard or kept (no recognition yet, decision 0025).
        HeadlessAudio audio = new HeadlessAudio(voice, RemotePcmListener.none());
        return new Robot(RoomSession.open(audio, settings), voice, speech);
    }

    /** The session, for listeners (the command line prints the room's events). */
    public RoomSession session() {
        return session;
    }

    public SessionRoom join(RoomAddress where, RoomRequest request) {
        return session.join(where, request);
    }

    /**
     * Waits for a player, plays {@code game} and says the scores; every line the robot writes goes
     * to {@code report} too.
     *
     * @throws RoomEmptyException when everyone left before the end, or nobody came within {@code waitForPlayers}
     */
    public Scoreboard host(Game game, Duration waitForPlayers, Consumer<String> report) throws InterruptedException {
        SessionRoom room = session.room().orElseThrow(() -> new IllegalStateException("Join a room first."));
        ClaimAnnouncer badge = new ClaimAnnouncer(room.app(), game.name());
        session.addListener(badge);
        try {
            awaitPlayer(room, waitForPlayers);
            table = new RobotTable(session, room.chat(), room.app(), voice, speech, Clock.systemUTC(), report);
            table.start();
            try {
                return game.play(table);
            } finally {
                table.stop();
            }
        } finally {
            session.removeListener(badge);
        }
    }

    /** Someone connected whose chat is open (so the first sentences reach them). */
    private void awaitPlayer(SessionRoom room, Duration wait) throws InterruptedException {
        Instant until = Instant.now().plus(wait);
        while (Instant.now().isBefore(until)) {
            boolean connected = session.snapshot().peers().stream()
                    .anyMatch(p -> p.status() == PeerConnectionStatus.CONNECTED
                            && room.chat().connectedPeers().stream().anyMatch(c -> c.id().equals(p.id())));
            if (connected) {
                return;
            }
            Thread.sleep(LOOK_MILLIS); // looking again at the room, not synchronising a test
        }
        throw new RoomEmptyException();
    }

    public void leave() {
        voice.stop();
        try {
            session.leave().get(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            // closing anyway below; the connections go with the session
        }
    }

    @Override
    public void close() {
        voice.stop();
        session.close();
    }
}
