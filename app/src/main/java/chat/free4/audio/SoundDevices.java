package chat.free4.audio;

import java.util.List;
import java.util.Locale;

/**
 * The microphones and speakers the person can choose, by names that stay the same across
 * restarts, and notice (on a background thread) when one is plugged in or removed. Monitor
 * sources (what a speaker plays) are not offered as microphones.
 */
interface SoundDevices extends AutoCloseable {

    List<AudioDeviceInfo> inputs();

    List<AudioDeviceInfo> outputs();

    void addChangeListener(Runnable listener);

    @Override
    void close();

    /**
     * The sound server's own client on Linux when it is installed and a server answers, else
     * webrtc-java's device manager (Windows, macOS, plain ALSA).
     */
    static SoundDevices forThisComputer(Runnable onChange) {
        boolean linux = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
        if (linux) {
            var pactl = Pactl.find().filter(Pactl::serverAnswers);
            if (pactl.isPresent()) {
                return new PulseSoundDevices(pactl.get(), onChange);
            }
        }
        return new NativeSoundDevices(onChange);
    }
}
