package chat.free4.signaling;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import static chat.free4.signaling.JsonFields.integer;
import static chat.free4.signaling.JsonFields.string;

/**
 * The payload convention of free4chat peers (docs/PROTOCOL.md): the JSON object that both the relay
 * ({@code signal.payload}) and direct LAN signaling carry for an offer, an answer or a candidate.
 * Decoding trusts nothing: every field is checked and bounded.
 */
public final class SignalPayloadCodec {
    /**
     * No transport carries more: the relay client accepts text of at most 256 KiB, a LAN frame
     * is at most 64 KiB. Real SDPs are a few KiB.
     */
    static final int MAX_SDP_CHARS = 256 * 1024;
    static final int MAX_CANDIDATE_CHARS = 1024;
    static final int MAX_MID_CHARS = 64;
    private static final int MAX_KIND_CHARS = 16;

    private SignalPayloadCodec() {
    }

    public static JsonObject encode(SignalPayload payload) {
        JsonObject json = new JsonObject();
        if (payload instanceof SignalPayload.Offer offer) {
            json.addProperty("kind", "offer");
            json.addProperty("sdp", offer.sdp());
        } else if (payload instanceof SignalPayload.Answer answer) {
            json.addProperty("kind", "answer");
            json.addProperty("sdp", answer.sdp());
        } else if (payload instanceof SignalPayload.Candidate candidate) {
            json.addProperty("kind", "candidate");
            json.addProperty("mid", candidate.mid());
            json.addProperty("index", candidate.index());
            json.addProperty("candidate", candidate.candidate());
        }
        return json;
    }

    /** The payload, or a {@link MalformedMessageException} saying what is wrong (an unknown kind too). */
    public static SignalPayload decode(JsonElement element) throws MalformedMessageException {
        if (element == null || !element.isJsonObject()) {
            throw new MalformedMessageException("payload is not an object");
        }
        JsonObject json = element.getAsJsonObject();
        String kind = string(json, "kind", MAX_KIND_CHARS);
        return switch (kind) {
            case "offer" -> new SignalPayload.Offer(string(json, "sdp", MAX_SDP_CHARS));
            case "answer" -> new SignalPayload.Answer(string(json, "sdp", MAX_SDP_CHARS));
            case "candidate" -> new SignalPayload.Candidate(string(json, "mid", MAX_MID_CHARS),
                    integer(json, "index"), string(json, "candidate", MAX_CANDIDATE_CHARS));
            default -> throw new MalformedMessageException("unknown payload kind");
        };
    }
}
