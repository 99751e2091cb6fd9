package chat.free4.names;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The rules of docs/PROTOCOL.md "Identifiers and names", as the relay and the app both apply them. */
class NameRulesTest {

    @Test
    void aRoomNameIsTrimmedLettersDigitsSpacesAndThreeMarks() {
        assertEquals(Optional.of("Friday game night"), NameRules.room("  Friday game night "));
        assertEquals(Optional.of("a-b_c.d 7"), NameRules.room("a-b_c.d 7"));
        assertEquals(Optional.of("Küche 東京"), NameRules.room("Küche 東京"));
        assertEquals(Optional.of("x".repeat(64)), NameRules.room("x".repeat(64)));
        // 64 letters outside the BMP are 128 chars and still 64 code points.
        String wide = "\uD835\uDC00".repeat(64);
        assertEquals(Optional.of(wide), NameRules.room(wide));
        for (String bad : new String[] {null, "", "   ", "x".repeat(65), "a/b", "demo\nroom", "demo\u001b[31m",
                "a;rm -rf", "<script>", "r\u0000", "room \u00BD", "demo\u202E"}) {
            assertEquals(Optional.empty(), NameRules.room(bad), String.valueOf(bad));
        }
    }

    @Test
    void aDisplayNameIsTrimmedAndHasNothingThatCannotShow() {
        assertEquals(Optional.of("Ada Lovelace"), NameRules.displayName(" Ada Lovelace\t"));
        assertEquals(Optional.of("y".repeat(32)), NameRules.displayName("y".repeat(32)));
        assertEquals(Optional.of("ünï 李 <b>"), NameRules.displayName("ünï 李 <b>"));
        // The zero-width joiner of emoji sequences is allowed (relay: lookalikes are its concern).
        assertEquals(Optional.of("al\u200Dice"), NameRules.displayName("al\u200Dice"));
        assertEquals(Optional.of("\uD83D\uDC69\u200D\uD83D\uDCBB"), NameRules.displayName("\uD83D\uDC69\u200D\uD83D\uDCBB"));
        for (String bad : new String[] {null, "", "\t", "y".repeat(33), "bob\r\nadmin", "a\nb", "\u202Eevil",
                "evil\u202Eeman", "zero\u200Bwidth", "\u001b]0;x\u0007", "line\u2028sep", "para\u2029sep",
                "apple \uF8FF", "lone \uD800", "unassigned \uFFFF"}) {
            assertEquals(Optional.empty(), NameRules.displayName(bad), String.valueOf(bad));
        }
    }

    @Test
    void lengthsCountCodePoints() {
        String emoji = "\uD83D\uDE00".repeat(32);
        assertEquals(Optional.of(emoji), NameRules.displayName(emoji));
        assertEquals(Optional.empty(), NameRules.displayName(emoji + "\uD83D\uDE00"));
    }

    @Test
    void tagsAreAtMostFiveOfLowercaseLettersDigitsAndDash() {
        assertTrue(NameRules.tag("music"));
        assertTrue(NameRules.tag("lo-fi-2"));
        assertTrue(NameRules.tag("t".repeat(24)));
        for (String bad : new String[] {null, "", "Music", "No Tag", "t".repeat(25), "#music", "müsik"}) {
            assertFalse(NameRules.tag(bad), String.valueOf(bad));
        }
        assertTrue(NameRules.tags(List.of()));
        assertTrue(NameRules.tags(List.of("a", "b", "c", "d", "e")));
        assertFalse(NameRules.tags(List.of("a", "b", "c", "d", "e", "f")));
        assertFalse(NameRules.tags(List.of("ok", "")));
    }

    @Test
    void peerIdsAreEightToSixtyFourSafeCharacters() {
        assertTrue(NameRules.peerId("good-peer-1"));
        assertTrue(NameRules.peerId("a".repeat(64)));
        for (String bad : new String[] {null, "short", "a".repeat(65), "bad id!", "0123456\u00E9"}) {
            assertFalse(NameRules.peerId(bad), String.valueOf(bad));
        }
    }

    @Test
    void controlCharactersAreTheProtocolsFourCategoriesExceptTheJoiner() {
        for (int c : new int[] {0x00, 0x07, 0x1B, 0x7F, 0x200B, 0x200E, 0x202E, 0x2066, 0xFEFF, 0x2028, 0x2029}) {
            assertTrue(NameRules.isControl(c), Integer.toHexString(c));
        }
        for (int c : new int[] {'a', ' ', 0x200D, 0x00A0, 0x3164, 0xE000}) {
            assertFalse(NameRules.isControl(c), Integer.toHexString(c));
        }
    }

    @Test
    void theSentencesSayTheNumbers() {
        assertEquals("A room name is 1 to 64 letters, digits, spaces, '-', '_' or '.'.", NameRules.ROOM_RULE);
        assertEquals("A display name is 1 to 32 visible characters.", NameRules.NAME_RULE);
        assertEquals("A tag is 1 to 24 of a-z, 0-9 or '-'.", NameRules.TAG_RULE);
        assertEquals("A room has at most 5 tags, each 1 to 24 of a-z, 0-9 or '-'.", NameRules.TAGS_RULE);
        assertEquals("A peer id is 8 to 64 letters, digits, '-' or '_'.", NameRules.PEER_ID_RULE);
    }
}
