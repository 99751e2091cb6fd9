package chat.free4.signaling.lan.discovery;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.MulticastSocket;
import java.net.NetworkInterface;
import java.nio.charset.StandardCharsets;

/**
 * An unsolicited mDNS response (PTR, SRV, TXT and A/AAAA records) sent the moment a peer joins.
 *
 * <p>jmDNS only announces a service after probing its host and service names, and while the
 * responder itself is new it probes once a second: the first announcement leaves about four
 * seconds after start. Our instance names are 96 random bits, so a conflict probing could find is
 * practically impossible; announcing them at once (RFC 6762 section 8.3 announcement format) lets
 * other peers see the room within milliseconds. jmDNS still probes, announces, answers queries
 * and sends the goodbye as usual.
 */
final class EarlyAnnouncement {
    private static final Logger log = LoggerFactory.getLogger(EarlyAnnouncement.class);
    private static final int MDNS_PORT = 5353;
    private static final int TYPE_A = 1;
    private static final int TYPE_PTR = 12;
    private static final int TYPE_TXT = 16;
    private static final int TYPE_AAAA = 28;
    private static final int TYPE_SRV = 33;
    private static final int CLASS_IN = 1;
    private static final int CACHE_FLUSH = 0x8000;

    private EarlyAnnouncement() {
    }

    /** Sends the announcement once on {@code address}'s interface; failures are only logged. */
    static void send(InetAddress address, String hostName, String instance, int port, byte[] txt, int ttlSeconds) {
        byte[] packet = build(address, hostName, instance, port, txt, ttlSeconds);
        try (MulticastSocket socket = new MulticastSocket(null)) {
            socket.setReuseAddress(true);
            // mDNS receivers trust responses from port 5353 only (RFC 6762 section 11).
            socket.bind(new InetSocketAddress(MDNS_PORT));
            NetworkInterface ni = NetworkInterface.getByInetAddress(address);
            if (ni != null) {
                socket.setNetworkInterface(ni);
            }
            socket.setTimeToLive(255);
            InetAddress group = address instanceof Inet6Address
                    ? InetAddress.getByName("FF02::FB" + (ni != null ? "%" + ni.getName() : ""))
                    : InetAddress.getByName("224.0.0.251");
            socket.send(new DatagramPacket(packet, packet.length, group, MDNS_PORT));
        } catch (IOException | RuntimeException e) {
            log.debug("Early LAN announcement failed; jmDNS's own announcement follows", e);
        }
    }

    static byte[] build(InetAddress address, String hostName, String instance, int port, byte[] txt, int ttl) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        short16(out, 0);          // id
        short16(out, 0x8400);     // response, authoritative
        short16(out, 0);          // questions
        short16(out, 4);          // answers
        short16(out, 0);
        short16(out, 0);
        String serviceType = LanProtocol.SERVICE_TYPE;
        String instanceName = instance + "." + serviceType;

        ByteArrayOutputStream ptr = new ByteArrayOutputStream();
        name(ptr, instanceName);
        record(out, serviceType, TYPE_PTR, CLASS_IN, ttl, ptr.toByteArray());

        ByteArrayOutputStream srv = new ByteArrayOutputStream();
        short16(srv, 0);
        short16(srv, 0);
        short16(srv, port);
        name(srv, hostName);
        record(out, instanceName, TYPE_SRV, CLASS_IN | CACHE_FLUSH, ttl, srv.toByteArray());

        record(out, instanceName, TYPE_TXT, CLASS_IN | CACHE_FLUSH, ttl, txt);

        int addressType = address instanceof Inet4Address ? TYPE_A : TYPE_AAAA;
        record(out, hostName, addressType, CLASS_IN | CACHE_FLUSH, ttl, address.getAddress());
        return out.toByteArray();
    }

    private static void record(ByteArrayOutputStream out, String name, int type, int clazz, int ttl, byte[] data) {
        name(out, name);
        short16(out, type);
        short16(out, clazz);
        out.write(ttl >>> 24);
        out.write(ttl >>> 16);
        out.write(ttl >>> 8);
        out.write(ttl);
        short16(out, data.length);
        out.write(data, 0, data.length);
    }

    /** A domain name as labels, without compression. */
    private static void name(ByteArrayOutputStream out, String name) {
        for (String label : name.split("\\.")) {
            if (label.isEmpty()) {
                continue;
            }
            byte[] bytes = label.getBytes(StandardCharsets.UTF_8);
            if (bytes.length > 63) {
                throw new IllegalArgumentException("DNS label longer than 63 bytes");
            }
            out.write(bytes.length);
            out.write(bytes, 0, bytes.length);
        }
        out.write(0);
    }

    private static void short16(ByteArrayOutputStream out, int value) {
        out.write(value >>> 8);
        out.write(value);
    }
}
