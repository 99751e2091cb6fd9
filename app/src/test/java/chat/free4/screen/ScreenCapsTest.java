package chat.free4.screen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The room's size caps a share: frame rate first, resolution last, the total upload bounded, and the sharer told. */
class ScreenCapsTest {

    @Test
    void smallRoomsGetTheFullPictureAndNoNote() {
        for (int viewers = 0; viewers <= 2; viewers++) {
            ScreenCaps caps = ScreenCaps.forViewers(viewers);
            assertFalse(caps.reduced());
            assertEquals(1.0, caps.scaleResolutionDownBy());
            assertEquals(ScreenCaps.CAPTURE_FPS, caps.maxFramerate());
            assertEquals("", caps.note(viewers));
        }
    }

    @Test
    void largerRoomsLoseFrameRateBeforeResolutionAndSaySo() {
        ScreenCaps four = ScreenCaps.forViewers(4);
        assertTrue(four.reduced());
        assertEquals(1.0, four.scaleResolutionDownBy(), "text stays sharp up to 4 viewers");
        assertEquals("Your screen goes to 4 people, so it is sent 3 frames a second.", four.note(4));
        ScreenCaps six = ScreenCaps.forViewers(6);
        assertEquals("Your screen goes to 6 people, so it is sent at 67 % of its size and 2 frames a second.", six.note(6));
        ScreenCaps nine = ScreenCaps.forViewers(9);
        assertEquals("Your screen goes to 9 people, so it is sent at 50 % of its size and 1 frame a second.", nine.note(9));
    }

    @Test
    void theSharersTotalUploadStaysBounded() {
        for (int viewers = 1; viewers <= 31; viewers++) {
            ScreenCaps caps = ScreenCaps.forViewers(viewers);
            long total = (long) caps.maxBitrate() * viewers;
            assertTrue(total <= 12_400_000L, viewers + " viewers: " + total + " bit/s in all");
            assertTrue(caps.maxFramerate() >= 1, "never a frozen picture");
        }
    }
}
