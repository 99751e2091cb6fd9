package chat.free4.board;

import chat.free4.data.ChannelClosedException;
import chat.free4.data.ChannelPlugin;
import chat.free4.data.DataChannelSpec;
import chat.free4.data.FeatureChannel;
import chat.free4.data.InboundRate;
import chat.free4.data.ThrottledWarnings;
import chat.free4.peer.PeerId;
import chat.free4.peer.PeerInfo;
import java.awt.image.BufferedImage;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The room's whiteboard on its own reliable, ordered "board" data channel per peer (decision
 * 0022). Our strokes go to every open channel; when a channel opens both sides exchange what they
 * have and send each other what the other lacks, so a late joiner and a peer that comes back
 * converge. Everything a peer sends is checked against {@link BoardLimits}; refused frames are
 * logged with the reason only. Undo and redo are of our own strokes. Thread-safe.
 */
public final class BoardService implements ChannelPlugin {
    /**
     * Live drawing is a few dozen small frames a second; a late joiner's sync of a full board is
     * tens of MB in 256 KiB frames, so the byte burst is large and the message rate modest.
     */
    public static final InboundRate INBOUND = new InboundRate(300, 1_500, 16 * 1024 * 1024, 64L * 1024 * 1024);
    public static final DataChannelSpec SPEC = DataChannelSpec.reliable("board", INBOUND);
    private static final Logger LOG = LoggerFactory.getLogger(BoardService.class);

    private final ThrottledWarnings warnings = new ThrottledWarnings(LOG);
    private final PeerInfo self;
    /** Our operations' author: this peer on this board ({@link BoardAuthor}). */
    private final PeerId author;
    private final BoardState board;
    private final Map<PeerId, FeatureChannel> channels = new ConcurrentHashMap<>();
    private final Map<PeerId, OpRate> rates = new ConcurrentHashMap<>();
    /** Channels on which the peer's HAVE arrived; touched on each channel's own event thread. */
    private final Set<FeatureChannel> heard = ConcurrentHashMap.newKeySet();
    /**
     * SYNC frames answer a HAVE at most this many at a time (2 MiB): a full board is tens of MB,
     * more than a data channel's send buffer or the far side's inbound queue holds at once. A
     * peer that got this many asks again with a fresh HAVE.
     */
    static final int SYNC_BATCH_FRAMES = 8;
    /** SYNC frames taken on a channel since our last HAVE on it; each channel's own event thread. */
    private final Map<FeatureChannel, Integer> syncTaken = new ConcurrentHashMap<>();
    private final List<BoardListener> listeners = new CopyOnWriteArrayList<>();
    /** Our strokes still on the board, latest last; guarded by {@code this}. */
    private final Deque<BoardOp.Stroke> undoable = new ArrayDeque<>();
    /** Strokes we took back, for redo; guarded by {@code this}. */
    private final Deque<BoardOp.Stroke> redoable = new ArrayDeque<>();

    public BoardService(PeerInfo self) {
        this(self, BoardLimits.DEFAULT);
    }

    public BoardService(PeerInfo self, BoardLimits limits) {
        this.self = self;
        this.author = BoardAuthor.fresh(self.id());
        this.board = new BoardState(limits);
    }

    @Override
    public DataChannelSpec spec() {
        return SPEC;
    }

    public BoardState board() {
        return board;
    }

    public PeerInfo self() {
        return self;
    }

    /** The author id our operations carry on this board. */
    public PeerId author() {
        return author;
    }

    public void addListener(BoardListener listener) {
        listeners.add(listener);
    }

    public void removeListener(BoardListener listener) {
        listeners.remove(listener);
    }

    /** Peers whose board channel is open right now. */
    public List<PeerId> connectedPeers() {
        return List.copyOf(channels.keySet());
    }

    /**
     * Draws one of our strokes ({@code xy}: x0, y0, x1, y1, ... in board pixels) and sends it.
     *
     * @throws BoardRefusedException if it breaks the board's limits (the reason says which)
     */
    public synchronized BoardOp.Stroke draw(int rgb, int width, boolean eraser, int[] xy) throws BoardRefusedException {
        BoardOp.Stroke stroke = new BoardOp.Stroke(nextId(), board.nextLamport(), rgb, width, eraser, xy);
        publish(stroke);
        undoable.addLast(stroke);
        redoable.clear();
        return stroke;
    }

    /** Takes back our latest stroke still on the board; empty if there is none. */
    public synchronized Optional<BoardOp.Undo> undo() throws BoardRefusedException {
        while (!undoable.isEmpty()) {
            BoardOp.Stroke last = undoable.removeLast();
            if (board.visibleStrokes().stream().anyMatch(s -> s.id().equals(last.id()))) {
                BoardOp.Undo undo = new BoardOp.Undo(nextId(), board.nextLamport(), last.id());
                publish(undo);
                redoable.addLast(last);
                return Optional.of(undo);
            }
        }
        return Optional.empty();
    }

    /** Draws again the stroke we took back last, as a new stroke (a tombstone is for good). */
    public synchronized Optional<BoardOp.Stroke> redo() throws BoardRefusedException {
        if (redoable.isEmpty()) {
            return Optional.empty();
        }
        BoardOp.Stroke old = redoable.removeLast();
        BoardOp.Stroke again = new BoardOp.Stroke(nextId(), board.nextLamport(), old.rgb(), old.width(), old.eraser(), old.xy());
        publish(again);
        undoable.addLast(again);
        return Optional.of(again);
    }

