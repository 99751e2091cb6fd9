package chat.free4.signaling.lan.discovery;

import chat.free4.peer.PeerId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.jmdns.JmDNS;
import javax.jmdns.ServiceEvent;
import javax.jmdns.ServiceInfo;
import javax.jmdns.ServiceListener;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Keeps a live list of the LAN rooms around us from the free4chat mDNS announcements. Every
 * announcement is untrusted: malformed, oversized or foreign ones are ignored, and the number of
 * members tracked is bounded. All state lives on the browser's single event thread.
 */
public final class LanRoomBrowser implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LanRoomBrowser.class);
    /** A LAN flooding us with announcements must not grow our memory without bound. */
    public static final int MAX_MEMBERS = 256;
    private static final int MAX_ADDRESSES = 8;
    /**
     * How often listed members are checked for a process that died without a goodbye. The property
     * exists so a test can put the probe out of the way and see the goodbye alone remove a member.
     */
    static final long PROBE_INTERVAL_MILLIS = Math.max(1_000, Long.getLong("free4chat.lan.memberProbeMillis", 5_000));
    private static final int PROBE_TIMEOUT_MILLIS = 1_000;

    private final MdnsHost host;
    private final List<JmDNS> responders;
    private final List<ServiceListener> jmdnsListeners = new ArrayList<>();
    private final List<LanRoomsListener> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService events = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "lan-browser");
        t.setDaemon(true);
        return t;
    });
    /** Key: responder index + instance name. One peer is seen once per address family. */
    private final Map<String, Sighting> sightings = new HashMap<>();
    private final Map<PeerId, LanMember> members = new LinkedHashMap<>();
    /** Instances found dead by a probe; jmDNS may still resolve them from its cache. Bounded. */
    private final Set<String> deadInstances = Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > MAX_MEMBERS;
        }
    });
    private final MemberProbe probe = new MemberProbe(PROBE_TIMEOUT_MILLIS);
    private final OnLinkAddresses onLink;
    private final ScheduledExecutorService prober = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "lan-member-probe");
        t.setDaemon(true);
        return t;
    });
    private boolean warnedFull;

    private record Sighting(int source, LanAnnouncement announcement, List<InetSocketAddress> endpoints) {
    }

    public LanRoomBrowser(MdnsHost host) {
        this.host = host;
        this.responders = host.responders();
        this.onLink = new OnLinkAddresses(host.lanInterface().name());
    }

    /** Starts browsing; jmDNS queries the LAN at once. */
    public void start() {
        host.onGoodbye((source, instance) -> events.execute(() -> removed(source, instance)));
        for (int i = 0; i < responders.size(); i++) {
            JmDNS responder = responders.get(i);
            ServiceListener listener = new JmdnsListener(i, responder);
            jmdnsListeners.add(listener);
            responder.addServiceListener(LanProtocol.SERVICE_TYPE, listener);
        }
        prober.scheduleWithFixedDelay(this::probeMembers, PROBE_INTERVAL_MILLIS, PROBE_INTERVAL_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    /** On the prober thread: connects take time, so the event thread only gets the verdicts. */
    private void probeMembers() {
        try {
            List<LanMember> listed = CompletableFuture.supplyAsync(() -> List.copyOf(members.values()), events)
                    .get(PROBE_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
            for (LanMember member : listed) {
                if (probe.refusedEverywhere(member)) {
                    events.execute(() -> died(member));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.debug("LAN member probe skipped: {}", e.toString());
        }
    }

    private void died(LanMember member) {
        String instance = member.id().value();
        if (!member.equals(members.get(member.id()))) {
            return; // it changed meanwhile (new addresses): judge it again next round
        }
        log.debug("LAN member {} refuses connections: its app is gone", instance);
        deadInstances.add(instance);
        sightings.values().removeIf(s -> s.announcement().peerId().equals(member.id()));
        recompute(instance);
    }

    /** Adds a listener; it first hears every member already known, then the changes. */
    public void addListener(LanRoomsListener listener) {
        events.execute(() -> {
            listeners.add(listener);
            members.values().forEach(m -> deliver(listener, l -> l.memberAppeared(m)));
            List<LanRoom> rooms = publicRooms();
            deliver(listener, l -> l.roomsChanged(rooms));
        });
    }

    public void removeListener(LanRoomsListener listener) {
        listeners.remove(listener);
    }

    /** Runs {@code task} on the browser's event thread, in order with what listeners hear. */
    void onEventThread(Runnable task) {
        try {
            events.execute(task);
        } catch (RejectedExecutionException e) {
            log.debug("LAN browser closed; dropping a late request");
        }
    }

    /** The public rooms seen now (most members first). */
    public CompletableFuture<List<LanRoom>> rooms() {
        return CompletableFuture.supplyAsync(this::publicRooms, events);
    }

    /** The members announcing {@code room} by name, public or private (password rooms have no name here). */
    public CompletableFuture<List<LanMember>> members(String room) {
        return CompletableFuture.supplyAsync(() -> members.values().stream()
                .filter(m -> m.announcement().announces(room, false)).toList(), events);
    }

    private final class JmdnsListener implements ServiceListener {
        private final int source;
        private final JmDNS responder;

        JmdnsListener(int source, JmDNS responder) {
            this.source = source;
            this.responder = responder;
        }

        @Override
        public void serviceAdded(ServiceEvent event) {
            responder.requestServiceInfo(event.getType(), event.getName(), true);
        }

        @Override
        public void serviceRemoved(ServiceEvent event) {
            String name = event.getName();
            events.execute(() -> removed(source, name));
        }

        @Override
        public void serviceResolved(ServiceEvent event) {
            String name = event.getName();
            ServiceInfo info = event.getInfo();
            events.execute(() -> resolved(source, name, info));
        }
    }

    private void resolved(int source, String instance, ServiceInfo info) {
        try {
            String key = source + "/" + instance;
            // jmDNS also reports partial resolutions (no address yet): an invalid or incomplete
            // report changes nothing; only a goodbye or expiry removes a member.
            if (host.saidGoodbye(source, instance) || deadInstances.contains(instance)) {
                return; // a late resolution of a peer that already left, or died
            }
            Optional<Sighting> sighting = validate(source, instance, info);
            if (sighting.isEmpty()) {
                return;
            }
            if (!sightings.containsKey(key) && sightings.size() >= MAX_MEMBERS) {
                if (!warnedFull) {
                    log.warn("More than {} free4chat announcements on the LAN; ignoring the rest", MAX_MEMBERS);
                    warnedFull = true;
                }
                return;
            }
            sightings.put(key, sighting.get());
            recompute(instance);
        } catch (RuntimeException e) {
            log.warn("Ignored a LAN announcement that could not be read", e);
        }
    }

    private void removed(int source, String instance) {
        if (instance != null && sightings.remove(source + "/" + instance) != null) {
            recompute(instance);
        }
    }

    private Optional<Sighting> validate(int source, String instance, ServiceInfo info) {
        if (info == null || instance == null) {
            return Optional.empty();
        }
        byte[] txt = info.getTextBytes();
        if (txt == null || txt.length == 0 || txt.length == 1 && txt[0] == 0) {
            return Optional.empty(); // resolved before its TXT record arrived: not news yet
        }
        Optional<LanAnnouncement> announcement = TxtRecordCodec.decode(txt);
        if (announcement.isEmpty()) {
            return ignored(instance, "malformed TXT record");
        }
        if (!announcement.get().peerId().value().equals(instance)) {
            return ignored(instance, "peer id differs from the instance name");
        }
        int port = info.getPort();
        if (port < 1 || port > 65535) {
            return ignored(instance, "invalid port");
        }
        List<InetAddress> addresses = Stream.of(info.getInetAddresses()).filter(Objects::nonNull).distinct().toList();
        if (addresses.isEmpty()) {
            return Optional.empty(); // resolved before its address record arrived: not news yet
        }
        List<InetSocketAddress> endpoints = addresses.stream()
                .filter(onLink::onLink)
                .limit(MAX_ADDRESSES)
                .map(a -> new InetSocketAddress(withScope(a), port))
                .toList();
        if (endpoints.isEmpty()) {
            return ignored(instance, "no address on this network");
        }
        return Optional.of(new Sighting(source, announcement.get(), endpoints));
    }

    /** mDNS carries no scope: a link-local IPv6 address is only reachable via our interface. */
    private InetAddress withScope(InetAddress address) {
        if (address instanceof Inet6Address v6 && v6.isLinkLocalAddress() && v6.getScopeId() == 0) {
            try {
                NetworkInterface ni = NetworkInterface.getByName(host.lanInterface().name());
                if (ni != null) {
                    return Inet6Address.getByAddress(null, v6.getAddress(), ni);
                }
            } catch (IOException e) {
                log.debug("Could not scope {}", address, e);
            }
        }
        return address;
    }

    private Optional<Sighting> ignored(String instance, String reason) {
        // The instance name is untrusted too: bound it and strip controls before it reaches a log.
        String safe = instance.codePoints().limit(64)
                .map(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        log.debug("Ignored LAN announcement '{}': {}", safe, reason);
        listeners.forEach(l -> deliver(l, x -> x.announcementIgnored(safe, reason)));
        return Optional.empty();
    }

    /** Merges the sightings of one instance (= peer id) and tells listeners what changed. */
    private void recompute(String instance) {
        List<Sighting> seen = sightings.values().stream()
                .filter(s -> s.announcement().peerId().value().equals(instance))
                .sorted(Comparator.comparingInt(Sighting::source))
                .toList();
        PeerId id = TxtRecordCodec.peerId(instance).orElse(null);
        if (id == null) {
            return;
        }
        LanMember before = members.get(id);
        LanMember after = seen.isEmpty() ? null : new LanMember(seen.get(0).announcement(),
                seen.stream().flatMap(s -> s.endpoints().stream()).distinct().toList());
        if (Objects.equals(before, after)) {
            return;
        }
        if (after == null) {
            members.remove(id);
            listeners.forEach(l -> deliver(l, x -> x.memberVanished(before)));
        } else if (before == null) {
            members.put(id, after);
            listeners.forEach(l -> deliver(l, x -> x.memberAppeared(after)));
        } else {
            members.put(id, after);
            listeners.forEach(l -> deliver(l, x -> x.memberChanged(before, after)));
        }
        List<LanRoom> rooms = publicRooms();
        listeners.forEach(l -> deliver(l, x -> x.roomsChanged(rooms)));
    }

    private List<LanRoom> publicRooms() {
        // Password rooms are never listed, and a blinded id must not hide a public room of that name.
        Map<String, List<LanMember>> byRoom = members.values().stream()
                .filter(m -> !m.announcement().blinded())
                .collect(Collectors.groupingBy(LanMember::room, LinkedHashMap::new, Collectors.toList()));
        return byRoom.entrySet().stream()
                .filter(e -> e.getValue().stream().allMatch(m -> m.announcement().isPublic()))
                .map(e -> new LanRoom(e.getKey(), true, e.getValue()))
                .sorted(Comparator.comparingInt(LanRoom::memberCount).reversed().thenComparing(LanRoom::name))
                .toList();
    }

    private static void deliver(LanRoomsListener listener, java.util.function.Consumer<LanRoomsListener> call) {
        try {
            call.accept(listener);
        } catch (RuntimeException e) {
            log.warn("A LAN rooms listener failed", e);
        }
    }

    @Override
    public void close() {
        for (int i = 0; i < jmdnsListeners.size(); i++) {
            responders.get(i).removeServiceListener(LanProtocol.SERVICE_TYPE, jmdnsListeners.get(i));
        }
        listeners.clear();
        prober.shutdownNow();
        events.shutdown();
        try {
            events.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
