package chat.free4.robot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** How the word game counts a typed word against the spoken one. */
class SpellingTest {
    @Test
    void caseSpacingAndEndPunctuationDoNotCount() {
        assertEquals(0, Spelling.distance("  Good   Morning! ", "good morning"));
    }

    @Test
    void aSwapIsOneEditLikeAMissingOrWrongLetter() {
        assertEquals(1, Spelling.distance("bicycel", "bicycle"));
        assertEquals(1, Spelling.distance("bicyle", "bicycle"));
        assertEquals(1, Spelling.distance("bicyble", "bicycle"));
        org.junit.jupiter.api.Assertions.assertTrue(Spelling.distance("lemonade", "library") > 1, "unrelated words are not close");
    }
}
