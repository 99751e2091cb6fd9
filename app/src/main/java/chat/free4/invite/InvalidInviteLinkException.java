package chat.free4.invite;

/** An invite link that cannot be followed; the message is the sentence said to the person. */
public final class InvalidInviteLinkException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidInviteLinkException(String sentence) {
        super(sentence);
    }
}
