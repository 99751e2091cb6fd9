package chat.free4.audio;

import chat.free4.signaling.PeerId;
import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.media.audio.AudioDevice;
import dev.onvoid.webrtc.media.audio.AudioDeviceModule;
import dev.onvoid.webrtc.media.audio.AudioOptions;
import dev.onvoid.webrtc.media.audio.AudioTrack;
import dev.onvoid.webrtc.media.audio.AudioTrackSource;
import java.util.List;
import java.util.Optional;

/**
 * The desktop path: webrtc-java's real audio device module records the chosen microphone and plays
 * the mixed remote audio on the chosen output. Per-peer mute disables the remote track; libwebrtc
 * offers no per-track playout gain in webrtc-java 0.14.0, so volume other than 0 plays unchanged
 * (see docs/decisions).
 */
public final class DeviceAudio implements AudioBackend, AudioDeviceChooser {
    private final AudioDeviceModule module;
    private final PeerConnectionFactory factory;
    private final AudioTrackSource source;
    private final AudioTrack track;
    private final RemotePcmListener remoteListener;
    private final LevelMeter localMeter = new LevelMeter();
    private volatile boolean muted;

    /** Throws {@link AudioUnavailableException} when the sound system cannot be opened. */
    public DeviceAudio(RemotePcmListener remoteListener) {
        this.remoteListener = remoteListener;
        this.module = openModule();
        this.factory = new PeerConnectionFactory(module);
        AudioOptions options = new AudioOptions();
        options.echoCancellation = true;
        options.autoGainControl = true;
        options.noiseSuppression = true;
        options.highpassFilter = true;
        this.source = factory.createAudioSource(options);
        this.track = factory.createAudioTrack("mic", source);
        track.addSink((data, bits, rate, channels, frames) -> {
            short[] s = new short[frames * channels];
            Pcm.toSamples(data, Math.min(data.length, frames * channels * 2), s);
            localMeter.update(s, s.length);
        });
    }

    private static AudioDeviceModule openModule() {
        AudioDeviceModule adm;
        try {
            adm = new AudioDeviceModule();
        } catch (Error | RuntimeException e) {
            throw new AudioUnavailableException("No sound system could be opened (" + e.getMessage() + ").", e);
        }
        try {
            adm.initPlayout();
            adm.startPlayout();
            adm.initRecording();
            adm.startRecording();
            return adm;
        } catch (Error | RuntimeException e) {
            adm.dispose();
            throw new AudioUnavailableException("The sound devices could not be started (" + e.getMessage() + ").", e);
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
        RemoteAudio remote = new RemoteAudio(peer, remoteTrack, remoteListener, true);
        remote.attach();
        return remote;
    }

    @Override
    public void setMicrophoneMuted(boolean muted) {
        this.muted = muted;
        track.setEnabled(!muted);
        if (muted) {
            localMeter.reset();
        }
    }

    @Override
    public boolean microphoneMuted() {
        return muted;
    }

    @Override
    public double localLevel() {
        return muted ? 0 : localMeter.rms();
    }

    @Override
    public Optional<AudioDeviceChooser> devices() {
        return Optional.of(this);
    }

    @Override
    public List<AudioDeviceInfo> inputs() {
        return module.getRecordingDevices().stream().map(d -> new AudioDeviceInfo(d.getName(), d.getDescriptor())).toList();
    }

    @Override
    public List<AudioDeviceInfo> outputs() {
        return module.getPlayoutDevices().stream().map(d -> new AudioDeviceInfo(d.getName(), d.getDescriptor())).toList();
    }

    @Override
    public synchronized void selectInput(AudioDeviceInfo device) {
        AudioDevice native_ = find(module.getRecordingDevices(), device);
        module.stopRecording();
        module.setRecordingDevice(native_);
        module.initRecording();
        module.startRecording();
    }

    @Override
    public synchronized void selectOutput(AudioDeviceInfo device) {
        AudioDevice native_ = find(module.getPlayoutDevices(), device);
        module.stopPlayout();
        module.setPlayoutDevice(native_);
        module.initPlayout();
        module.startPlayout();
    }

    private static AudioDevice find(List<AudioDevice> devices, AudioDeviceInfo wanted) {
        return devices.stream().filter(d -> d.getDescriptor().equals(wanted.descriptor())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("The sound device \"" + wanted.name() + "\" is not connected any more."));
    }

    @Override
    public void close() {
        track.dispose();
        // The source has no dispose() in 0.14.0; it is released with the factory.
        factory.dispose();
        module.stopRecording();
        module.stopPlayout();
        module.dispose();
    }
}
