package chat.free4.robot;

import chat.free4.audio.Pcm;
import chat.free4.chat.ChatLogListener;
import chat.free4.chat.ChatMessage;
import chat.free4.chat.MessageRefusedException;
import chat.free4.data.AppDataService;
import chat.free4.data.ChannelClosedException;
import chat.free4.engine.PeerView;
import chat.free4.peer.PeerConnectionStatus;
import chat.free4.peer.PeerId;
import chat.free4.peer.PeerInfo;
import chat.free4.session.RoomSession;
import chat.free4.session.SessionChat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The robot's {@link GameTable}: speaks through its {@link RobotVoice}, writes and reads the room's
 * chat like any peer, and counts as players the peers it is connected to. Chat lines are answers
 * only while a round is open, only from a player in the room now, and only from their author
 * (a line passed on by someone else is not taken); they are forgotten when the next round opens.
 */
final class RobotTable implements GameTable, ChatLogListener {
    private static final Logger LOG = LoggerFactory.getLogger(RobotTable.class);
    /** Answers kept waiting in one round; a flood beyond this is dropped. */
    static final int MAX_WAITING = 256;
    /** How often a waiting round looks again at who is in the room. */
    private static final long LOOK_MILLIS = 100;

    private final RoomSession session;
    private final SessionChat chat;
    private final AppDataService app;
    private final RobotVoice voice;
    private final Speech speech;
    private final Clock clock;
    private final Consumer<String> report;
    private final BlockingQueue<Answer> answers = new LinkedBlockingQueue<>(MAX_WAITING);
    private volatile boolean roundOpen;
    private volatile boolean voiceWorks;

    /** How long a private message waits for the player's app channel to open. */
    private static final long PRIVATE_WAIT_MILLIS = 5_000;

    RobotTable(RoomSession session, SessionChat chat, AppDataService app, RobotVoice voice, Speech speech, Clock clock,
               Consumer<String> report) {
        this.session = session;
        this.chat = chat;
        this.app = app;
        this.voice = voice;
        this.speech = speech;
        this.clock = clock;
        this.report = report;
        this.voiceWorks = speech.available();
    }

    /** Starts reading the chat (lines already there are history, not answers). */
    void start() {
        chat.follow(this);
        if (!voiceWorks) {
            write(speech.unavailableSentence());
        }
    }

    void stop() {
        chat.unfollow(this);
        roundOpen = false;
        answers.clear();
        voice.stop();
    }

    @Override
    public void onAdded(ChatMessage message, int index) {
        if (!roundOpen || message.isSystem() || message.sender().equals(chat.self().id())
                || chat.relayedBy(message.id()).isPresent()) {
            return;
        }
        Optional<Player> from = players().stream().filter(p -> p.id().equals(message.sender())).findFirst();
        if (from.isEmpty()) {
            return;
        }
        if (!answers.offer(new Answer(from.get(), message.text(), clock.instant()))) {
            LOG.debug("Dropped an answer: {} are waiting already", MAX_WAITING);
        }
    }

    @Override
    public void say(String spoken, String written) throws InterruptedException {
        requirePlayers();
        if (!voiceWorks) {
            write(spoken);
            return;
        }
        short[] samples;
        try {
            samples = speech.render(spoken);
        } catch (SpeechUnavailableException e) {
            voiceWorks = false; // say it once, then carry on in the chat
            write(e.getMessage() + " I will write everything in the chat instead.");
            write(spoken);
            return;
        }
        write(written);
        long millis = samples.length * 1000L / Pcm.SAMPLE_RATE;
        try {
            voice.speak(samples).get(millis + 5_000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("A sentence was not sent in time");
        }
    }

    @Override
    public void write(String line) {
        report.accept(line);
        try {
            chat.send(line);
        } catch (MessageRefusedException e) {
            LOG.warn("The chat refused a line of the robot: {}", e.getMessage());
        }
    }

    @Override
    public List<Player> players() {
        return session.snapshot().peers().stream()
                .filter(p -> p.status() == PeerConnectionStatus.CONNECTED)
                .map(RobotTable::player)
                .toList();
    }

    private static Player player(PeerView p) {
        return new Player(p.id(), p.name());
    }

    @Override
    public void openRound() {
        requirePlayers();
        roundOpen = false;
        answers.clear();
        roundOpen = true;
    }

    @Override
    public Optional<Answer> nextAnswer(Instant deadline, Predicate<Player> awaited) throws InterruptedException {
        while (true) {
            List<Player> now = requirePlayers();
            if (now.stream().noneMatch(awaited)) {
                return Optional.empty();
            }
            long left = Duration.between(clock.instant(), deadline).toMillis();
            if (left <= 0) {
                return Optional.empty();
            }
            Answer a = answers.poll(Math.min(left, LOOK_MILLIS), TimeUnit.MILLISECONDS);
            if (a != null && awaited.test(a.player()) && now.contains(a.player())) {
                return Optional.of(a);
            }
        }
    }

    private List<Player> requirePlayers() {
        List<Player> now = players();
        if (now.isEmpty()) {
            throw new RoomEmptyException();
        }
        return now;
    }

    @Override
    public boolean tellPrivately(Player player, String topic, byte[] payload) throws InterruptedException {
        long until = System.nanoTime() + PRIVATE_WAIT_MILLIS * 1_000_000L;
        while (players().contains(player)) {
            try {
                app.send(player.id(), topic, payload);
                return true;
            } catch (ChannelClosedException e) {
                if (System.nanoTime() - until > 0) {
                    return false;
                }
                Thread.sleep(LOOK_MILLIS); // looking again for the player's channel
            }
        }
        return false;
    }

    @Override
    public boolean everyoneConnected() {
        List<PeerId> withChat = chat.connectedPeers().stream().map(PeerInfo::id).toList();
        List<PeerId> withApp = app.connectedPeers();
        return session.snapshot().peers().stream().allMatch(p -> p.status() == PeerConnectionStatus.CONNECTED
                && withChat.contains(p.id()) && withApp.contains(p.id()));
    }

    @Override
    public boolean hearsSpeech() {
        return false; // decision 0025: answers come in the chat
    }

    @Override
    public Clock clock() {
        return clock;
    }
}
