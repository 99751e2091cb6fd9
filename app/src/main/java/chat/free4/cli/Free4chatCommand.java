package chat.free4.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code free4chat} command; without a subcommand it prints help. */
@Command(name = "free4chat", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        description = "Instant, private voice rooms. Without arguments free4chat starts the desktop app.",
        subcommands = {JoinCommand.class, RoomsCommand.class, RobotCommand.class})
public final class Free4chatCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
