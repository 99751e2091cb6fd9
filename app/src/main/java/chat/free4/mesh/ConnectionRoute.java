package chat.free4.mesh;

import dev.onvoid.webrtc.RTCStats;
import dev.onvoid.webrtc.RTCStatsReport;
import dev.onvoid.webrtc.RTCStatsType;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How a connection actually goes, read from WebRTC statistics: the selected candidate pair's
 * local and remote candidate types, its transport, round-trip time, and the received audio's loss.
 *
 * @param kind          what a person is told
 * @param localType     host, srflx, prflx or relay
 * @param remoteType    the same for the other side
 * @param protocol      udp or tcp between us and the first hop (for a relay candidate: to the TURN server)
 * @param roundTripMillis current round-trip time of the pair, or -1 when not measured yet
 * @param lossPercent   received audio packets lost, in percent, or -1 when nothing was received yet
 */
public record ConnectionRoute(Kind kind, String localType, String remoteType, String protocol,
                              double roundTripMillis, double lossPercent) {

    /** The three ways a call can go, in a person's words. */
    public enum Kind {
        DIRECT("direct"),
        THROUGH_ROUTER("through your router"),
        TURN("via relay server (TURN)");

        private final String words;

        Kind(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /** The route of the selected pair, or empty while none is selected. */
    public static Optional<ConnectionRoute> of(RTCStatsReport report) {
        Map<String, RTCStats> stats = report.getStats();
        RTCStats pair = selectedPair(stats);
        if (pair == null) {
            return Optional.empty();
        }
        RTCStats local = stats.get(text(pair, "localCandidateId"));
        RTCStats remote = stats.get(text(pair, "remoteCandidateId"));
        if (local == null || remote == null) {
            return Optional.empty();
        }
        String localType = text(local, "candidateType");
        String remoteType = text(remote, "candidateType");
        String relayProtocol = text(local, "relayProtocol");
        String protocol = "relay".equals(localType) && !relayProtocol.isEmpty() ? relayProtocol : text(local, "protocol");
        Kind kind = "relay".equals(localType) || "relay".equals(remoteType) ? Kind.TURN
                : "host".equals(localType) && "host".equals(remoteType) ? Kind.DIRECT : Kind.THROUGH_ROUTER;
        double rtt = number(pair, "currentRoundTripTime");
        return Optional.of(new ConnectionRoute(kind, localType, remoteType, protocol.toLowerCase(Locale.ROOT),
                Double.isNaN(rtt) ? -1 : rtt * 1000, loss(stats)));
    }

    /** The transport's selected pair; failing that, a nominated succeeded one. */
    private static RTCStats selectedPair(Map<String, RTCStats> stats) {
        for (RTCStats s : stats.values()) {
            if (s.getType() == RTCStatsType.TRANSPORT) {
                RTCStats pair = stats.get(text(s, "selectedCandidatePairId"));
                if (pair != null) {
                    return pair;
                }
            }
        }
        for (RTCStats s : stats.values()) {
            if (s.getType() == RTCStatsType.CANDIDATE_PAIR && "succeeded".equals(text(s, "state"))
                    && Boolean.TRUE.equals(s.getAttributes().get("nominated"))) {
                return s;
            }
        }
        return null;
    }

    private static double loss(Map<String, RTCStats> stats) {
        double lost = 0;
        double received = 0;
        boolean any = false;
        for (RTCStats s : stats.values()) {
            if (s.getType() == RTCStatsType.INBOUND_RTP && "audio".equals(text(s, "kind"))) {
                double l = number(s, "packetsLost");
                double r = number(s, "packetsReceived");
                if (!Double.isNaN(l) && !Double.isNaN(r)) {
                    lost += Math.max(0, l);
                    received += r;
                    any = true;
                }
            }
        }
        return !any || lost + received == 0 ? -1 : 100 * lost / (lost + received);
    }

    private static String text(RTCStats s, String key) {
        Object v = s.getAttributes().get(key);
        return v == null ? "" : v.toString();
    }

    private static double number(RTCStats s, String key) {
        Object v = s.getAttributes().get(key);
        return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    /** For the room: "via relay server (TURN) · 38 ms · 2.5 % loss" (loss only when there is some). */
    public String shortWords() {
        StringBuilder b = new StringBuilder(kind.words());
        if (roundTripMillis >= 0) {
            b.append(String.format(Locale.ROOT, " · %.0f ms", roundTripMillis));
        }
        if (lossPercent >= 0.05) {
            b.append(String.format(Locale.ROOT, " · %.1f %% loss", lossPercent));
        }
        return b.toString();
    }

    /** E.g. "via relay server (TURN), udp, 12 ms, 0.0 % loss". */
    public String describe() {
        StringBuilder b = new StringBuilder(kind.words());
        b.append(" [").append(localType).append('/').append(remoteType).append(' ').append(protocol).append(']');
        if (roundTripMillis >= 0) {
            b.append(String.format(Locale.ROOT, ", %.0f ms", roundTripMillis));
        }
        if (lossPercent >= 0) {
            b.append(String.format(Locale.ROOT, ", %.1f %% loss", lossPercent));
        }
        return b.toString();
    }
}
