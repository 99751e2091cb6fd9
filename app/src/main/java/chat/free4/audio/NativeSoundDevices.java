package chat.free4.audio;

import dev.onvoid.webrtc.media.Device;
import dev.onvoid.webrtc.media.DeviceChangeListener;
import dev.onvoid.webrtc.media.MediaDevices;
import dev.onvoid.webrtc.media.audio.AudioDevice;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Devices as webrtc-java's device manager lists them, on Windows and macOS. Not used on Linux: its
 * lists and events there were unreliable in 0.14.0 (stale entries after a removal, no events at
 * all in some processes; see {@link PulseSoundDevices}).
 */
final class NativeSoundDevices implements SoundDevices {
    private static final Logger LOG = LoggerFactory.getLogger(NativeSoundDevices.class);

    /** Everyone to tell of a device change, across instances. */
    private static final List<NativeSoundDevices> OPEN = new CopyOnWriteArrayList<>();
    private static boolean watching;
    /**
     * Listeners run here, never on the native callback's thread: asking for the device lists from
     * inside that callback aborts the process (a PulseAudio main-loop assertion).
     */
    private static final java.util.concurrent.ExecutorService EVENTS = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "sound-device-events");
        t.setDaemon(true);
        return t;
    });

    private final ChangeListeners listeners = new ChangeListeners();

    NativeSoundDevices(Runnable onChange) {
        listeners.add(onChange);
        OPEN.add(this);
        watchOnce();
    }

    /**
     * One native watcher for the whole process, registered once and never removed: adding a new
     * one after removing another was not reliably called in 0.14.0.
     */
    private static synchronized void watchOnce() {
        if (watching) {
            return;
        }
        watching = true;
        try {
            MediaDevices.addDeviceChangeListener(new DeviceChangeListener() {
                @Override
                public void deviceConnected(Device device) {
                    EVENTS.execute(() -> OPEN.forEach(NativeSoundDevices::changed));
                }

                @Override
                public void deviceDisconnected(Device device) {
                    EVENTS.execute(() -> OPEN.forEach(NativeSoundDevices::changed));
                }
            });
        } catch (Error | RuntimeException e) {
            LOG.warn("Sound devices plugged in later will not be noticed", e);
        }
    }

    private void changed() {
        listeners.fire();
    }

    @Override
    public void addChangeListener(Runnable listener) {
        listeners.add(listener);
    }

    @Override
    public List<AudioDeviceInfo> inputs() {
        try {
            return MediaDevices.getAudioCaptureDevices().stream().filter(d -> !isMonitor(d)).map(NativeSoundDevices::info).toList();
        } catch (Error | RuntimeException e) {
            LOG.warn("Could not list microphones", e);
            return List.of();
        }
    }

    @Override
    public List<AudioDeviceInfo> outputs() {
        try {
            return MediaDevices.getAudioRenderDevices().stream().map(NativeSoundDevices::info).toList();
        } catch (Error | RuntimeException e) {
            LOG.warn("Could not list speakers", e);
            return List.of();
        }
    }

    private static boolean isMonitor(AudioDevice d) {
        return d.getDescriptor() != null && d.getDescriptor().endsWith(".monitor");
    }

    private static AudioDeviceInfo info(AudioDevice d) {
        String descriptor = d.getDescriptor() == null ? d.getName() : d.getDescriptor();
        String name = d.getName() == null || d.getName().isBlank() ? descriptor : d.getName();
        return new AudioDeviceInfo(name, descriptor);
    }

    @Override
    public void close() {
        OPEN.remove(this);
    }
}
