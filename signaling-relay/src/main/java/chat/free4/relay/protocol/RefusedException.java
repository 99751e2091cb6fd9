package chat.free4.relay.protocol;

/** A client message the relay refuses; becomes an {@code error} message to that client. */
public final class RefusedException extends Exception {
    private final ErrorCode code;
    private final String ref;
    private final int retryAfterSeconds;

    public RefusedException(ErrorCode code, String message, String ref) {
        this(code, message, ref, 0);
    }

    /** @param retryAfterSeconds when trying again can succeed (a reserved seat frees up); 0 if never */
    public RefusedException(ErrorCode code, String message, String ref, int retryAfterSeconds) {
        super(message, null, false, false);
        this.code = code;
        this.ref = ref;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Seconds after which the same message may succeed, or 0. */
    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public ErrorCode code() {
        return code;
    }

    /** The {@code type} of the refused message, or null when it had none. */
    public String ref() {
        return ref;
    }
}
