package chat.free4.cli;

import chat.free4.signaling.ListedRoom;
import chat.free4.signaling.RoomDirectory;
import chat.free4.signaling.relay.RelayConnectionConfig;
import chat.free4.signaling.relay.RelayRooms;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code free4chat rooms}: lists a relay's public rooms, hottest first. */
@Command(name = "rooms", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        description = "List the public rooms of a relay (or, with --lan, of this network), most people first.")
public class RoomsCommand implements Callable<Integer> {
    /** Connecting may take the connect timeout (5 s); the answer comes right after. */
    private static final Duration RELAY_ANSWER = Duration.ofSeconds(10);

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
        URI uri = RelayConnectionConfig.parseRelay(relay);
        FirstList answer = new FirstList();
        try (RoomDirectory directory = RelayRooms.directory(uri, limit, answer)) {
            directory.refresh(tag == null || tag.isBlank() ? "" : tag); // the filter first: the first list has it
            directory.start();
            FirstList.Page page = answer.await(RELAY_ANSWER, "The relay at " + uri.getAuthority() + " did not answer in time.");
            if (page.rooms().isEmpty()) {
                out.println("No public rooms right now.");
            }
            for (ListedRoom room : page.rooms()) {
                out.printf("%-32s %d %s%s%n", room.name(), room.members(), room.members() == 1 ? "person" : "people",
                        room.tags().isEmpty() ? "" : "  #" + String.join(" #", room.tags()));
            }
            if (page.total() > page.rooms().size()) {
                out.println("(" + page.total() + " rooms in all)");
            }
            return ExitCodes.OK;
        } catch (FirstList.NoList e) {
            throw new CliFailure(ExitCodes.RELAY_UNREACHABLE, e.getMessage());
        }
    }

    /**
     * Takes the next list a {@link RoomDirectory} gives, or why it gives none (unreachable, refused).
     * {@link #forget} drops what came so far, so that a later list is waited for.
     */
    static final class FirstList implements RoomDirectory.Listener {
        record Page(List<ListedRoom> rooms, int total) {
        }

        /** No list: the message is a sentence for the person. */
        static final class NoList extends Exception {
            NoList(String sentence) {
                super(sentence);
            }
        }

        private CompletableFuture<Page> next = new CompletableFuture<>();

        @Override
        public void onRooms(List<ListedRoom> rooms) {
            onRooms(rooms, rooms.size());
        }

        @Override
        public synchronized void onRooms(List<ListedRoom> rooms, int total) {
            next.complete(new Page(rooms, total));
        }

        @Override
        public synchronized void onReachable(boolean reachable, String sentence) {
            if (!reachable) {
                next.completeExceptionally(new NoList(sentence));
            }
        }

        @Override
        public synchronized void onRefused(String sentence) {
            next.completeExceptionally(new NoList(sentence));
        }

        synchronized void forget() {
            if (next.isDone()) {
                next = new CompletableFuture<>();
            }
        }

        Page await(Duration timeout, String tooLate) throws NoList, InterruptedException {
            CompletableFuture<Page> waited;
            synchronized (this) {
                waited = next;
            }
            try {
                return waited.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof NoList noList ? noList : new NoList(tooLate);
            } catch (TimeoutException e) {
                throw new NoList(tooLate);
            }
        }
    }
}
