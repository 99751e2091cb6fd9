package chat.free4.ui.settings;

/** How the microphone decides when to send. */
public enum VoiceMode {
    /** Sends whenever the person speaks (the engine gates silence). */
    VOICE_ACTIVITY,
    /** Sends only while the push-to-talk key is held. */
    PUSH_TO_TALK
}
