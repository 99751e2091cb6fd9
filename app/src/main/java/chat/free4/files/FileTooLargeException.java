package chat.free4.files;

/** A file over the sharing size limit; the message says so in words. */
public class FileTooLargeException extends IllegalArgumentException {

    public FileTooLargeException(String message) {
        super(message);
    }
}
