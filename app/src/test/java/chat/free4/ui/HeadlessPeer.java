package chat.free4.ui;

import chat.free4.audio.Goertzel;
import chat.free4.audio.HeadlessAudio;
import chat.free4.audio.PcmSource;
import chat.free4.audio.RemotePcmListener;
import chat.free4.engine.VoiceEngine;
import chat.free4.peer.PeerId;
import chat.free4.session.RoomAddress;
import chat.free4.session.RoomSession;
import chat.free4.session.SessionRoom;
import chat.free4.session.SessionSettings;
import chat.free4.signaling.RoomRequest;
import chat.free4.signaling.lan.discovery.IpFamily;
import chat.free4.signaling.lan.discovery.LanInterfaces;
import chat.free4.signaling.relay.RelayConnectionConfig;
import java.net.URI;
import org.slf4j.LoggerFactory;
import java.util.List;

/**
 * A real second participant without a UI: the engine with headless audio, joined through the
 * relay. It can send any PCM and measures what it receives, so tests check audio by content.
 */
final class HeadlessPeer implements AutoCloseable {
    private static final int WINDOW = 4800; // the last 100 ms at 48 kHz
    private static final int HALF_SECOND = 24_000;

    final String name;
    final HeadlessAudio audio;
    final RoomSession session;
    final VoiceEngine engine;
    private final short[] recent = new short[HALF_SECOND];
    private int written;
    private long total;

    private SessionRoom roomData;

    private HeadlessPeer(String name) {
        this.name = name;
        RemotePcmListener sink = this::received;
        this.audio = new HeadlessAudio(PcmSource.silence(), sink);
        this.session = RoomSession.open(audio, SessionSettings.defaults());
        this.engine = session.engine();
    }

    static HeadlessPeer join(URI relay, String room, String name, boolean isPublic, List<String> tags) {
        HeadlessPeer peer = new HeadlessPeer(name);
        PeerId id = PeerId.random();
        peer.roomData = peer.session.join(RoomAddress.relay(RelayConnectionConfig.of(relay)),
                new RoomRequest(room, name, id, isPublic, tags));
        return peer;
    }

    /** Opens (or enters) a password room on the relay. */
    static HeadlessPeer joinWithPassword(URI relay, String room, String name, String password) {
        HeadlessPeer peer = new HeadlessPeer(name);
        peer.roomData = peer.session.join(RoomAddress.relay(RelayConnectionConfig.of(relay)),
                new RoomRequest(room, name, PeerId.random(), false, List.of()).withPassword(password.toCharArray()));
        return peer;
    }

    /** True once the chat channel to at least one other peer is open. */
    boolean chatConnected() {
        return roomData != null && !roomData.chat().connectedPeers().isEmpty();
    }

    /** The chat's texts as this peer has them (its own and what others sent it). */
    List<String> chatTexts() {
        return roomData == null ? List.of() : roomData.chat().lines().stream().map(chat.free4.chat.ChatMessage::text).toList();
    }

    void say(String text) {
        roomData.chat().send(text);
    }

    /** Joins a room on this network (mDNS discovery, direct signaling; no relay). */
    static HeadlessPeer joinLan(String room, String name) throws Exception {
        HeadlessPeer peer = new HeadlessPeer(name);
        PeerId id = PeerId.random();
        peer.roomData = peer.session.join(RoomAddress.lan(LanInterfaces.choose(null, IpFamily.AUTO)),
                new RoomRequest(room, name, id, true, List.of()));
        return peer;
    }

    /** Opens (or enters) a password room on this network: announced by a blinded id, never by its name. */
    static HeadlessPeer joinLanWithPassword(String room, String name, String password) throws Exception {
        HeadlessPeer peer = new HeadlessPeer(name);
        peer.roomData = peer.session.join(RoomAddress.lan(LanInterfaces.choose(null, IpFamily.AUTO)),
                new RoomRequest(room, name, PeerId.random(), false, List.of()).withPassword(password.toCharArray()));
        return peer;
    }

    void send(PcmSource source) {
        audio.setSource(source);
    }

    /** Amplitude (0..1) of {@code frequency} in the last 100 ms received from the room. */
    double received(double frequency) {
        return Goertzel.amplitude(last(WINDOW), frequency);
    }

    /**
     * Amplitude of {@code frequency} over the next half second received, all of it arriving after
     * this call (waits for it): a silence that holds, not a gap that one short window fell into.
     */
    double receivedOverNextHalfSecond(double frequency) {
        long mark = total();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> total() >= mark + HALF_SECOND);
        return Goertzel.amplitude(last(HALF_SECOND), frequency);
    }

    private synchronized long total() {
        return total;
    }

    private synchronized short[] last(int count) {
        short[] window = new short[count];
        for (int i = 0; i < count; i++) {
            window[i] = recent[Math.floorMod(written - count + i, recent.length)];
        }
        return window;
    }

    private synchronized void received(PeerId from, short[] samples, int count) {
        for (int i = 0; i < count; i++) {
            recent[written] = samples[i];
            written = (written + 1) % recent.length;
        }
        total += count;
    }

    /** Starts leaving; the others see it through the relay's peer-left. */
    void leave() {
        session.leave();
    }

    /**
     * Closes the engine. The engine's shutdown of webrtc-java native objects can currently throw
     * "Native object was not deleted" (an engine issue, reported); that must not hide what this
     * UI test checked, so it is logged instead of failing the cleanup.
     */
    @Override
    public void close() {
        try {
            session.close();
        } catch (Error e) {
            LoggerFactory.getLogger(HeadlessPeer.class).warn("Engine shutdown of test peer {} failed: {}", name, e.toString());
        }
    }
}
