package chat.free4.signaling.lan.discovery;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * Asks whether a LAN member's direct signaling still listens. A member whose process was killed
 * sends no mDNS goodbye, so without this it stays listed until its records expire (120 s); its
 * machine, though, refuses a connection to the dead port at once.
 */
final class MemberProbe {
    private final int timeoutMillis;

    MemberProbe(int timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
    }

    /**
     * True only when every endpoint actively refused: a timeout or an unreachable network proves
     * nothing (a busy host, a lost packet), so such a member is left to its records' expiry.
     */
    boolean refusedEverywhere(LanMember member) {
        for (InetSocketAddress endpoint : member.endpoints()) {
            try (Socket socket = new Socket()) {
                socket.connect(endpoint, timeoutMillis);
                return false; // someone listens there
            } catch (ConnectException refused) {
                // this endpoint is dead; look at the others
            } catch (IOException inconclusive) {
                return false;
            }
        }
        return true;
    }
}
