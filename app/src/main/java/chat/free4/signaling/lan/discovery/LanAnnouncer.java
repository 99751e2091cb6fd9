package chat.free4.signaling.lan.discovery;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.jmdns.JmDNS;
import javax.jmdns.ServiceInfo;
import javax.jmdns.impl.ServiceInfoImpl;
import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.ToIntFunction;

/**
 * Announces one peer's presence in a LAN room on every responder of an {@link MdnsHost}, and
 * withdraws it (mDNS goodbye) on {@link #close()}. Registration probes the name for about a
 * second, so it runs on the announcer's own thread and never blocks the caller.
 */
public final class LanAnnouncer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LanAnnouncer.class);

    private static final int EARLY_TTL_SECONDS = 120;
    private static final long EARLY_REPEAT_MILLIS = 1000;
    private static final int EARLY_MAX = 8;

    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "lan-announcer");
        t.setDaemon(true);
        return t;
    });
    private final List<Registration> registrations = new ArrayList<>();
    private volatile boolean closed;

    private record Registration(JmDNS responder, ServiceInfo info, byte[] txt) {
    }

    /**
     * Starts announcing {@code announcement}; {@code portFor} gives the direct-signaling port
     * listening on each responder's address.
     */
    public LanAnnouncer(MdnsHost host, LanAnnouncement announcement, ToIntFunction<InetAddress> portFor) {
        String instance = announcement.peerId().value();
        if (instance.length() > LanProtocol.MAX_INSTANCE_NAME_BYTES) {
            throw new IllegalArgumentException("A LAN peer id is at most 63 characters.");
        }
        byte[] txt = TxtRecordCodec.encode(announcement);
        for (JmDNS responder : host.responders()) {
            int port = portFor.applyAsInt(interfaceAddress(responder));
            ServiceInfo info = ServiceInfo.create(LanProtocol.SERVICE_TYPE, instance, port, 0, 0, txt);
            Registration registration = new Registration(responder, info, txt);
            registrations.add(registration);
            worker.execute(() -> register(registration));
            worker.execute(() -> announceEarly(registration, 1));
        }
    }

    private static InetAddress interfaceAddress(JmDNS responder) {
        try {
            return responder.getInetAddress();
        } catch (IOException e) {
            throw new IllegalStateException("mDNS responder has no address", e);
        }
    }

    private static void register(Registration registration) {
        try {
            registration.responder().registerService(registration.info());
            log.debug("Announced {} on {}", registration.info().getName(), interfaceAddress(registration.responder()));
        } catch (IOException | RuntimeException e) {
            log.warn("Could not announce on the LAN: {}", e.getMessage());
        }
    }

    /**
     * Sends the early announcement, and again every second until jmDNS has announced the service
     * itself (about 4 s): until then jmDNS does not answer queries for it, so a browser that
     * starts in that window learns of us only from these packets. At most {@link #EARLY_MAX}.
     */
    private void announceEarly(Registration registration, int count) {
        ServiceInfo info = registration.info();
        boolean jmdnsAnswers = info instanceof ServiceInfoImpl impl && impl.isAnnounced();
        if (closed || jmdnsAnswers) {
            return;
        }
        EarlyAnnouncement.send(interfaceAddress(registration.responder()), registration.responder().getHostName(),
                info.getName(), info.getPort(), registration.txt(), EARLY_TTL_SECONDS);
        if (count < EARLY_MAX) {
            worker.schedule(() -> announceEarly(registration, count + 1), EARLY_REPEAT_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /** Withdraws the announcement; returns once the goodbye has been sent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (Registration registration : registrations) {
            worker.execute(() -> {
                try {
                    registration.responder().unregisterService(registration.info());
                } catch (RuntimeException e) {
                    log.debug("Withdrawing announcement failed", e);
                }
            });
        }
        worker.shutdown();
        try {
            if (!worker.awaitTermination(5, TimeUnit.SECONDS)) {
                log.warn("Withdrawing the LAN announcement took longer than 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
