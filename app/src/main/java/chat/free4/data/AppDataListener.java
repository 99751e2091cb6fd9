package chat.free4.data;

import chat.free4.peer.PeerInfo;

/** Receives application data (whiteboard strokes, game moves) for one topic. */
@FunctionalInterface
public interface AppDataListener {

    /** Called on the channel's event thread; must not block. */
    void onData(PeerInfo from, String topic, byte[] payload);
}
