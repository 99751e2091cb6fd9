package chat.free4.mesh;

/** Edits of a real SDP, as a hostile peer would send them. */
public final class Sdp {
    private Sdp() {
    }

    /** The same offer as if it came from a new native connection: another {@code o=} session id. */
    public static String withSessionId(String sdp, long session) {
        return sdp.replaceFirst("(?m)^(o=\\S+ )\\d+ ", "$1" + session + " ");
    }
}
