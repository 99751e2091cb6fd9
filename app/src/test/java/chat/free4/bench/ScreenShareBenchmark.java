package chat.free4.bench;

import chat.free4.Main;
import chat.free4.audio.HeadlessAudio;
import chat.free4.audio.PcmSource;
import chat.free4.audio.RemotePcmListener;
import chat.free4.engine.TestRelay;
import chat.free4.peer.PeerId;
import chat.free4.screen.ScreenListener;
import chat.free4.screen.ScreenPicture;
import chat.free4.session.RoomAddress;
import chat.free4.session.RoomSession;
import chat.free4.session.SessionSettings;
import chat.free4.signaling.RoomRequest;
import chat.free4.testlan.ChildPeer;
import chat.free4.testscreen.CounterWindow;
import chat.free4.testscreen.XvfbDisplay;
import dev.onvoid.webrtc.RTCStats;
import dev.onvoid.webrtc.RTCStatsType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Screen sharing, glass to glass: a {@code free4chat join --share-screen} process shares an Xvfb
 * screen (1280x800) on which {@link CounterWindow} shows a new number every 100 ms; 1 or 3 viewers
 * in this JVM (full sessions, a real relay on loopback) read the number back from every picture
 * they get. Prints, per room size: latency from "shown on the X server" to "picture converted at
 * the viewer" (median, p90), pictures a second per viewer, the sharer's CPU (% of one core) and
 * the video bitrate each viewer receives.
 *
 * <p>Args: seconds to measure per room size (default 20).
 */
public final class ScreenShareBenchmark {
    private static final Pattern SHOWN = Pattern.compile("^SHOWN (\\d+) (\\d+)$");

    private ScreenShareBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        Path work = Files.createTempDirectory("screen-bench");
        System.out.println("peers | latency median ms | p90 ms | pictures/s per viewer | sharer CPU % of a core | video kbit/s per viewer");
        for (int peers : args.length > 1 ? new int[] {Integer.parseInt(args[1])} : new int[] {2, 4}) {
            run(work, peers, seconds);
        }
        System.exit(0);
    }

    private static void run(Path work, int peers, int seconds) throws Exception {
        String room = "bench-" + peers;
        try (XvfbDisplay display = XvfbDisplay.start(work, 1280, 800);
             ChildPeer counter = ChildPeer.startJava("counter", CounterWindow.class.getName(), List.of("100"),
                     Map.of("DISPLAY", display.name()));
             TestRelay relay = TestRelay.start("127.0.0.1");
             ChildPeer sharer = ChildPeer.startJava("sharer", Main.class.getName(), List.of("join", "--relay",
                     relay.uri().toString(), "--room", room, "--name", "sharer", "--levels-every", "0", "--tone", "440",
                     "--share-screen", "--verbose"), Map.of("DISPLAY", display.name()))) {
            counter.awaitLine("^SHOWN 1 ", Duration.ofSeconds(30));
            List<Viewer> viewers = new ArrayList<>();
            try {
                for (int i = 1; i < peers; i++) {
                    viewers.add(new Viewer(relay, room, "viewer" + i, counter));
                }
                sharer.awaitLine("sharing my screen with " + (peers - 1) + " (person|people)(:|$)", Duration.ofSeconds(60));
                org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> viewers.stream().allMatch(v -> v.pictures > 0));
                Thread.sleep(3000); // let the encoder ramp up; measuring starts after
                viewers.forEach(Viewer::reset);
                long cpu0 = cpuNanos(sharer.process().pid());
                long bytes0 = viewers.stream().mapToLong(Viewer::videoBytes).sum();
                long t0 = System.nanoTime();
                Thread.sleep(seconds * 1000L); // the measuring window
                double elapsed = (System.nanoTime() - t0) / 1e9;
                double cpu = (cpuNanos(sharer.process().pid()) - cpu0) / 1e9 / elapsed * 100;
                long bytes = viewers.stream().mapToLong(Viewer::videoBytes).sum() - bytes0;
                List<Long> latencies = new ArrayList<>();
                long pictures = 0;
                for (Viewer v : viewers) {
                    synchronized (v) {
                        latencies.addAll(v.latencies);
                        pictures += v.pictures;
                    }
                }
                latencies.sort(null);
                System.out.printf(java.util.Locale.ROOT, "%d | %d | %d | %.1f | %.0f | %.0f%n", peers,
                        percentile(latencies, 50) / 1_000_000, percentile(latencies, 90) / 1_000_000,
                        pictures / elapsed / viewers.size(), cpu, bytes * 8 / 1000.0 / elapsed / viewers.size());
            } finally {
                viewers.forEach(Viewer::close);
            }
        }
    }

    private static long percentile(List<Long> sorted, int p) {
        return sorted.isEmpty() ? -1 : sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100));
    }

    /** utime + stime of a process, from /proc. */
    private static long cpuNanos(long pid) throws java.io.IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000_000L; // 100 ticks a second
    }

    /** One viewer: reads the counter from every picture and notes how long after it was shown it arrived. */
    private static final class Viewer implements ScreenListener, AutoCloseable {
        private final RoomSession session;
        private final ChildPeer counter;
        private final Map<Integer, Long> shownAt = new ConcurrentHashMap<>();
        private final List<Long> latencies = new ArrayList<>();
        private int lastSeen = -1;
        private long pictures;
        private PeerId sharer;

        Viewer(TestRelay relay, String room, String name, ChildPeer counter) {
            this.counter = counter;
            session = RoomSession.open(new HeadlessAudio(PcmSource.silence(), RemotePcmListener.none()), SessionSettings.defaults());
            session.screen().addListener(this);
            session.join(RoomAddress.relay(relay.uri().toString()),
                    new RoomRequest(room, name, PeerId.random(), false, List.of()));
        }

        synchronized void reset() {
            latencies.clear();
            pictures = 0;
        }

        @Override
        public void onPicture(PeerId peer, ScreenPicture picture) {
            long now = System.nanoTime();
            int n = CounterWindow.read((x, y) -> picture.argb(x, y), picture.width(), picture.height());
            synchronized (this) {
                sharer = peer;
                pictures++;
                if (n <= lastSeen || n < 0) {
                    return; // the same number again: only a change counts for latency
                }
                lastSeen = n;
            }
            Long shown = shown(n);
            if (shown != null) {
                synchronized (this) {
                    latencies.add(now - shown);
                }
            }
        }

        private Long shown(int n) {
            Long t = shownAt.get(n);
            if (t != null) {
                return t;
            }
            for (String line : counter.lines()) {
                Matcher m = SHOWN.matcher(line);
                if (m.find()) {
                    shownAt.putIfAbsent(Integer.parseInt(m.group(1)) % (1 << CounterWindow.BITS), Long.parseLong(m.group(2)));
                }
            }
            return shownAt.get(n);
        }

        long videoBytes() {
            PeerId peer;
            synchronized (this) {
                peer = sharer;
            }
            if (peer == null) {
                return 0;
            }
            try {
                return session.engine().stats(peer).get(5, TimeUnit.SECONDS).getStats().values().stream()
                        .filter(s -> s.getType() == RTCStatsType.INBOUND_RTP && "video".equals(String.valueOf(s.getAttributes().get("kind"))))
                        .mapToLong(ScreenShareBenchmark::bytesReceived).sum();
            } catch (Exception e) {
                return 0;
            }
        }

        @Override
        public void close() {
            session.close();
        }
    }

    private static long bytesReceived(RTCStats s) {
        Object v = s.getAttributes().get("bytesReceived");
        return v instanceof Number n ? n.longValue() : 0;
    }
}
