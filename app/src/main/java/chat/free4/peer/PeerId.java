package chat.free4.peer;

import chat.free4.names.NameRules;
import java.security.SecureRandom;
import java.util.HexFormat;

/** Identifies one peer within a room; chosen by the peer itself so it survives relay restarts. */
public record PeerId(String value) implements Comparable<PeerId> {
    private static final SecureRandom RANDOM = new SecureRandom();

    public PeerId {
        if (!NameRules.peerId(value)) {
            throw new IllegalArgumentException(NameRules.PEER_ID_RULE);
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
