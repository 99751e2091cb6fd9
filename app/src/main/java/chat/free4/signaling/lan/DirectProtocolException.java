package chat.free4.signaling.lan;

/** A direct-signaling frame that breaks the protocol; the connection that sent it is closed. */
final class DirectProtocolException extends Exception {
    DirectProtocolException(String message) {
        super(message);
    }
}
