package chat.free4.robot;

import chat.free4.board.guess.DrawAndGuess;
import chat.free4.board.guess.DrawAndGuessHost;
import chat.free4.board.guess.SecretWords;
import chat.free4.peer.PeerId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Draw and guess, hosted by the robot on the rules of {@link DrawAndGuess}: each round the next
 * player in turn gets the secret word privately (app data, topic {@value DrawAndGuessHost#TOPIC}, to
 * that peer only, as {@link DrawAndGuessHost} sends it) and draws it on the whiteboard; the others
 * guess in the chat. The first right guess wins the round ({@value DrawAndGuess#GUESSER_POINTS}
 * points, and {@value DrawAndGuess#DRAWER_POINTS} for the drawer). A round ends at once when its
 * drawer leaves or nobody is left to guess; an empty message on the same topic then tells the drawer
 * the turn is over. The bank has one word a line.
 */
public final class DrawGame implements Game {
    /** Guesses counted per player and round; more are ignored (a flood gains nothing). */
    static final int MAX_GUESSES = 20;
    /** How long the game waits for a second player, and for everyone in the room to finish connecting. */
    static final Duration WAIT_FOR_PLAYERS = Duration.ofMinutes(2);
    static final Duration WAIT_FOR_CONNECTING = Duration.ofSeconds(15);
    /** How often a waiting round looks again at whether its drawer is still here. */
    private static final long SLICE_MILLIS = 250;
    private static final long LOOK_MILLIS = 100;

    private final GameOptions options;
    private final List<String> words;

    /** @param shuffle deal the bank's words in a random order (the built-in bank), else in the file's order */
    DrawGame(GameOptions options, boolean shuffle) {
        this.options = options;
        List<String> all = new ArrayList<>();
        for (String line : options.bank().items()) {
            String word = line.strip();
            if (word.contains("|")) {
                throw new IllegalArgumentException("A draw-and-guess bank has one word a line, without |: " + "\""
                        + chat.free4.data.Untrusted.forDisplay(word, 40) + "\".");
            }
            if (word.getBytes(StandardCharsets.UTF_8).length > SecretWords.MAX_WORD_BYTES) {
                throw new IllegalArgumentException("A word to draw is at most " + SecretWords.MAX_WORD_BYTES + " bytes.");
            }
            all.add(word);
        }
        if (shuffle) {
            Collections.shuffle(all);
        }
        List<String> dealt = new ArrayList<>();
        for (int i = 0; i < options.rounds(); i++) {
            dealt.add(all.get(i % all.size()));
        }
        this.words = List.copyOf(dealt);
    }

    @Override
    public String name() {
        return "draw";
    }

    @Override
    public Scoreboard play(GameTable table) throws InterruptedException {
        Scoreboard board = new Scoreboard();
        List<Player> players = awaitPlayers(table);
        if (players.size() < 2) {
            players.forEach(board::join);
            table.say("Nobody else came, so there is no game of draw and guess.");
            return board;
        }
        players.forEach(board::join);
        Map<PeerId, Player> byId = new HashMap<>();
        players.forEach(p -> byId.put(p.id(), p));
        DrawAndGuess game = new DrawAndGuess(players.stream().map(Player::id).toList(), words);
        table.say("Let's play draw and guess. Each round one of you gets a secret word and draws it on the whiteboard;"
                + " everyone else types their guesses in the chat. The first right guess wins "
                + DrawAndGuess.GUESSER_POINTS + " points, and the drawer " + DrawAndGuess.DRAWER_POINTS + ".");
        int rounds = words.size();
        for (Optional<DrawAndGuess.Round> next = game.nextRound(); next.isPresent(); next = game.nextRound()) {
            DrawAndGuess.Round round = next.get();
            Player drawer = byId.get(round.drawer());
            String title = "Round " + round.number() + " of " + rounds + ": ";
            table.openRound();
            if (!table.tellPrivately(drawer, DrawAndGuessHost.TOPIC, round.word().getBytes(StandardCharsets.UTF_8))) {
                table.say(title + drawer.name() + " is not here, so this round is skipped.");
                continue;
            }
            table.say(title + drawer.name() + " draws. Everyone else, guess in the chat!");
            playRound(table, game, round, drawer, byId, board);
            table.tellPrivately(drawer, DrawAndGuessHost.TOPIC, new byte[0]); // the turn is over
        }
        table.say(board.sentence());
        return board;
    }

    private void playRound(GameTable table, DrawAndGuess game, DrawAndGuess.Round round, Player drawer,
                           Map<PeerId, Player> byId, Scoreboard board) throws InterruptedException {
        Map<Player, Integer> guesses = new HashMap<>();
        Instant deadline = table.clock().instant().plus(options.answerTime());
        while (true) {
            Instant now = table.clock().instant();
            if (!now.isBefore(deadline)) {
                table.say("Time is up. Nobody guessed it: the word was " + round.word() + ".");
                return;
            }
            Instant slice = now.plusMillis(SLICE_MILLIS).isBefore(deadline) ? now.plusMillis(SLICE_MILLIS) : deadline;
            Optional<Answer> answer = table.nextAnswer(slice, p -> guesser(p, drawer, byId, guesses));
            if (answer.isEmpty()) {
                List<Player> here = table.players();
                if (!here.contains(drawer)) {
                    table.say(drawer.name() + " left, so this round ends. The word was " + round.word() + ".");
                    return;
                }
                if (here.stream().noneMatch(p -> guesser(p, drawer, byId, guesses))) {
                    table.say("Nobody is left to guess. The word was " + round.word() + ".");
                    return;
                }
                continue;
            }
            Player p = answer.get().player();
            guesses.merge(p, 1, Integer::sum);
            if (game.guess(p.id(), answer.get().text()) == DrawAndGuess.Outcome.FIRST_CORRECT) {
                board.add(byId.get(p.id()), DrawAndGuess.GUESSER_POINTS);
                board.add(drawer, DrawAndGuess.DRAWER_POINTS);
                table.say(p.name() + " guessed it first: " + round.word() + ". " + DrawAndGuess.GUESSER_POINTS
                        + " points to " + p.name() + " and " + DrawAndGuess.DRAWER_POINTS + " to " + drawer.name() + ".");
                return;
            }
        }
    }

    /** A player of this game, not the drawer, with guesses left this round. */
    private static boolean guesser(Player p, Player drawer, Map<PeerId, Player> byId, Map<Player, Integer> guesses) {
        return byId.containsKey(p.id()) && !p.id().equals(drawer.id()) && guesses.getOrDefault(p, 0) < MAX_GUESSES;
    }

    /**
     * The players once everyone in the room has connected (at most {@link #WAIT_FOR_CONNECTING}),
     * waiting up to {@link #WAIT_FOR_PLAYERS} for a second one; fewer than two if none came.
     */
    private static List<Player> awaitPlayers(GameTable table) throws InterruptedException {
        Instant connecting = table.clock().instant().plus(WAIT_FOR_CONNECTING);
        while (!table.everyoneConnected() && table.clock().instant().isBefore(connecting)) {
            Thread.sleep(LOOK_MILLIS); // looking again at the room
        }
        List<Player> players = table.players();
        if (players.isEmpty()) {
            throw new RoomEmptyException();
        }
        if (players.size() >= 2) {
            return players;
        }
        table.say("Draw and guess needs at least two players. I will wait for one more.");
        Instant until = table.clock().instant().plus(WAIT_FOR_PLAYERS);
        while (table.clock().instant().isBefore(until)) {
            players = table.players();
            if (players.isEmpty()) {
                throw new RoomEmptyException();
            }
            if (players.size() >= 2 && table.everyoneConnected()) {
                return players;
            }
            Thread.sleep(LOOK_MILLIS); // looking again at the room
        }
        return table.players();
    }
}
