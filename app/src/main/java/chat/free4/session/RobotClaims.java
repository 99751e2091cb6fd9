package chat.free4.session;

import chat.free4.data.AppDataListener;
import chat.free4.peer.PeerId;
import chat.free4.peer.PeerInfo;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which peers of a room say they are robots, and which game they host: what the room's robot
 * badge shows. A robot sends {@code robot v1 game=NAME} on the app-data topic {@value #TOPIC} to
 * each peer it is connected to. It is a claim, not a proof: any peer can send it (a person looking
 * like a robot gains nothing), and a robot could leave it out. Only the sender's own connection
 * counts for it, and anything but that exact short form is refused and logged without its content.
 */
public final class RobotClaims implements AutoCloseable {
    public static final String TOPIC = "robot";
    private static final Logger LOG = LoggerFactory.getLogger(RobotClaims.class);
    private static final Pattern FORM = Pattern.compile("robot v1 game=([a-z]{1,20})");
    private static final int MAX_BYTES = 64;
    /** More than a room holds (32 peers); a peer cannot grow this beyond one entry anyway. */
    private static final int MAX_CLAIMS = 64;

    private final Map<PeerId, String> games = new ConcurrentHashMap<>();
    private final AutoCloseable subscription;
    private volatile Runnable onChange = () -> { };

    private RobotClaims(SessionRoom room) {
        AppDataListener listener = this::onData;
        subscription = room.app().subscribe(TOPIC, listener);
    }

    /** Starts collecting the claims of this room's peers. */
    public static RobotClaims follow(SessionRoom room) {
        return new RobotClaims(room);
    }

    /** What a robot sends. */
    public static byte[] claim(String game) {
        byte[] bytes = ("robot v1 game=" + game).getBytes(StandardCharsets.US_ASCII);
        if (!FORM.matcher(new String(bytes, StandardCharsets.US_ASCII)).matches()) {
            throw new IllegalArgumentException("A game's name is 1 to 20 letters a-z.");
        }
        return bytes;
    }

    /** Called (on a channel thread) when a claim arrives; must return quickly. */
    public void onChange(Runnable listener) {
        this.onChange = listener;
    }

    /** The game this peer says it hosts as a robot, if it says so. */
    public Optional<String> game(PeerId peer) {
        return Optional.ofNullable(games.get(peer));
    }

    public boolean saysRobot(PeerId peer) {
        return games.containsKey(peer);
    }

    private void onData(PeerInfo from, String topic, byte[] payload) {
        var m = payload.length <= MAX_BYTES ? FORM.matcher(new String(payload, StandardCharsets.US_ASCII)) : null;
        if (m == null || !m.matches()) {
            LOG.warn("Refused a malformed robot claim from {} ({} bytes)", from.id(), payload.length);
            return;
        }
        if (games.size() >= MAX_CLAIMS && !games.containsKey(from.id())) {
            return;
        }
        games.put(from.id(), m.group(1));
        onChange.run();
    }

    @Override
    public void close() {
        try {
            subscription.close();
        } catch (Exception e) {
            LOG.debug("Unsubscribing robot claims failed", e);
        }
    }
}
