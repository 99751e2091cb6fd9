package chat.free4.media;

import chat.free4.peer.PeerId;
import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.media.MediaStreamTrack;
import dev.onvoid.webrtc.media.audio.AudioDeviceModuleBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The media layer: owns the {@link PeerConnectionFactory} (made on the audio device module the
 * audio path chose) and the {@link MediaKind}s plugged into it, one per {@link TrackKind}. A peer
 * link asks it what a new connection sends ({@link #openLocal()}) and hands it every track a peer
 * sends ({@link #receiverFor}); it never needs to know which kinds exist. Audio is the first kind;
 * a track of a kind nobody plugged in (a peer sharing its screen to a build without video) is
 * ignored on purpose.
 *
 * <p>Closing order (webrtc-java 0.14.0): every kind's tracks and sources first (their owners do
 * that), then {@link #close()} disposes the factory, then the device module.
 */
public final class Media implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Media.class);

    private final AudioDeviceModuleBase module;
    private final PeerConnectionFactory factory;
    private final List<MediaKind> kinds = new CopyOnWriteArrayList<>();
    private boolean closed;

    private Media(AudioDeviceModuleBase module, PeerConnectionFactory factory) {
        this.module = module;
        this.factory = factory;
    }

    /**
     * A factory on {@code module}, which it owns from now on. The module's playout is started: on
     * the headless module both audio paths use, that is the 10 ms clock that pulls the decoded
     * remote streams, so libwebrtc keeps decoding them (decision 0012).
     */
    public static Media withAudioDevice(AudioDeviceModuleBase module) {
        module.initPlayout();
        module.startPlayout();
        return new Media(module, new PeerConnectionFactory(module));
    }

    public PeerConnectionFactory factory() {
        return factory;
    }

    /** Plugs in a kind; one per {@link TrackKind}. */
    public synchronized void add(MediaKind kind) {
        if (kind(kind.kind()).isPresent()) {
            throw new IllegalStateException("There is already a kind of media for " + kind.kind() + ".");
        }
        kinds.add(kind);
    }

    public Optional<MediaKind> kind(TrackKind kind) {
        return kinds.stream().filter(k -> k.kind() == kind).findFirst();
    }

    /** What one new connection sends: a track of each kind that sends right now (audio first). */
    public LocalTracks openLocal() {
        List<LocalTrack> tracks = new ArrayList<>();
        try {
            for (MediaKind kind : kinds) {
                kind.openLocal().ifPresent(tracks::add);
            }
        } catch (RuntimeException e) {
            tracks.forEach(LocalTrack::close);
            throw e;
        }
        return new LocalTracks(tracks);
    }

    /**
     * The kind that receives {@code track} from {@code peer}. Empty, with a log line, for a kind
     * this build does not know or has nothing plugged in for: the track is then not received
     * (libwebrtc keeps the transceiver; nothing is attached to it). That is deliberate, so a newer
     * peer sending video does not disturb the audio of one that has no use for it.
     */
    public Optional<MediaKind> receiverFor(PeerId peer, MediaStreamTrack track) {
        Optional<TrackKind> kind = TrackKind.of(track);
        if (kind.isEmpty()) {
            LOG.info("{} sends a track of a kind this version does not know ({}); not receiving it", peer,
                    track.getClass().getSimpleName());
            return Optional.empty();
        }
        Optional<MediaKind> receiver = kind(kind.get());
        if (receiver.isEmpty()) {
            LOG.info("{} sends a {} track; nothing here receives {} tracks, so it is ignored", peer,
                    kind.get().name().toLowerCase(java.util.Locale.ROOT), kind.get().name().toLowerCase(java.util.Locale.ROOT));
        }
        return receiver;
    }

    /** Disposes the factory, then the device module; idempotent. Every track and source of it must be disposed first. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (MediaKind kind : kinds) {
            // A kind's own sources (a shared screen's) go before the factory that made its tracks.
            if (kind instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    LOG.warn("Could not close the {} media", kind.kind(), e);
                }
            }
        }
        factory.dispose();
        module.stopPlayout();
        module.dispose();
    }
}
