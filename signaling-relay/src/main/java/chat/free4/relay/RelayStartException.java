package chat.free4.relay;

/** The relay could not start (port in use, bad keystore, unknown bind address). */
public final class RelayStartException extends RuntimeException {
    public RelayStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
