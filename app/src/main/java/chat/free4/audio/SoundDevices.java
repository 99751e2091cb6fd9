package chat.free4.audio;

import java.util.Locale;

/**
 * The microphones and speakers the person can choose, by names that stay the same across
 * restarts, and notice (on a background thread) when one is plugged in or removed. Monitor
 * sources (what a speaker plays) are not offered as microphones.
 */
public interface SoundDevices extends AudioDeviceLists, AutoCloseable {

    @Override
    void close();

    /**
     * On Linux the sound server's own client when it is installed and a server answers; else
     * nothing to choose (webrtc-java's Linux device manager only knows PulseAudio, and without a
     * server it blocks: the system default is used). Windows and macOS: webrtc-java's manager.
     */
    static SoundDevices forThisComputer(Runnable onChange) {
        boolean linux = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
        if (!linux) {
            return new NativeSoundDevices(onChange);
        }
        return Pactl.find().filter(Pactl::serverAnswers)
                .<SoundDevices>map(pactl -> new PulseSoundDevices(pactl, onChange))
                .orElseGet(SoundDevices::none);
    }

    /** No devices to choose; the system default is used. */
    static SoundDevices none() {
        return new SoundDevices() {
            @Override
            public java.util.List<AudioDeviceInfo> inputs() {
                return java.util.List.of();
            }

            @Override
            public java.util.List<AudioDeviceInfo> outputs() {
                return java.util.List.of();
            }

            @Override
            public void addChangeListener(Runnable listener) {
                // nothing ever changes
            }

            @Override
            public void close() {
                // nothing held
            }
        };
    }
}
