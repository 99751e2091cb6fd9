package chat.free4.cli;

import chat.free4.signaling.relay.RelayConnectionConfig;
import chat.free4.signaling.relay.RelayRoomDirectory;
import chat.free4.signaling.relay.RelayUnavailableException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code free4chat rooms}: lists a relay's public rooms, hottest first. */
@Command(name = "rooms", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        description = "List the public rooms of a relay (or, with --lan, of this network), most people first.")
public class RoomsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--relay", paramLabel = "URL", description = "The relay, e.g. ws://127.0.0.1:8443/v1.")
    String relay;

    @Option(names = "--tag", paramLabel = "TAG", description = "Only rooms with this tag.")
    String tag;

    @Mixin
    LanOptions lanOptions = new LanOptions();

    @Mixin
    LanBrowseOptions lanBrowse = new LanBrowseOptions();

    @Option(names = "--limit", defaultValue = "20", description = "At most this many rooms (1 to 100, default ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() throws InterruptedException {
        if (lanOptions.enabled()) {
            if (relay != null) {
                throw new CliFailure(ExitCodes.BAD_ARGUMENTS, "Use either --lan or --relay, not both.");
            }
            return new LanRoomsListing(lanOptions, lanBrowse, spec.commandLine().getOut()).run();
        }
        if (relay == null) {
            throw new CliFailure(ExitCodes.BAD_ARGUMENTS, "Say which relay to ask with --relay ws://HOST:PORT/v1, or use --lan.");
        }
        if (limit < 1 || limit > 100) {
            throw new CliFailure(ExitCodes.BAD_ARGUMENTS, "--limit must be between 1 and 100.");
        }
        Logs.quiet();
        PrintWriter out = spec.commandLine().getOut();
        try {
            RelayRoomDirectory.Page page = RelayRoomDirectory.list(RelayConnectionConfig.parseRelay(relay), tag, 0, limit,
                    Duration.ofSeconds(5));
            if (page.rooms().isEmpty()) {
                out.println("No public rooms right now.");
            }
            for (RelayRoomDirectory.ListedRoom room : page.rooms()) {
                out.printf("%-32s %d %s%s%n", room.room(), room.members(), room.members() == 1 ? "person" : "people",
                        room.tags().isEmpty() ? "" : "  #" + String.join(" #", room.tags()));
            }
            if (page.total() > page.rooms().size()) {
                out.println("(" + page.total() + " rooms in all)");
            }
            return ExitCodes.OK;
        } catch (RelayUnavailableException e) {
            throw new CliFailure(ExitCodes.RELAY_UNREACHABLE, e.getMessage());
        }
    }
}
