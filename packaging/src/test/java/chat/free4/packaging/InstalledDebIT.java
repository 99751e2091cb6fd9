package chat.free4.packaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.free4.relay.config.RelayConfig;
import chat.free4.relay.RelayServer;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unpacks the .deb built in this run the way dpkg would install it, then starts what it
 * installed. A .deb is only built on Linux, hence the OS condition.
 */
@EnabledOnOs(OS.LINUX)
class InstalledDebIT {
    private static final String INSTALL_DIR = BuiltDeb.INSTALL_DIR;

    @TempDir
    static Path root;
    static Path deb;

    @BeforeAll
    static void installIntoTempRoot() throws Exception {
        deb = BuiltDeb.find();
        BuiltDeb.unpack(deb, root);
    }

    @Test
    void packageDependsOnLibpulseForWebrtc() throws Exception {
        String depends = ProcessRun.run(List.of("dpkg-deb", "-f", deb.toString(), "Depends"), Duration.ofSeconds(30))
                .assertSuccess("dpkg-deb -f").output();
        assertTrue(depends.matches("(?s).*\\blibpulse0\\b.*"), "Depends: " + depends);
        assertTrue(depends.matches("(?s).*\\bpulseaudio-utils\\b.*"), "Depends names pactl's package: " + depends);
        assertTrue(depends.matches("(?s).*\\blibasound2\\b.*"), "Depends names ALSA's library (no sound server): " + depends);
        assertTrue(depends.matches("(?s).*\\bespeak-ng\\b.*"), "Depends names the robots' voice: " + depends);
        assertFalse(depends.contains("xdg-utils"), "nothing runs xdg tools any more: " + depends);
    }

    @Test
    void packageVersionComesFromThePom() throws Exception {
        String version = ProcessRun.run(List.of("dpkg-deb", "-f", deb.toString(), "Version"), Duration.ofSeconds(30))
                .assertSuccess("dpkg-deb -f").output().trim();
        assertTrue(version.startsWith(numericPomVersion() + "-"), "Version: " + version);
    }

    @Test
    void installedLauncherPrintsTheVersionAndExitsZero() throws Exception {
        ProcessRun run = ProcessRun.run(List.of(launcher().toString(), "--version"), Duration.ofSeconds(60))
                .assertSuccess("free4chat --version");
        assertTrue(run.output().contains(numericPomVersion()), "--version printed:\n" + run.output());
    }

