package chat.free4.relay.protocol;

/** A client message the relay refuses; becomes an {@code error} message to that client. */
public final class RefusedException extends Exception {
    private final ErrorCode code;
    private final String ref;

    public RefusedException(ErrorCode code, String message, String ref) {
        super(message, null, false, false);
        this.code = code;
        this.ref = ref;
    }

    public ErrorCode code() {
        return code;
    }

    /** The {@code type} of the refused message, or null when it had none. */
    public String ref() {
        return ref;
    }
}
