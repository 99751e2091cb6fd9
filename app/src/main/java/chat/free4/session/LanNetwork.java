package chat.free4.session;

import chat.free4.signaling.RoomDirectory;
import chat.free4.signaling.Signaling;
import chat.free4.signaling.lan.LanSignaling;
import chat.free4.signaling.lan.discovery.IpFamily;
import chat.free4.signaling.lan.discovery.LanDiscovery;
import chat.free4.signaling.lan.discovery.LanInterfaces;
import chat.free4.signaling.lan.discovery.LanUnavailableException;

/**
 * mDNS on one network interface, kept open while the app runs: the lobby lists the rooms it
 * sees and every LAN join signals through it (so a join does not wait for a fresh mDNS start).
 */
public final class LanNetwork implements AutoCloseable {
    private final LanDiscovery discovery;

    private LanNetwork(LanDiscovery discovery) {
        this.discovery = discovery;
    }

    /**
     * @param interfaceName empty for the first suitable interface
     * @throws IllegalStateException with a sentence when there is no usable network
     */
    public static LanNetwork open(String interfaceName) {
        try {
            return new LanNetwork(LanDiscovery.open(LanInterfaces.choose(interfaceName.isEmpty() ? null : interfaceName,
                    IpFamily.AUTO)));
        } catch (LanUnavailableException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The public rooms announced on this network (no tags); call {@code start()}. */
    public RoomDirectory directory(RoomDirectory.Listener listener) {
        return discovery.directory(listener);
    }

    Signaling openSignaling() {
        return new LanSignaling(discovery);
    }

    LanDiscovery discovery() {
        return discovery;
    }

    @Override
    public void close() {
        discovery.close();
    }
}
