package chat.free4.cli;

/** Exit codes of the command line. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int BAD_ARGUMENTS = 2;
    public static final int RELAY_UNREACHABLE = 3;
    public static final int JOIN_REFUSED = 4;

    private ExitCodes() {
    }
}
