package chat.free4.screen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Rectangle;
import java.util.List;
import org.junit.jupiter.api.Test;

/** xwininfo's answers as they came from a real Xvfb with AWT windows, and some it must not trust. */
class X11WindowsTest {
    private static final String TREE = String.join("\n",
            "",
            "xwininfo: Window id: 0x50d (the root window) (has no name)",
            "",
            "  Root window id: 0x50d (the root window) (has no name)",
            "  Parent window id: 0x0 (none)",
            "     5 children:",
            "     0x200007 \"pattern \"a\": b\": (\"com-sun-tools-javac-launcher-Main\" \"com-sun-tools-javac-launcher-Main\")  300x200+10+20  +10+20",
            "        2 children:",
            "        0x200024 \"FocusProxy\": (\"Focus-Proxy-Window\" \"FocusProxy\")  1x1+-1+-1  +9+19",
            "        0x200021 \"Content window\": (\"Main\" \"Main\")  300x200+0+0  +10+20",
            "     0x200020 \"sun-awt-X11-XIconWindow\": ()  16x16+0+0  +0+0",
            "     0x200008 \"com-sun-tools-javac-launcher-Main\": (\"Main\" \"Main\")  1x1+1+1  +1+1",
            "     0x400001 (has no name): ()  800x600+0+0  +0+0",
            "        1 child:",
            "        0x400005 \"Editor — notes.txt\": (\"gedit\" \"Gedit\")  640x480+0+24  +100+124",
            "     0x500001 \"broken line without geometry\"",
            "     0x99999999999 \"too long an id\": ()  100x100+0+0  +0+0",
            "     0x600001 \"huge\": ()  999999x100+0+0  +0+0",
            "");

    @Test
    void theOutermostNamedWindowsOfASaneSizeAreCandidates() {
        assertEquals(List.of("0x200007", "0x400005"), X11Windows.candidates(TREE));
    }

    @Test
    void oneWindowsAnswerGivesItsExactTitleAndPlace() {
        String info = String.join("\n",
                "",
                "xwininfo: Window id: 0x200007 \"pattern \"a\": b\"",
                "",
                "  Absolute upper-left X:  100",
                "  Absolute upper-left Y:  120",
                "  Relative upper-left X:  100",
                "  Relative upper-left Y:  120",
                "  Width: 320",
                "  Height: 240",
                "  Depth: 24",
                "  Map State: IsViewable",
                "  Corners:  +100+120  -380+120  -380-240  +100-240",
                "  -geometry 320x240+100+120",
                "");
        SharedWindow window = X11Windows.parseInfo(info).orElseThrow();
        assertEquals("0x200007", window.id());
        assertEquals("pattern \"a\": b", window.title());
        assertEquals(new Rectangle(100, 120, 320, 240), window.bounds());
    }

    @Test
    void aHiddenOrHalfReadWindowIsNotOffered() {
        String hidden = "xwininfo: Window id: 0x200007 \"x\"\n  Absolute upper-left X:  1\n  Absolute upper-left Y:  1\n"
                + "  Width: 320\n  Height: 240\n  Map State: IsUnMapped\n";
        assertTrue(X11Windows.parseInfo(hidden).isEmpty());
        String noSize = "xwininfo: Window id: 0x200007 \"x\"\n  Absolute upper-left X:  1\n  Absolute upper-left Y:  1\n"
                + "  Width: many\n  Height: 240\n  Map State: IsViewable\n";
        assertTrue(X11Windows.parseInfo(noSize).isEmpty());
        assertTrue(X11Windows.parseInfo("").isEmpty());
    }

    @Test
    void aTitleWithControlCharactersIsShownSafely() {
        SharedWindow window = new SharedWindow("0x1", "evil\u001b[2Jtitle", new Rectangle(0, 0, 100, 100));
        assertEquals("evil?[2Jtitle", window.label());
    }
}
