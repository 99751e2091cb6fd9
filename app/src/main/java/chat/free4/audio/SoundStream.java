package chat.free4.audio;

import dev.onvoid.webrtc.media.audio.AudioDevice;
import dev.onvoid.webrtc.media.audio.AudioDeviceModule;
import dev.onvoid.webrtc.media.audio.AudioLayer;
import dev.onvoid.webrtc.media.audio.AudioSink;
import dev.onvoid.webrtc.media.audio.AudioSource;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open stream on a sound card: the microphone (frames to an {@link AudioSink}) or the speaker
 * (frames pulled from an {@link AudioSource}), each in an {@link AudioDeviceModule} of its own that
 * no peer connection factory knows about (the factory runs on a headless module; see decision
 * 0011). The device is set before init, as libwebrtc's Pulse, ALSA and CoreAudio modules require.
 */
final class SoundStream implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SoundStream.class);
    private static final boolean LINUX = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");

    private final AudioDeviceModule module;
    private final boolean recording;
    private final Optional<AudioDeviceInfo> device;
    private final Heartbeat heartbeat;

    private SoundStream(AudioDeviceModule module, boolean recording, Optional<AudioDeviceInfo> device, Heartbeat heartbeat) {
        this.module = module;
        this.recording = recording;
        this.device = device;
        this.heartbeat = heartbeat;
    }

    /** Opens the microphone; {@code device} empty means the system default. */
    static SoundStream microphone(Optional<AudioDeviceInfo> device, AudioSink sink) {
        Opened opened = newModule();
        AudioDeviceModule module = opened.module();
        Heartbeat heartbeat = new Heartbeat();
        try {
            module.setRecordingDevice(pick(module.getRecordingDevices(), device, "microphone", opened.alsa()));
            module.setAudioSink((data, frames, bytesPerFrame, channels, rate, delay, drift) -> {
                if (heartbeat.enter()) {
                    try {
                        sink.onRecordedData(data, frames, bytesPerFrame, channels, rate, delay, drift);
                    } finally {
                        heartbeat.exit();
                    }
                } else {
                    heartbeat.exit();
                }
            });
            module.initRecording();
            module.startRecording();
        } catch (Error | RuntimeException e) {
            module.dispose();
            throw new AudioUnavailableException(cannotStart("microphone", device, e), e);
        }
        SoundStream stream = new SoundStream(module, true, device, heartbeat);
        stream.route(PulseStreamRouter.Direction.RECORDING);
        return stream;
    }

    /** Opens the speaker; {@code device} empty means the system default. */
    static SoundStream speaker(Optional<AudioDeviceInfo> device, AudioSource source) {
        Opened opened = newModule();
        AudioDeviceModule module = opened.module();
        Heartbeat heartbeat = new Heartbeat();
        try {
            module.setPlayoutDevice(pick(module.getPlayoutDevices(), device, "speaker", opened.alsa()));
            module.setAudioSource((out, frames, bytesPerFrame, channels, rate) -> {
                try {
                    return heartbeat.enter() ? source.onPlaybackData(out, frames, bytesPerFrame, channels, rate) : 0;
                } finally {
                    heartbeat.exit();
                }
            });
            module.initPlayout();
            module.startPlayout();
        } catch (Error | RuntimeException e) {
            module.dispose();
            throw new AudioUnavailableException(cannotStart("speaker", device, e), e);
        }
        SoundStream stream = new SoundStream(module, false, device, heartbeat);
        stream.route(PulseStreamRouter.Direction.PLAYBACK);
        return stream;
    }

    Optional<AudioDeviceInfo> device() {
        return device;
    }

    /**
     * True when the sound card has not called for 10 ms of audio for {@code limitNanos}: the sound
     * server or the device went away (libwebrtc's modules then just stop calling, they do not say).
     */
    boolean stalled(long limitNanos) {
        return heartbeat.silentFor() > limitNanos;
    }

    /**
     * When the sound card last handed over or asked for audio (from the stream's opening on),
     * whether a call is under way, and whether the stream is still open: a closed stream's late
     * calls reach nothing of the app.
     */
    private static final class Heartbeat {
        private volatile long last = System.nanoTime();
        private volatile boolean open = true;
        private final AtomicInteger calls = new AtomicInteger();

        /** Notes a call's start; false once the stream is closed. Always followed by {@link #exit()}. */
        boolean enter() {
            calls.incrementAndGet();
            last = System.nanoTime();
            return open;
        }

        void exit() {
            last = System.nanoTime();
            calls.decrementAndGet();
        }

        long silentFor() {
            return System.nanoTime() - last;
        }

        /** Waits until no call is under way and none came for {@code quietNanos}; false after {@code maxNanos}. */
        boolean awaitQuiet(long quietNanos, long maxNanos) {
            long deadline = System.nanoTime() + maxNanos;
            while (calls.get() > 0 || silentFor() < quietNanos) {
                if (System.nanoTime() - deadline > 0) {
                    return false;
                }
                LockSupport.parkNanos(5_000_000);
            }
            return true;
        }
    }

    /**
     * libwebrtc's default on Linux is PulseAudio only: with no Pulse (or PipeWire) server it fails
     * rather than fall back, so plain ALSA is asked for by name then.
     */
    /** A device module, and whether it is plain ALSA (only to word a missing device). */
    private record Opened(AudioDeviceModule module, boolean alsa) {
    }

    private static Opened newModule() {
        try {
            return new Opened(new AudioDeviceModule(), false);
        } catch (Error | RuntimeException e) {
            if (LINUX) {
                try {
                    return new Opened(new AudioDeviceModule(AudioLayer.kLinuxAlsaAudio), true);
                } catch (Error | RuntimeException alsa) {
                    e.addSuppressed(alsa);
                }
                throw new AudioUnavailableException("No sound server (PulseAudio or PipeWire) answers, and ALSA could not be "
                        + "opened either. Start your sound server or connect a sound card.", e);
            }
            throw new AudioUnavailableException("No sound system could be opened on this computer.", e);
        }
    }

    /**
     * The module's entry for the wanted device. On Windows and macOS libwebrtc knows devices by the
     * same id the device list shows; on Linux its ids are empty, so the stream opens on the default
     * and {@link #route} moves it.
     */
    private static AudioDevice pick(List<AudioDevice> devices, Optional<AudioDeviceInfo> wanted, String kind, boolean alsa) {
        if (devices.isEmpty()) {
            throw new AudioUnavailableException("No " + kind + " was found on this computer"
                    + (alsa ? " (no sound server answers, and ALSA lists no sound card)" : "") + ".", null);
        }
        if (wanted.isPresent() && !LINUX) {
            AudioDeviceInfo w = wanted.get();
            for (AudioDevice d : devices) {
                if (w.descriptor().equals(d.getDescriptor()) || w.name().equals(d.getName())) {
                    return d;
                }
            }
        }
        return devices.get(0);
    }

    private void route(PulseStreamRouter.Direction direction) {
        if (!LINUX || device.isEmpty()) {
            return;
        }
        String name = device.get().descriptor();
        Optional<PulseStreamRouter> router = Pactl.find().filter(Pactl::serverAnswers).map(PulseStreamRouter::new);
        if (router.isEmpty()) {
            close();
            throw new AudioUnavailableException("Choosing \"" + device.get().name() + "\" needs a PulseAudio or PipeWire "
                    + "sound server and its pactl tool (package pulseaudio-utils). Install them, or choose \"System default\" "
                    + "in Settings → Audio.", null);
        }
        try {
            if (router.get().putOwnStreamsOn(direction, name) == 0) {
                LOG.warn("No {} stream of this process could be put on {}", direction, name);
            }
        } catch (IOException e) {
            close();
            throw new AudioUnavailableException(unusable(device.get(), e), e);
        }
    }

    private static String unusable(AudioDeviceInfo device, IOException e) {
        return "\"" + device.name() + "\" could not be used (" + e.getMessage() + "). Choose another device in Settings → Audio.";
    }

    private static String cannotStart(String kind, Optional<AudioDeviceInfo> device, Throwable e) {
        String which = device.map(d -> "\"" + d.name() + "\"").orElse("The default " + kind);
        String what = device.isPresent() ? " " + kind : "";
        return which + what + " could not be started (" + e.getMessage() + "). Check that it is connected and not "
                + "used by another program, or choose another one in Settings → Audio.";
    }

    /**
     * Closes a stream whose sound server went away. Its module is stopped but not disposed:
     * webrtc-java 0.14.0's dispose frees the callback before it terminates the module, and a
     * libwebrtc sound thread that wakes up when the server comes back then calls through freed
     * memory (a JVM crash seen in SoundServerRestartTest). Kept, the module costs a little memory
     * per lost server, and its late calls are refused by the closed heartbeat.
     */
    void abandon() {
        heartbeat.open = false;
        try {
            if (recording) {
                module.stopRecording();
            } else {
                module.stopPlayout();
            }
        } catch (Error | RuntimeException e) {
            LOG.debug("Stopping a lost sound stream failed", e);
        }
        ABANDONED.add(module);
    }

    /** Modules of streams whose server went away, kept from disposal (see {@link #abandon()}). */
    private static final java.util.List<AudioDeviceModule> ABANDONED = new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * Stops the stream, then frees its module once its sound thread has left our callback.
     * libwebrtc's PulseAudio thread lets go of its lock while it calls for audio, so stopping can
     * return while a call is still under way; disposing then frees the callback under it, and the
     * JVM crashed (a null object in a native-attached thread, seen in DesktopAudioThroughPipeWireTest
     * when the speaker moved to another device). A thread that never goes quiet keeps its module.
     */
    @Override
    public void close() {
        heartbeat.open = false;
        try {
            if (recording) {
                module.stopRecording();
            } else {
                module.stopPlayout();
            }
        } catch (Error | RuntimeException e) {
            LOG.debug("Stopping a sound stream failed", e);
        }
        if (heartbeat.awaitQuiet(QUIET_BEFORE_DISPOSE_NANOS, MAX_WAIT_BEFORE_DISPOSE_NANOS)) {
            module.dispose();
        } else {
            LOG.warn("A stopped sound stream kept calling; its module is kept, not freed");
            ABANDONED.add(module);
        }
    }

    /** Five of the sound card's 10 ms periods without a call: its thread has seen the stop. */
    private static final long QUIET_BEFORE_DISPOSE_NANOS = 50_000_000;
    private static final long MAX_WAIT_BEFORE_DISPOSE_NANOS = 1_000_000_000;
}
