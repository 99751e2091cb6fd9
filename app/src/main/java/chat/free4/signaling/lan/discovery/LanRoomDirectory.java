package chat.free4.signaling.lan.discovery;

import chat.free4.signaling.ListedRoom;
import chat.free4.signaling.RoomDirectory;

import java.util.List;

/**
 * The public rooms announced on this network as a {@link RoomDirectory}: what the
 * {@link LanRoomBrowser} sees over mDNS, with who is in each. mDNS pushes every change, so there is
 * nothing to reach (always reachable once open) and LAN rooms carry no tags. Closing it only stops
 * listening: the browser belongs to the {@link LanDiscovery}, which LAN rooms use too.
 */
final class LanRoomDirectory implements RoomDirectory {
    private final LanRoomBrowser browser;
    private final Listener listener;
    private final LanRoomsListener forward = new LanRoomsListener() {
        @Override
        public void roomsChanged(List<LanRoom> publicRooms) {
            latest = publicRooms;
            deliver();
        }
    };
    // On the browser's event thread:
    private List<LanRoom> latest = List.of();
    private String tag = "";
    private volatile boolean closed;

    LanRoomDirectory(LanRoomBrowser browser, Listener listener) {
        this.browser = browser;
        this.listener = listener;
    }

    @Override
    public void start() {
        browser.onEventThread(() -> {
            if (!closed) {
                listener.onReachable(true, "");
            }
        });
        browser.addListener(forward); // hears the rooms already seen at once
    }

    /** Lists again now; a tag matches no LAN room, since they carry none. */
    @Override
    public void refresh(String newTag) {
        browser.onEventThread(() -> {
            tag = newTag == null ? "" : newTag;
            deliver();
        });
    }

    @Override
    public void close() {
        closed = true;
        browser.removeListener(forward);
    }

    private void deliver() {
        if (closed) {
            return;
        }
        List<ListedRoom> rooms = tag.isEmpty() ? latest.stream().map(LanRoomDirectory::listed).toList() : List.of();
        listener.onRooms(rooms, rooms.size());
    }

    private static ListedRoom listed(LanRoom room) {
        return new ListedRoom(room.name(), room.memberCount(), List.of(),
                room.members().stream().map(LanMember::displayName).sorted().toList());
    }
}
