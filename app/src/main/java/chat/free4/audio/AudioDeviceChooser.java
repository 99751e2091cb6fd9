package chat.free4.audio;

import java.util.List;

/** Lists and selects the sound devices of the desktop audio path. */
public interface AudioDeviceChooser {

    List<AudioDeviceInfo> inputs();

    List<AudioDeviceInfo> outputs();

    /** Switches the microphone ({@code null}: the system default); problems are reported as notices. */
    void selectInput(AudioDeviceInfo device);

    /** Switches the speaker ({@code null}: the system default). */
    void selectOutput(AudioDeviceInfo device);

    /** Called (on a background thread) when a device is plugged in or removed. */
    void addChangeListener(Runnable listener);
}
