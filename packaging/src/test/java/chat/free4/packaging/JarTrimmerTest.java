package chat.free4.packaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JarTrimmerTest {
    @TempDir
    Path dir;

    private final JarTrimmer trimmer = new JarTrimmer(Map.of("emoji-", Set.of("sheets/big.png")));

    @Test
    void leavesOutTheNamedEntriesAndKeepsEveryOtherByteForByte() throws IOException {
        Path jar = jar("emoji-1.0.jar", Map.of("sheets/big.png", "BIG", "sheets/small.png", "small",
                "a/B.class", "code"));
        Path out = dir.resolve("out.jar");
        trimmer.copy(jar, out);
        assertEquals(Map.of("sheets/small.png", "small", "a/B.class", "code"), read(out));
    }

    @Test
    void otherJarsAreCopiedUnchanged() throws IOException {
        Path jar = jar("gson-2.jar", Map.of("sheets/big.png", "kept here"));
        Path out = dir.resolve("out.jar");
        trimmer.copy(jar, out);
        assertArrayEquals(Files.readAllBytes(jar), Files.readAllBytes(out));
    }

    @Test
    void aNamedEntryThatIsGoneFailsTheBuild() throws IOException {
        Path jar = jar("emoji-2.0.jar", Map.of("sheets/renamed.png", "BIG"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> trimmer.copy(jar, dir.resolve("out.jar")));
        assertTrue(e.getMessage().contains("sheets/big.png"), e.getMessage());
    }

    private Path jar(String name, Map<String, String> entries) throws IOException {
        Path jar = dir.resolve(name);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(jar))) {
            for (Map.Entry<String, String> e : new TreeMap<>(entries).entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return jar;
    }

    private static Map<String, String> read(Path jar) throws IOException {
        Map<String, String> entries = new TreeMap<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                entries.put(e.getName(), new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }
}
