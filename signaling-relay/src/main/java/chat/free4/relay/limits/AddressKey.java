package chat.free4.relay.limits;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * What per-address limits count by. One IPv6 host usually holds a whole /64 (SLAAC, privacy
 * addresses), so counting whole IPv6 addresses gave it 2^64 budgets: IPv6 counts per /64, IPv4
 * (and IPv4-mapped IPv6) per address.
 */
public final class AddressKey {
    private AddressKey() {
    }

    public static InetAddress of(InetAddress address) {
        if (address instanceof Inet4Address) {
            return address;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address && bytes.length == 16) {
            if (isIpv4Mapped(bytes)) {
                return ipv4(bytes);
            }
            for (int i = 8; i < 16; i++) {
                bytes[i] = 0;
            }
            try {
                return InetAddress.getByAddress(bytes); // a literal: no lookup, no scope id
            } catch (UnknownHostException impossible) {
                return address;
            }
        }
        return address;
    }

    private static boolean isIpv4Mapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return b[10] == (byte) 0xff && b[11] == (byte) 0xff;
    }

    private static InetAddress ipv4(byte[] b) {
        try {
            return InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
