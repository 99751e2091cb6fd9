package chat.free4.mesh;

/**
 * What one mesh grants the peers and the signaling it does not control.
 *
 * @param maxPeers               the room's size including us, whatever the relay says (docs/PROTOCOL.md: 8)
 * @param newSessionsPerMinute   connections a peer may make us build (offers with a new SDP session
 *                               id) per minute; each is native memory webrtc-java 0.14.0 never frees
 * @param queuedRemoteCandidates ICE candidates kept per connection while its remote description is
 *                               not set yet; more are dropped
 */
public record MeshLimits(int maxPeers, int newSessionsPerMinute, int queuedRemoteCandidates) {

    public MeshLimits {
        if (maxPeers < 2 || newSessionsPerMinute < 1 || queuedRemoteCandidates < 1) {
            throw new IllegalArgumentException("Mesh limits must allow at least one other peer, session and candidate.");
        }
    }

    /**
     * A repairing peer builds a connection per attempt (10 s each) and retries every 15 s after
     * "failed": about 6 a minute, so 12 leaves room; an attacker gets 12 (about 0.9 MB, measured in
     * docs/BENCHMARKS.md) and is then dropped. One gathering gives a few dozen candidates at most.
     */
    public static MeshLimits defaults() {
        return new MeshLimits(8, 12, 200);
    }
}
