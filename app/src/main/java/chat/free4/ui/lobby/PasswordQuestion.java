package chat.free4.ui.lobby;

import chat.free4.ui.i18n.Texts;

import java.util.Optional;

/**
 * The lobby asks for a room's password: the relay refused a join because it had none, a wrong one,
 * or too many wrong ones were tried. Answering joins the same room, on the same relay, again.
 *
 * @param request  the refused join, without its password
 * @param relay    the relay it went to (an invite's may differ from the lobby's)
 * @param headline what happened, in one sentence
 * @param detail   what to do, or the relay's wait
 */
public record PasswordQuestion(CreateRoomRequest request, String relay, String headline, String detail) {

    /**
     * The question for a refused join, when the refusal is one a password can answer.
     *
     * @param code          the relay's error code
     * @param relaySentence what the relay said (for too many attempts: how long to wait)
     */
    public static Optional<PasswordQuestion> forRefusal(String code, String relaySentence, CreateRoomRequest request,
            String relay) {
        CreateRoomRequest again = request.withPassword("");
        return switch (code == null ? "" : code) {
            case "password_required" -> Optional.of(new PasswordQuestion(again, relay,
                    Texts.get("lobby.password.required", request.name()),
                    Texts.get("lobby.password.requiredHint")));
            case "wrong_password" -> Optional.of(new PasswordQuestion(again, relay,
                    Texts.get("lobby.password.wrong"),
                    Texts.get("lobby.password.wrongHint", request.name())));
            case "too_many_attempts" -> Optional.of(new PasswordQuestion(again, relay,
                    Texts.get("lobby.password.tooMany", request.name()),
                    waitSentence(relaySentence)));
            default -> Optional.empty();
        };
    }

    private static String waitSentence(String relaySentence) {
        String said = relaySentence == null ? "" : relaySentence.strip();
        return said.isEmpty() ? Texts.get("lobby.password.wait") : said;
    }
}
