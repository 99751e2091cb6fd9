package chat.free4.mesh;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.free4.audio.RemoteAudio;
import chat.free4.media.LocalTrack;
import chat.free4.media.MediaKind;
import chat.free4.media.RemoteTrack;
import chat.free4.media.TrackKind;
import chat.free4.peer.PeerId;
import chat.free4.peer.PeerInfo;
import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.media.MediaStreamTrack;
import dev.onvoid.webrtc.media.video.CustomVideoSource;
import dev.onvoid.webrtc.media.video.VideoTrack;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The media layer's seam for a second kind of track (issue 13, for screen sharing in issue 16):
 * a kind plugged into one peer's media layer is sent on its connections next to the audio, and
 * received by a peer that has that kind too; a peer without it ignores the track on purpose and
 * still hears the audio. Real meshes, real WebRTC; the video track carries no frames (a
 * {@link CustomVideoSource} nobody pushes to), which is enough to negotiate it.
 */
class SecondKindOfTrackTest {
    /** Sorts first, so it offers (decision 0001) and its video goes into the first offer. */
    private static final PeerId SHARER = new PeerId("aaaaaaaa-sharer");
    private static final PeerId VIEWER = new PeerId("bbbbbbbb-viewer");

    @Test
    void aTrackOfTheSecondKindReachesThatKindAndTheAudioStillPlays() {
        try (TestMesh sharer = new TestMesh(SHARER, MeshConfig.defaults());
             TestMesh viewer = new TestMesh(VIEWER, MeshConfig.defaults())) {
            TestVideo sent = new TestVideo(sharer.audio.media().factory(), true);
            TestVideo received = new TestVideo(viewer.audio.media().factory(), false);
            sharer.audio.media().add(sent);
            viewer.audio.media().add(received);
            connect(sharer, viewer);

            await().atMost(Duration.ofSeconds(20)).until(() -> !received.from.isEmpty());
            assertEquals(List.of(SHARER), received.from);
            assertTrue(viewer.tracks.stream().anyMatch(t -> t.kind() == TrackKind.VIDEO && t.peer().equals(SHARER)),
                    "the mesh hands the video track back to its listener");
            assertHearsTone(viewer, SHARER);
            assertHearsTone(sharer, VIEWER);
            assertEquals(1, sent.opened.size(), "one video track for the one connection");
        }
    }

    @Test
    void aTrackOfAKindNobodyPluggedInIsIgnoredAndTheAudioStillPlays() {
        try (TestMesh sharer = new TestMesh(SHARER, MeshConfig.defaults());
             TestMesh viewer = new TestMesh(VIEWER, MeshConfig.defaults())) {
            sharer.audio.media().add(new TestVideo(sharer.audio.media().factory(), true));
            connect(sharer, viewer);

            assertHearsTone(viewer, SHARER);
            assertHearsTone(sharer, VIEWER);
            assertTrue(viewer.tracks.stream().allMatch(t -> t.kind() == TrackKind.AUDIO), "only audio was received: "
                    + viewer.tracks);
            assertEquals(1, viewer.tracks.size());
        }
    }

    private static void connect(TestMesh a, TestMesh b) {
        a.signaling.forwardTo((to, payload) -> b.signaling.mesh().onSignal(a.id, payload));
        b.signaling.forwardTo((to, payload) -> a.signaling.mesh().onSignal(b.id, payload));
        a.joined(List.of(new PeerInfo(b.id, "b")), 8);
        b.joined(List.of(new PeerInfo(a.id, "a")), 8);
        await().atMost(Duration.ofSeconds(20)).until(() -> a.connectedTo(b.id) && b.connectedTo(a.id));
    }

    /** The tone (0.2 of full scale, about 0.14 RMS) of {@code from} arrives at {@code at}. */
    private static void assertHearsTone(TestMesh at, PeerId from) {
        await().atMost(Duration.ofSeconds(20)).until(() -> at.tracks.stream()
                .anyMatch(t -> t instanceof RemoteAudio audio && audio.peer().equals(from) && audio.level() > 0.05));
    }

    /** A second kind as screen sharing would plug it in, minus the pictures. */
    private static final class TestVideo implements MediaKind {
        private final PeerConnectionFactory factory;
        private final boolean sends;
        final List<LocalTrack> opened = new CopyOnWriteArrayList<>();
        final List<PeerId> from = new CopyOnWriteArrayList<>();

        TestVideo(PeerConnectionFactory factory, boolean sends) {
            this.factory = factory;
            this.sends = sends;
        }

        @Override
        public TrackKind kind() {
            return TrackKind.VIDEO;
        }

        @Override
        public Optional<LocalTrack> openLocal() {
            if (!sends) {
                return Optional.empty();
            }
            CustomVideoSource source = new CustomVideoSource();
            VideoTrack track = factory.createVideoTrack("screen-" + opened.size(), source);
            LocalTrack local = new LocalTrack() {
                @Override
                public TrackKind kind() {
                    return TrackKind.VIDEO;
                }

                @Override
                public MediaStreamTrack track() {
                    return track;
                }

                @Override
                public Change beginChange() {
                    return Change.NONE;
                }

                @Override
                public void close() {
                    track.dispose();
                    source.dispose();
                }
            };
            opened.add(local);
            return Optional.of(local);
        }

        @Override
        public RemoteTrack attachRemote(PeerId peer, MediaStreamTrack track) {
            assertTrue(track instanceof VideoTrack, "a video track: " + track);
            from.add(peer);
            return new RemoteTrack() {
                @Override
                public TrackKind kind() {
                    return TrackKind.VIDEO;
                }

                @Override
                public PeerId peer() {
                    return peer;
                }

                @Override
                public void detach() {
                }

                @Override
                public String toString() {
                    return "video from " + peer;
                }
            };
        }
    }
}
