package chat.free4.screen;

import chat.free4.peer.PeerId;

/**
 * What viewers learn of the screens others share. Called on a thread of the screen layer (one per
 * sharing peer), never on a native or UI thread; must not block for long.
 */
public interface ScreenListener {

    /** A new picture of {@code peer}'s screen; the first one means that peer started sharing. */
    default void onPicture(PeerId peer, ScreenPicture picture) {
    }

    /** {@code peer}'s screen is gone (stopped sharing, left, or its connection closed). */
    default void onPictureEnded(PeerId peer) {
    }

    /** What this side sends changed: sharing or not, and whether the picture is reduced for the room's size. */
    default void onSharingChanged(SharingState state) {
    }

    /** This side's share ended by itself (the shared window closed, the screen cannot be read); {@code sentence} says why. */
    default void onSharingStopped(String sentence) {
    }
}
