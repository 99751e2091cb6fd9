package chat.free4.engine;

import chat.free4.audio.Goertzel;
import chat.free4.audio.AudioBackend;
import chat.free4.audio.HeadlessAudio;
import chat.free4.audio.Pcm;
import chat.free4.audio.PcmSource;
import chat.free4.audio.RecentAudio;
import chat.free4.audio.RemotePcmListener;
import chat.free4.mesh.MeshConfig;
import chat.free4.peer.PeerId;
import chat.free4.session.RoomAddress;
import chat.free4.session.RoomSession;
import chat.free4.session.SessionSettings;
import chat.free4.signaling.RoomRequest;
import chat.free4.signaling.relay.RelayConnectionConfig;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A test peer: a real session (engine and every feature) with headless audio, joined through a real relay. */
public final class HeadlessPeer implements AutoCloseable {
    public final String name;
    public final PeerId id = PeerId.random();
    final RecentAudio received = new RecentAudio(2.0);
    final AudioBackend audio;
    public final RoomSession session;
    public final VoiceEngine engine;
    final List<String> errors = new CopyOnWriteArrayList<>();
    /** The codes of the errors above, where the engine gave one (a relay's refusal: its error code). */
    public final List<String> errorCodes = new CopyOnWriteArrayList<>();

    public HeadlessPeer(String name, PcmSource source) {
        this(name, source, RemotePcmListener.none());
    }

    /** @param alsoHeard gets every received frame too (benchmarks' onset detectors) */
    public HeadlessPeer(String name, PcmSource source, RemotePcmListener alsoHeard) {
        this(name, source, alsoHeard, MeshConfig.defaults());
    }

    public HeadlessPeer(String name, PcmSource source, RemotePcmListener alsoHeard, MeshConfig config) {
        this(name, heard -> new HeadlessAudio(source, (from, samples, count) -> {
            heard.onPcm(from, samples, count);
            alsoHeard.onPcm(from, samples, count);
        }), config);
    }

    /** A peer on another audio path (e.g. the desktop's sound devices); {@code audio} gets the listener to feed. */
    public HeadlessPeer(String name, java.util.function.Function<RemotePcmListener, AudioBackend> audio, MeshConfig config) {
        this.name = name;
        this.audio = audio.apply(received::onPcm);
        this.session = RoomSession.open(this.audio, SessionSettings.defaults().withMesh(config));
        this.engine = session.engine();
        engine.addListener(new EngineListener() {
            @Override
            public void onError(String sentence) {
                errors.add(sentence);
            }

            @Override
            public void onError(String code, String sentence) {
                errorCodes.add(code);
                onError(sentence);
            }
        });
    }

    public HeadlessPeer join(URI relay, String room) {
        return join(relay, new RoomRequest(room, name, id, true, List.of()));
    }

    /** Joins (or opens) a password room (decision 0018). */
    public HeadlessPeer join(URI relay, String room, chat.free4.signaling.RoomPassword password) {
        return join(relay, new RoomRequest(room, name, id, true, List.of()).withPassword(password));
    }

    private HeadlessPeer join(URI relay, RoomRequest request) {
        RelayConnectionConfig config = new RelayConnectionConfig(relay, Duration.ofSeconds(15), Duration.ofMillis(100),
                Duration.ofMillis(800), Duration.ofSeconds(3));
        session.join(RoomAddress.relay(config), request);
        return this;
    }

    /** Amplitude of {@code frequency} in the last half second of everything this peer hears. */
    public double hears(double frequency) {
        return Goertzel.amplitude(received.mixed(Pcm.SAMPLE_RATE / 2), frequency);
    }

    /** Amplitude of {@code frequency} in the last half second received from one peer. */
    double hearsFrom(HeadlessPeer other, double frequency) {
        return Goertzel.amplitude(received.recent(other.id, Pcm.SAMPLE_RATE / 2), frequency);
    }

    /**
     * Amplitude of {@code frequency} in the next half second from {@code other}, all of it arriving
     * after this call (waits up to 10 s for it): a level that holds, not one lucky window.
     */
    double hearsFromOverNextHalfSecond(HeadlessPeer other, double frequency) {
        long mark = samplesFrom(other);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> samplesFrom(other) >= mark + Pcm.SAMPLE_RATE / 2);
        return hearsFrom(other, frequency);
    }

    public long samplesFrom(HeadlessPeer other) {
        return received.received(other.id);
    }

    public boolean connectedTo(HeadlessPeer... others) {
        RoomSnapshot room = engine.room();
        for (HeadlessPeer o : others) {
            boolean ok = room.peers().stream().anyMatch(p -> p.id().equals(o.id)
                    && p.status() == chat.free4.peer.PeerConnectionStatus.CONNECTED);
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    public boolean knows(HeadlessPeer other) {
        return engine.room().peers().stream().anyMatch(p -> p.id().equals(other.id));
    }

    @Override
    public void close() {
        session.close();
    }
}
