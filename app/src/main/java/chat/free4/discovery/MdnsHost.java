package chat.free4.discovery;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.jmdns.JmDNS;
import java.io.IOException;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Owns the mDNS responders of LAN mode: one jmDNS instance per address of the chosen interface
 * (so one per address family), each bound to that interface only.
 */
public final class MdnsHost implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MdnsHost.class);

    private final LanInterface lanInterface;
    private final List<JmDNS> responders;

    private MdnsHost(LanInterface lanInterface, List<JmDNS> responders) {
        this.lanInterface = lanInterface;
        this.responders = List.copyOf(responders);
    }

    public static MdnsHost open(LanInterface lanInterface) throws LanUnavailableException {
        applyDefaults();
        // An explicit host name keeps jmDNS from a reverse DNS lookup of our address.
        byte[] random = new byte[4];
        new SecureRandom().nextBytes(random);
        String hostName = "free4chat-" + HexFormat.of().formatHex(random);
        List<JmDNS> created = new ArrayList<>();
        try {
            for (InetAddress address : lanInterface.addresses()) {
                created.add(JmDNS.create(address, hostName));
                log.debug("mDNS responder on {} ({})", address.getHostAddress(), lanInterface.name());
            }
        } catch (IOException | RuntimeException e) {
            created.forEach(MdnsHost::closeQuietly);
            throw new LanUnavailableException("Could not start LAN discovery on '" + lanInterface.name()
                    + "': " + e.getMessage(), e);
        }
        return new MdnsHost(lanInterface, created);
    }

    /**
     * A peer that crashes sends no goodbye; its records stay until their TTL runs out. jmDNS's
     * default of an hour would leave a ghost room that long, so unless the person set
     * {@code net.dns.ttl} we use two minutes (RFC 6762's value for host records).
     */
    private static void applyDefaults() {
        if (System.getProperty("net.dns.ttl") == null) {
            System.setProperty("net.dns.ttl", "120");
        }
    }

    public LanInterface lanInterface() {
        return lanInterface;
    }

    List<JmDNS> responders() {
        return responders;
    }

    /** Closes every responder; registered services send their goodbye first. */
    @Override
    public void close() {
        responders.forEach(MdnsHost::closeQuietly);
    }

    private static void closeQuietly(JmDNS jmdns) {
        try {
            jmdns.close();
        } catch (IOException | RuntimeException e) {
            log.debug("Closing mDNS responder failed", e);
        }
    }
}
