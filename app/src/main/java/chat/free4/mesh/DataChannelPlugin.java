package chat.free4.mesh;

import chat.free4.peer.PeerId;
import dev.onvoid.webrtc.RTCDataChannel;
import dev.onvoid.webrtc.RTCDataChannelInit;

/**
 * A feature that needs one data channel to every peer (chat, file transfer). The offering side
 * creates the channel before its offer; the answering side receives it. Calls come on the mesh
 * thread: register an observer and return. The mesh owns the channel: after
 * {@link #onChannelClosed} returns it unregisters, closes and disposes it.
 */
public interface DataChannelPlugin {

    /** The channel label, unique among plugins, e.g. "chat". */
    String label();

    default RTCDataChannelInit init() {
        RTCDataChannelInit init = new RTCDataChannelInit();
        init.ordered = true;
        return init;
    }

    /** A channel to {@code peer} exists (it may not be open yet); replaces any earlier one. */
    void onChannel(PeerId peer, RTCDataChannel channel);

    /** The channel to {@code peer} is going away (peer left, or its connection was rebuilt). */
    void onChannelClosed(PeerId peer, RTCDataChannel channel);
}
