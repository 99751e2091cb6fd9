package chat.free4.signaling;

/** What one peer sends another to set up WebRTC: an SDP or an ICE candidate (see docs/PROTOCOL.md). */
public sealed interface SignalPayload {

    record Offer(String sdp) implements SignalPayload {
    }

    record Answer(String sdp) implements SignalPayload {
    }

    record Candidate(String mid, int index, String candidate) implements SignalPayload {
    }
}
