package chat.free4.chat;

import com.google.gson.JsonObject;

/** Chat frames as a hostile peer writes them: any field, any value, straight onto the wire. */
final class ChatFrames {
    private ChatFrames() {
    }

    static String frame(String id, String sender, String name, long clock, String text, boolean history) {
        JsonObject o = new JsonObject();
        o.addProperty("v", 1);
        o.addProperty("id", id);
        o.addProperty("sender", sender);
        o.addProperty("name", name);
        o.addProperty("clock", clock);
        o.addProperty("sentAt", 1_700_000_000_000L);
        o.addProperty("text", text);
        o.addProperty("history", history);
        return o.toString();
    }
}
