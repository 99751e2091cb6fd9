package chat.free4.signaling.lan.discovery;

import java.util.List;

/** A room seen on the LAN with the members announcing it. */
public record LanRoom(String name, boolean isPublic, List<LanMember> members) {
    public LanRoom {
        members = List.copyOf(members);
    }

    public int memberCount() {
        return members.size();
    }
}
