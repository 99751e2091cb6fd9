package chat.free4.board;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A strokes file (docs/PROTOCOL.md, "Strokes files"): one command a line, replayed on a board by
 * {@code free4chat join --draw FILE}. {@code pen #RRGGBB WIDTH X,Y X,Y ...}, {@code eraser WIDTH
 * X,Y ...}, {@code line #RRGGBB WIDTH X,Y X,Y}, {@code undo}, {@code redo}, {@code clear}; blank
 * lines and lines starting with {@code #} are skipped. Checked whole before anything is drawn.
 */
public final class StrokeScript {
    /** A few hundred thousand strokes' worth: more is not a drawing. */
    public static final long MAX_FILE_BYTES = 16L * 1024 * 1024;

    private final List<Command> commands;

    private StrokeScript(List<Command> commands) {
        this.commands = List.copyOf(commands);
    }

    /** One line of the file. */
    public sealed interface Command permits Draw, Undo, Redo, Clear {
    }

    public record Draw(int rgb, int width, boolean eraser, int[] xy) implements Command {
    }

    public record Undo() implements Command {
    }

    public record Redo() implements Command {
    }

    public record Clear() implements Command {
    }

    public List<Command> commands() {
        return commands;
    }

    /** @throws IllegalArgumentException with a sentence naming the line that is wrong */
    public static StrokeScript read(Path file, BoardLimits limits) throws IOException {
        if (Files.size(file) > MAX_FILE_BYTES) {
            throw new IllegalArgumentException("The strokes file " + file + " is over " + MAX_FILE_BYTES / (1024 * 1024) + " MB.");
        }
        return parse(Files.readAllLines(file, StandardCharsets.UTF_8), limits);
    }

    public static StrokeScript parse(List<String> lines, BoardLimits limits) {
        List<Command> out = new ArrayList<>();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                out.add(command(line.split("\\s+"), limits));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Line " + (n + 1) + " of the strokes file: " + e.getMessage());
            }
        }
        return new StrokeScript(out);
    }

    private static Command command(String[] w, BoardLimits limits) {
        String verb = w[0].toLowerCase(Locale.ROOT);
        switch (verb) {
            case "undo", "redo", "clear" -> {
                if (w.length != 1) {
                    throw new IllegalArgumentException("'" + verb + "' takes nothing after it.");
                }
                return verb.equals("undo") ? new Undo() : verb.equals("redo") ? new Redo() : new Clear();
            }
            case "pen", "line" -> {
                if (w.length < 4) {
                    throw new IllegalArgumentException("'" + verb + "' needs a colour (#RRGGBB), a width and points (X,Y).");
                }
                Draw d = new Draw(colour(w[1]), width(w[2], limits), false, points(w, 3, limits));
                if (verb.equals("line") && d.xy().length != 4) {
                    throw new IllegalArgumentException("'line' needs exactly two points.");
                }
                return d;
            }
            case "eraser" -> {
                if (w.length < 3) {
                    throw new IllegalArgumentException("'eraser' needs a width and points (X,Y).");
                }
                return new Draw(BoardRenderer.BACKGROUND, width(w[1], limits), true, points(w, 2, limits));
            }
            default -> throw new IllegalArgumentException("'" + w[0] + "' is not pen, line, eraser, undo, redo or clear.");
        }
    }

    private static int colour(String s) {
        if (!s.matches("#[0-9A-Fa-f]{6}")) {
            throw new IllegalArgumentException("a colour is written #RRGGBB, e.g. #1E90FF.");
        }
        return Integer.parseInt(s.substring(1), 16);
    }

    private static int width(String s, BoardLimits limits) {
        int w = number(s, "width");
        if (w < 1 || w > limits.maxPenWidth()) {
            throw new IllegalArgumentException("a width is 1 to " + limits.maxPenWidth() + ".");
        }
        return w;
    }

    private static int[] points(String[] w, int from, BoardLimits limits) {
        int count = w.length - from;
        if (count > limits.maxPointsPerStroke()) {
            throw new IllegalArgumentException("a stroke has at most " + limits.maxPointsPerStroke() + " points.");
        }
        int[] xy = new int[count * 2];
        for (int i = 0; i < count; i++) {
            String[] p = w[from + i].split(",", -1);
            if (p.length != 2) {
                throw new IllegalArgumentException("a point is written X,Y, e.g. 120,80.");
            }
            xy[2 * i] = number(p[0], "x");
            xy[2 * i + 1] = number(p[1], "y");
            if (xy[2 * i] < 0 || xy[2 * i] >= limits.width() || xy[2 * i + 1] < 0 || xy[2 * i + 1] >= limits.height()) {
                throw new IllegalArgumentException("the point " + w[from + i] + " is outside the board (0,0 to "
                        + (limits.width() - 1) + "," + (limits.height() - 1) + ").");
            }
        }
        return xy;
    }

    private static int number(String s, String what) {
        if (!s.matches("\\d{1,5}")) {
            throw new IllegalArgumentException("the " + what + " '" + (s.length() > 12 ? s.substring(0, 12) + "…" : s)
                    + "' is not a whole number.");
        }
        return Integer.parseInt(s);
    }

    /** Draws every command on {@code board}, at most {@code perSecond} after a first burst (the board's live rate). */
    public int replay(BoardService board, Pacer pacer) throws BoardRefusedException, InterruptedException {
        int done = 0;
        for (Command c : commands) {
            pacer.next();
            if (c instanceof Draw d) {
                board.draw(d.rgb(), d.width(), d.eraser(), d.xy());
            } else if (c instanceof Undo) {
                board.undo();
            } else if (c instanceof Redo) {
                board.redo();
            } else {
                board.clear();
            }
            done++;
        }
        return done;
    }

    /** Keeps a replay within a rate, so peers' live limits never refuse it. */
    public interface Pacer {
        void next() throws InterruptedException;

        static Pacer none() {
            return () -> { };
        }

        /** {@code burst} at once, then {@code perSecond}. */
        static Pacer of(int burst, double perSecond) {
            long start = System.nanoTime();
            int[] n = {0};
            return () -> {
                long due = start + (long) (Math.max(0, n[0] - burst) * 1e9 / perSecond);
                n[0]++;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    java.util.concurrent.TimeUnit.NANOSECONDS.sleep(wait);
                }
            };
        }
    }
}
