package chat.free4.robot;

import org.junit.jupiter.api.Assumptions;

/** The robot's tests need espeak-ng; without it they are skipped with the reason, except in CI, where they fail. */
final class Espeak {
    private Espeak() {
    }

    static EspeakSpeech require() {
        EspeakSpeech speech = EspeakSpeech.installed();
        if (!speech.available()) {
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException("espeak-ng is missing: CI must install espeak-ng");
            }
            Assumptions.abort("espeak-ng is not installed (Debian: espeak-ng); the robot's voice tests need it");
        }
        return speech;
    }
}
