package chat.free4.mesh;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Five short words that two people can compare aloud to rule out someone in the middle of their
 * call. Both sides derive them from the two DTLS certificate fingerprints their connection uses
 * (their own and the other's, as each side's SDP says), so a relay that swapped a fingerprint to
 * sit in between makes the two sides see different words. The order of the fingerprints does not
 * matter: both sides get the same words.
 */
public final class SafetyCode {
    private static final Pattern FINGERPRINT = Pattern.compile("(?m)^a=fingerprint:(\\S+) ([0-9A-Fa-f:]+)\\s*$");
    private static final byte[] CONTEXT = "free4chat safety code v1".getBytes(StandardCharsets.US_ASCII);
    private static final int WORDS = 5;
    /** 64 short, distinct, easily spoken words: 6 bits each, 30 bits for the five. */
    private static final List<String> WORD_LIST = List.of(
            "apple", "bread", "cloud", "daisy", "eagle", "flame", "grape", "honey",
            "igloo", "jelly", "kite", "lemon", "maple", "night", "olive", "piano",
            "quilt", "river", "stone", "tiger", "umbra", "violet", "whale", "yacht",
            "zebra", "amber", "bison", "cedar", "delta", "ember", "fern", "glade",
            "harbor", "iris", "jade", "koala", "lotus", "moss", "nectar", "orbit",
            "pearl", "quartz", "robin", "sage", "tulip", "urchin", "velvet", "willow",
            "basil", "comet", "dune", "falcon", "garnet", "heron", "ivory", "juniper",
            "kelp", "lilac", "meadow", "nutmeg", "otter", "pepper", "raven", "sparrow");

    private SafetyCode() {
    }

    /** The certificate fingerprint an SDP names ("sha-256 AB:CD:..."), if it names one. */
    public static Optional<String> fingerprintOf(String sdp) {
        Matcher m = FINGERPRINT.matcher(sdp == null ? "" : sdp);
        return m.find() ? Optional.of(m.group(1).toLowerCase(Locale.ROOT) + " " + m.group(2).toUpperCase(Locale.ROOT))
                : Optional.empty();
    }

    /** The words for a connection between the certificates {@code a} and {@code b}, in either order. */
    public static String of(String a, String b) {
        String first = a.compareTo(b) <= 0 ? a : b;
        String second = first == a ? b : a;
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
        sha.update(CONTEXT);
        sha.update((byte) 0);
        sha.update(first.getBytes(StandardCharsets.US_ASCII));
        sha.update((byte) 0);
        sha.update(second.getBytes(StandardCharsets.US_ASCII));
        byte[] digest = sha.digest();
        long bits = 0;
        for (int i = 0; i < 4; i++) {
            bits = (bits << 8) | (digest[i] & 0xff);
        }
        List<String> words = new ArrayList<>(WORDS);
        for (int i = 0; i < WORDS; i++) {
            words.add(WORD_LIST.get((int) ((bits >>> (26 - 6 * i)) & 0x3f)));
        }
        return String.join(" ", words);
    }
}
