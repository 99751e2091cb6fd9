package chat.free4.chat;

import chat.free4.data.ChannelClosedException;
import chat.free4.data.ChannelPlugin;
import chat.free4.data.DataChannelSpec;
import chat.free4.data.InboundRate;
import chat.free4.data.FeatureChannel;
import chat.free4.data.ThrottledWarnings;
import chat.free4.data.Untrusted;
import chat.free4.peer.PeerId;
import chat.free4.peer.PeerInfo;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The room's text chat over one reliable, ordered "chat" data channel per peer connection.
 * Messages carry a Lamport clock, so every peer sorts them the same way; ids drop duplicates.
 * When a peer's channel opens, this side replays its recent history to it: a late joiner thus
 * hears the last {@link ChatLog#HISTORY_SIZE} messages from whoever was there. Nothing is kept
 * after the room is left unless the person saves a transcript ({@link TranscriptWriter}).
 */
public final class ChatService implements ChannelPlugin {
    public static final DataChannelSpec SPEC = DataChannelSpec.reliable("chat", InboundRate.CHAT);
    private static final Logger LOG = LoggerFactory.getLogger(ChatService.class);
    private final ThrottledWarnings warnings = new ThrottledWarnings(LOG);

    private final PeerInfo self;
    private final Clock wallClock;
    private final LamportClock clock = new LamportClock();
    /**
     * How long after joining the first line may set our clock however far ahead: long enough for
     * the first channels to a room we join to open, short enough that someone who created a room
     * and waits in it is not open to a newcomer's invented clock.
     */
    static final long ADOPT_WINDOW_MILLIS = 15_000;
    /** When this service (made right before joining) started. */
    private final long startedAt;
    /** Whether our clock already reflects the room: a line taken from a peer, or one we sent. Guarded by {@code clock}. */
    private boolean inContact;
    private final ChatLog log = new ChatLog();
    private final Map<PeerId, FeatureChannel> channels = new ConcurrentHashMap<>();
    private volatile Predicate<PeerId> inRoom = channels::containsKey;
    /** Message id -> display name of the peer that relayed it, for lines whose author had left. */
    private final Map<String, String> relayers = Collections.synchronizedMap(new BoundedMap<>(ChatLog.DEFAULT_CAPACITY));

    public ChatService(PeerInfo self) {
        this(self, Clock.systemUTC());
    }

    public ChatService(PeerInfo self, Clock wallClock) {
        this.self = self;
        this.wallClock = wallClock;
        this.startedAt = wallClock.millis();
    }

    /**
     * Who is in the room now, as signaling reports it: known before their chat channels open, so
     * their history lines are taken only from themselves. Without it, a peer counts as present
     * once its channel is open.
     */
    public void roomMembers(Predicate<PeerId> present) {
        this.inRoom = id -> channels.containsKey(id) || present.test(id);
    }

    @Override
    public DataChannelSpec spec() {
        return SPEC;
    }

    public ChatLog log() {
        return log;
    }

    public PeerInfo self() {
        return self;
    }

    /** Peers whose chat channel is open right now. */
    public List<PeerInfo> connectedPeers() {
        return channels.values().stream().map(FeatureChannel::peer).toList();
    }

    /**
     * Sends a message to everyone in the room (after {@code :shortcode:} replacement) and shows
     * it locally. Peers not connected right now get it with the history when they connect.
     *
     * @throws MessageTooLongException if the text is over {@link MessageLimits}
     * @throws EmptyMessageException if the text is blank
     */
    public ChatMessage send(String rawText) {
        String text = Shortcodes.replace(rawText.strip());
        if (text.isEmpty()) {
            throw new EmptyMessageException("Type a message first.");
        }
        MessageLimits.check(text);
        synchronized (clock) {
            inContact = true; // our lines are in the room now: from here on a jump is an outlier
        }
        ChatMessage m = new ChatMessage(newId(), self.id(), self.displayName(), clock.tick(),
                wallClock.millis(), ChatMessage.Kind.TEXT, text);
        log.add(m);
        byte[] frame = ChatWireCodec.encode(m, false);
        for (FeatureChannel c : channels.values()) {
            sendQuietly(c, frame);
        }
        return m;
    }

    @Override
    public void attach(FeatureChannel channel) {
        channel.setListener(new FeatureChannel.Listener() {
            @Override
            public void onOpen(FeatureChannel c) {
                channels.put(c.peer().id(), c);
                system(c.peer().displayName() + " joined the room");
                for (ChatMessage m : log.recentHistory()) {
                    sendQuietly(c, ChatWireCodec.encode(m, true));
                }
            }

            @Override
            public void onMessage(FeatureChannel c, byte[] data, boolean binary) {
                receive(c.peer(), data);
            }

            @Override
            public void onClosed(FeatureChannel c) {
                if (channels.remove(c.peer().id(), c)) {
                    system(c.peer().displayName() + " left the room");
                }
            }
        });
    }

    private void receive(PeerInfo from, byte[] data) {
        ChatWireCodec.Frame frame;
        try {
            frame = ChatWireCodec.decode(data);
        } catch (MalformedFrameException e) {
            warnings.warn(from.id(), "Dropped a chat frame from {}: {}", from.id(), Untrusted.forLog(e));
            return;
        }
        ChatMessage m = frame.message();
        if (!frame.history() && !m.sender().equals(from.id())) {
            warnings.warn(from.id(), "Dropped a chat message from {} that claimed to be from {}", from.id(), m.sender());
            return;
        }
        boolean relayed = frame.history() && !m.sender().equals(from.id());
        if (relayed && !trustRelayed(m)) {
            LOG.debug("Dropped {}'s history line relayed by {}: it is taken from its author only", m.sender(), from.id());
            return;
        }
        if (!takeClock(m.clock())) {
            // Taking it would let one frame push every later line of the room towards the ceiling.
            warnings.warn(from.id(), "Dropped a chat line from {}: its clock {} is too far ahead of ours ({})",
                    from.id(), m.clock(), clock.current());
            return;
        }
        if (!relayed) {
            // The author is the peer on this channel: show the name signaling knows, not the frame's.
            m = m.withSenderName(from.displayName());
        }
        if (relayed && !log.contains(m.id())) {
            relayers.putIfAbsent(m.id(), from.displayName()); // before the log tells the UI
        }
        log.add(m);
    }

    /**
     * Shortly after joining, before we have taken any line from a peer or written one, the first
     * line we get sets our clock however far ahead it is: the clock of a room we join may rightly
     * be far ahead of ours (each frame may step it forward), and bounding that first contact would
     * drop the room's history and every later line. Otherwise a remote time may step ours forward
     * only by {@link LamportClock#MAX_ADVANCE}.
     */
    private boolean takeClock(long seen) {
        synchronized (clock) {
            boolean joining = !inContact && wallClock.millis() - startedAt <= ADOPT_WINDOW_MILLIS;
            boolean taken = joining ? clock.adopt(seen) : clock.witness(seen);
            inContact |= taken;
            return taken;
        }
    }

    /**
     * Who passed on this line, if it came relayed: its author had left before we arrived, so
     * nothing shows it is really theirs. Empty for lines we got from their author.
     */
    public Optional<String> relayedBy(String messageId) {
        return Optional.ofNullable(relayers.get(messageId));
    }

    /**
     * A history line relayed by someone other than its author. Lines of people still in the room
     * come from themselves too (each replays its own history), and lines "from us" that we never
     * saw are invented, so relayed copies are taken only for authors who have left: those cannot
     * be checked (see docs/decisions/0004).
     */
    private boolean trustRelayed(ChatMessage m) {
        return !m.sender().equals(self.id()) && !inRoom.test(m.sender());
    }

    private void system(String text) {
        // Sorted after everything seen so far; local only, so each peer may place it differently.
        ChatMessage line = new ChatMessage("sys-" + newId(), self.id(), self.displayName(), clock.tick(),
                wallClock.millis(), ChatMessage.Kind.SYSTEM, text);
        log.add(line);
    }

    private static void sendQuietly(FeatureChannel c, byte[] frame) {
        try {
            c.send(frame, false);
        } catch (ChannelClosedException e) {
            // The peer is leaving; its close event will follow and update the room.
            LOG.debug("Chat frame not sent to {}: {}", c.peer().id(), e.getMessage());
        }
    }

    private static String newId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    /** Forgets the oldest entries: relayed lines older than the log's capacity are gone anyway. */
    private static final class BoundedMap<K, V> extends LinkedHashMap<K, V> {
        private final int max;

        BoundedMap(int max) {
            this.max = max;
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
            return size() > max;
        }
    }
}
