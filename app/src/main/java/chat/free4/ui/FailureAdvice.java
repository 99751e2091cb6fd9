package chat.free4.ui;

import chat.free4.names.NameRules;

/**
 * Turns a failure into what the person sees: what happened, then what to do about it. The engine
 * and the relay say what happened; the advice depends on the screen, so it lives here.
 */
public final class FailureAdvice {
    public static final String NO_MICROPHONE = "No microphone was found. Connect one and choose it in "
            + "Settings → Audio. You can still listen.";
    public static final String MICROPHONE_DENIED = "free4chat may not use the microphone. Allow microphone "
            + "access for free4chat in your system's privacy settings, then join again.";
    public static final String NO_SOUND_SYSTEM = "The sound system could not be loaded on this computer, so the "
            + "test sound cannot play. On Linux, check that PulseAudio or PipeWire is running.";

    private FailureAdvice() {
    }

    /** @param code machine-readable code from the relay or engine; {@code sentence} what happened */
    public static String explain(String code, String sentence) {
        String what = sentence == null || sentence.isBlank() ? "Something went wrong." : sentence.strip();
        String todo = switch (code == null ? "" : code) {
            case "room_full" -> "Try another room, or wait until someone leaves.";
            case "name_taken" -> "Someone in that room already uses your display name. Change it in Settings, then join again.";
            case "too_many_rooms" -> "The relay is busy. Try again in a few minutes, or join a room on this network.";
            case "cluster_unavailable" -> "The relay's servers cannot reach each other right now. Try again in a few minutes, or join a room on this network.";
            case "unreachable" -> "Check your internet connection and the relay address in Settings. We keep trying.";
            case "invalid_room_name" -> chat.free4.ui.i18n.NameRuleTexts.room();
            case "invalid_name" -> "Change your display name in Settings (1 to " + NameRules.MAX_NAME_LENGTH
                    + " visible characters).";
            case "invalid_tags" -> chat.free4.ui.i18n.NameRuleTexts.tags();
            case "too_many_connections" -> "Too many free4chat windows use this relay from your address. Close some, then try again.";
            case "rate_limited" -> "Wait a moment, then try again.";
            case "wrong_password" -> "Check the room's password with whoever gave it to you, then join again.";
            case "password_required" -> "This room has a password: join it with the password.";
            case "not_password_protected" -> "A room with this name is open to anyone; choose another name for a room with a password.";
            case "too_many_attempts" -> "Too many wrong passwords were tried; wait, then try again with the right one.";
            case "peer_unverified" -> "Check with them, another way than this room, that you both use the same password.";
            case "password_rooms_unsupported" -> "Use a relay that supports rooms with a password, or a room without one.";
            default -> "";
        };
        return todo.isEmpty() || what.contains(todo) ? what : what + " " + todo;
    }

    /** A microphone that could not be opened: permission, or no device at all. */
    public static String microphone(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (m.contains("permission") || m.contains("denied") || m.contains("not authorized")) {
                return MICROPHONE_DENIED;
            }
        }
        return NO_MICROPHONE;
    }
}
