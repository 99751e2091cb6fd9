package chat.free4.audio;

import chat.free4.media.Media;
import chat.free4.peer.PeerId;
import dev.onvoid.webrtc.media.audio.AudioTrack;
import dev.onvoid.webrtc.media.audio.CustomAudioSource;
import dev.onvoid.webrtc.media.audio.HeadlessAudioDeviceModule;
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

    private final Media media;
    private final CustomAudioSource source;
    private final AudioTrack track;
    private final RemotePcmListener remoteListener;
    private final SignalLevel localMeter = new SignalLevel();
    private final Thread pump;
    private volatile PcmSource pcmSource;
    private final VoiceGate gate = new VoiceGate();
    private volatile boolean muted;
    private volatile boolean deafened;
    private volatile boolean running = true;
    private final LocalSender sender;

    public HeadlessAudio(PcmSource pcmSource, RemotePcmListener remoteListener) {
        this.pcmSource = pcmSource;
        this.remoteListener = (from, samples, count) -> {
            if (!deafened) {
                remoteListener.onPcm(from, samples, count);
            }
        };
        this.media = Media.withAudioDevice(new HeadlessAudioDeviceModule());
        this.source = new CustomAudioSource();
        this.track = media.factory().createAudioTrack("mic", source);
        this.sender = new LocalSender(media.factory());
        media.add(new AudioKind(this));
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
        long period = Pcm.FRAME_MILLIS * 1_000_000L;
        long next = System.nanoTime();
        while (running) {
            try {
                pcmSource.read(frame);
                if (muted || deafened) {
                    java.util.Arrays.fill(frame, (short) 0);
                }
                localMeter.update(frame, frame.length);
                if (!gate.admit(frame, frame.length)) {
                    java.util.Arrays.fill(frame, (short) 0);
                }
                sender.push(frame);
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
        return sender.open();
    }

    @Override
    public Media media() {
        return media;
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
    public void setDeafened(boolean deafened) {
        this.deafened = deafened;
    }

    @Override
    public boolean deafened() {
        return deafened;
    }

    @Override
    public VoiceGate voiceGate() {
        return gate;
    }

    @Override
    public double localLevel() {
        return localMeter.rms();
    }

    @Override
    public void close() {
        running = false;
        LockSupport.unpark(pump);
        try {
            pump.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sender.close();
        // Order matters: track, then its source, then the media layer (factory, then device module).
        track.dispose();
        source.dispose();
        media.close();
    }
}
