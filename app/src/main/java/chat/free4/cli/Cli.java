package chat.free4.cli;

import chat.free4.AppVersion;
import java.io.PrintWriter;
import picocli.CommandLine;

/** Runs the command line; every failure ends as one sentence on stderr and a non-zero exit code. */
public final class Cli {
    private Cli() {
    }

    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Free4chatCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((e, a) -> {
            err.println(e.getMessage().endsWith(".") ? e.getMessage() : e.getMessage() + ".");
            err.println("Try: free4chat " + (e.getCommandLine().getCommandName().equals("free4chat") ? "" : e.getCommandLine().getCommandName() + " ") + "--help");
            err.flush();
            return ExitCodes.BAD_ARGUMENTS;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            err.println(sentence(e));
            err.flush();
            return e instanceof CliFailure f ? f.exitCode() : ExitCodes.FAILED;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    private static String sentence(Exception e) {
        if (e instanceof CliFailure || e instanceof IllegalArgumentException || e instanceof IllegalStateException) {
            return e.getMessage();
        }
        return "Something went wrong: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }

    /** Supplies {@code --version}. */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"free4chat " + AppVersion.get()};
        }
    }
}
