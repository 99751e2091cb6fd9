package chat.free4.packaging;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The .deb's class-data archives: the shipped one holds JDK and JavaFX classes recorded from a
 * real start of the app, and the install-time step adds the app's own classes for where it is
 * installed. Checked with -Xshare:on, which makes the JVM refuse to start on an unusable archive.
 */
@EnabledOnOs(OS.LINUX)
class DebStartupArchiveIT {
    @Test
    void shippedRuntimeArchiveHoldsTheJavaFxClassesTheAppStartsWith(@TempDir Path root) throws Exception {
        BuiltDeb.unpack(BuiltDeb.find(), root);
        Path java = root.resolve(BuiltDeb.INSTALL_DIR + "/lib/runtime/bin/java");
        String dictionary = ProcessRun.run(List.of(java.toString(), "-Xshare:on", "-XX:+PrintSharedArchiveAndExit",
                "-XX:+PrintSharedDictionary"), Duration.ofSeconds(60)).assertSuccess("print the shared archive").output();
        assertTrue(dictionary.contains("archive is valid"), dictionary);
        // Only a recorded start loads these; the JDK's default class list has no JavaFX at all.
        for (String recorded : List.of("javafx.stage.Stage", "com.sun.javafx.tk.quantum.QuantumToolkit",
                "javafx.scene.control.skin.LabelSkin")) {
            assertTrue(dictionary.contains(recorded), recorded + " is not in the shipped archive");
        }
    }

    /**
     * Runs the package's real postinst as dpkg would after unpacking, at the real install path:
     * in a private mount namespace where the unpacked /opt is mounted over /opt, so nothing
     * outside the test changes. xdg-desktop-menu is a recording fake that must not be called.
     */
    @Test
    void postinstAddsTheAppsOwnClassesForTheInstalledLocation(@TempDir Path root, @TempDir Path control,
            @TempDir Path fakeBin) throws Exception {
        Path deb = BuiltDeb.find();
        BuiltDeb.controlFiles(deb, control);
        BuiltDeb.unpack(deb, root);
        Path menuCalls = fakeBin.resolve("menu-calls");
        Path menu = fakeBin.resolve("xdg-desktop-menu");
        Files.writeString(menu, "#!/bin/sh\necho \"$*\" >> '" + menuCalls + "'\n");
        assertTrue(menu.toFile().setExecutable(true));

        String asInstalled = String.join("\n",
                "set -e",
                "mount --bind \"$1/opt\" /opt",
                "PATH=\"$2:$PATH\" sh \"$3\" configure",
                "echo postinst-done",
                // The launcher's class path must match the archive's, or the JVM would ignore it;
                // -Xshare:on turns that into a failure.
                "JAVA_TOOL_OPTIONS='-Xshare:on -XX:+PrintSharedArchiveAndExit -XX:+PrintSharedDictionary' "
                        + "/" + BuiltDeb.INSTALL_DIR + "/bin/free4chat --version");
        String output = ProcessRun.run(List.of("unshare", "--mount", "--propagation", "private", "sh", "-c",
                asInstalled, "sh", root.toString(), fakeBin.toString(), control.resolve("postinst").toString()),
                Duration.ofMinutes(3)).assertSuccess("postinst configure, then the launcher").output();

        assertTrue(output.contains("postinst-done"), output);
        assertTrue(output.contains("archive is valid"), output);
        for (String appClass : List.of("chat.free4.ui.MainWindow", "atlantafx.base.theme.PrimerLight",
                "com.google.gson.Gson")) {
            assertTrue(output.contains(appClass + " app_loader"), appClass + " is not in the installed archive");
        }
        // The menu entry is a package file now: no maintainer script may depend on xdg-desktop-menu,
        // which fails on a minimal Debian (issue 19).
        assertFalse(Files.exists(menuCalls), "postinst called xdg-desktop-menu");
        for (String script : List.of("postinst", "prerm", "postrm", "preinst")) {
            Path file = control.resolve(script);
            if (Files.exists(file)) {
                assertFalse(Files.readString(file).contains("xdg-"), script + " calls an xdg tool");
            }
        }
        assertTrue(Files.exists(root.resolve(BuiltDeb.INSTALL_DIR + "/lib/app/" + InstallTimeArchive.SCRIPT)));
    }
}
