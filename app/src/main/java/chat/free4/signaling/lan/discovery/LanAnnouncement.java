package chat.free4.signaling.lan.discovery;

import chat.free4.names.NameRules;
import chat.free4.peer.PeerId;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What one peer says about itself on the LAN (the content of its TXT record).
 *
 * @param key the public key its direct-signaling hello proves (base64, decision 0014), or "" if none
 */
public record LanAnnouncement(String room, PeerId peerId, String displayName, boolean isPublic, String key) {
    /** Base64, and short: an Ed25519 key is 60 characters. */
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9+/]{1,80}={0,2}");

    public LanAnnouncement(String room, PeerId peerId, String displayName, boolean isPublic) {
        this(room, peerId, displayName, isPublic, "");
    }

    public LanAnnouncement {
        Objects.requireNonNull(key, "key");
        if (!key.isEmpty() && !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("A LAN key is base64, at most 82 characters.");
        }
        room = NameRules.room(room)
                .orElseThrow(() -> new IllegalArgumentException(NameRules.ROOM_RULE));
        displayName = NameRules.displayName(displayName)
                .orElseThrow(() -> new IllegalArgumentException(NameRules.NAME_RULE));
        Objects.requireNonNull(peerId, "peerId");
    }
}
