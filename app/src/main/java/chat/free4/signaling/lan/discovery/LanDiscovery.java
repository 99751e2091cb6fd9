package chat.free4.signaling.lan.discovery;

import chat.free4.signaling.RoomDirectory;

import java.net.InetAddress;
import java.util.function.ToIntFunction;

/**
 * LAN discovery on one interface: the mDNS responders, a running room browser, and announcing.
 * One per app; the lobby reads its browser, each LAN room announces through it.
 */
public final class LanDiscovery implements AutoCloseable {
    private final MdnsHost host;
    private final LanRoomBrowser browser;

    private LanDiscovery(MdnsHost host) {
        this.host = host;
        this.browser = new LanRoomBrowser(host);
    }

    /** Opens mDNS on {@code lanInterface} and starts browsing. */
    public static LanDiscovery open(LanInterface lanInterface) throws LanUnavailableException {
        LanDiscovery discovery = new LanDiscovery(MdnsHost.open(lanInterface));
        discovery.browser.start();
        return discovery;
    }

    public LanInterface lanInterface() {
        return host.lanInterface();
    }

    public LanRoomBrowser browser() {
        return browser;
    }

    /** The public rooms seen on this network, as the lobby and {@code rooms --lan} list them; call {@code start()}. */
    public RoomDirectory directory(RoomDirectory.Listener listener) {
        return new LanRoomDirectory(browser, listener);
    }

    /** Starts announcing; close the result to withdraw (mDNS goodbye). */
    public LanAnnouncer announce(LanAnnouncement announcement, ToIntFunction<InetAddress> portFor) {
        return new LanAnnouncer(host, announcement, portFor);
    }

    @Override
    public void close() {
        browser.close();
        host.close();
    }
}
