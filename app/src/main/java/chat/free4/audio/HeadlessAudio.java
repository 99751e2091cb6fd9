package chat.free4.audio;

import chat.free4.signaling.PeerId;
import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.media.audio.AudioTrack;
import dev.onvoid.webrtc.media.audio.CustomAudioSource;
import dev.onvoid.webrtc.media.audio.HeadlessAudioDeviceModule;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Audio without a sound card: a pump thread pushes a {@link PcmSource} into a
 * {@link CustomAudioSource} every 10 ms, and remote audio arrives in Java through sinks. The
 * headless device module still "plays out" so libwebrtc keeps decoding remote streams.
 */
public final class HeadlessAudio implements AudioBackend {
    private static final Logger LOG = LoggerFactory.getLogger(HeadlessAudio.class);

    private final HeadlessAudioDeviceModule module;
    private final PeerConnectionFactory factory;
    private final CustomAudioSource source;
    private final AudioTrack track;
    private final RemotePcmListener remoteListener;
    private final LevelMeter localMeter = new LevelMeter();
    private final Thread pump;
    private volatile PcmSource pcmSource;
    private volatile boolean muted;
    private volatile boolean running = true;
    private final Object pushLock = new Object();
    private final AtomicInteger sendCounter = new AtomicInteger();
    private final List<PeerSend> sends = new CopyOnWriteArrayList<>();

    public HeadlessAudio(PcmSource pcmSource, RemotePcmListener remoteListener) {
        this.pcmSource = pcmSource;
        this.remoteListener = remoteListener;
        this.module = new HeadlessAudioDeviceModule();
        module.initPlayout();
        module.startPlayout();
        this.factory = new PeerConnectionFactory(module);
        this.source = new CustomAudioSource();
        this.track = factory.createAudioTrack("mic", source);
        this.pump = new Thread(this::pumpLoop, "pcm-pump");
        pump.setDaemon(true);
        pump.setPriority(Thread.MAX_PRIORITY);
        pump.start();
    }

    /** Replaces what is sent from the next frame on. */
    public void setSource(PcmSource pcmSource) {
        this.pcmSource = pcmSource;
    }

    private void pumpLoop() {
        short[] frame = new short[Pcm.FRAME_SAMPLES];
        byte[] bytes = new byte[Pcm.FRAME_SAMPLES * 2];
        long period = Pcm.FRAME_MILLIS * 1_000_000L;
        long next = System.nanoTime();
        while (running) {
            try {
                pcmSource.read(frame);
                if (muted) {
                    java.util.Arrays.fill(frame, (short) 0);
                }
                localMeter.update(frame, frame.length);
                Pcm.toBytes(frame, frame.length, bytes);
                synchronized (pushLock) {
                    // Checked under the lock: close() disposes the source only after this.
                    if (!running) {
                        break;
                    }
                    for (PeerSend send : sends) {
                        if (!send.gate.closed()) {
                            send.source.pushAudio(bytes, Pcm.BITS, Pcm.SAMPLE_RATE, 1, Pcm.FRAME_SAMPLES);
                        } // else: that connection is changing its sinks; it misses this frame
                    }

                }
            } catch (RuntimeException e) {
                LOG.warn("Could not send an audio frame", e);
            }
            next += period;
            long now = System.nanoTime();
            if (next < now - 10 * period) {
                next = now; // far behind (machine was stalled): do not burst to catch up
            }
            // Pacing the real-time clock, not synchronisation: park until the next frame is due.
            while (running && (now = System.nanoTime()) < next) {
                LockSupport.parkNanos(next - now);
            }
        }
    }

    @Override
    public LocalSend openSend() {
        PeerSend send = new PeerSend();
        sends.add(send);
        return send;
    }

    /** One connection's own source and track; the pump pushes the same frame to each. */
    private final class PeerSend implements LocalSend {
        private final CustomAudioSource source = new CustomAudioSource();
        private final AudioTrack sendTrack = factory.createAudioTrack("mic-" + sendCounter.incrementAndGet(), source);
        private final SinkChangeGate gate = new SinkChangeGate(pushLock);
        private boolean closed;

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
                if (closed) {
                    return;
                }
                closed = true;
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

    @Override
    public PeerConnectionFactory factory() {
        return factory;
    }

    @Override
    public AudioTrack localTrack() {
        return track;
    }

    @Override
    public RemoteAudio attachRemote(PeerId peer, AudioTrack remoteTrack) {
        RemoteAudio remote = new RemoteAudio(peer, remoteTrack, remoteListener, false);
        remote.attach();
        return remote;
    }

    @Override
    public void setMicrophoneMuted(boolean muted) {
        this.muted = muted;
    }

    @Override
    public boolean microphoneMuted() {
        return muted;
    }

    @Override
    public double localLevel() {
        return localMeter.rms();
    }

    @Override
    public void close() {
        synchronized (pushLock) {
            running = false;
        }
        LockSupport.unpark(pump);
        try {
            pump.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (PeerSend send : List.copyOf(sends)) {
            send.close(); // normally none left: each connection closes its own
        }
        // Order matters: track, then its source, then the factory, then the device module.
        track.dispose();
        source.dispose();
        factory.dispose();
        module.stopPlayout();
        module.dispose();
    }
}
