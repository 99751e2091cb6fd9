package chat.free4.data;

import dev.onvoid.webrtc.RTCDataChannelInit;

/**
 * A data channel every peer connection of a room carries. The offerer creates one channel per
 * spec before {@code createOffer}; the answerer receives it through {@code onDataChannel}.
 * {@code inbound} is how much one peer may send us on it.
 */
public record DataChannelSpec(String label, boolean ordered, InboundRate inbound) {

    public DataChannelSpec {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("A data channel needs a label.");
        }
        if (inbound == null) {
            throw new IllegalArgumentException("A data channel needs an inbound rate.");
        }
    }

    /** Reliable, ordered: what chat, files and application data all need. */
    public static DataChannelSpec reliable(String label, InboundRate inbound) {
        return new DataChannelSpec(label, true, inbound);
    }

    /** Reliable and ordered, with the inbound rate for application data. */
    public static DataChannelSpec reliable(String label) {
        return reliable(label, InboundRate.APP);
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