    @Test
    void launcherDoesNotAskThePackageManagerOnEveryStart(@TempDir Path fakeBin) throws Exception {
        Path asked = fakeBin.resolve("asked");
        for (String tool : List.of("dpkg", "dpkg-query", "rpm")) {
            Path fake = fakeBin.resolve(tool);
            Files.writeString(fake, "#!/bin/sh\necho \"" + tool + " $*\" >> '" + asked + "'\nexit 1\n");
            assertTrue(fake.toFile().setExecutable(true));
        }
        ProcessRun.run(List.of(launcher().toString(), "--version"),
                Map.of("PATH", fakeBin + File.pathSeparator + System.getenv("PATH")), Duration.ofSeconds(60))
                .assertSuccess("free4chat --version");
        assertFalse(Files.exists(asked), () -> "the launcher ran: " + readQuietly(asked));
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Test
    void installedLauncherJoinsARoomOnARealRelayHeadless() throws Exception {
        RelayServer relay = RelayServer.start(RelayConfig.defaults().withBind("127.0.0.1").withPort(0));
        try {
            ProcessRun run = ProcessRun.run(List.of(launcher().toString(), "join", "--relay", relay.uri().toString(),
                    "--room", "installed-check", "--name", "installer", "--tone", "440", "--seconds", "1",
                    "--levels-every", "0"), Duration.ofSeconds(90))
                    .assertSuccess("free4chat join");
            assertTrue(run.output().contains("joined room \"installed-check\" as installer"), run.output());
            assertTrue(run.output().contains("left the room"), run.output());
        } finally {
            relay.stop();
        }
    }

    @Test
    void installedDesktopAppShowsItsWindowUnderXvfb(@TempDir Path configDir) throws Exception {
        boolean asRoot = "root".equals(System.getProperty("user.name"));
        if (!asRoot && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("CI runs as root: this test needs a network namespace");
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(asRoot, "needs root: the app runs in a network namespace of its own");
        TestNamespace ns = null;
        int display = 100 + new java.util.Random().nextInt(800);
        Process xvfb = new ProcessBuilder("Xvfb", ":" + display, "-nolisten", "tcp", "-screen", "0", "1280x800x24")
                .redirectErrorStream(true).redirectOutput(configDir.resolve("xvfb.log").toFile()).start();
        Process app = null;
        try {
            Path socket = Path.of("/tmp/.X11-unix/X" + display);
            await("Xvfb :" + display).atMost(Duration.ofSeconds(30)).until(() -> Files.exists(socket) || !xvfb.isAlive());
            assertTrue(xvfb.isAlive(), "Xvfb did not start: " + Files.readString(configDir.resolve("xvfb.log")));
            // Its lobby starts LAN discovery: in a namespace of its own, no mDNS reaches a real network.
            ns = TestNamespace.create("win", "198.18.8.1");
            ProcessBuilder builder = new ProcessBuilder(ns.command(launcher().toString(), "--config-dir", configDir.toString()))
                    .redirectErrorStream(true).redirectOutput(configDir.resolve("app.log").toFile());
            builder.environment().put("DISPLAY", ":" + display);
            Process started = builder.start();
            app = started;
            await("the app's window").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                    .until(() -> !started.isAlive() || windowViewable(display));
            assertTrue(started.isAlive(), "the app exited with " + (started.isAlive() ? 0 : started.exitValue())
                    + ":\n" + Files.readString(configDir.resolve("app.log")));
        } finally {
            if (app != null) {
                app.destroy();
                if (!app.waitFor(20, TimeUnit.SECONDS)) {
                    app.destroyForcibly().waitFor();
                }
            }
            xvfb.destroy();
            xvfb.waitFor(20, TimeUnit.SECONDS);
            if (ns != null) {
                ns.close();
            }
        }
    }

    /** GTK adds an unmapped 10x10 leader window with the same title: any viewable one counts. */
    private static boolean windowViewable(int display) throws Exception {
        String tree = ProcessRun.run(List.of("xwininfo", "-display", ":" + display, "-root", "-tree"),
                Duration.ofSeconds(10)).output();
        java.util.regex.Matcher ids = java.util.regex.Pattern.compile("(0x[0-9a-f]+) \"free4chat\"").matcher(tree);
        while (ids.find()) {
            String info = ProcessRun.run(List.of("xwininfo", "-display", ":" + display, "-id", ids.group(1)),
                    Duration.ofSeconds(10)).output();
            if (info.contains("Map State: IsViewable")) {
                return true;
            }
        }
        return false;
    }

    @Test
    void installedRuntimeLoadsEveryModuleTlsAndTheWebrtcNativeLibrary() throws Exception {
        Path java = root.resolve(INSTALL_DIR + "/lib/runtime/bin/java");
        String classPath = root.resolve(INSTALL_DIR + "/lib/app") + File.separator + "*"
                + File.pathSeparator + Path.of("target/test-classes").toAbsolutePath();
        ProcessRun run = ProcessRun.run(List.of(java.toString(), "-cp", classPath,
                "chat.free4.packaging.probe.RuntimeProbe"), Duration.ofSeconds(90))
                .assertSuccess("runtime probe");
        assertTrue(run.output().contains("webrtc ok"), run.output());
        assertTrue(run.output().contains("emoji ok"), run.output());
    }

    @Test
    void menuEntryIconsAndCommandArePackageFiles() throws Exception {
        Path desktop = root.resolve(DebPackageFiles.DESKTOP_FILE);
        String entry = Files.readString(desktop);
        assertTrue(entry.contains("Icon=free4chat"), entry);
        assertTrue(entry.contains("Categories=Network;AudioVideo;Telephony;"), entry);
        // Invite links: the desktop hands free4chat:// links to the app (%u is the link).
        assertTrue(entry.lines().anyMatch(l -> l.equals("Exec=/" + INSTALL_DIR + "/bin/free4chat %u")), entry);
        assertTrue(entry.lines().anyMatch(l -> l.equals("MimeType=x-scheme-handler/free4chat;")), entry);
        ProcessRun valid = ProcessRun.run(List.of("sh", "-c", "command -v desktop-file-validate >/dev/null "
                + "&& desktop-file-validate \"$0\" || echo no-validator", desktop.toString()), Duration.ofSeconds(30));
        valid.assertSuccess("desktop-file-validate " + desktop);
        for (int size : new int[] {48, 128, 256}) {
            BufferedImage icon = ImageIO.read(root.resolve("usr/share/icons/hicolor/" + size + "x" + size
                    + "/apps/free4chat.png").toFile());
            assertEquals(size, icon.getWidth());
        }
        Path command = root.resolve("usr/bin/free4chat");
        assertTrue(Files.isSymbolicLink(command), "free4chat is on the PATH");
        assertEquals(Path.of("/" + INSTALL_DIR + "/bin/free4chat"), Files.readSymbolicLink(command));
    }

    private static Path launcher() throws IOException {
        Path launcher = root.resolve(INSTALL_DIR + "/bin/free4chat");
        assertTrue(Files.isExecutable(launcher), "launcher missing: " + launcher);
        return launcher;
    }

    static String numericPomVersion() {
        return System.getProperty("project.version").split("-", 2)[0];
    }
}
