package chat.free4.robot;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A game's words or questions: a plain text file the host can replace, one item per line; blank
 * lines and lines starting with {@code #} are skipped. A guessing item is
 * {@code word | clue | clue ...}.
 */
public final class QuestionBank {
    static final int MAX_BYTES = 256 * 1024;
    static final int MAX_LINE = 300;

    private final List<String> items;

    private QuestionBank(List<String> items) {
        this.items = List.copyOf(items);
    }

    /**
     * @throws IllegalArgumentException with a sentence: no such file, too large, empty, a line too long
     */
    public static QuestionBank read(Path file) {
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new IllegalArgumentException("The question bank " + file + " is larger than 256 KB.");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("There is no question bank " + file + ".");
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read the question bank " + file + ".");
        }
        return parse(new String(bytes, StandardCharsets.UTF_8), "The question bank " + file);
    }

    /** The bank shipped for a game ({@code /chat/free4/robot/NAME.txt}). */
    static QuestionBank builtIn(String game) {
        try (InputStream in = QuestionBank.class.getResourceAsStream(game + ".txt")) {
            if (in == null) {
                throw new IllegalStateException("The built-in question bank for " + game + " is missing.");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "The built-in question bank");
        } catch (IOException e) {
            throw new IllegalStateException("The built-in question bank for " + game + " cannot be read.");
        }
    }

    static QuestionBank parse(String text, String what) {
        List<String> items = new ArrayList<>();
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.length() > MAX_LINE) {
                throw new IllegalArgumentException(what + " has a line longer than " + MAX_LINE
                        + " characters (line " + (i + 1) + ").");
            }
            items.add(line);
        }
        if (items.isEmpty()) {
            throw new IllegalArgumentException(what + " has no questions in it.");
        }
        return new QuestionBank(items);
    }

    public List<String> items() {
        return items;
    }

    /** The item for round {@code round} (from 0), going round the bank again when it has fewer. */
    public String item(int round) {
        return items.get(round % items.size());
    }

    public int size() {
        return items.size();
    }
}
