package chat.free4.media;

import dev.onvoid.webrtc.RTCPeerConnection;
import java.util.ArrayList;
import java.util.List;

/** What one peer connection sends, one {@link LocalTrack} per kind that sends; from {@link Media#openLocal()}. */
public final class LocalTracks implements AutoCloseable {
    /** The one media stream every track is sent in (so a receiver may synchronise them). */
    static final List<String> STREAM_IDS = List.of("stream");

    private final List<LocalTrack> tracks;

    LocalTracks(List<LocalTrack> tracks) {
        this.tracks = List.copyOf(tracks);
    }

    public List<LocalTrack> tracks() {
        return tracks;
    }

    /** A {@link LocalTrack.Change} over every track, for one connection operation. */
    public LocalTrack.Change beginChange() {
        if (tracks.size() == 1) {
            return tracks.get(0).beginChange();
        }
        List<LocalTrack.Change> changes = new ArrayList<>(tracks.size());
        for (LocalTrack track : tracks) {
            changes.add(track.beginChange());
        }
        return () -> changes.forEach(LocalTrack.Change::close);
    }

    /** Adds every track to {@code pc}, each while its change is held. */
    public void addTo(RTCPeerConnection pc) {
        try (LocalTrack.Change adding = beginChange()) {
            for (LocalTrack track : tracks) {
                track.sentBy(pc.addTrack(track.track(), track.streams()));
            }
        }
    }

    /** Closes every track; the connection must have removed them first. */
    @Override
    public void close() {
        for (LocalTrack track : tracks) {
            track.close();
        }
    }
}
