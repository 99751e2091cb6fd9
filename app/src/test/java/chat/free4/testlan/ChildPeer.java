package chat.free4.testlan;

import org.awaitility.Awaitility;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A JVM running on a {@link LanHost}; its stdout lines are collected for the test to wait on. */
public final class ChildPeer implements AutoCloseable {
    private final String label;
    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private final List<Long> arrivals = new ArrayList<>();
    private final Writer stdin;
    private final long startedNanos;

    ChildPeer(String label, Process process, long startedNanos) {
        this.label = label;
        this.process = process;
        this.startedNanos = startedNanos;
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(this::readOutput, "child-" + label);
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * A JVM with the test class path in the test's own network namespace, not on a simulated host:
     * e.g. the command line talking to a relay on loopback.
     */
    public static ChildPeer startJava(String label, String mainClass, List<String> args) throws IOException {
        return NamespaceProcess.javaHere(label, mainClass, args);
    }

    /** As {@link #startJava(String, String, List)} with more environment (e.g. {@code DISPLAY}). */
    public static ChildPeer startJava(String label, String mainClass, List<String> args, java.util.Map<String, String> environment)
            throws IOException {
        return NamespaceProcess.javaHere(label, mainClass, args, environment);
    }

    private void readOutput() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
                System.out.println("[" + java.time.LocalTime.now() + " " + label + " +" + ms + "ms] " + line);
                synchronized (lines) {
                    lines.add(line);
                    arrivals.add(System.nanoTime());
                }
            }
        } catch (IOException ignored) {
            // The process ended.
        }
    }

    public String label() {
        return label;
    }

    public List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** When this JVM was launched ({@link System#nanoTime()}). */
    public long startedNanos() {
        return startedNanos;
    }

    /**
     * Waits for a line matching {@code regex} printed after {@code from} lines and returns when it
     * arrived ({@link System#nanoTime()}), for benchmarks.
     */
    public long awaitLineArrival(String regex, Duration timeout, int from) {
        Pattern pattern = Pattern.compile(regex);
        Awaitility.await(label + " prints /" + regex + "/").atMost(timeout).pollInterval(Duration.ofMillis(5))
                .until(() -> findAfter(from, pattern).isPresent());
        synchronized (lines) {
            for (int i = from; i < lines.size(); i++) {
                if (pattern.matcher(lines.get(i)).find()) {
                    return arrivals.get(i);
                }
            }
        }
        throw new IllegalStateException("line vanished");
    }

    public Optional<String> find(Predicate<String> predicate) {
        return lines().stream().filter(predicate).findFirst();
    }

    /** How many lines were printed so far; pass it to {@link #awaitLine(String, Duration, int)}. */
    public int mark() {
        synchronized (lines) {
            return lines.size();
        }
    }

    /** Waits for a line matching {@code regex}; returns its match. */
    public Matcher awaitLine(String regex, Duration timeout) {
        return awaitLine(regex, timeout, 0);
    }

    /** Waits for a line matching {@code regex} printed after {@code from} lines; returns its match. */
    public Matcher awaitLine(String regex, Duration timeout, int from) {
        Pattern pattern = Pattern.compile(regex);
        Awaitility.await(label + " prints /" + regex + "/").atMost(timeout).pollInterval(Duration.ofMillis(20))
                .until(() -> findAfter(from, pattern).isPresent());
        Matcher m = pattern.matcher(findAfter(from, pattern).orElseThrow());
        m.find();
        return m;
    }

    private Optional<String> findAfter(int from, Pattern pattern) {
        List<String> all = lines();
        return all.subList(Math.min(from, all.size()), all.size()).stream()
                .filter(l -> pattern.matcher(l).find()).findFirst();
    }

    public void send(String line) throws IOException {
        stdin.write(line + "\n");
        stdin.flush();
    }

    public Process process() {
        return process;
    }

    public boolean awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Asks the JVM to end as Ctrl-C does (SIGTERM on Linux): its shutdown hooks run. Through the
     * process handle, because {@link Process#destroy()} also closes our end of its output, which
     * would lose what it prints while leaving.
     */
    public void terminate() {
        process.toHandle().destroy();
    }

    /** Kills the JVM without letting it say goodbye (a crash). */
    public void kill() {
        process.destroyForcibly();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
