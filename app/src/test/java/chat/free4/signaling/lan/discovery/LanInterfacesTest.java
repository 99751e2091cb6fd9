package chat.free4.signaling.lan.discovery;

import org.junit.jupiter.api.Test;

import java.net.NetworkInterface;
import java.util.Collections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Interface choice on the machine (or test namespace) the test runs in. */
class LanInterfacesTest {

    @Test
    void loopbackIsNeverChosenAutomatically() throws Exception {
        NetworkInterface lo = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .filter(ni -> {
                    try {
                        return ni.isLoopback();
                    } catch (java.net.SocketException e) {
                        return false;
                    }
                }).findFirst().orElseThrow();
        assertEquals("loopback", LanInterfaces.whySkipped(lo).orElseThrow());
        assertFalse(LanInterfaces.candidates().contains(lo));
    }

    @Test
    void anInterfaceThatIsUpCanBeNamedEvenIfAutomaticChoiceSkipsIt() throws Exception {
        LanInterface lo = LanInterfaces.choose("lo", IpFamily.IPV4);
        assertEquals("lo", lo.name());
        assertTrue(lo.addresses().get(0).isLoopbackAddress());
    }

    @Test
    void anUnknownInterfaceIsRefusedWithTheKnownOnes() {
        LanUnavailableException e = assertThrows(LanUnavailableException.class,
                () -> LanInterfaces.choose("no-such-if0", IpFamily.AUTO));
        assertTrue(e.getMessage().contains("no-such-if0") && e.getMessage().contains("lo"), e.getMessage());
    }
}
