package chat.free4.board;

import chat.free4.peer.PeerId;

/** What happens on the board. Called on data channel threads, one peer's calls in order: hand off to the UI thread. */
public interface BoardListener {

    /** The operation set grew (our stroke, a peer's, or a sync). */
    void onBoardChanged();

    /** A peer's stroke in progress, {@code null} when it ended (its stroke arrived, or it left). */
    default void onPreview(PeerId peer, BoardCodec.Preview preview) {
    }
}
