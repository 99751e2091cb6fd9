package chat.free4.board;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import chat.free4.engine.TestRelay;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A late joiner gets the whole board from the peers there; a peer that left and comes back gets what it missed. */
class LateAndReturningPeersCatchUpTest {

    @Test
    void aLateJoinerAndAReturningPeerConverge() throws Exception {
        try (TestRelay relay = TestRelay.start("127.0.0.1");
             BoardPeer ada = new BoardPeer("Ada");
             BoardPeer bob = new BoardPeer("Bob");
             BoardPeer cy = new BoardPeer("Cy")) {
            ada.join(relay.uri(), "late-room");
            bob.join(relay.uri(), "late-room");
            await().atMost(Duration.ofSeconds(30)).until(() -> ada.board().connectedPeers().size() == 1
                    && bob.board().connectedPeers().size() == 1);
            int made = ThreePeersDrawOneBoardTest.scribble(ada.board(), 1, 200, false)
                    + ThreePeersDrawOneBoardTest.scribble(bob.board(), 2, 200, true);
            await().atMost(Duration.ofSeconds(20)).until(() -> ada.board().board().size() == made
                    && bob.board().board().size() == made);

            cy.join(relay.uri(), "late-room");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(made, cy.board().board().size(), "operations on Cy's board"));
            assertSame(List.of(ada, bob, cy));

            bob.leave();
            await().atMost(Duration.ofSeconds(20)).until(() -> ada.board().connectedPeers().size() == 1);
            int missed = ThreePeersDrawOneBoardTest.scribble(ada.board(), 3, 60, false)
                    + ThreePeersDrawOneBoardTest.scribble(cy.board(), 4, 60, false);
            bob.join(relay.uri(), "late-room");
            // While its board is still syncing, Bob draws too: a fresh author, so nothing clashes.
            int returned = ThreePeersDrawOneBoardTest.scribble(bob.board(), 5, 20, false);
            int total = made + missed + returned;
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(List.of(total, total, total),
                    List.of(ada, bob, cy).stream().map(p -> p.board().board().size()).toList(), "operations on Ada's, Bob's, Cy's board; Cy's board channels: "
                    + cy.board().connectedPeers() + ", Bob's " + bob.board().connectedPeers() + ", Cy's room: " + cy.session.snapshot()));
            assertSame(List.of(ada, bob, cy));
        }
    }

    private static void assertSame(List<BoardPeer> peers) throws Exception {
        BoardPeer first = peers.get(0);
        for (BoardPeer p : peers) {
            assertEquals(first.board().board().hash(), p.board().board().hash(), p.info.displayName() + "'s operation set");
            assertEquals(ThreePeersDrawOneBoardTest.pngPixels(first.board()), ThreePeersDrawOneBoardTest.pngPixels(p.board()),
                    p.info.displayName() + "'s picture");
        }
    }
}
