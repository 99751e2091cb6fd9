package chat.free4.board.bench;

import static org.awaitility.Awaitility.await;

import chat.free4.board.BoardCodec;
import chat.free4.board.BoardLimits;
import chat.free4.board.BoardListener;
import chat.free4.board.BoardOp;
import chat.free4.board.BoardPeer;
import chat.free4.board.BoardRenderer;
import chat.free4.board.BoardService;
import chat.free4.board.BoardState;
import chat.free4.engine.TestRelay;
import chat.free4.peer.PeerId;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The whiteboard between real WebRTC peers through a real relay (docs/BENCHMARKS.md, "Whiteboard"):
 * stroke latency from Ada's pen (a stroke finished, a preview sent) to Bob's board, and a late
 * joiner's sync time for a board of N strokes, with the heap such a board takes and its render time.
 * Arguments: strokes=1000 rate=30 board=10000 points=40.
 */
public final class BoardBenchmark {
    private BoardBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new java.util.HashMap<>();
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            a.put(kv[0], kv[1]);
        }
        int strokes = Integer.parseInt(a.getOrDefault("strokes", "1000"));
        int rate = Integer.parseInt(a.getOrDefault("rate", "30"));
        int boardSize = Integer.parseInt(a.getOrDefault("board", "10000"));
        int points = Integer.parseInt(a.getOrDefault("points", "40"));
        System.out.println("load average at start: " + ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        try (TestRelay relay = TestRelay.start("127.0.0.1")) {
            latency(relay, strokes, rate, points);
            lateJoiner(relay, boardSize, points);
        }
        heap(boardSize, points);
        System.exit(0);
    }

    private static void latency(TestRelay relay, int strokes, int rate, int points) throws Exception {
        try (BoardPeer ada = new BoardPeer("Ada"); BoardPeer bob = new BoardPeer("Bob")) {
            ada.join(relay.uri(), "bench-latency");
            bob.join(relay.uri(), "bench-latency");
            await().atMost(Duration.ofSeconds(30)).until(() -> ada.board().connectedPeers().size() == 1
                    && bob.board().connectedPeers().size() == 1);
            Map<Object, Long> sent = new ConcurrentHashMap<>();
            List<Double> strokeMs = new CopyOnWriteArrayList<>();
            List<Double> previewMs = new CopyOnWriteArrayList<>();
            bob.board().addListener(new BoardListener() {
                @Override
                public void onBoardChanged() {
                    long now = System.nanoTime();
                    sent.forEach((k, t0) -> {
                        if (k instanceof chat.free4.board.OpId id && bob.board().board().contains(id) && sent.remove(k) != null) {
                            strokeMs.add((now - t0) / 1e6);
                        }
                    });
                }

                @Override
                public void onPreview(PeerId peer, BoardCodec.Preview p) {
                    Long t0 = p == null ? null : sent.remove(p.key());
                    if (t0 != null) {
                        previewMs.add((System.nanoTime() - t0) / 1e6);
                    }
                }
            });
            Random random = new Random(1);
            int warmup = 100;
            long period = TimeUnit.SECONDS.toNanos(1) / rate;
            long next = System.nanoTime();
            for (int i = 0; i < warmup + strokes; i++) {
                int[] xy = scribble(random, points, ada.board().board().limits());
                long key = i;
                long t0 = System.nanoTime();
                if (i >= warmup) {
                    sent.put(key, t0);
                }
                ada.board().preview(key, 0x336699, 4, false, java.util.Arrays.copyOf(xy, points / 2 * 2));
                // Ada alone makes her operations, so her next id is known before the stroke leaves.
                chat.free4.board.OpId nextId = new chat.free4.board.OpId(ada.board().author(),
                        ada.board().board().nextCounter(ada.board().author()));
                if (i >= warmup) {
                    sent.put(nextId, System.nanoTime());
                }
                BoardOp.Stroke s = ada.board().draw(0x336699, 4, false, xy);
                if (!s.id().equals(nextId)) {
                    throw new IllegalStateException("stroke id not as predicted");
                }
                next += period;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait); // pacing the pen, not waiting for a result
                }
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> strokeMs.size() == strokes);
            await().atMost(Duration.ofSeconds(5)).until(() -> previewMs.size() == strokes);
            print("stroke, pen up to the peer's board", strokeMs);
            print("preview, pen move to the peer's screen", previewMs);
        }
    }

    private static void lateJoiner(TestRelay relay, int boardSize, int points) throws Exception {
        try (BoardPeer ada = new BoardPeer("Ada"); BoardPeer cy = new BoardPeer("Cy")) {
            ada.join(relay.uri(), "bench-late");
            Random random = new Random(2);
            for (int i = 0; i < boardSize; i++) {
                ada.board().draw(random.nextInt(0x1000000), 1 + random.nextInt(12), false,
                        scribble(random, points, ada.board().board().limits()));
            }
            long opened = 0;
            long t0 = System.nanoTime();
            cy.join(relay.uri(), "bench-late");
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(2)).until(() -> !cy.board().connectedPeers().isEmpty());
            opened = System.nanoTime();
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(2)).until(() -> cy.board().board().size() == boardSize);
            long done = System.nanoTime();
            boolean same = cy.board().board().hash().equals(ada.board().board().hash());
            System.out.printf(Locale.ROOT, "late joiner, %,d strokes of %d points: join to synced %.0f ms, board channel open to synced %.0f ms, same hash: %s%n",
                    boardSize, points, (done - t0) / 1e6, (done - opened) / 1e6, same);
            long r0 = System.nanoTime();
            BoardRenderer.render(cy.board().board());
            System.out.printf(Locale.ROOT, "render of that board (1920x1080, Java2D, aliased): %.0f ms%n", (System.nanoTime() - r0) / 1e6);
        }
    }

    private static void heap(int boardSize, int points) throws Exception {
        Random random = new Random(3);
        BoardService source = new BoardService(new chat.free4.peer.PeerInfo(PeerId.random(), "src"));
        for (int i = 0; i < boardSize; i++) {
            source.draw(random.nextInt(0x1000000), 1 + random.nextInt(12), false, scribble(random, points, source.board().limits()));
        }
        List<byte[]> frames = BoardCodec.syncFrames(source.board().operations());
        source = null; // the board below is decoded from the wire, as a late joiner's is
        long wire = frames.stream().mapToLong(f -> f.length).sum();
        long before = usedHeap();
        BoardState board = new BoardState(BoardLimits.DEFAULT);
        for (byte[] f : frames) {
            for (BoardOp op : ((BoardCodec.Ops) BoardCodec.decode(f)).ops()) {
                board.apply(op);
            }
        }
        long after = usedHeap();
        System.out.printf(Locale.ROOT, "board of %,d strokes of %d points: heap %.1f MB (%.0f bytes a stroke), on the wire %.1f MB%n",
                board.size(), points, (after - before) / 1e6, (after - before) / (double) board.size(), wire / 1e6);
        if (board.size() == 0) {
            throw new AssertionError();
        }
    }

    private static long usedHeap() throws InterruptedException {
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(100);
        }
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    private static int[] scribble(Random random, int points, BoardLimits limits) {
        int[] xy = new int[points * 2];
        int x = random.nextInt(limits.width());
        int y = random.nextInt(limits.height());
        for (int p = 0; p < points; p++) {
            x = Math.max(0, Math.min(limits.width() - 1, x + random.nextInt(31) - 15));
            y = Math.max(0, Math.min(limits.height() - 1, y + random.nextInt(31) - 15));
            xy[2 * p] = x;
            xy[2 * p + 1] = y;
        }
        return xy;
    }

    private static void print(String what, List<Double> ms) {
        double[] s = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "%s: n=%d p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n", what, s.length,
                s[(int) Math.ceil(0.5 * s.length) - 1], s[(int) Math.ceil(0.9 * s.length) - 1],
                s[(int) Math.ceil(0.99 * s.length) - 1], s[s.length - 1]);
    }
}
