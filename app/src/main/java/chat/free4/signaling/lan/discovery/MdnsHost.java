package chat.free4.signaling.lan.discovery;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.jmdns.JmDNS;
import javax.jmdns.impl.DNSEntry;
import javax.jmdns.impl.DNSRecord;
import javax.jmdns.impl.JmDNSImpl;
import javax.jmdns.impl.constants.DNSRecordType;
import java.io.IOException;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Owns the mDNS responders of LAN mode: one jmDNS instance per address of the chosen interface
 * (so one per address family), each bound to that interface only.
 */
public final class MdnsHost implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MdnsHost.class);

    /** How often expired records (goodbyes included) are swept from the cache. */
    private static final long SWEEP_MILLIS = 250;

    private final LanInterface lanInterface;
    private final List<JmDNS> responders;
    private final List<BiConsumer<Integer, String>> goodbyeListeners = new CopyOnWriteArrayList<>();
    private volatile Set<String> saidGoodbye = Set.of();
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "mdns-sweeper");
        t.setDaemon(true);
        return t;
    });

    private MdnsHost(LanInterface lanInterface, List<JmDNS> responders) {
        this.lanInterface = lanInterface;
        this.responders = List.copyOf(responders);
        // jmDNS reaps its cache every 10 s and applies a goodbye only when it reaps: a peer that
        // left would stay listed up to 13 s. The sweeper spots goodbyes in the cache at once.
        sweeper.scheduleWithFixedDelay(this::sweep, SWEEP_MILLIS, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void sweep() {
        Set<String> goodbyes = new HashSet<>();
        for (int source = 0; source < responders.size(); source++) {
            if (responders.get(source) instanceof JmDNSImpl impl) {
                try {
                    impl.cleanCache();
                    for (DNSEntry entry : impl.getCache().allValues()) {
                        Optional<String> instance = goodbyeInstance(entry);
                        if (instance.isPresent()) {
                            goodbyes.add(key(source, instance.get()));
                        }
                    }
                } catch (RuntimeException e) {
                    log.debug("Sweeping the mDNS cache failed", e);
                }
            }
        }
        Set<String> previous = saidGoodbye;
        saidGoodbye = goodbyes;
        for (String key : goodbyes) {
            if (!previous.contains(key)) {
                int slash = key.indexOf('/');
                int source = Integer.parseInt(key.substring(0, slash));
                String instance = key.substring(slash + 1);
                goodbyeListeners.forEach(l -> l.accept(source, instance));
            }
        }
    }

    /**
     * jmDNS keeps a record whose goodbye arrived for one more second with a TTL of exactly 1
     * (RFC 6762 section 10.1); no live record has that TTL. Each further goodbye packet (jmDNS
     * sends three, a second apart) restarts that second, so waiting for expiry takes 3 s.
     */
    private static Optional<String> goodbyeInstance(DNSEntry entry) {
        if (!(entry instanceof DNSRecord record) || record.getRecordType() != DNSRecordType.TYPE_SRV
                || record.getTTL() != 1) {
            return Optional.empty();
        }
        String name = record.getName();
        String suffix = "." + LanProtocol.SERVICE_TYPE;
        if (name == null || name.length() <= suffix.length()
                || !name.regionMatches(true, name.length() - suffix.length(), suffix, 0, suffix.length())) {
            return Optional.empty();
        }
        return Optional.of(name.substring(0, name.length() - suffix.length()));
    }

    static String key(int source, String instance) {
        return source + "/" + instance;
    }

    /** Calls {@code listener} (on the sweeper thread) when an instance says goodbye. */
    void onGoodbye(BiConsumer<Integer, String> listener) {
        goodbyeListeners.add(listener);
    }

    /** True while the goodbye of {@code instance} is still in the cache of responder {@code source}. */
    boolean saidGoodbye(int source, String instance) {
        return saidGoodbye.contains(key(source, instance));
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
        sweeper.shutdownNow();
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
