package chat.free4.robot;

import chat.free4.audio.WavReader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Offline text-to-speech through the {@code espeak-ng} program (a declared dependency of the Linux
 * packages). The sentence goes in on standard input, never as an argument, so text from the room
 * can never become an option; the WAV comes back through a private temporary file.
 */
public final class EspeakSpeech implements Speech {
    /** Longest sentence rendered; the games' sentences are far shorter. */
    static final int MAX_CHARS = 600;
    private static final long TIMEOUT_SECONDS = 10;

    private final String program;
    private final List<String> voice;
    private final boolean available;

    /** {@code program} is the espeak-ng executable (a name on the PATH or a path). */
    public EspeakSpeech(String program) {
        this.program = program;
        this.voice = List.of("-v", "en", "-s", "150");
        this.available = probe();
    }

    public static EspeakSpeech installed() {
        return new EspeakSpeech("espeak-ng");
    }

    @Override
    public boolean available() {
        return available;
    }

    @Override
    public String unavailableSentence() {
        return "I cannot speak here: the text-to-speech program espeak-ng is not installed, "
                + "so I will write everything in the chat instead.";
    }

    @Override
    public short[] render(String sentence) throws SpeechUnavailableException {
        if (!available) {
            throw new SpeechUnavailableException(unavailableSentence());
        }
        String text = sentence.length() > MAX_CHARS ? sentence.substring(0, MAX_CHARS) : sentence;
        Path wav = null;
        try {
            wav = Files.createTempFile("free4chat-robot-", ".wav");
            List<String> command = new java.util.ArrayList<>(List.of(program, "-w", wav.toString(), "--stdin"));
            command.addAll(voice);
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            try (OutputStream in = p.getOutputStream()) {
                in.write(text.replace('\n', ' ').getBytes(StandardCharsets.UTF_8));
            }
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new SpeechUnavailableException("The text-to-speech program took too long to speak.");
            }
            if (p.exitValue() != 0) {
                throw new SpeechUnavailableException("The text-to-speech program could not speak that sentence.");
            }
            return trimmed(WavReader.read(wav));
        } catch (IOException e) {
            throw new SpeechUnavailableException("The text-to-speech program could not speak: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SpeechUnavailableException("The robot was stopped while speaking.");
        } finally {
            if (wav != null) {
                try {
                    Files.deleteIfExists(wav);
                } catch (IOException ignored) {
                    // a temporary file of synthesised speech; the system cleans its temp folder
                }
            }
        }
    }

    /**
     * Without espeak's silence at either end (about 0.4 s after each sentence): a reply then
     * starts and ends when its words do, and the game's own pauses are the only ones.
     */
    static short[] trimmed(short[] samples) {
        int quiet = 160; // about -46 dBFS
        int first = 0;
        while (first < samples.length && Math.abs(samples[first]) < quiet) {
            first++;
        }
        int last = samples.length - 1;
        while (last > first && Math.abs(samples[last]) < quiet) {
            last--;
        }
        int tail = Math.min(samples.length - 1 - last, chat.free4.audio.Pcm.SAMPLE_RATE / 20); // keep 50 ms to fade out
        return java.util.Arrays.copyOfRange(samples, first, last + 1 + tail);
    }

    private boolean probe() {
        try {
            Process p = new ProcessBuilder(program, "--version").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
