package chat.free4.signaling;

import java.util.List;

/**
 * The rooms one can find somewhere: the relay's public list, or the rooms announced on this
 * network. The lobby and {@code free4chat rooms} read both through this.
 */
public interface RoomDirectory extends AutoCloseable {

    /** Starts watching; the listener hears the first list as soon as it is known. */
    void start();

    /** Asks again now, for rooms with {@code tag} (empty: all); where the list is pushed anyway, a no-op. */
    void refresh(String tag);

    @Override
    void close();

    /** Told about each new list, on the directory's own thread; must return quickly. */
    interface Listener {
        void onRooms(List<ListedRoom> rooms);

        /** Whether the directory can be reached, with a sentence for the person when not. */
        default void onReachable(boolean reachable, String sentence) {
        }
    }
}
