package chat.free4.cli;

import chat.free4.signaling.ListedRoom;
import chat.free4.signaling.RoomDirectory;
import chat.free4.signaling.lan.discovery.LanDiscovery;
import chat.free4.signaling.lan.discovery.LanInterface;
import chat.free4.signaling.lan.discovery.LanUnavailableException;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/**
 * {@code rooms --lan}: the public rooms announced on this network, most people first. Lists once
 * after a short wait (members answer the first query within a few hundred milliseconds), or with
 * {@code --watch} prints a line each time the list changes.
 */
final class LanRoomsListing {
    private final LanOptions options;
    private final LanBrowseOptions browse;
    private final PrintWriter out;
    private final long start = System.nanoTime();

    LanRoomsListing(LanOptions options, LanBrowseOptions browse, PrintWriter out) {
        this.options = options;
        this.browse = browse;
        this.out = out;
    }

    int run() throws InterruptedException {
        if (browse.waitMillis < 0 || browse.waitMillis > 60_000) {
            throw new CliFailure(ExitCodes.BAD_ARGUMENTS, "--wait must be between 0 and 60000 milliseconds.");
        }
        Logs.quiet();
        LanInterface lanInterface = options.chooseInterface();
        try (LanDiscovery discovery = LanDiscovery.open(lanInterface)) {
            if (browse.watch) {
                watch(discovery, lanInterface);
            } else {
                RoomsCommand.FirstList answer = new RoomsCommand.FirstList();
                try (RoomDirectory directory = discovery.directory(answer)) {
                    directory.start();
                    Thread.sleep(browse.waitMillis); // the browse window: gather the answers to our query
                    answer.forget();
                    directory.refresh(""); // the rooms seen by now
                    print(answer.await(Duration.ofSeconds(5), "Could not read the LAN rooms.").rooms(), lanInterface);
                }
            }
            return ExitCodes.OK;
        } catch (LanUnavailableException e) {
            throw new CliFailure(ExitCodes.FAILED, e.getMessage());
        } catch (RoomsCommand.FirstList.NoList e) {
            throw new CliFailure(ExitCodes.FAILED, e.getMessage());
        }
    }

    private void print(List<ListedRoom> rooms, LanInterface lanInterface) {
        if (rooms.isEmpty()) {
            out.println("No public LAN rooms seen on " + lanInterface.name() + ".");
        }
        for (ListedRoom room : rooms) {
            out.printf(Locale.ROOT, "%-32s %d %s  %s%n", room.name(), room.members(),
                    room.members() == 1 ? "person" : "people", String.join(", ", room.people()));
        }
        out.flush();
    }

    private void watch(LanDiscovery discovery, LanInterface lanInterface) throws InterruptedException {
        CountDownLatch stop = new CountDownLatch(1);
        Thread onCtrlC = new Thread(stop::countDown, "ctrl-c");
        Runtime.getRuntime().addShutdownHook(onCtrlC);
        line("watching LAN rooms on " + lanInterface.name() + " (Ctrl-C to stop)");
        try (RoomDirectory directory = discovery.directory(new RoomDirectory.Listener() {
            private String last;

            @Override
            public void onRooms(List<ListedRoom> rooms) {
                String text = rooms.isEmpty() ? "no rooms" : rooms.stream()
                        .map(r -> r.name() + " (" + r.members() + ": " + String.join(", ", r.people()) + ")")
                        .collect(Collectors.joining("; "));
                if (!text.equals(last)) {
                    last = text;
                    line("rooms: " + text);
                }
            }
        })) {
            directory.start();
            stop.await();
        }
    }

    private synchronized void line(String text) {
        out.printf(Locale.ROOT, "[%6.2fs] %s%n", (System.nanoTime() - start) / 1e9, text);
        out.flush();
    }
}
