package chat.free4.signaling.relay;

import chat.free4.signaling.RoomPassword;
import chat.free4.testrelay.FrameProxy;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A hostile relay for tests: a loopback proxy in front of a real relay that lets anyone into a
 * password room. It knows the room's password (as a relay that was told it, or guessed it, would)
 * and replaces every joiner's answer to the relay's challenge with the right one, so a peer with a
 * wrong password, or none at all, is admitted. Only the peers' own proof can then keep it out.
 * Compression is stripped from the upgrade so frames can be read.
 */
public final class AdmitAnyoneRelayProxy implements AutoCloseable {
    private final FrameProxy proxy;
    private final RoomPasswordKey key;
    private final String room;

    private AdmitAnyoneRelayProxy(URI relay, String room, String password) throws IOException {
        this.room = room;
        this.proxy = FrameProxy.start(relay, JoinRewriter::new);
        // The room's creator salts its key with the address it uses: this proxy's.
        RoomPassword typed = RoomPassword.of(password.toCharArray());
        this.key = RoomPasswordKey.derive(typed, uri(), room);
        typed.wipe();
    }

    /** A proxy to {@code relay} that admits anyone into {@code room}, whose password is {@code password}. */
    public static AdmitAnyoneRelayProxy start(URI relay, String room, String password) throws IOException {
        return new AdmitAnyoneRelayProxy(relay, room, password);
    }

    /** Where clients connect instead of the relay. */
    public URI uri() {
        return proxy.uri();
    }

    /** One connection: notes each challenge's nonce and gives every join into the room the right answer. */
    private final class JoinRewriter implements FrameProxy.Handler {
        private final AtomicReference<byte[]> nonce = new AtomicReference<>();

        @Override
        public void toClient(FrameProxy.Frame frame) {
            if (frame.isText() && frame.text().contains("\"challenge\"")) {
                byte[] n = RelayMessages.nonce(JsonParser.parseString(frame.text()).getAsJsonObject());
                if (n != null) {
                    nonce.set(n);
                }
            }
        }

        @Override
        public FrameProxy.Frame toRelay(FrameProxy.Frame frame) {
            return frame.isText() ? frame.withText(admitted(frame.text(), nonce.get())) : frame;
        }
    }

    /** A join into the room with any password answer gets the right one; everything else is left alone. */
    private String admitted(String text, byte[] nonce) {
        if (!text.contains("\"join\"") || nonce == null) {
            return text;
        }
        JsonObject join = JsonParser.parseString(text).getAsJsonObject();
        if (!"join".equals(RelayMessages.text(join, "type")) || !join.has("password")
                || !room.equals(RelayMessages.text(join, "room"))) {
            return text;
        }
        JsonObject answer = new JsonObject();
        answer.addProperty("verifier", Base64.getEncoder().encodeToString(key.verifier()));
        answer.addProperty("proof", Base64.getEncoder().encodeToString(
                key.sign(nonce, room, RelayMessages.text(join, "peerId"))));
        join.add("password", answer);
        return join.toString();
    }

    @Override
    public void close() {
        proxy.close();
    }
}
