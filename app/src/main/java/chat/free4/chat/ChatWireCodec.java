package chat.free4.chat;

import chat.free4.data.Untrusted;
import chat.free4.peer.PeerId;
import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Chat messages on the "chat" data channel: one UTF-8 JSON object per data channel message,
 * {@code {"v":1,"id":..,"sender":..,"name":..,"clock":..,"sentAt":..,"text":..,"history":bool}}.
 * The sender field must match the peer the channel belongs to, except for history replays.
 * {@code clock} is 1 to {@link LamportClock#MAX_CLOCK}; {@code name} is shown only for relayed
 * lines of people who left (everyone else's lines carry the name signaling knows).
 */
public final class ChatWireCodec {
    private static final Gson GSON = new Gson();
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{8,64}");
    private static final int MAX_NAME = 64;

    private ChatWireCodec() {
    }

    /** What one frame carried: a message, and whether it is a history replay. */
    public record Frame(ChatMessage message, boolean history) {
    }

    private static final class Wire {
        int v;
        String id;
        String sender;
        String name;
        long clock;
        long sentAt;
        String text;
        boolean history;
    }

    public static byte[] encode(ChatMessage m, boolean history) {
        if (m.isSystem()) {
            throw new IllegalArgumentException("system lines are local and never sent");
        }
        Wire w = new Wire();
        w.v = 1;
        w.id = m.id();
        w.sender = m.sender().value();
        w.name = m.senderName();
        w.clock = m.clock();
        w.sentAt = m.sentAtMillis();
        w.text = m.text();
        w.history = history;
        return GSON.toJson(w).getBytes(StandardCharsets.UTF_8);
    }

    public static Frame decode(byte[] data) throws MalformedFrameException {
        if (data.length > MessageLimits.MAX_FRAME_BYTES) {
            throw new MalformedFrameException("chat frame of " + data.length + " bytes exceeds the limit");
        }
        Wire w;
        try {
            w = GSON.fromJson(new String(data, StandardCharsets.UTF_8), Wire.class);
        } catch (JsonParseException e) {
            throw new MalformedFrameException("chat frame is not valid JSON", e);
        }
        if (w == null || w.v != 1) {
            throw new MalformedFrameException("chat frame has an unknown version");
        }
        if (w.id == null || !ID.matcher(w.id).matches() || w.sender == null || w.text == null
                || w.name == null || w.clock < 1 || w.clock > LamportClock.MAX_CLOCK) {
            throw new MalformedFrameException("chat frame lacks a valid id, sender, name, clock or text");
        }
        try {
            MessageLimits.check(w.text);
            // Shown only for relayed lines of people who left (others get signaling's name): clean it.
            String name = Untrusted.forDisplay(w.name, MAX_NAME);
            name = name.isEmpty() ? "Someone" : name;
            ChatMessage m = new ChatMessage(w.id, new PeerId(w.sender), name, w.clock, w.sentAt,
                    ChatMessage.Kind.TEXT, w.text);
            return new Frame(m, w.history);
        } catch (IllegalArgumentException e) {
            throw new MalformedFrameException("chat frame rejected: " + e.getMessage(), e);
        }
    }
}
