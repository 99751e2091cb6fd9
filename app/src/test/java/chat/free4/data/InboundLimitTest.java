package chat.free4.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The token buckets behind a channel's inbound rate, on a clock the test moves by hand. */
class InboundLimitTest {
    private final AtomicLong now = new AtomicLong();

    @Test
    void aBurstThenTheRate() {
        InboundLimit limit = new InboundLimit(new InboundRate(10, 50, 1_000_000, 1_000_000), now::get);
        int admitted = 0;
        while (limit.admit(1)) {
            admitted++;
        }
        assertEquals(50, admitted);
        now.addAndGet(1_000_000_000L); // one second: ten more
        admitted = 0;
        while (limit.admit(1)) {
            admitted++;
        }
        assertEquals(10, admitted);
    }

    @Test
    void bytesAreLimitedToo() {
        InboundLimit limit = new InboundLimit(new InboundRate(1_000, 1_000, 100, 300), now::get);
        assertTrue(limit.admit(200));
        assertFalse(limit.admit(200), "only 100 bytes left");
        assertTrue(limit.admit(100));
        now.addAndGet(2_000_000_000L);
        assertTrue(limit.admit(200));
    }
}