    public synchronized boolean canUndo() {
        return !undoable.isEmpty();
    }

    public synchronized boolean canRedo() {
        return !redoable.isEmpty();
    }

    /** Clears the board for everyone (the UI asks first). */
    public synchronized BoardOp.Clear clear() throws BoardRefusedException {
        BoardOp.Clear clear = new BoardOp.Clear(nextId(), board.nextLamport());
        publish(clear);
        undoable.clear();
        redoable.clear();
        return clear;
    }

    /** Shows the others the stroke we are drawing; {@code key} names it until it is drawn. */
    public void preview(long key, int rgb, int width, boolean eraser, int[] xy) {
        int[] cut = xy.length / 2 > board.limits().maxPointsPerStroke()
                ? java.util.Arrays.copyOf(xy, board.limits().maxPointsPerStroke() * 2) : xy;
        byte[] frame = BoardCodec.previewFrame(new BoardCodec.Preview(key, rgb, width, eraser, cut));
        channels.values().forEach(c -> sendQuietly(c, frame));
    }

    public BufferedImage render() {
        return BoardRenderer.render(board);
    }

    private OpId nextId() {
        return new OpId(author, board.nextCounter(author));
    }

    private void publish(BoardOp op) throws BoardRefusedException {
        board.apply(op);
        byte[] frame = BoardCodec.opsFrames(List.of(op)).get(0);
        channels.values().forEach(c -> sendQuietly(c, frame));
        changed();
    }

    @Override
    public void attach(FeatureChannel channel) {
        channel.setListener(new FeatureChannel.Listener() {
            @Override
            public void onOpen(FeatureChannel c) {
                channels.put(c.peer().id(), c);
                rates.put(c.peer().id(), new OpRate(board.limits().liveOpsPerSecond(), System::nanoTime));
                sendQuietly(c, BoardCodec.haveFrame(board.have()));
            }

            @Override
            public void onMessage(FeatureChannel c, byte[] data, boolean binary) {
                receive(c, data);
            }

            @Override
            public void onClosed(FeatureChannel c) {
                heard.remove(c);
                syncTaken.remove(c);
                if (channels.remove(c.peer().id(), c)) {
                    rates.remove(c.peer().id());
                    listeners.forEach(l -> l.onPreview(c.peer().id(), null));
                }
            }
        });
    }

    private void receive(FeatureChannel c, byte[] data) {
        PeerId from = c.peer().id();
        BoardCodec.Frame frame;
        try {
            frame = BoardCodec.decode(data);
        } catch (BoardRefusedException e) {
            warnings.warn(from, "Refused a board frame from {}: {}", from, e.getMessage());
            return;
        }
        if (frame instanceof BoardCodec.Have have) {
            List<byte[]> answer = BoardCodec.syncFrames(board.missingFor(have.have()));
            for (byte[] f : answer.subList(0, Math.min(answer.size(), SYNC_BATCH_FRAMES))) {
                sendQuietly(c, f);
            }
            if (heard.add(c)) {
                // Ours may have been sent before the peer listened on its end (a channel is handed
                // to the features a moment after it opens): answer the first HAVE with ours again.
                sendQuietly(c, BoardCodec.haveFrame(board.have()));
            }
        } else if (frame instanceof BoardCodec.Preview p) {
            String refusal = board.limits().refusal(new BoardOp.Stroke(new OpId(from, 1), 1, p.rgb(), p.width(), p.eraser(), p.xy()));
            if (refusal != null) {
                warnings.warn(from, "Refused a stroke preview from {}: {}", from, refusal);
                return;
            }
            listeners.forEach(l -> l.onPreview(from, p));
        } else if (frame instanceof BoardCodec.Ops ops) {
            take(from, ops);
            if (ops.history() && syncTaken.merge(c, 1, Integer::sum) >= SYNC_BATCH_FRAMES) {
                syncTaken.put(c, 0);
                sendQuietly(c, BoardCodec.haveFrame(board.have())); // a full batch: there may be more
            }
        }
    }

    private void take(PeerId from, BoardCodec.Ops ops) {
        boolean grew = false;
        boolean theirStroke = false;
        OpRate rate = rates.get(from);
        for (BoardOp op : ops.ops()) {
            if (!ops.history() && !BoardAuthor.of(op.id().peer(), from)) {
                warnings.warn(from, "Refused a board operation from {}: it claims to be someone else's", from);
                continue;
            }
            if (!ops.history() && rate != null && !rate.admit()) {
                warnings.warn(from, "Refused a board operation from {}: more than {} a second", from,
                        board.limits().liveOpsPerSecond());
                continue;
            }
            try {
                grew |= board.apply(op);
                theirStroke |= op instanceof BoardOp.Stroke && BoardAuthor.of(op.id().peer(), from);
            } catch (BoardRefusedException e) {
                warnings.warn(from, "Refused a board operation from {}: {}", from, e.getMessage());
            }
        }
        if (theirStroke && !ops.history()) {
            listeners.forEach(l -> l.onPreview(from, null));
        }
        if (grew) {
            changed();
        }
    }

    private void changed() {
        listeners.forEach(BoardListener::onBoardChanged);
    }

    private static void sendQuietly(FeatureChannel c, byte[] frame) {
        try {
            c.send(frame, true);
        } catch (ChannelClosedException e) {
            LOG.debug("Board frame not sent to {}: {}", c.peer().id(), e.getMessage());
        }
    }
}
