package chat.free4.audio;

import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.media.audio.AudioTrack;
import dev.onvoid.webrtc.media.audio.CustomAudioSource;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends pushed PCM to every peer connection: each connection gets a {@link CustomAudioSource} and
 * track of its own (see {@link SinkChangeGate} for why), and {@link #push} hands the same 10 ms
 * frame to all of them. Both audio paths send this way; only where the frames come from differs
 * (a {@link PcmSource} on a timer, or the microphone's own callback).
 */
final class LocalSender implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalSender.class);

    private final PeerConnectionFactory factory;
    private final Object pushLock = new Object();
    private final AtomicInteger sendCounter = new AtomicInteger();
    private final List<PeerSend> sends = new CopyOnWriteArrayList<>();
    private final byte[] bytes = new byte[Pcm.FRAME_SAMPLES * 2];
    private boolean closed;

    LocalSender(PeerConnectionFactory factory) {
        this.factory = factory;
    }

    /** Sends one frame of {@link Pcm#FRAME_SAMPLES} samples; called from one thread at a time. */
    void push(short[] frame) {
        synchronized (pushLock) {
            // Checked under the lock: close() disposes the sources only after this.
            if (closed) {
                return;
            }
            Pcm.toBytes(frame, Pcm.FRAME_SAMPLES, bytes);
            for (PeerSend send : sends) {
                if (!send.gate.closed()) {
                    try {
                        send.source.pushAudio(bytes, Pcm.BITS, Pcm.SAMPLE_RATE, 1, Pcm.FRAME_SAMPLES);
                    } catch (RuntimeException e) {
                        LOG.warn("Could not send an audio frame", e);
                    }
                } // else: that connection is changing its sinks; it misses this frame
            }
        }
    }

    LocalSend open() {
        PeerSend send = new PeerSend();
        sends.add(send);
        return send;
    }

    @Override
    public void close() {
        synchronized (pushLock) {
            closed = true;
        }
        for (PeerSend send : List.copyOf(sends)) {
            send.close(); // normally none left: each connection closes its own
        }
    }

    /** One connection's own source and track. */
    private final class PeerSend implements LocalSend {
        private final CustomAudioSource source = new CustomAudioSource();
        private final AudioTrack sendTrack = factory.createAudioTrack("mic-" + sendCounter.incrementAndGet(), source);
        private final SinkChangeGate gate = new SinkChangeGate(pushLock);
        private boolean sendClosed;

        @Override
        public AudioTrack track() {
            return sendTrack;
        }

        @Override
        public SinkChangeGate.Ticket beginSinkChange() {
            return gate.enter();
        }

        @Override
        public void close() {
            synchronized (pushLock) {
                if (sendClosed) {
                    return;
                }
                sendClosed = true;
                sends.remove(this);
            }
            try {
                sendTrack.dispose();
            } catch (Error e) {
                // 0.14.0 keeps closed connections alive; better a small leak than a crash.
                LOG.debug("A sent track could not be disposed", e);
            }
            source.dispose();
        }
    }
}
