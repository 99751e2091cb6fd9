package chat.free4.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remembers which hidden {@code .part} files are being received, so that a download cut off by a
 * crash or a killed app is deleted at the next start ({@link #sweep()}) instead of lying beside
 * the person's files forever. One small entry file per download (the receiving process's id and
 * the partial file's path), in a directory of the app's own.
 */
public final class PartialFileJournal {
    private static final Logger LOG = LoggerFactory.getLogger(PartialFileJournal.class);
    private static final String ENTRY_SUFFIX = ".download";
    /** A process id and one path: far below this. */
    private static final long MAX_NOTE_BYTES = 8 * 1024;
    private static final PartialFileJournal NONE = new PartialFileJournal(null);

    private final Path directory;

    private PartialFileJournal(Path directory) {
        this.directory = directory;
    }

    /** A journal kept in {@code directory} (created when first needed). */
    public static PartialFileJournal in(Path directory) {
        return new PartialFileJournal(directory.toAbsolutePath());
    }

    /** For peers with no place of their own to keep it (tests, tools): remembers nothing. */
    public static PartialFileJournal none() {
        return NONE;
    }

    /** One download being written to {@code temp}; forget it once the file is moved or deleted. */
    public interface Entry {
        void forget();
    }

    /** Never fails a download: without the note only the clean-up after a crash is lost. */
    Entry record(Path temp) {
        if (directory == null) {
            return () -> { };
        }
        Path entry = directory.resolve(UUID.randomUUID() + ENTRY_SUFFIX);
        try {
            Files.createDirectories(directory);
            Files.writeString(entry, ProcessHandle.current().pid() + "\n" + temp.toAbsolutePath(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.warn("Could not note the download {} in {}", temp, directory, e);
            return () -> { };
        }
        return () -> {
            try {
                Files.deleteIfExists(entry);
            } catch (IOException e) {
                LOG.warn("Could not remove the download note {}", entry, e);
            }
        };
    }

    /**
     * Deletes the partial files of downloads that never ended (the app was killed or crashed).
     * Call once at start, before any new download. Only hidden {@code .part} files are touched,
     * whatever an entry says.
     *
     * @return how many partial files were deleted
     */
    public int sweep() {
        if (directory == null || !Files.isDirectory(directory)) {
            return 0;
        }
        int deleted = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, "*" + ENTRY_SUFFIX)) {
            for (Path entry : entries) {
                List<String> note = read(entry);
                if (writerStillRuns(note)) {
                    continue; // being received right now, by this or another instance of the app
                }
                if (deletePartialFile(entry, note)) {
                    deleted++;
                }
                Files.deleteIfExists(entry);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the download notes in " + directory, e);
        }
        if (deleted > 0) {
            LOG.info("Deleted {} unfinished download(s) left by an earlier run", deleted);
        }
        return deleted;
    }

    /** A note's lines; an unreadable or oversized note reads as empty and is dropped. */
    private static List<String> read(Path entry) {
        try {
            if (Files.size(entry) > MAX_NOTE_BYTES) {
                return List.of();
            }
            return Files.readAllLines(entry, StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.warn("Could not read the download note {}", entry, e);
            return List.of();
        }
    }

    private static boolean writerStillRuns(List<String> note) {
        try {
            long pid = Long.parseLong(note.isEmpty() ? "" : note.get(0).trim());
            // This process too: a download may start before the sweep at start-up has run.
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean deletePartialFile(Path entry, List<String> note) {
        try {
            if (note.size() != 2) {
                LOG.warn("Ignoring a download note that names no partial file: {}", entry);
                return false;
            }
            Path partial = Path.of(note.get(1).trim());
            String name = partial.getFileName() == null ? "" : partial.getFileName().toString();
            if (!partial.isAbsolute() || !name.startsWith(".") || !name.endsWith(".part")) {
                LOG.warn("Ignoring a download note that names no partial file: {}", entry);
                return false;
            }
            return Files.deleteIfExists(partial);
        } catch (IOException | InvalidPathException e) {
            LOG.warn("Could not clean up after the download noted in {}", entry, e);
            return false;
        }
    }
}
