package chat.free4.cli;

import picocli.CommandLine.Option;

/** How {@code rooms --lan} looks at the LAN: one listing after a short wait, or live. */
public final class LanBrowseOptions {
    @Option(names = "--watch", description = "With --lan: keep listing the LAN rooms as they change, until Ctrl-C.")
    boolean watch;

    @Option(names = "--wait", paramLabel = "MS", defaultValue = "1500",
            description = "With --lan: listen this long before listing, in milliseconds (default ${DEFAULT-VALUE}).")
    long waitMillis;
}
