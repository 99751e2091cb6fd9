package chat.free4.cli;

/** Ends a command with one sentence on stderr and an exit code; never shown as a stack trace. */
public final class CliFailure extends RuntimeException {
    private final int exitCode;

    public CliFailure(int exitCode, String sentence) {
        super(sentence);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
