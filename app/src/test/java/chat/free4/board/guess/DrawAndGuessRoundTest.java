package chat.free4.board.guess;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.free4.board.BoardPeer;
import chat.free4.board.BoardRefusedException;
import chat.free4.chat.ChatMessage;
import chat.free4.engine.TestRelay;
import chat.free4.peer.PeerId;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A whole game through real sessions and a real relay: Hal hosts, Ada, Bob and Cy play. Each
 * drawer gets the word privately and draws on the board; the others guess in the chat (a wrong
 * guess first, then the word); the host names the first correct guesser and ends with the scores.
 */
class DrawAndGuessRoundTest {

    @Test
    void scriptedPlayersPlayAGameOfThreeRounds() throws Exception {
        List<String> words = List.of("apple", "house", "moon");
        try (TestRelay relay = TestRelay.start("127.0.0.1");
             BoardPeer hal = new BoardPeer("Hal");
             BoardPeer ada = new BoardPeer("Ada");
             BoardPeer bob = new BoardPeer("Bob");
             BoardPeer cy = new BoardPeer("Cy")) {
            List<BoardPeer> players = List.of(ada, bob, cy);
            hal.join(relay.uri(), "guess-room");
            players.forEach(p -> p.join(relay.uri(), "guess-room"));
            await().atMost(Duration.ofSeconds(40)).until(() -> hal.room.app().connectedPeers().size() == 3
                    && players.stream().allMatch(p -> p.room.chat().connectedPeers().size() == 3
                    && p.board().connectedPeers().size() == 3));

            Map<PeerId, List<String>> secretsSeen = new ConcurrentHashMap<>();
            for (BoardPeer p : players) {
                secretsSeen.put(p.info.id(), new CopyOnWriteArrayList<>());
                SecretWords.listen(p.room.app(), hal.info.id(), word -> {
                    secretsSeen.get(p.info.id()).add(word);
                    try {
                        p.board().draw(0x000000, 4, false, new int[] {100, 100, 200, 200}); // the drawer draws
                    } catch (BoardRefusedException e) {
                        throw new AssertionError(e);
                    }
                });
            }
            // Scripted guessers: on "Round N: X draws", the next player after the drawer guesses wrong,
            // the one after that right; Ada, the drawer of round 1, also types the word (which cannot count).
            for (BoardPeer p : players) {
                p.room.chat().follow((m, index) -> {
                    if (!m.sender().equals(hal.info.id()) || !m.text().startsWith("Round ")) {
                        return;
                    }
                    int round = Integer.parseInt(m.text().substring(6, m.text().indexOf(':')));
                    int drawer = round - 1;
                    int me = players.indexOf(p);
                    if (me == drawer && round == 1) {
                        p.room.chat().send(words.get(0));
                    } else if (me == (drawer + 1) % 3) {
                        p.room.chat().send("banana");
                    } else if (me == (drawer + 2) % 3) {
                        p.room.chat().send("it is a " + words.get(round - 1).toUpperCase());
                        p.room.chat().send(words.get(round - 1).toUpperCase());
                    }
                });
            }

            try (DrawAndGuessHost host = new DrawAndGuessHost(hal.room, players.stream().map(p -> p.info.id()).toList(),
                    words, Duration.ofSeconds(30), id -> players.stream().filter(p -> p.info.id().equals(id))
                    .map(p -> p.info.displayName()).findFirst().orElse("someone"))) {
                host.start();
                await().atMost(Duration.ofSeconds(30)).until(() -> ada.room.chat().lines().stream()
                        .anyMatch(m -> m.text().startsWith("Game over.")));
            }
            List<String> said = ada.room.chat().lines().stream().filter(m -> m.sender().equals(hal.info.id()))
                    .map(ChatMessage::text).toList();
            assertEquals(List.of("Round 1: Ada draws. Guess in the chat!", "Cy guessed it first: apple.",
                    "Round 2: Bob draws. Guess in the chat!", "Ada guessed it first: house.",
                    "Round 3: Cy draws. Guess in the chat!", "Bob guessed it first: moon.",
                    "Game over. Scores: Ada 3, Bob 3, Cy 3."), said);
            assertEquals(List.of("apple"), secretsSeen.get(ada.info.id()), "each drawer got its own word, and only it");
            assertEquals(List.of("house"), secretsSeen.get(bob.info.id()));
            assertEquals(List.of("moon"), secretsSeen.get(cy.info.id()));
            await().atMost(Duration.ofSeconds(10)).until(() -> hal.board().board().size() == 3);
            assertTrue(ada.room.chat().lines().stream().noneMatch(m -> m.text().contains("moon") && m.sender().equals(hal.info.id())
                    && m.text().startsWith("Round")), "the word is never in the host's round line");
        }
    }
}
