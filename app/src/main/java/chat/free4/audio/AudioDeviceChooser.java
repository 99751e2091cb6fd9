package chat.free4.audio;

import java.util.List;

/** Lists and selects the sound devices of the desktop audio path. */
public interface AudioDeviceChooser {

    List<AudioDeviceInfo> inputs();

    List<AudioDeviceInfo> outputs();

    /** Switches the microphone; throws {@link IllegalArgumentException} with a sentence if unknown. */
    void selectInput(AudioDeviceInfo device);

    void selectOutput(AudioDeviceInfo device);
}
