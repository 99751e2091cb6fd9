package chat.free4.packaging;

/** Progress lines of the installer build; it runs as a Maven step, so plain console output. */
final class BuildLog {
    private BuildLog() {
    }

    static void info(String line) {
        System.out.println("[installers] " + line);
    }
}
