package chat.free4.mesh;

import chat.free4.peer.PeerConnectionStatus;
import chat.free4.audio.HeadlessAudio;
import chat.free4.audio.RemotePcmListener;
import chat.free4.audio.ToneGenerator;
import chat.free4.media.RemoteTrack;
import chat.free4.peer.PeerId;
import chat.free4.peer.PeerInfo;
import chat.free4.signaling.RoomRequest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A real mesh (real WebRTC, headless audio) on a {@link ScriptedSignaling}, with what it reported. */
public final class TestMesh implements AutoCloseable {
    public final PeerId id;
    public final ScriptedSignaling signaling = new ScriptedSignaling();
    public final List<PeerId> added = new CopyOnWriteArrayList<>();
    public final List<PeerId> removed = new CopyOnWriteArrayList<>();
    public final List<String> errors = new CopyOnWriteArrayList<>();
    /** Every remote track the mesh reported, of any kind, in order. */
    public final List<RemoteTrack> tracks = new CopyOnWriteArrayList<>();
    /** The safety words the mesh reported per peer, the latest last. */
    public final java.util.Map<PeerId, String> safetyCodes = new java.util.concurrent.ConcurrentHashMap<>();
    /** Every mesh sends this tone. */
    public static final double TONE = 440;
    /** What the mesh received from everyone, the last second of it. */
    public final chat.free4.audio.RecentAudio heard = new chat.free4.audio.RecentAudio(1.0);
    public final HeadlessAudio audio;
    public final Mesh mesh;

    public TestMesh(PeerId id, MeshConfig config) {
        this(id, config, java.util.Optional.empty());
    }

    /** @param password the room's, as the peer knows it (a password room's connections prove it) */
    public TestMesh(PeerId id, MeshConfig config, java.util.Optional<chat.free4.signaling.RoomPassword> password) {
        this.id = id;
        this.audio = new HeadlessAudio(new ToneGenerator(TONE, 0.2), heard);
        this.mesh = new Mesh(audio.media(), config, List.of(), new MeshListener() {
            @Override
            public void onPeerAdded(PeerInfo peer) {
                added.add(peer.id());
            }

            @Override
            public void onPeerRemoved(PeerId peer) {
                removed.add(peer);
            }

            @Override
            public void onRemoteTrack(PeerId peer, RemoteTrack track) {
                tracks.add(track);
            }

            @Override
            public void onError(String code, String sentence) {
                errors.add(code + ": " + sentence);
            }

            @Override
            public void onSafetyCode(PeerId peer, String words) {
                safetyCodes.put(peer, words);
            }
        });
        RoomRequest request = new RoomRequest("room", "name", id, false, List.of());
        mesh.join(password.map(request::withPassword).orElse(request), signaling);
        signaling.mesh();
    }

    /** Joins the room the signaling reports, with {@code members} already in it. */
    public TestMesh joined(List<PeerInfo> members, int maxPeers) {
        signaling.joined(id, members, maxPeers);
        return this;
    }

    /** A real offer, as a real mesh {@code from} sends it to {@code to}; replayed by hostile peers. */
    public static String realOffer(PeerId from, PeerId to) {
        try (TestMesh source = new TestMesh(from, MeshConfig.defaults())) {
            source.joined(List.of(new PeerInfo(to, "to")), 8);
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                    .until(() -> !source.signaling.offers().isEmpty());
            return source.signaling.offers().get(0);
        }
    }

    /** Amplitude of the test tone in the last half second heard from {@code peer}. */
    public double hearsFrom(PeerId peer) {
        return chat.free4.audio.Goertzel.amplitude(heard.recent(peer, chat.free4.audio.Pcm.SAMPLE_RATE / 2), TONE);
    }

    public boolean connectedTo(PeerId other) {
        return mesh.status(other).orElse(null) == PeerConnectionStatus.CONNECTED;
    }

    @Override
    public void close() {
        mesh.close();
        audio.close();
    }
}
