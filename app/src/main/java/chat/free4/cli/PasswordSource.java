package chat.free4.cli;

import chat.free4.signaling.RoomPassword;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * Where {@code free4chat join} takes a room password from: a file ({@code --password-file}) or the
 * environment ({@value #ENVIRONMENT}). Never a command-line argument, which every user of the
 * machine sees in {@code ps}.
 */
final class PasswordSource {
    static final String ENVIRONMENT = "FREE4CHAT_ROOM_PASSWORD";

    private PasswordSource() {
    }

    /**
     * The file's first line (without its line break) if a file is named, else the environment
     * value if it is set and not empty, else none.
     *
     * @throws IllegalArgumentException with a sentence when the file cannot be read or is empty
     */
    static Optional<RoomPassword> read(Path file, String environment) {
        if (file != null) {
            byte[] bytes;
            try {
                if (Files.size(file) > 4 * RoomPassword.MAX_LENGTH + 2) {
                    throw new IllegalArgumentException("The password file " + file + " is too long for a password.");
                }
                bytes = Files.readAllBytes(file);
            } catch (NoSuchFileException e) {
                throw new IllegalArgumentException("There is no password file " + file + ".");
            } catch (IOException e) {
                throw new IllegalArgumentException("The password file " + file + " cannot be read.");
            }
            char[] chars = null;
            try {
                CharBuffer decoded = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes));
                int end = 0;
                while (end < decoded.limit() && decoded.get(end) != '\n' && decoded.get(end) != '\r') {
                    end++;
                }
                chars = new char[end];
                decoded.get(chars, 0, end);
                Arrays.fill(decoded.array(), '\0');
                if (chars.length == 0) {
                    throw new IllegalArgumentException("The password file " + file + " is empty.");
                }
                return Optional.of(RoomPassword.of(chars));
            } catch (CharacterCodingException e) {
                throw new IllegalArgumentException("The password file " + file + " is not UTF-8 text.");
            } finally {
                Arrays.fill(bytes, (byte) 0);
                if (chars != null) {
                    Arrays.fill(chars, '\0');
                }
            }
        }
        if (environment != null && !environment.isEmpty()) {
            char[] chars = environment.toCharArray();
            try {
                return Optional.of(RoomPassword.of(chars));
            } finally {
                Arrays.fill(chars, '\0');
            }
        }
        return Optional.empty();
    }
}
