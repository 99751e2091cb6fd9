package chat.free4.board;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import chat.free4.engine.TestRelay;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A board at its size limit (100,000 operations, about 28 MB of frames: more than a data
 * channel's send buffer holds) still reaches a late joiner whole: the sync waits for the buffer.
 */
class FullBoardReachesALateJoinerTest {

    @Test
    void aFullBoardSyncsWhole() throws Exception {
        try (TestRelay relay = TestRelay.start("127.0.0.1");
             BoardPeer ada = new BoardPeer("Ada");
             BoardPeer cy = new BoardPeer("Cy")) {
            ada.join(relay.uri(), "full-board");
            BoardLimits limits = ada.board().board().limits();
            Random random = new Random(9);
            int[] xy = new int[2 * 64];
            for (int i = 0; i < limits.maxOperations(); i++) {
                for (int p = 0; p < xy.length; p++) {
                    xy[p] = random.nextInt(p % 2 == 0 ? limits.width() : limits.height());
                }
                ada.board().draw(random.nextInt(0x1000000), 2, false, xy);
            }
            cy.join(relay.uri(), "full-board");
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                    assertEquals(limits.maxOperations(), cy.board().board().size(), "operations on Cy's board"));
            assertEquals(ada.board().board().hash(), cy.board().board().hash());
        }
    }
}
