package chat.free4.session;

import chat.free4.audio.AudioBackend;
import chat.free4.audio.AudioBackends;
import chat.free4.audio.AudioDeviceInfo;
import chat.free4.audio.AudioDeviceLists;
import chat.free4.audio.RemotePcmListener;
import chat.free4.audio.SoundDevices;
import chat.free4.audio.TestChime;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** This computer's sound, for the desktop app: the audio path of a session, its device lists, a test sound. */
public final class ComputerSound {
    private ComputerSound() {
    }

    /**
     * The sound card when there is one; otherwise a silent path (the person can still join and
     * see the room) and a sentence saying so to {@code warning}. Opened when first asked for.
     */
    public static Supplier<AudioBackend> audio(Consumer<String> warning) {
        return () -> AudioBackends.desktopOrSilent(RemotePcmListener.none(), warning);
    }

    /** The microphones and speakers, kept current as devices come and go; close when done. */
    public static Optional<AudioDeviceLists> devices() {
        return Optional.of(SoundDevices.forThisComputer(() -> { }));
    }

    /** Plays a short chime on {@code speaker} (empty: the default), through a stream of its own. */
    public static void playTestSound(Optional<AudioDeviceInfo> speaker) {
        TestChime.play(speaker);
    }
}
