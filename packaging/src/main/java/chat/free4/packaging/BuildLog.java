package chat.free4.packaging;

/** Progress lines of the installer build; it runs as a Maven step, so plain console output. */
final class BuildLog {
    private BuildLog() {
    }

    static void info(String line) {
        System.out.println("[installers] " + line);
    }

    /** The last lines of a tool's log, for a warning (whole logs of JVM runs are thousands of lines). */
    static String tail(java.nio.file.Path log, int lines) throws java.io.IOException {
        java.util.List<String> all = java.nio.file.Files.readAllLines(log);
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }
}
