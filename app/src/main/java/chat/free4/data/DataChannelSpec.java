package chat.free4.data;

import dev.onvoid.webrtc.RTCDataChannelInit;

/**
 * A data channel every peer connection of a room carries. The offerer creates one channel per
 * spec before {@code createOffer}; the answerer receives it through {@code onDataChannel}.
 */
public record DataChannelSpec(String label, boolean ordered) {

    public DataChannelSpec {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("A data channel needs a label.");
        }
    }

    /** Reliable, ordered: what chat, files and application data all need. */
    public static DataChannelSpec reliable(String label) {
        return new DataChannelSpec(label, true);
    }

    public RTCDataChannelInit toInit() {
        RTCDataChannelInit init = new RTCDataChannelInit();
        init.ordered = ordered;
        init.negotiated = false;
        init.maxRetransmits = -1;
        init.maxPacketLifeTime = -1;
        return init;
    }
}
