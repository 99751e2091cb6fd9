package chat.free4.signaling.lan;

import chat.free4.Main;
import chat.free4.audio.Goertzel;
import chat.free4.audio.WavReader;
import chat.free4.signaling.RoomPassword;
import chat.free4.testlan.ChildPeer;
import chat.free4.testlan.SimulatedLan;
import chat.free4.testlan.SimulatedLanExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A LAN room with a password (decision 0020), each peer a {@code free4chat join --lan} on its own
 * simulated host: Ada (password file) and Bea (invite link with the password after #) find each
 * other and hear each other; Cy with a wrong password (in FREE4CHAT_ROOM_PASSWORD) and Dan with
 * none, both in a room of the same name, see neither of them and are not seen. A sniffer records every mDNS packet: the password
 * room is announced by its blinded id only, never by its name or anything of the password, and
 * {@code rooms --lan --watch} never lists it.
 */
class LanPasswordRoomTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(120); // child JVMs start slowly on a busy 2-core machine
    private static final String ROOM = "Kitchen Vault 7";
    private static final String PASSWORD = "correct horse battery staple";
    private static final String WRONG = "correct horse battery stable";
    private static final double ADA_TONE = 440;
    private static final double BEA_TONE = 660;
    private static final double CY_TONE = 880;
    private static final double DAN_TONE = 1100;

    @RegisterExtension
    final SimulatedLanExtension lanExtension = new SimulatedLanExtension(6);

    @TempDir
    Path dir;

    @Test
    void onlyPasswordHoldersFindEachOtherAndTheRoomIsNeverAnnouncedByName() throws Exception {
        SimulatedLan lan = lanExtension.get();
        ChildPeer sniffer = lan.start(lan.host(5), "sniffer", MdnsSnifferMain.class.getName(), List.of("lan0"));
        sniffer.awaitLine("^SNIFFING$", TIMEOUT);
        ChildPeer observer = lan.start(lan.host(4), "rooms", Main.class.getName(),
                List.of("rooms", "--lan", "--watch", "--interface", "lan0"));
        observer.awaitLine("watching LAN rooms on lan0", TIMEOUT);

        ChildPeer ada = join(lan, 0, "ada", ADA_TONE, List.of("--room", ROOM, "--password-file", passwordFile("ada", PASSWORD)));
        ChildPeer bea = join(lan, 1, "bea", BEA_TONE, List.of("free4chat://lan?room=Kitchen%20Vault%207#correct%20horse%20battery%20staple"));
        ChildPeer cy = join(lan, 2, "cy", CY_TONE, List.of("--room", ROOM), Map.of("FREE4CHAT_ROOM_PASSWORD", WRONG));
        ChildPeer dan = join(lan, 3, "dan", DAN_TONE, List.of("--room", ROOM));
        for (ChildPeer peer : List.of(ada, bea, cy, dan)) {
            peer.awaitLine("joined room \"" + ROOM + "\" as " + peer.label(), TIMEOUT);
        }
        ada.awaitLine("bea: connected", TIMEOUT);
        bea.awaitLine("ada: connected", TIMEOUT);

        // What went over mDNS: every peer's announcement reached the segment (so each could have found the others).
        String blinded = LanRoomSecret.derive(RoomPassword.of(PASSWORD.toCharArray()), ROOM).blindedId();
        String cysBlinded = LanRoomSecret.derive(RoomPassword.of(WRONG.toCharArray()), ROOM).blindedId();
        assertNotEquals(blinded, cysBlinded);
        await().atMost(TIMEOUT).until(() -> sent(sniffer, lan.host(0).ipv4(), blinded)
                && sent(sniffer, lan.host(1).ipv4(), blinded)
                && sent(sniffer, lan.host(2).ipv4(), cysBlinded)
                && sent(sniffer, lan.host(3).ipv4(), ROOM));
        observer.awaitLine("rooms: " + Pattern.quote(ROOM) + " \\(1: dan\\)", TIMEOUT);

        for (ChildPeer peer : List.of(ada, bea, cy, dan)) {
            assertTrue(peer.awaitExit(TIMEOUT), peer.label() + " ends after --seconds");
            assertEquals(0, peer.process().exitValue(), peer.label() + " exit code; output: " + peer.lines());
        }

        // Nobody without the password met anybody with it, either way.
        assertMetOnly(ada, "bea");
        assertMetOnly(bea, "ada");
        assertMetOnly(cy);
        assertMetOnly(dan);
        short[] adaHeard = WavReader.read(dir.resolve("ada.wav"));
        short[] beaHeard = WavReader.read(dir.resolve("bea.wav"));
        assertTrue(Goertzel.amplitude(adaHeard, BEA_TONE) > 0.05, "ada heard bea");
        assertTrue(Goertzel.amplitude(beaHeard, ADA_TONE) > 0.05, "bea heard ada");
        for (short[] heard : List.of(adaHeard, beaHeard)) {
            assertTrue(Goertzel.amplitude(heard, CY_TONE) < 0.01 && Goertzel.amplitude(heard, DAN_TONE) < 0.01,
                    "no one outside the password room is heard in it");
        }

        // The password room's announcements carry neither its name nor the password, and it is never listed.
        List<String> packets = sniffer.lines().stream().filter(l -> l.startsWith("PACKET ")).toList();
        for (int host = 0; host < 3; host++) {
            String from = lan.host(host).ipv4();
            List<byte[]> sent = packets.stream().filter(l -> l.split(" ")[1].equals(from))
                    .map(l -> HexFormat.of().parseHex(l.split(" ")[2])).toList();
            assertFalse(sent.isEmpty(), "packets from " + from);
            for (byte[] packet : sent) {
                for (String secret : List.of(ROOM, PASSWORD, WRONG, "Kitchen", "horse")) {
                    assertFalse(contains(packet, secret), "an mDNS packet from " + from + " holds \"" + secret + "\"");
                }
            }
        }
        assertTrue(observer.lines().stream().filter(l -> l.contains("rooms:"))
                        .noneMatch(l -> l.contains("ada") || l.contains("bea") || l.contains("cy") || l.contains(blinded)),
                "the password rooms are never listed: " + observer.lines());
    }

    private ChildPeer join(SimulatedLan lan, int host, String name, double tone, List<String> room) throws Exception {
        // Empty is no password: one set in the shell running the tests must not reach the peers.
        return join(lan, host, name, tone, room, Map.of("FREE4CHAT_ROOM_PASSWORD", ""));
    }

    private ChildPeer join(SimulatedLan lan, int host, String name, double tone, List<String> room,
                           Map<String, String> environment) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("join"));
        args.addAll(room);
        if (room.get(0).startsWith("--")) {
            args.add("--lan");
        }
        args.addAll(List.of("--interface", "lan0", "--name", name, "--tone", Double.toString(tone),
                "--record", dir.resolve(name + ".wav").toString(), "--seconds", "25", "--levels-every", "0"));
        return lan.start(lan.host(host), name, Main.class.getName(), args, environment);
    }

    private String passwordFile(String who, String password) throws Exception {
        Path file = dir.resolve(who + ".password");
        Files.writeString(file, password + "\n");
        return file.toString();
    }

    /** Whether the sniffer saw a packet from {@code source} holding {@code text}. */
    private static boolean sent(ChildPeer sniffer, String source, String text) {
        return sniffer.lines().stream().filter(l -> l.startsWith("PACKET " + source + " "))
                .anyMatch(l -> contains(HexFormat.of().parseHex(l.split(" ")[2]), text));
    }

    /** ASCII case does not matter in DNS names, so neither does it here. */
    private static boolean contains(byte[] packet, String text) {
        String haystack = new String(packet, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        String needle = new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        return haystack.contains(needle);
    }

    /** {@code peer} saw exactly {@code others} join, and nobody else. */
    private static void assertMetOnly(ChildPeer peer, String... others) {
        List<String> met = peer.lines().stream().filter(l -> l.matches("^\\[.*\\] \\+ .* joined$"))
                .map(l -> l.replaceAll("^\\[.*\\] \\+ (.*) joined$", "$1")).sorted().toList();
        assertEquals(List.of(others), met, peer.label() + " met; output: " + peer.lines());
    }
}
