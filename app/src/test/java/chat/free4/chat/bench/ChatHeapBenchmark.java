package chat.free4.chat.bench;

import chat.free4.session.SessionChat;

import chat.free4.chat.ChatMessage;
import chat.free4.chat.ChatService;
import chat.free4.chat.ChatWireCodec;
import chat.free4.data.FeatureChannel;
import chat.free4.peer.PeerId;
import chat.free4.peer.PeerInfo;
import chat.free4.ui.chat.ChatModel;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;

/**
 * Heap retained by N chat lines arriving from one peer (default 100,000), a runnable harness, not
 * a test. The lines go through the chat channel's real receive path (decode, clock, log) of a
 * {@link ChatService}; a second run adds the UI's {@link ChatModel} while the FX thread is busy,
 * which is when queued UI updates pile up. No network: the channel is a stand-in that only hands
 * frames in, so the figure is the chat's own storage. Arguments: lines=N. Run it with
 * {@code -XX:+UseSerialGC} and the Monocle properties (docs/BENCHMARKS.md has the command).
 */
public final class ChatHeapBenchmark {
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    public static void main(String[] args) throws Exception {
        int lines = 100_000;
        for (String a : args) {
            if (a.startsWith("lines=")) {
                lines = Integer.parseInt(a.substring("lines=".length()));
            }
        }
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await(30, TimeUnit.SECONDS);
        // Warm-up, not measured: class statics (Gson, logging, JavaFX lists) load once per JVM.
        engineOnly(10_000, false);
        withUiWhileFxThreadIsBusy(10_000, false);
        engineOnly(lines, true);
        withUiWhileFxThreadIsBusy(lines, true);
        System.exit(0);
    }

    private static void engineOnly(int lines, boolean report) {
        Reference.keep(null);
        long before = usedAfterGc();
        ChatService chat = new ChatService(new PeerInfo(new PeerId("ada-bench-0001"), "Ada"));
        Feeder bob = new Feeder(chat);
        bob.send(lines);
        long after = usedAfterGc();
        if (report) {
            System.out.printf("engine: %,d lines from one peer retain %.1f MB of heap (log holds %,d lines)%n",
                    lines, (after - before) / 1e6, chat.log().size());
        }
        Reference.keep(chat);
    }

    private static void withUiWhileFxThreadIsBusy(int lines, boolean report) throws Exception {
        Reference.keep(null);
        long before = usedAfterGc();
        ChatService chat = new ChatService(new PeerInfo(new PeerId("ada-bench-0002"), "Ada"));
        AtomicReference<ChatModel> model = new AtomicReference<>();
        onFx(() -> model.set(new ChatModel(new SessionChat(chat), Platform::runLater)));
        CountDownLatch release = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                release.await(); // a busy UI thread: nothing queued for it runs meanwhile
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        new Feeder(chat).send(lines);
        long busy = usedAfterGc();
        release.countDown();
        onFx(() -> { });
        long drained = usedAfterGc();
        int[] shown = new int[1];
        onFx(() -> shown[0] = model.get().lines().size());
        if (report) {
            System.out.printf("engine + UI model: %,d lines retain %.1f MB while the FX thread is busy, %.1f MB once "
                    + "it has caught up (the list shows %,d lines)%n", lines, (busy - before) / 1e6, (drained - before) / 1e6,
                    shown[0]);
        }
        Reference.keep(model.get());
    }

    private static void onFx(Runnable r) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            r.run();
            done.countDown();
        });
        if (!done.await(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the FX thread did not answer in 120 s");
        }
    }

    private static long usedAfterGc() {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            used = Math.min(used, MEMORY.getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    /** Bob's end of a chat channel: frames go straight into the service's channel listener. */
    private static final class Feeder implements FeatureChannel {
        private final PeerInfo bob = new PeerInfo(new PeerId("bob-bench-0001"), "Bob");
        private Listener listener;

        Feeder(ChatService chat) {
            chat.attach(this);
            listener.onOpen(this);
        }

        void send(int lines) {
            for (int i = 0; i < lines; i++) {
                String id = String.format("bob%029d", i);
                ChatMessage m = new ChatMessage(id, bob.id(), "Bob", i + 1, 1_700_000_000_000L + i,
                        ChatMessage.Kind.TEXT, "line " + i + " of a long and chatty afternoon");
                listener.onMessage(this, ChatWireCodec.encode(m, false), false);
            }
        }

        @Override
        public PeerInfo peer() {
            return bob;
        }

        @Override
        public String label() {
            return "chat";
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void send(byte[] data, boolean binary) {
            // Ada's replies to Bob are not part of what is measured.
        }

        @Override
        public long bufferedAmount() {
            return 0;
        }

        @Override
        public void notifyWhenBufferedAmountLow(long threshold) {
        }

        @Override
        public void setListener(Listener listener) {
            this.listener = listener;
        }
    }

    /** Keeps an object reachable until the measurement is taken. */
    private static final class Reference {
        static volatile Object sink;

        static void keep(Object o) {
            sink = o;
        }
    }
}
