package chat.free4.signaling;

import java.util.List;

/**
 * The rooms one can find somewhere: the relay's public list, or the rooms announced on this
 * network. The lobby and {@code free4chat rooms} read both through this; each transport makes its
 * own (the relay's {@code RelayRooms.directory}, the LAN's {@code LanDiscovery#directory}).
 */
public interface RoomDirectory extends AutoCloseable {

    /** Starts watching; the listener hears the first list as soon as it is known. */
    void start();

    /** Asks again now, for rooms with {@code tag} (empty: all), and keeps that filter. */
    void refresh(String tag);

    /** Stops; the listener hears nothing more. */
    @Override
    void close();

    /** Told about each new list, on the directory's own thread, one call at a time; must return quickly. */
    interface Listener {
        /** The rooms now, most people first, then by name. */
        void onRooms(List<ListedRoom> rooms);

        /**
         * Like {@link #onRooms(List)}, with how many rooms match in all: a relay answers with one
         * page of its list. Directories call this one; the default forwards.
         */
        default void onRooms(List<ListedRoom> rooms, int total) {
            onRooms(rooms);
        }

        /** Whether the directory can be reached, with a sentence for the person when not. */
        default void onReachable(boolean reachable, String sentence) {
        }

        /** The directory refused to list (an invalid tag, too many requests); a sentence for the person. */
        default void onRefused(String sentence) {
        }
    }
}
