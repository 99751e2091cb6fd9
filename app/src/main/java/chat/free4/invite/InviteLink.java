package chat.free4.invite;

import chat.free4.names.NameRules;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Where an invite takes you: a room on a relay (or on this network) and, for a private room, the
 * secret that rides in the link's fragment (after {@code #}). The secret is handed on as a plain
 * value; it is never part of the relay address or the room name, so nothing that sends those
 * (a join, a room list) can carry it. The format is docs/PROTOCOL.md, "Invite links";
 * {@link InviteLinks} reads and writes it.
 *
 * @param relay  the relay ({@code ws://} or {@code wss://}); empty for a room on this network
 * @param room   the room name, valid by {@link NameRules#room}
 * @param secret the fragment secret of a private room; empty for an open room
 */
public record InviteLink(Optional<URI> relay, String room, Optional<String> secret) {
    public InviteLink {
        Objects.requireNonNull(relay, "relay");
        Objects.requireNonNull(secret, "secret");
        room = NameRules.room(room).orElseThrow(() -> new InvalidInviteLinkException(
                "This invite names no valid room. " + NameRules.ROOM_RULE));
        relay.ifPresent(InviteLinks::checkRelay);
        secret.ifPresent(InviteLinks::checkSecret);
        secret = secret.filter(s -> !s.isEmpty());
    }

    /** A room on a relay. */
    public static InviteLink relay(URI relay, String room) {
        return new InviteLink(Optional.of(relay), room, Optional.empty());
    }

    /** A room on this network (mDNS), found without a server. */
    public static InviteLink lan(String room) {
        return new InviteLink(Optional.empty(), room, Optional.empty());
    }

    /** The same invite for a private room: {@code secret} goes after {@code #}. */
    public InviteLink withSecret(String secret) {
        return new InviteLink(relay, room, Optional.of(secret));
    }

    public boolean onThisNetwork() {
        return relay.isEmpty();
    }

    /** The link as text, e.g. {@code free4chat://join?relay=wss%3A%2F%2Fhost%2Fv1&room=kitchen}. */
    public String format() {
        return InviteLinks.format(this);
    }

    /** Never the secret: these records end up in logs. */
    @Override
    public String toString() {
        return "InviteLink[" + relay.map(URI::toString).orElse("this network") + ", " + room
                + (secret.isPresent() ? ", with a secret" : "") + "]";
    }
}
