package chat.free4.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AppDataFrameTest {

    @Test
    void roundTripsTopicAndPayload() {
        byte[] payload = {0, 1, 2, (byte) 255};
        AppDataFrame f = AppDataFrame.decode(new AppDataFrame("whiteboard/stroke", payload).encode());
        assertEquals("whiteboard/stroke", f.topic());
        assertArrayEquals(payload, f.payload());
    }

    @Test
    void rejectsBadTopicsOversizedPayloadsAndTruncatedFrames() {
        assertThrows(IllegalArgumentException.class, () -> new AppDataFrame("has space", new byte[0]));
        IllegalArgumentException big = assertThrows(IllegalArgumentException.class,
                () -> new AppDataFrame("game", new byte[AppDataFrame.MAX_PAYLOAD_BYTES + 1]));
        assertTrue(big.getMessage().contains("Split it up"));
        assertThrows(IllegalArgumentException.class, () -> AppDataFrame.decode(new byte[] {50, 'a', 'b'}));
    }
}
