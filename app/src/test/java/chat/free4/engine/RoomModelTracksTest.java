package chat.free4.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.free4.media.RemoteTrack;
import chat.free4.media.TrackKind;
import chat.free4.peer.PeerId;
import chat.free4.peer.PeerInfo;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the room shows of the tracks a peer sends: {@link PeerView#receiving()}, by kind. */
class RoomModelTracksTest {
    private static final PeerId ADA = new PeerId("aaaaaaaa-ada");

    @Test
    void aPeerShowsTheKindsOfTrackReceivedFromItAndAReplacedTrackEndingLateChangesNothing() {
        RoomModel model = new RoomModel();
        model.enter("room", new PeerId("zzzzzzzz-me"), "me");
        assertEquals(Set.of(), model.addPeer(new PeerInfo(ADA, "Ada")).receiving());

        RemoteTrack firstAudio = track(TrackKind.AUDIO);
        RemoteTrack secondAudio = track(TrackKind.AUDIO);
        RemoteTrack video = track(TrackKind.VIDEO);
        assertEquals(Set.of(TrackKind.AUDIO), model.trackStarted(ADA, firstAudio).orElseThrow().receiving());
        model.trackStarted(ADA, secondAudio); // a rebuilt connection's track takes the first one's place
        assertTrue(model.trackEnded(ADA, firstAudio).isEmpty(), "the replaced track no longer counts");
        assertEquals(Set.of(TrackKind.AUDIO, TrackKind.VIDEO), model.trackStarted(ADA, video).orElseThrow().receiving());
        assertEquals(Set.of(TrackKind.AUDIO), model.trackEnded(ADA, video).orElseThrow().receiving());
        assertEquals(Set.of(), model.trackEnded(ADA, secondAudio).orElseThrow().receiving());
        assertEquals(Set.of(), model.snapshot().peers().get(0).receiving());
    }

    private static RemoteTrack track(TrackKind kind) {
        return new RemoteTrack() {
            @Override
            public TrackKind kind() {
                return kind;
            }

            @Override
            public PeerId peer() {
                return ADA;
            }

            @Override
            public void detach() {
            }
        };
    }
}
