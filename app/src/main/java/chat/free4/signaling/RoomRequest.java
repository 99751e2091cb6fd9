package chat.free4.signaling;

import chat.free4.peer.PeerId;
import java.util.List;

/** What a peer asks for when it joins a room. */
public record RoomRequest(String room, String displayName, PeerId selfId, boolean isPublic, List<String> tags) {
    public RoomRequest {
        tags = List.copyOf(tags);
    }
}
