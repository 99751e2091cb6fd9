package chat.free4.audio;

/** Lists and selects the sound devices of the desktop audio path. */
public interface AudioDeviceChooser extends AudioDeviceLists {

    /** Switches the microphone ({@code null}: the system default); problems are reported as notices. */
    void selectInput(AudioDeviceInfo device);

    /** Switches the speaker ({@code null}: the system default). */
    void selectOutput(AudioDeviceInfo device);

}
