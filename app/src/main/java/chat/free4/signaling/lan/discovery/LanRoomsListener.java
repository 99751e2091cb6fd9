package chat.free4.signaling.lan.discovery;

import java.util.List;

/**
 * Hears what a {@link LanRoomBrowser} sees. Calls come one at a time from the browser's own
 * thread, in order; implementations must not block.
 */
public interface LanRoomsListener {

    /** A valid announcement appeared (also called for every member already known when added). */
    default void memberAppeared(LanMember member) {
    }

    /** A known member announced new content (e.g. another name, room or address). */
    default void memberChanged(LanMember before, LanMember after) {
    }

    /** A member withdrew its announcement (mDNS goodbye) or it expired. */
    default void memberVanished(LanMember member) {
    }

    /** An announcement was ignored (malformed, foreign version, bad names); for diagnostics. */
    default void announcementIgnored(String instanceName, String reason) {
    }

    /** The public rooms now seen: most members first, then by name. */
    default void roomsChanged(List<LanRoom> publicRooms) {
    }
}
