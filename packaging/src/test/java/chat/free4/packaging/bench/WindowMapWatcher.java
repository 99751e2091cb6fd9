package chat.free4.packaging.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Notices top-level windows being mapped on the X display from xev's event stream: no polling, so
 * the measurement takes no CPU away from the app being measured (2 cores here), unlike forking
 * xwininfo every few milliseconds.
 */
final class WindowMapWatcher implements AutoCloseable {
    private final Process xev;
    private final BlockingQueue<Long> mapTimes = new LinkedBlockingQueue<>();

    private WindowMapWatcher(Process xev) {
        this.xev = xev;
        Thread reader = new Thread(this::read, "xev-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts xev on the root window and proves it sees maps by mapping a window of its own. */
    static WindowMapWatcher start() throws Exception {
        WindowMapWatcher watcher = new WindowMapWatcher(
                new ProcessBuilder("xev", "-root", "-event", "substructure").redirectErrorStream(true).start());
        java.awt.Frame probe = new java.awt.Frame("xev-probe");
        probe.setSize(10, 10);
        for (int attempt = 0; attempt < 50; attempt++) { // xev may not have subscribed yet
            probe.setVisible(true);
            Long mapped = watcher.mapTimes.poll(100, TimeUnit.MILLISECONDS);
            probe.setVisible(false);
            if (mapped != null) {
                probe.dispose();
                watcher.mapTimes.clear();
                return watcher;
            }
        }
        probe.dispose();
        watcher.close();
        throw new IllegalStateException("xev reports no window maps on this display");
    }

    void forget() {
        mapTimes.clear();
    }

    /** When the next window was mapped (System.nanoTime), failing if {@code app} exits first. */
    long nextMap(Process app, long timeoutNanos) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutNanos;
        while (System.nanoTime() < deadline) {
            Long mapped = mapTimes.poll(100, TimeUnit.MILLISECONDS);
            if (mapped != null) {
                return mapped;
            }
            if (!app.isAlive()) {
                throw new IllegalStateException("the app exited with " + app.exitValue() + " before showing a window");
            }
        }
        throw new IllegalStateException("no window within " + TimeUnit.NANOSECONDS.toSeconds(timeoutNanos) + " s");
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(xev.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("MapNotify event")) {
                    mapTimes.add(System.nanoTime());
                }
            }
        } catch (IOException ended) {
            // xev was stopped
        }
    }

    @Override
    public void close() {
        xev.destroy();
    }
}
