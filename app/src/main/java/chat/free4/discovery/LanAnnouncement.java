package chat.free4.discovery;

import chat.free4.signaling.PeerId;

import java.util.Objects;

/** What one peer says about itself on the LAN (the content of its TXT record). */
public record LanAnnouncement(String room, PeerId peerId, String displayName, boolean isPublic) {
    public LanAnnouncement {
        room = NameRules.room(room)
                .orElseThrow(() -> new IllegalArgumentException("A room name is 1 to 64 letters, digits, spaces, '-', '_' or '.'."));
        displayName = NameRules.displayName(displayName)
                .orElseThrow(() -> new IllegalArgumentException("A display name is 1 to 32 visible characters."));
        Objects.requireNonNull(peerId, "peerId");
    }
}
