package chat.free4.robot;

import chat.free4.audio.Goertzel;
import chat.free4.audio.Pcm;
import chat.free4.chat.ChatLogListener;
import chat.free4.chat.ChatMessage;
import chat.free4.engine.HeadlessPeer;
import chat.free4.peer.PeerId;
import chat.free4.audio.PcmSource;
import chat.free4.session.SessionChat;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A headless player for the robot's games: a real peer (session, WebRTC, relay) that reads the
 * robot's chat lines and answers the way {@code script} says, once the robot has stopped talking
 * (a person waits for the end of the sentence). It keeps every frame it hears, with its arrival time.
 */
final class ScriptedPlayer implements AutoCloseable {
    /** RMS (full scale 1) above which a frame counts as voice; espeak's speech is far louder. */
    static final double VOICE = 0.01;
    /** Quiet this long after the robot's line before answering. */
    private static final long QUIET_NANOS = 700_000_000L;

    /** One 10 ms frame as heard. */
    record Frame(PeerId from, long atNanos, short[] samples) {
        double rms() {
            double sum = 0;
            for (short s : samples) {
                sum += (double) s * s;
            }
            return Math.sqrt(sum / samples.length) / 32768.0;
        }
    }

    final HeadlessPeer peer;
    final List<Frame> heard = new CopyOnWriteArrayList<>();
    final List<String> robotLines = new CopyOnWriteArrayList<>();
    /** When each answer was sent (nanoTime), in order. */
    final List<Long> answeredAt = new CopyOnWriteArrayList<>();
    private final LinkedBlockingQueue<String> toSend = new LinkedBlockingQueue<>();
    private final Function<String, String> script;
    private final Thread answering;
    private volatile long lastLoudNanos;
    private volatile long lastLineNanos;
    private volatile boolean running = true;

    /** @param script a robot's chat line to this player's answer, or null for none */
    ScriptedPlayer(String name, Function<String, String> script) {
        this.script = script;
        this.peer = new HeadlessPeer(name, PcmSource.silence(), (from, samples, count) -> {
            short[] copy = java.util.Arrays.copyOf(samples, count);
            Frame f = new Frame(from, System.nanoTime(), copy);
            heard.add(f);
            if (f.rms() > VOICE) {
                lastLoudNanos = f.atNanos();
            }
        });
        this.answering = new Thread(this::answerLoop, name + "-answers");
        answering.setDaemon(true);
    }

    ScriptedPlayer join(URI relay, String room) {
        peer.join(relay, room);
        SessionChat chat = chat();
        chat.follow(new ChatLogListener() {
            @Override
            public void onAdded(ChatMessage m, int index) {
                if (m.isSystem() || m.sender().equals(peer.id) || !m.senderName().equals("Robot")) {
                    return;
                }
                robotLines.add(m.text());
                lastLineNanos = System.nanoTime();
                String answer = script.apply(m.text());
                if (answer != null) {
                    toSend.add(answer);
                }
            }
        });
        answering.start();
        return this;
    }

    boolean connectedTo(ScriptedPlayer other) {
        return peer.connectedTo(other.peer);
    }

    SessionChat chat() {
        return peer.session.room().orElseThrow().chat();
    }

    private void answerLoop() {
        try {
            while (running) {
                String answer = toSend.poll(100, TimeUnit.MILLISECONDS);
                if (answer == null) {
                    continue;
                }
                // Waiting for the robot to finish its sentence, as a person would: a quiet spell after its line.
                while (running && System.nanoTime() - Math.max(lastLoudNanos, lastLineNanos) < QUIET_NANOS) {
                    Thread.sleep(20);
                }
                answeredAt.add(System.nanoTime());
                chat().send(answer);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What was heard from {@code peer} between two times (nanoTime), in order. */
    List<Frame> heardBetween(PeerId peer, long from, long to) {
        List<Frame> out = new ArrayList<>();
        for (Frame f : heard) {
            if (f.from().equals(peer) && f.atNanos() >= from && f.atNanos() < to) {
                out.add(f);
            }
        }
        return out;
    }

    /** Share of the energy of {@code frames} that lies in the speech band (250 Hz to 4 kHz). */
    static double speechBandShare(List<Frame> frames) {
        int n = frames.stream().mapToInt(f -> f.samples().length).sum();
        short[] all = new short[n];
        int at = 0;
        for (Frame f : frames) {
            System.arraycopy(f.samples(), 0, all, at, f.samples().length);
            at += f.samples().length;
        }
        double band = 0;
        double total = 0;
        for (int hz = 50; hz <= 12_000; hz += 50) {
            double a = Goertzel.amplitude(all, hz);
            double e = a * a;
            total += e;
            if (hz >= 250 && hz <= 4_000) {
                band += e;
            }
        }
        return total == 0 ? 0 : band / total;
    }

    static int sampleRate() {
        return Pcm.SAMPLE_RATE;
    }

    /** Leaves and frees the peer; a second call does nothing (a test may close a player mid-game). */
    @Override
    public synchronized void close() {
        if (!running) {
            return;
        }
        running = false;
        answering.interrupt();
        peer.close();
    }
}
