package chat.free4.audio;

import chat.free4.peer.PeerId;

/**
 * Receives the decoded audio of remote peers (after local volume and mute). Called on a native
 * audio thread about every 10 ms per peer: copy what you need and return at once.
 */
@FunctionalInterface
public interface RemotePcmListener {

    void onPcm(PeerId from, short[] samples, int count);

    static RemotePcmListener none() {
        return (from, samples, count) -> {
        };
    }
}
