package chat.free4.chat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Saves a chat transcript as plain UTF-8 text, only when the person asks. Written to a temporary
 * file beside the target and moved into place, so a failed save never leaves half a file.
 */
public final class TranscriptWriter {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ZoneId zone;

    public TranscriptWriter(ZoneId zone) {
        this.zone = zone;
    }

    public String format(List<ChatMessage> lines) {
        StringBuilder out = new StringBuilder();
        for (ChatMessage m : lines) {
            out.append('[').append(TIME.format(Instant.ofEpochMilli(m.sentAtMillis()).atZone(zone))).append("] ");
            if (m.isSystem()) {
                out.append("* ").append(m.text());
            } else {
                out.append(m.senderName()).append(": ").append(m.text().replace("\n", "\n    "));
            }
            out.append(System.lineSeparator());
        }
        return out.toString();
    }

    /** @throws IOException with the reason the file could not be written */
    public void save(List<ChatMessage> lines, Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(dir, ".transcript-", ".part");
        try {
            Files.writeString(temp, format(lines), StandardCharsets.UTF_8);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
