package chat.free4.peer;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Identifies one peer within a room; chosen by the peer itself so it survives relay restarts. */
public record PeerId(String value) implements Comparable<PeerId> {
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-]{8,64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    public PeerId {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("A peer id is 8 to 64 letters, digits, '-' or '_'.");
        }
    }

    public static PeerId random() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return new PeerId(HexFormat.of().formatHex(bytes));
    }

    @Override
    public int compareTo(PeerId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
