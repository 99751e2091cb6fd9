package chat.free4.signaling.lan.discovery;

import chat.free4.peer.PeerId;

import java.net.InetSocketAddress;
import java.util.List;

/** A peer seen on the LAN: what it announced, and where its direct signaling listens. */
public record LanMember(LanAnnouncement announcement, List<InetSocketAddress> endpoints) {
    public LanMember {
        endpoints = List.copyOf(endpoints);
        if (endpoints.isEmpty()) {
            throw new IllegalArgumentException("A LAN member needs at least one endpoint.");
        }
    }

    public PeerId id() {
        return announcement.peerId();
    }

    public String room() {
        return announcement.room();
    }

    public String displayName() {
        return announcement.displayName();
    }
}
