package chat.free4.audio;

import chat.free4.media.RemoteTrack;
import chat.free4.media.TrackKind;
import chat.free4.peer.PeerId;
import dev.onvoid.webrtc.media.audio.AudioTrack;
import dev.onvoid.webrtc.media.audio.AudioTrackSink;

/**
 * The audio of one remote peer: measures its level and applies the local volume and mute.
 * Attached as a sink to the peer's remote track; {@link #detach()} must run before the peer
 * connection that owns the track closes. The audio kind's {@link RemoteTrack}.
 */
public final class RemoteAudio implements AudioTrackSink, RemoteTrack {
    private final PeerId peer;
    private final AudioTrack track;
    private final RemotePcmListener listener;
    private final boolean muteTrack;
    private final SignalLevel meter = new SignalLevel();
    private volatile double volume = 1.0;
    private volatile boolean muted;
    private volatile boolean attached;
    private volatile long lastDataNanos;
    private short[] samples = new short[Pcm.FRAME_SAMPLES];

    /** @param muteTrack also disable the track itself on mute (desktop path, where playout is native) */
    RemoteAudio(PeerId peer, AudioTrack track, RemotePcmListener listener, boolean muteTrack) {
        this.peer = peer;
        this.track = track;
        this.listener = listener;
        this.muteTrack = muteTrack;
    }

    void attach() {
        attached = true;
        track.addSink(this);
    }

    @Override
    public TrackKind kind() {
        return TrackKind.AUDIO;
    }

    /** Stops receiving; idempotent. */
    @Override
    public void detach() {
        if (attached) {
            attached = false;
            track.removeSink(this);
        }
    }

    @Override
    public void onData(byte[] data, int bitsPerSample, int sampleRate, int channels, int frames) {
        if (!attached || bitsPerSample != 16) {
            return;
        }
        if (samples.length < frames) {
            samples = new short[frames];
        }
        for (int f = 0; f < frames; f++) {
            int sum = 0;
            for (int c = 0; c < channels; c++) {
                int i = 2 * (f * channels + c);
                sum += (short) ((data[i] & 0xff) | (data[i + 1] << 8));
            }
            samples[f] = (short) (sum / channels);
        }
        meter.update(samples, frames);
        lastDataNanos = System.nanoTime();
        double gain = muted ? 0 : volume;
        if (gain != 1.0) {
            for (int f = 0; f < frames; f++) {
                samples[f] = Pcm.clip(samples[f] * gain);
            }
        }
        listener.onPcm(peer, samples, frames);
    }

    @Override
    public PeerId peer() {
        return peer;
    }

    /** RMS level of what the peer sends (before local volume), 0 to 1. */
    public double level() {
        // A stream that stopped delivering is silent, not stuck at its last level.
        return System.nanoTime() - lastDataNanos > 200_000_000L ? 0 : meter.rms();
    }

    public double peak() {
        return meter.peak();
    }

    /** Local playback volume, 0 to 2. */
    public void setVolume(double volume) {
        this.volume = Math.max(0, Math.min(2, volume));
    }

    public double volume() {
        return volume;
    }

    public void setMuted(boolean muted) {
        this.muted = muted;
        if (muteTrack) {
            track.setEnabled(!muted);
        }
    }

    public boolean muted() {
        return muted;
    }
}
