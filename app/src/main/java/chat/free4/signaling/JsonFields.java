package chat.free4.signaling;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/**
 * Reads fields of untrusted JSON with their type and size checked: a missing, mistyped or
 * oversized field is a {@link MalformedMessageException} naming it, never another exception.
 */
public final class JsonFields {
    private JsonFields() {
    }

    public static JsonElement field(JsonObject json, String name) throws MalformedMessageException {
        JsonElement element = json.get(name);
        if (element == null || element.isJsonNull()) {
            throw new MalformedMessageException("missing field " + name);
        }
        return element;
    }

    /** A string of at most {@code maxChars} UTF-16 units. */
    public static String string(JsonObject json, String name, int maxChars) throws MalformedMessageException {
        JsonElement element = field(json, name);
        if (!element.isJsonPrimitive() || !((JsonPrimitive) element).isString()) {
            throw new MalformedMessageException("field " + name + " is not a string");
        }
        String value = element.getAsString();
        if (value.length() > maxChars) {
            throw new MalformedMessageException("field " + name + " is too long");
        }
        return value;
    }

    /** A number that is exactly an {@code int} (1.5 or 2^40 are refused, not rounded). */
    public static int integer(JsonObject json, String name) throws MalformedMessageException {
        JsonElement element = field(json, name);
        if (!element.isJsonPrimitive() || !((JsonPrimitive) element).isNumber()) {
            throw new MalformedMessageException("field " + name + " is not a number");
        }
        try {
            return element.getAsBigDecimal().intValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw new MalformedMessageException("field " + name + " is not an integer");
        }
    }
}
