package chat.free4.signaling.lan.discovery;

import chat.free4.names.NameRules;
import chat.free4.peer.PeerId;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What one peer says about itself on the LAN (the content of its TXT record).
 *
 * @param room    the room's name; for a password room its blinded id instead, never its name (decision 0020)
 * @param key     the public key its direct-signaling hello proves (base64, decision 0014), or "" if none
 * @param blinded whether {@code room} is a password room's blinded id (such a room is never public)
 */
public record LanAnnouncement(String room, PeerId peerId, String displayName, boolean isPublic, String key,
                              boolean blinded) {
    /** Base64, and short: an Ed25519 key is 60 characters. */
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9+/]{1,80}={0,2}");
    /** 128 bits in lower-case hex. */
    public static final Pattern BLINDED_ID = Pattern.compile("[0-9a-f]{32}");

    public LanAnnouncement(String room, PeerId peerId, String displayName, boolean isPublic) {
        this(room, peerId, displayName, isPublic, "");
    }

    public LanAnnouncement(String room, PeerId peerId, String displayName, boolean isPublic, String key) {
        this(room, peerId, displayName, isPublic, key, false);
    }

    /** A member of the password room known on the LAN by {@code blindedId} only. */
    public static LanAnnouncement blinded(String blindedId, PeerId peerId, String displayName, String key) {
        return new LanAnnouncement(blindedId, peerId, displayName, false, key, true);
    }

    public LanAnnouncement {
        Objects.requireNonNull(key, "key");
        if (!key.isEmpty() && !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("A LAN key is base64, at most 82 characters.");
        }
        if (blinded) {
            if (room == null || !BLINDED_ID.matcher(room).matches()) {
                throw new IllegalArgumentException("A blinded LAN room id is 32 lower-case hex digits.");
            }
            if (isPublic) {
                throw new IllegalArgumentException("A password room is never public.");
            }
        } else {
            room = NameRules.room(room)
                    .orElseThrow(() -> new IllegalArgumentException(NameRules.ROOM_RULE));
        }
        displayName = NameRules.displayName(displayName)
                .orElseThrow(() -> new IllegalArgumentException(NameRules.NAME_RULE));
        Objects.requireNonNull(peerId, "peerId");
    }

    /** Whether this announces the room {@code room} (a name, or a blinded id when {@code blinded}). */
    public boolean announces(String room, boolean blinded) {
        return this.blinded == blinded && this.room.equals(room);
    }
}
