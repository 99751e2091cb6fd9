package chat.free4.signaling.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SendPacerTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    @Test
    void aBurstGoesAtOnceThenOnePerRefill() {
        SendPacer pacer = new SendPacer(3, 10.0, now::get);
        assertEquals(0, pacer.take());
        assertEquals(0, pacer.take());
        assertEquals(0, pacer.take());
        long wait = pacer.take();
        assertEquals(100_000_000L, wait, "one token per 100 ms at 10/s");
        now.addAndGet(wait);
        assertEquals(0, pacer.take());
        assertTrue(pacer.take() > 0);
    }

    @Test
    void tokensRefillOnlyUpToTheBurst() {
        SendPacer pacer = new SendPacer(2, 10.0, now::get);
        now.addAndGet(60_000_000_000L);
        assertEquals(0, pacer.take());
        assertEquals(0, pacer.take());
        assertTrue(pacer.take() > 0, "an idle minute does not save up more than the burst");
    }

    @Test
    void defaultsStayUnderTheRelaysDefaultLimits() {
        chat.free4.relay.config.RelayConfig relay = chat.free4.relay.config.RelayConfig.defaults();
        assertTrue(SendPacer.BURST < relay.rateBurst());
        assertTrue(SendPacer.PER_SECOND < relay.ratePerSecond());
    }
}
