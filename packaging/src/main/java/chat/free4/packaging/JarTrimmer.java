package chat.free4.packaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Copies the app's jars into the installer input, leaving out resources the app never loads.
 * Only whole entries named here are dropped; a name that is not found fails the build, so a
 * library update that moves a resource cannot silently stop the trimming.
 */
final class JarTrimmer {
    /**
     * Gluon's emoji jar carries three sprite sheets of Apple's artwork (20, 32 and 64 px, 30 MB of
     * PNG). The app draws every emoji from its own Twemoji sheet (EmojiSheet) and uses only
     * Gluon's emoji data, so none of Apple's sheets is shipped (docs/decisions/0028-emoji-artwork.md).
     */
    static final Map<String, Set<String>> UNUSED = Map.of(
            "emoji-", Set.of("com/gluonhq/emoji/util/sheet_apple_20.png", "com/gluonhq/emoji/util/sheet_apple_32.png",
                    "com/gluonhq/emoji/util/sheet_apple_64.png"));

    private final Map<String, Set<String>> unused;

    JarTrimmer(Map<String, Set<String>> unused) {
        this.unused = unused;
    }

    /** Copies {@code jar} to {@code target}, without the unused entries of that jar (if any). */
    void copy(Path jar, Path target) {
        Set<String> drop = entriesToDrop(jar.getFileName().toString());
        try {
            if (drop.isEmpty()) {
                Files.copy(jar, target);
                return;
            }
            Set<String> dropped = new java.util.HashSet<>();
            try (ZipInputStream in = new ZipInputStream(Files.newInputStream(jar));
                 ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
                for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                    if (drop.contains(entry.getName())) {
                        dropped.add(entry.getName());
                        continue;
                    }
                    ZipEntry copy = new ZipEntry(entry.getName());
                    copy.setTime(entry.getTime());
                    out.putNextEntry(copy);
                    in.transferTo(out);
                    out.closeEntry();
                }
            }
            if (!dropped.equals(drop)) {
                Set<String> missing = new java.util.TreeSet<>(drop);
                missing.removeAll(dropped);
                throw new IllegalStateException(jar.getFileName() + " no longer holds " + missing
                        + ": update JarTrimmer.UNUSED (and check the app still finds what it loads)");
            }
            BuildLog.info("trimmed " + jar.getFileName() + ": left out " + List.copyOf(new java.util.TreeSet<>(drop)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy " + jar + " to " + target, e);
        }
    }

    private Set<String> entriesToDrop(String jarName) {
        return unused.entrySet().stream().filter(e -> jarName.startsWith(e.getKey()))
                .flatMap(e -> e.getValue().stream()).collect(java.util.stream.Collectors.toSet());
    }
}
