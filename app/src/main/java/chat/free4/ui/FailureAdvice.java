package chat.free4.ui;

import chat.free4.ui.i18n.Texts;

import chat.free4.names.NameRules;

/**
 * Turns a failure into what the person sees: what happened, then what to do about it. The engine
 * and the relay say what happened; the advice depends on the screen, so it lives here.
 */
public final class FailureAdvice {
    /** No microphone at all. */
    public static String noMicrophone() {
        return Texts.get("advice.noMicrophone");
    }

    /** The system refuses the microphone. */
    public static String microphoneDenied() {
        return Texts.get("advice.microphoneDenied");
    }

    /** No sound system to play through (the test sound). */
    public static String noSoundSystem() {
        return Texts.get("advice.noSoundSystem");
    }

    private FailureAdvice() {
    }

    /** @param code machine-readable code from the relay or engine; {@code sentence} what happened */
    public static String explain(String code, String sentence) {
        String what = sentence == null || sentence.isBlank() ? Texts.get("advice.somethingWrong") : sentence.strip();
        String todo = switch (code == null ? "" : code) {
            case "room_full" -> Texts.get("advice.roomFull");
            case "name_taken" -> Texts.get("advice.nameTaken");
            case "too_many_rooms" -> Texts.get("advice.tooManyRooms");
            case "cluster_unavailable" -> Texts.get("advice.clusterUnavailable");
            case "unreachable" -> Texts.get("advice.unreachable");
            case "invalid_room_name" -> chat.free4.ui.i18n.NameRuleTexts.room();
            case "invalid_name" -> Texts.get("advice.invalidName", NameRules.MAX_NAME_LENGTH);
            case "invalid_tags" -> chat.free4.ui.i18n.NameRuleTexts.tags();
            case "too_many_connections" -> Texts.get("advice.tooManyConnections");
            case "rate_limited" -> Texts.get("advice.rateLimited");
            case "wrong_password" -> Texts.get("advice.wrongPassword");
            case "password_required" -> Texts.get("advice.passwordRequired");
            case "not_password_protected" -> Texts.get("advice.notPasswordProtected");
            case "too_many_attempts" -> Texts.get("advice.tooManyAttempts");
            case "peer_unverified" -> Texts.get("advice.peerUnverified");
            case "password_rooms_unsupported" -> Texts.get("advice.passwordRoomsUnsupported");
            default -> "";
        };
        return todo.isEmpty() || what.contains(todo) ? what : what + " " + todo;
    }

    /** A microphone that could not be opened: permission, or no device at all. */
    public static String microphone(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (m.contains("permission") || m.contains("denied") || m.contains("not authorized")) {
                return microphoneDenied();
            }
        }
        return noMicrophone();
    }
}
