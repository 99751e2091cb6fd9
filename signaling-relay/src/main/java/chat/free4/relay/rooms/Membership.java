package chat.free4.relay.rooms;

/** Where a connection sits: its room and seat. Valid while the seat's channel is that connection. */
public record Membership(Room room, Member member) {

    public String roomName() {
        return room.name;
    }

    public String peerId() {
        return member.peerId;
    }
}
