package chat.free4.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class JlinkOptionsFileTest {
    @Test
    void commentsAndBlankLinesAreDroppedAndOptionsSplitOnWhitespace() {
        List<String> args = JlinkOptionsFile.parse(List.of("# header", "", "--add-modules a,b  # why",
                "  --strip-debug", "--add-modules=c"));
        assertEquals(List.of("--add-modules", "a,b", "--strip-debug", "--add-modules=c"), args);
        assertEquals(List.of("a", "b", "c"), JlinkOptionsFile.modules(args));
    }

    @Test
    void theRepositoryJlinkConfStripsTheImageAndNamesJavafx() {
        List<String> args = JlinkOptionsFile.read(Path.of("../jlink.conf"));
        assertTrue(args.containsAll(List.of("--strip-java-debug-attributes", "--no-header-files", "--no-man-pages")), args.toString());
        assertTrue(JlinkOptionsFile.modules(args).containsAll(List.of("java.base", "jdk.crypto.ec", "javafx.controls")));
    }
}
