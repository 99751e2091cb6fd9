package chat.free4.relay.metrics;

import chat.free4.relay.protocol.ErrorCode;
import java.lang.management.ManagementFactory;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/** The relay's counters; safe to update from any thread. Holds numbers only, never names or payloads. */
public final class RelayMetrics {
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger rooms = new AtomicInteger();
    private final LongAdder connectionsAccepted = new LongAdder();
    private final LongAdder messagesReceived = new LongAdder();
    private final LongAdder messagesForwarded = new LongAdder();
    private final Map<ErrorCode, LongAdder> refused = new EnumMap<>(ErrorCode.class);
    private volatile LongSupplier outboundBytes = () -> 0;
    private volatile LongSupplier tcpConnections = () -> 0;
    private final LongAdder refusedAtAccept = new LongAdder();
    private final LongAdder upgradeTimeouts = new LongAdder();
    private final LongAdder refusedOrigins = new LongAdder();

    public RelayMetrics() {
        for (ErrorCode code : ErrorCode.values()) {
            refused.put(code, new LongAdder());
        }
    }

    public void connectionOpened() {
        connections.incrementAndGet();
        connectionsAccepted.increment();
    }

    public void connectionClosed() {
        connections.decrementAndGet();
    }

    public void roomCreated() {
        rooms.incrementAndGet();
    }

    public void roomRemoved() {
        rooms.decrementAndGet();
    }

    public void messageReceived() {
        messagesReceived.increment();
    }

    public void messageForwarded() {
        messagesForwarded.increment();
    }

    /** Where the bytes waiting to be written to clients are counted. */
    public void watchOutboundBytes(LongSupplier queued) {
        this.outboundBytes = queued;
    }

    /** Where the open TCP connections (upgraded or not) are counted. */
    public void watchTcpConnections(LongSupplier open) {
        this.tcpConnections = open;
    }

    /** A TCP connection closed at accept: over the relay's or its address's cap. */
    public void refusedAtAccept() {
        refusedAtAccept.increment();
    }

    /** A TCP connection closed because it had not finished its WebSocket upgrade in time. */
    public void upgradeTooSlow() {
        upgradeTimeouts.increment();
    }

    /** A WebSocket upgrade refused for its {@code Origin} header (403). */
    public void refusedOrigin() {
        refusedOrigins.increment();
    }

    public void refused(ErrorCode code) {
        refused.get(code).increment();
    }

    public Snapshot snapshot() {
        Map<ErrorCode, Long> refusedNow = new EnumMap<>(ErrorCode.class);
        refused.forEach((code, adder) -> refusedNow.put(code, adder.sum()));
        return new Snapshot(connections.get(), rooms.get(), connectionsAccepted.sum(), messagesReceived.sum(),
                messagesForwarded.sum(), refusedNow, outboundBytes.getAsLong(), tcpConnections.getAsLong(),
                refusedAtAccept.sum(), upgradeTimeouts.sum(), refusedOrigins.sum());
    }

    /** One consistent-enough reading of the counters. */
    public record Snapshot(int connections, int rooms, long connectionsAccepted, long messagesReceived,
                           long messagesForwarded, Map<ErrorCode, Long> refused, long outboundQueuedBytes,
                           long tcpConnections, long refusedAtAccept, long upgradeTimeouts, long refusedOrigins) {

        public long refused(ErrorCode code) {
            return refused.getOrDefault(code, 0L);
        }

        /** Prometheus text exposition format, which is also readable by a person. */
        public String toPrometheusText() {
            StringBuilder out = new StringBuilder(1024);
            gauge(out, "relay_connections", "Open WebSocket connections.", connections);
            gauge(out, "relay_rooms", "Rooms with at least one peer.", rooms);
            counter(out, "relay_connections_accepted_total", "WebSocket connections accepted since start.",
                    connectionsAccepted);
            counter(out, "relay_messages_received_total", "Frames received from clients.", messagesReceived);
            counter(out, "relay_messages_forwarded_total", "Signal messages forwarded to a peer.", messagesForwarded);
            gauge(out, "relay_tcp_connections", "Open TCP connections, upgraded or not.", tcpConnections);
            counter(out, "relay_tcp_refused_total", "TCP connections closed at accept (relay or address cap).",
                    refusedAtAccept);
            counter(out, "relay_upgrade_timeouts_total", "TCP connections closed for not finishing the upgrade in time.",
                    upgradeTimeouts);
            counter(out, "relay_origin_refused_total", "WebSocket upgrades refused for their Origin header.",
                    refusedOrigins);
            gauge(out, "relay_outbound_queued_bytes", "Bytes waiting to be written to clients.", outboundQueuedBytes);
            gauge(out, "relay_heap_used_bytes", "Java heap in use (includes garbage not yet collected).",
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
            out.append("# HELP relay_messages_refused_total Messages or connections refused, by error code.\n");
            out.append("# TYPE relay_messages_refused_total counter\n");
            refused.forEach((code, n) -> out.append("relay_messages_refused_total{reason=\"")
                    .append(code.wire()).append("\"} ").append(n).append('\n'));
            return out.toString();
        }

        private static void gauge(StringBuilder out, String name, String help, long value) {
            out.append("# HELP ").append(name).append(' ').append(help).append('\n')
                    .append("# TYPE ").append(name).append(" gauge\n")
                    .append(name).append(' ').append(value).append('\n');
        }

        private static void counter(StringBuilder out, String name, String help, long value) {
            out.append("# HELP ").append(name).append(' ').append(help).append('\n')
                    .append("# TYPE ").append(name).append(" counter\n")
                    .append(name).append(' ').append(value).append('\n');
        }
    }
}
