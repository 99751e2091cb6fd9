package chat.free4.session;

import chat.free4.board.BoardService;
import chat.free4.data.AppDataService;
import chat.free4.data.MeshChannelBridge;
import chat.free4.chat.ChatService;
import chat.free4.chat.Shortcodes;
import chat.free4.files.FileLimits;
import chat.free4.files.FileSharingService;
import chat.free4.files.PartialFileJournal;
import chat.free4.mesh.DataChannelPlugin;
import chat.free4.peer.PeerId;
import chat.free4.peer.PeerInfo;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Chat, file sharing and application data for the voice engine. Give {@link #meshPlugins()} to
 * the {@code VoiceEngine}; call {@link #start} right before joining a room and {@link #stop} when
 * leaving. Every room gets fresh services, so nothing of one room's chat outlives it.
 *
 * <pre>{@code
 * RoomFeatures data = new RoomFeatures(FileLimits.DEFAULT);
 * VoiceEngine engine = new VoiceEngine(audio, MeshConfig.defaults(), data.meshPlugins());
 * data.peerNames(id -> engine.room().peers().stream()...);
 * data.roomMembers(id -> engine.room().peers().stream().anyMatch(p -> p.id().equals(id)));
 * RoomData room = data.start(new PeerInfo(selfId, name));
 * engine.join(request, signaling);
 * }</pre>
 */
public final class RoomFeatures implements AutoCloseable {
    private final FileLimits fileLimits;
    private final PartialFileJournal downloads;
    private final ExecutorService events = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "data-channel-events");
        t.setDaemon(true);
        return t;
    });
    private volatile Function<PeerId, String> names = id -> "Someone";
    private volatile Predicate<PeerId> members = id -> false;
    private final MeshChannelBridge chat;
    private final MeshChannelBridge files;
    private final MeshChannelBridge app;
    private final MeshChannelBridge board;
    private volatile RoomData current;

    /** The services of the room this peer is in. */
    public record RoomData(ChatService chat, FileSharingService files, AppDataService app, BoardService board) {
    }

    public RoomFeatures(FileLimits fileLimits) {
        this(fileLimits, PartialFileJournal.none());
    }

    /** @param downloads where unfinished downloads are noted, to clean up after a crash */
    public RoomFeatures(FileLimits fileLimits, PartialFileJournal downloads) {
        this.fileLimits = fileLimits;
        this.downloads = downloads;
        Shortcodes.preload();
        Function<PeerId, String> lookup = id -> names.apply(id);
        chat = new MeshChannelBridge(ChatService.SPEC, lookup, events);
        files = new MeshChannelBridge(FileSharingService.SPEC, lookup, events);
        app = new MeshChannelBridge(AppDataService.SPEC, lookup, events);
        board = new MeshChannelBridge(BoardService.SPEC, lookup, events);
    }

    public List<DataChannelPlugin> meshPlugins() {
        return List.of(chat, files, app, board);
    }

    /** How to name a peer in chat lines and file offers (the engine's room view knows). */
    public void peerNames(Function<PeerId, String> lookup) {
        this.names = id -> {
            String name = lookup.apply(id);
            return name == null || name.isBlank() ? "Someone" : name;
        };
    }

    /** Who is in the room now (the engine's room view knows): chat takes their history only from them. */
    public void roomMembers(Predicate<PeerId> present) {
        this.members = present;
    }

    /** Fresh services for a room about to be joined. */
    public synchronized RoomData start(PeerInfo self) {
        stop();
        RoomData room = new RoomData(new ChatService(self), new FileSharingService(fileLimits, downloads), new AppDataService(),
                new BoardService(self));
        room.chat().roomMembers(id -> members.test(id));
        chat.use(room.chat());
        files.use(room.files());
        app.use(room.app());
        board.use(room.board());
        current = room;
        return room;
    }

    public Optional<RoomData> current() {
        return Optional.ofNullable(current);
    }

    /** Leaving the room: unfinished transfers are cancelled and the chat is forgotten. */
    public synchronized void stop() {
        RoomData room = current;
        current = null;
        chat.use(null);
        files.use(null);
        app.use(null);
        board.use(null);
        if (room != null) {
            room.files().close();
        }
    }

    @Override
    public void close() {
        stop();
        events.shutdown();
    }
}
