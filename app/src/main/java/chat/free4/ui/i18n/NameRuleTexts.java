package chat.free4.ui.i18n;

import chat.free4.names.NameRules;

/** NameRules' sentences in the person's language (the names module stays English, for logs and peers). */
public final class NameRuleTexts {
    private NameRuleTexts() {
    }

    public static String room() {
        return Texts.get("rules.room", NameRules.MAX_ROOM_LENGTH);
    }

    public static String tags() {
        return Texts.get("rules.tags", NameRules.MAX_TAGS, NameRules.MAX_TAG_LENGTH);
    }

    public static String displayName() {
        return Texts.get("rules.displayName", NameRules.MAX_NAME_LENGTH);
    }
}
