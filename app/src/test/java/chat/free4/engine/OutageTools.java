package chat.free4.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet4Address;
import java.net.NetworkInterface;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** For the tests that cut the test namespace's UDP (iptables) and read the offers the peers sent. */
final class OutageTools {
    private OutageTools() {
    }

    /** Every offer the peers sent through the relay, as the frame's text. */
    static List<String> offers(RecordingRelayProxy proxy) {
        List<String> offers = new ArrayList<>();
        for (String frame : proxy.framesToTheRelay()) {
            if (frame.contains("\"type\":\"signal\"") && frame.contains("\"kind\":\"offer\"")) {
                offers.add(frame);
            }
        }
        return offers;
    }

    static String first(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        assertTrue(m.find(), pattern + " in " + text);
        return m.group(1);
    }

    static String[] concat(String first, String[] rest) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(List.of(rest));
        return all.toArray(String[]::new);
    }

    /** The test namespace's 198.18.0.0/15 address. */
    static String testNamespaceAddress() throws Exception {
        assertTrue(System.getenv("F4C_NETNS") != null,
                "this test needs the test network namespace (run as root, see src/test/netns/bin/java)");
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (var entry : nic.getInterfaceAddresses()) {
                byte[] b = entry.getAddress().getAddress();
                if (entry.getAddress() instanceof Inet4Address && (b[0] & 0xff) == 198 && (b[1] & 0xff) == 18) {
                    return entry.getAddress().getHostAddress();
                }
            }
        }
        throw new AssertionError("no 198.18.0.0/15 interface in the test namespace");
    }

    static void iptables(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("iptables"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertTrue(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0, "iptables " + String.join(" ", args) + ": "
                + new String(p.getInputStream().readAllBytes()));
    }
}
