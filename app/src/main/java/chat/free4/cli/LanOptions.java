package chat.free4.cli;

import chat.free4.signaling.lan.discovery.IpFamily;
import chat.free4.signaling.lan.discovery.LanInterface;
import chat.free4.signaling.lan.discovery.LanInterfaces;
import chat.free4.signaling.lan.discovery.LanUnavailableException;
import picocli.CommandLine.Option;

/** The options of LAN mode (no server: mDNS discovery and direct signaling), shared by commands. */
public final class LanOptions {
    @Option(names = "--lan", description = "LAN mode: no relay; find peers on this network by mDNS.")
    boolean lan;

    @Option(names = "--interface", paramLabel = "NAME",
            description = "With --lan: the network interface to use (default: the first suitable one).")
    String interfaceName;

    @Option(names = "--ip", paramLabel = "FAMILY", defaultValue = "AUTO",
            description = "With --lan: auto, ipv4, ipv6 or both (default: IPv4 when the interface has it).")
    IpFamily ipFamily;

    boolean enabled() {
        return lan;
    }

    /** The chosen interface, or a one-sentence failure. */
    LanInterface chooseInterface() {
        if (!lan && (interfaceName != null || ipFamily != IpFamily.AUTO)) {
            throw new CliFailure(ExitCodes.BAD_ARGUMENTS, "--interface and --ip only apply with --lan.");
        }
        try {
            return LanInterfaces.choose(interfaceName, ipFamily);
        } catch (LanUnavailableException e) {
            throw new CliFailure(ExitCodes.FAILED, e.getMessage());
        }
    }
}
