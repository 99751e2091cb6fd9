package chat.free4.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What a remote clock may do to ours: step forward a bounded amount, never past the ceiling. */
class LamportClockTest {

    @Test
    void refusesJumpsBeyondTheAllowedAdvance() {
        LamportClock clock = new LamportClock();
        assertFalse(clock.witness(Long.MAX_VALUE));
        assertFalse(clock.witness(LamportClock.MAX_ADVANCE + 1));
        assertEquals(0, clock.current());
        assertTrue(clock.witness(LamportClock.MAX_ADVANCE));
        assertEquals(LamportClock.MAX_ADVANCE, clock.current());
        assertTrue(clock.witness(5), "an older time is fine and changes nothing");
        assertEquals(LamportClock.MAX_ADVANCE, clock.current());
    }

    @Test
    void ticksStopAtTheCeilingInsteadOfOverflowing() {
        LamportClock clock = LamportClock.startingAt(LamportClock.MAX_CLOCK - 1);
        assertEquals(LamportClock.MAX_CLOCK, clock.tick());
        assertEquals(LamportClock.MAX_CLOCK, clock.tick());
        assertFalse(clock.witness(LamportClock.MAX_CLOCK + 1));
        assertEquals(LamportClock.MAX_CLOCK, clock.current());
    }

    @Test
    void adoptingTakesAnyTimeInRangeButNotBeyondTheCeiling() {
        LamportClock clock = new LamportClock();
        assertFalse(clock.adopt(LamportClock.MAX_CLOCK + 1));
        assertFalse(clock.adopt(-1));
        assertTrue(clock.adopt(50_000_000));
        assertEquals(50_000_000, clock.current());
        assertEquals(50_000_001, clock.tick());
    }
}
