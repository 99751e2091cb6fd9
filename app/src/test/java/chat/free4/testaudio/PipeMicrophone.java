package chat.free4.testaudio;

import chat.free4.audio.Pcm;
import chat.free4.audio.PcmSource;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.locks.LockSupport;

/**
 * A microphone for a pipe source ({@code module-pipe-source}): writes a {@link PcmSource} into the
 * source's pipe in real time, 10 ms at a time, as a sound card captures. Servers without a sine
 * source (PipeWire's Pulse server) get their microphone this way.
 */
public final class PipeMicrophone implements AutoCloseable {
    private final OutputStream out;
    private final PcmSource sound;
    private final Thread thread;
    private volatile boolean running = true;

    /** @param pipe the pipe the source made; opening it waits until the source reads it */
    public PipeMicrophone(Path pipe, PcmSource sound) throws IOException {
        this.out = Files.newOutputStream(pipe);
        this.sound = sound;
        this.thread = new Thread(this::run, "pipe-microphone");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        short[] frame = new short[Pcm.FRAME_SAMPLES];
        byte[] bytes = new byte[frame.length * 2];
        long next = System.nanoTime();
        try {
            while (running) {
                sound.read(frame);
                Pcm.toBytes(frame, frame.length, bytes);
                out.write(bytes);
                out.flush();
                next += Pcm.FRAME_MILLIS * 1_000_000L;
                long now;
                while ((now = System.nanoTime()) < next) {
                    LockSupport.parkNanos(next - now); // real-time pacing, not synchronisation
                }
            }
        } catch (IOException e) {
            running = false; // the server closed the pipe
        }
    }

    @Override
    public void close() throws IOException {
        running = false;
        try {
            thread.join(2_000); // its last 10 ms write; a server that stopped reading makes it throw instead
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        out.close();
    }
}
