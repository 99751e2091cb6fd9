package chat.free4.cli;

import chat.free4.signaling.lan.discovery.LanDiscovery;
import chat.free4.signaling.lan.discovery.LanInterface;
import chat.free4.signaling.lan.discovery.LanRoom;
import chat.free4.signaling.lan.discovery.LanRoomsListener;
import chat.free4.signaling.lan.discovery.LanUnavailableException;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
                Thread.sleep(browse.waitMillis); // the browse window: gather the answers to our query
                print(discovery.browser().rooms().get(5, TimeUnit.SECONDS), lanInterface);
            }
            return ExitCodes.OK;
        } catch (LanUnavailableException e) {
            throw new CliFailure(ExitCodes.FAILED, e.getMessage());
        } catch (ExecutionException | TimeoutException e) {
            throw new CliFailure(ExitCodes.FAILED, "Could not read the LAN rooms.");
        }
    }

    private void print(List<LanRoom> rooms, LanInterface lanInterface) {
        if (rooms.isEmpty()) {
            out.println("No public LAN rooms seen on " + lanInterface.name() + ".");
        }
        for (LanRoom room : rooms) {
            out.printf(Locale.ROOT, "%-32s %d %s  %s%n", room.name(), room.memberCount(),
                    room.memberCount() == 1 ? "person" : "people", names(room));
        }
        out.flush();
    }

    private void watch(LanDiscovery discovery, LanInterface lanInterface) throws InterruptedException {
        CountDownLatch stop = new CountDownLatch(1);
        Thread onCtrlC = new Thread(stop::countDown, "ctrl-c");
        Runtime.getRuntime().addShutdownHook(onCtrlC);
        line("watching LAN rooms on " + lanInterface.name() + " (Ctrl-C to stop)");
        discovery.browser().addListener(new LanRoomsListener() {
            private String last;

            @Override
            public void roomsChanged(List<LanRoom> rooms) {
                String text = rooms.isEmpty() ? "no rooms" : rooms.stream()
                        .map(r -> r.name() + " (" + r.memberCount() + ": " + names(r) + ")")
                        .collect(Collectors.joining("; "));
                if (!text.equals(last)) {
                    last = text;
                    line("rooms: " + text);
                }
            }
        });
        stop.await();
    }

    private static String names(LanRoom room) {
        return room.members().stream().map(m -> m.displayName()).sorted().collect(Collectors.joining(", "));
    }

    private synchronized void line(String text) {
        out.printf(Locale.ROOT, "[%6.2fs] %s%n", (System.nanoTime() - start) / 1e9, text);
        out.flush();
    }
}
