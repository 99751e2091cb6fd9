package chat.free4.data;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * One application-data message on the wire: {@code [topic length: 1 byte][topic UTF-8][payload]}.
 * Binary so games and whiteboards can send compact payloads without base64.
 */
public record AppDataFrame(String topic, byte[] payload) {
    /** Stays well under the 256 KiB SCTP message size every libwebrtc accepts. */
    public static final int MAX_PAYLOAD_BYTES = 64 * 1024;
    private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9._:/-]{1,64}");

    public AppDataFrame {
        if (topic == null || !TOPIC.matcher(topic).matches()) {
            throw new IllegalArgumentException(
                    "A topic is 1 to 64 letters, digits or . _ : / - (got '" + topic + "').");
        }
        if (payload.length > MAX_PAYLOAD_BYTES) {
            throw new IllegalArgumentException("Application data is limited to " + MAX_PAYLOAD_BYTES
                    + " bytes per message; this one has " + payload.length + ". Split it up.");
        }
    }

    public byte[] encode() {
        byte[] t = topic.getBytes(StandardCharsets.UTF_8);
        ByteBuffer out = ByteBuffer.allocate(1 + t.length + payload.length);
        out.put((byte) t.length).put(t).put(payload);
        return out.array();
    }

    /** @throws IllegalArgumentException for a frame that is truncated or breaks the limits */
    public static AppDataFrame decode(byte[] frame) {
        if (frame.length < 2) {
            throw new IllegalArgumentException("Application data frame is too short.");
        }
        int topicLength = frame[0] & 0xff;
        if (1 + topicLength > frame.length) {
            throw new IllegalArgumentException("Application data frame is truncated.");
        }
        String topic = new String(frame, 1, topicLength, StandardCharsets.UTF_8);
        return new AppDataFrame(topic, Arrays.copyOfRange(frame, 1 + topicLength, frame.length));
    }
}
