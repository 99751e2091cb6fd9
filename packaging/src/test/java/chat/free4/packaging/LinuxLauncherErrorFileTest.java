package chat.free4.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped Linux launcher script (decision 0029) starts the JVM with
 * {@code -XX:ErrorFile} in the app's log folder ($XDG_STATE_HOME, else ~/.local/state), which
 * it makes, so a native crash's hs_err lands where the next start offers it. Runs the real script
 * on a stand-in app image whose "java" prints its arguments.
 */
class LinuxLauncherErrorFileTest {
    @TempDir
    Path dir;
    private Path launcher;

    @BeforeEach
    void appImage() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "the launcher is a bash script; no /bin/bash here");
        Path root = dir.resolve("free4chat");
        Files.createDirectories(root.resolve("bin"));
        Files.createDirectories(root.resolve("lib/app"));
        Files.createDirectories(root.resolve("lib/runtime/bin"));
        launcher = Files.writeString(root.resolve("bin/free4chat"), "jpackage's native launcher");
        Files.writeString(root.resolve("lib/app/free4chat.cfg"),
                "[Application]\napp.classpath=$APPDIR/app.jar\napp.mainclass=chat.free4.Main\n");
        Path java = Files.writeString(root.resolve("lib/runtime/bin/java"), "#!/bin/bash\nprintf '%s\\n' \"$@\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        new LinuxLauncherScript().replaceLauncher(root);
    }

    @Test
    void hsErrGoesToTheStateFolderUnderHome() throws Exception {
        Path home = dir.resolve("home");
        List<String> args = run(Map.of("HOME", home.toString()));
        assertTrue(args.contains("-XX:ErrorFile=" + home + "/.local/state/free4chat/logs/hs_err_pid%p.log"), args.toString());
        assertTrue(Files.isDirectory(home.resolve(".local/state/free4chat/logs")), "the JVM makes no folders; the launcher does");
        assertEquals("chat.free4.Main", args.get(args.size() - 2), args.toString());
        assertEquals("--version", args.get(args.size() - 1));
    }

    @Test
    void xdgStateHomeWinsWhenItIsAbsolute() throws Exception {
        Path home = dir.resolve("home");
        Path state = dir.resolve("state");
        List<String> args = run(Map.of("HOME", home.toString(), "XDG_STATE_HOME", state.toString()));
        assertTrue(args.contains("-XX:ErrorFile=" + state + "/free4chat/logs/hs_err_pid%p.log"), args.toString());
        List<String> relative = run(Map.of("HOME", home.toString(), "XDG_STATE_HOME", "state"));
        assertTrue(relative.contains("-XX:ErrorFile=" + home + "/.local/state/free4chat/logs/hs_err_pid%p.log"),
                "a relative XDG_STATE_HOME is ignored, as the spec says: " + relative);
    }

    @Test
    void withoutHomeTheJvmKeepsItsOwnPlace() throws Exception {
        List<String> args = run(Map.of());
        assertTrue(args.stream().noneMatch(a -> a.startsWith("-XX:ErrorFile")), args.toString());
        assertEquals("chat.free4.Main", args.get(args.size() - 2), args.toString());
    }

    private List<String> run(Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(launcher.toString(), "--version").redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().put("PATH", "/usr/bin:/bin");
        pb.environment().putAll(env);
        Process p = pb.start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the launcher ended");
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.exitValue(), out);
        return out.lines().toList();
    }
}
