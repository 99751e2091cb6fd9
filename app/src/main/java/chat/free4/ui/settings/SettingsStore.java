package chat.free4.ui.settings;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and writes {@link Settings} as {@code settings.json} in the config directory. A file that
 * cannot be read is kept aside as {@code settings.json.broken} and the defaults are used, so a
 * damaged file never stops the app from starting and is never silently lost.
 */
public final class SettingsStore {
    private static final Logger LOG = LoggerFactory.getLogger(SettingsStore.class);
    private static final String FILE_NAME = "settings.json";

    private final Path file;
    private final Gson gson = new GsonBuilder().setPrettyPrinting().create();

    public SettingsStore(Path directory) {
        this.file = directory.resolve(FILE_NAME);
    }

    public static SettingsStore forCurrentUser() {
        return new SettingsStore(ConfigDirectory.resolve());
    }

    public Path file() {
        return file;
    }

    public Settings load() {
        if (!Files.exists(file)) {
            return Settings.defaults();
        }
        try {
            Settings loaded = gson.fromJson(Files.readString(file, StandardCharsets.UTF_8), Settings.class);
            // Records are built through their canonical constructor, so missing fields get defaults.
            return loaded == null ? Settings.defaults() : loaded;
        } catch (IOException | JsonParseException e) {
            LOG.warn("Settings file {} could not be read ({}); starting with defaults", file, e.getMessage());
            keepBrokenCopy();
            return Settings.defaults();
        }
    }

    /** Writes atomically (temp file + move) so a crash mid-write leaves the old file intact. */
    public void save(Settings settings) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(FILE_NAME + ".tmp");
            Files.writeString(tmp, gson.toJson(settings), StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not save settings to " + file + ": " + e.getMessage()
                    + ". Check that the folder is writable.", e);
        }
    }

    private void keepBrokenCopy() {
        try {
            Files.move(file, file.resolveSibling(FILE_NAME + ".broken"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            LOG.warn("Could not move the unreadable settings file aside: {}", e.getMessage());
        }
    }
}
