package chat.free4.cli;

import chat.free4.engine.EngineListener;
import chat.free4.engine.PeerView;
import chat.free4.engine.RoomSnapshot;
import chat.free4.peer.PeerId;
import chat.free4.signaling.SignalingState;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * Prints what happens in the room as it happens, one line per event, and tells the command how
 * joining went (in the room, relay unreachable, or refused).
 */
final class ConsoleReporter implements EngineListener {
    /** How joining ended. */
    enum JoinOutcome { JOINED, UNREACHABLE, REFUSED }

    private final PrintWriter out;
    private final PrintWriter err;
    private final long levelEveryMillis;
    private final long start = System.nanoTime();
    private final CompletableFuture<JoinOutcome> outcome = new CompletableFuture<>();
    private volatile String failure = "";
    private SignalingState lastSignaling;
    /** The safety words last printed per peer (engine event thread only). */
    private final java.util.Map<PeerId, String> safetyCodes = new java.util.HashMap<>();
    private long lastLevels;

    ConsoleReporter(PrintWriter out, PrintWriter err, long levelEveryMillis) {
        this.out = out;
        this.err = err;
        this.levelEveryMillis = levelEveryMillis;
    }

    CompletableFuture<JoinOutcome> outcome() {
        return outcome;
    }

    String failure() {
        return failure;
    }

    @Override
    public void onRoomChanged(RoomSnapshot room) {
        for (PeerView peer : room.peers()) {
            String words = peer.safetyCode();
            if (!words.isEmpty() && !words.equals(safetyCodes.put(peer.id(), words))) {
                line(peer.name() + ": safety words " + words + " (compare them with " + peer.name()
                        + "; other words on their side mean someone sits in between)");
            }
        }
        if (room.signaling() == lastSignaling) {
            return;
        }
        SignalingState previous = lastSignaling;
        lastSignaling = room.signaling();
        switch (room.signaling()) {
            case JOINED -> {
                if (!outcome.isDone()) {
                    line("joined room \"" + room.room() + "\" as " + room.selfName() + " (" + room.selfId() + "), "
                            + others(room.peers().size()) + " already here");
                    outcome.complete(JoinOutcome.JOINED);
                } else if (previous == SignalingState.RECONNECTING) {
                    line("relay: back in the room");
                }
            }
            case RECONNECTING -> {
                if (outcome.isDone()) {
                    line("relay: " + room.signalingWords());
                }
            }
            case CLOSED -> {
                if (!outcome.isDone() && !room.signalingWords().isBlank()) {
                    failure = room.signalingWords();
                    outcome.complete(JoinOutcome.REFUSED);
                }
            }
            default -> {
            }
        }
    }

    @Override
    public void onPeerJoined(PeerView peer) {
        line("+ " + peer.name() + " joined");
    }

    @Override
    public void onPeerLeft(PeerId peer, String name) {
        line("- " + name + " left");
    }

    @Override
    public void onPeerStatus(PeerView peer) {
        line(peer.name() + ": " + peer.status().words());
    }

    @Override
    public void onLevels(RoomSnapshot room) {
        long now = System.nanoTime();
        if (levelEveryMillis <= 0 || room.peers().isEmpty() || (now - lastLevels) / 1_000_000 < levelEveryMillis) {
            return;
        }
        lastLevels = now;
        line("levels: " + room.peers().stream()
                .map(p -> String.format(Locale.ROOT, "%s %.3f%s", p.name(), p.level(), p.speaking() ? " (speaking)" : ""))
                .collect(Collectors.joining(", ")));
    }

    @Override
    public void onError(String code, String sentence) {
        if (!outcome.isDone()) {
            failure = sentence;
            outcome.complete("unreachable".equals(code) ? JoinOutcome.UNREACHABLE : JoinOutcome.REFUSED);
            return;
        }
        err.println(sentence);
        err.flush();
    }

    private static String others(int n) {
        return n == 0 ? "nobody else" : n == 1 ? "1 other" : n + " others";
    }

    /** Said before the join starts, so a person (or a script timing the join) sees it begin. */
    void joining(String room) {
        line("joining room \"" + room + "\"");
    }

    /** A problem the person should read, on standard error. */
    synchronized void problem(String sentence) {
        err.println(sentence);
        err.flush();
    }

    synchronized void line(String text) {
        out.printf(Locale.ROOT, "[%6.2fs] %s%n", (System.nanoTime() - start) / 1e9, text);
        out.flush();
    }
}
