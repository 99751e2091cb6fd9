package chat.free4.packaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads jlink.conf. The in-process jlink tool does not expand {@code @file} arguments (only the
 * jlink launcher does), so the file is parsed here with the launcher's rules that matter to us:
 * {@code #} starts a comment, options are separated by whitespace. The same file therefore still
 * works as {@code jlink @jlink.conf ...} on a command line.
 */
final class JlinkOptionsFile {
    private JlinkOptionsFile() {
    }

    static List<String> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("jlink options file not found: " + file);
        }
        try {
            return parse(Files.readAllLines(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    static List<String> parse(List<String> lines) {
        List<String> args = new ArrayList<>();
        for (String line : lines) {
            int comment = line.indexOf('#');
            String content = comment >= 0 ? line.substring(0, comment) : line;
            for (String token : content.trim().split("\\s+")) {
                if (!token.isEmpty()) {
                    args.add(token);
                }
            }
        }
        return args;
    }

    /** The modules named by {@code --add-modules} options (either form: space or '='). */
    static List<String> modules(List<String> args) {
        List<String> modules = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String value = null;
            if (args.get(i).equals("--add-modules") && i + 1 < args.size()) {
                value = args.get(++i);
            } else if (args.get(i).startsWith("--add-modules=")) {
                value = args.get(i).substring("--add-modules=".length());
            }
            if (value != null) {
                for (String m : value.split(",")) {
                    if (!m.isBlank()) {
                        modules.add(m.trim());
                    }
                }
            }
        }
        return modules;
    }
}
