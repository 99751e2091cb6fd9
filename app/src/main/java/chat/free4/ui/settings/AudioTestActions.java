package chat.free4.ui.settings;

/** Device checks the settings page asks of the engine. Implementations must not block. */
public interface AudioTestActions {

    /** Starts measuring the given input device; levels arrive in the settings view model. */
    void startMicTest(String inputDevice);

    void stopMicTest();

    /** Plays a short tone on the given output device. */
    void playTestSound(String outputDevice);
}
