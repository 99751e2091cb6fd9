package chat.free4.ui;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.Mixer;
import javax.sound.sampled.SourceDataLine;

/**
 * Plays a short two-note chime on an output device so the person can check their speakers. Uses
 * Java Sound (not the call's WebRTC path), picking the mixer whose name contains the chosen
 * device's name, else the system default.
 */
final class TestSound {
    private static final float RATE = 48_000f;

    private TestSound() {
    }

    static void play(String outputDevice) {
        AudioFormat format = new AudioFormat(RATE, 16, 1, true, false);
        try (SourceDataLine line = open(outputDevice, format)) {
            line.open(format);
            line.start();
            byte[] pcm = chime();
            line.write(pcm, 0, pcm.length);
            line.drain();
        } catch (LineUnavailableException | IllegalArgumentException e) {
            throw new IllegalStateException("The test sound could not play: no speakers or headphones were found. "
                    + "Connect some and choose them in Settings → Audio.", e);
        }
    }

    private static SourceDataLine open(String device, AudioFormat format) throws LineUnavailableException {
        if (device != null && !device.isBlank()) {
            for (Mixer.Info info : AudioSystem.getMixerInfo()) {
                if (info.getName().contains(device)) {
                    try {
                        return AudioSystem.getSourceDataLine(format, info);
                    } catch (IllegalArgumentException notAnOutput) {
                        // a capture mixer with a similar name; keep looking
                    }
                }
            }
        }
        return AudioSystem.getSourceDataLine(format);
    }

    /** 660 Hz then 880 Hz, 0.25 s each, with short fades so it does not click. */
    static byte[] chime() {
        int perNote = (int) (RATE / 4);
        byte[] out = new byte[perNote * 2 * 2];
        double[] notes = {660, 880};
        for (int n = 0; n < notes.length; n++) {
            for (int i = 0; i < perNote; i++) {
                double fade = Math.min(1, Math.min(i, perNote - i) / (RATE * 0.01));
                short s = (short) (Math.sin(2 * Math.PI * notes[n] * i / RATE) * 0.3 * fade * Short.MAX_VALUE);
                int at = (n * perNote + i) * 2;
                out[at] = (byte) s;
                out[at + 1] = (byte) (s >> 8);
            }
        }
        return out;
    }
}
