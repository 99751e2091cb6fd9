package chat.free4.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/** The machine's load average, printed with every figure: other work on the machine skews them. */
final class Load {
    private Load() {
    }

    static String now() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2] + " (" + Runtime.getRuntime().availableProcessors() + " cores)";
        } catch (Exception e) {
            return "unknown";
        }
    }
}
