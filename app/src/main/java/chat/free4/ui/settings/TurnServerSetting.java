package chat.free4.ui.settings;

import chat.free4.signaling.ConfiguredIceServers;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.TypeAdapter;
import com.google.gson.annotations.JsonAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One TURN server from Settings → Network: its URL and the username and password it wants.
 * Checked by {@code IceServerCheck} when a room is joined, never trusted as typed.
 */
@JsonAdapter(TurnServerSetting.Json.class)
public record TurnServerSetting(String url, String username, String password) {
    /** The old single-line form, {@code turn:USER:PASSWORD@HOST[:PORT]}, that the field's hint once suggested. */
    private static final Pattern LEGACY = Pattern.compile("^(turns?):([^:@]+):([^@]*)@(.+)$");

    public TurnServerSetting {
        url = url == null ? "" : url.strip();
        username = username == null ? "" : username;
        password = password == null ? "" : password;
    }

    public ConfiguredIceServers.Entry entry() {
        return new ConfiguredIceServers.Entry(url, username, password);
    }

    /** A line as older versions stored it: credentials split out of the URL when they are there. */
    static TurnServerSetting fromLegacyLine(String line) {
        Matcher m = LEGACY.matcher(line.strip());
        return m.matches() ? new TurnServerSetting(m.group(1) + ":" + m.group(4), m.group(2), m.group(3))
                : new TurnServerSetting(line, "", "");
    }

    @Override
    public String toString() {
        return "TurnServerSetting[" + url + ", user " + username + "]"; // the password stays out of logs
    }

    /** Objects {@code {url, username, password}}; also reads the plain strings older settings files hold. */
    static final class Json extends TypeAdapter<TurnServerSetting> {
        @Override
        public void write(JsonWriter out, TurnServerSetting value) throws IOException {
            out.beginObject().name("url").value(value.url()).name("username").value(value.username())
                    .name("password").value(value.password()).endObject();
        }

        @Override
        public TurnServerSetting read(JsonReader in) throws IOException {
            JsonElement e = JsonParser.parseReader(in);
            if (e.isJsonPrimitive()) {
                return fromLegacyLine(e.getAsString());
            }
            if (!e.isJsonObject()) {
                throw new JsonParseException("A TURN server setting is an object or a line of text.");
            }
            JsonObject o = e.getAsJsonObject();
            return new TurnServerSetting(text(o, "url"), text(o, "username"), text(o, "password"));
        }

        private static String text(JsonObject o, String field) {
            JsonElement v = o.get(field);
            return v == null || v.isJsonNull() ? "" : v.getAsString();
        }
    }
}
