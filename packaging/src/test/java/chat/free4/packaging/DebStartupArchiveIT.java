package chat.free4.packaging;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
    private static final String SCRIPT = "/" + BuiltDeb.INSTALL_DIR + "/lib/app/" + InstallTimeArchive.SCRIPT;

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

    @Test
    void postinstAddsTheAppsOwnClassesForTheInstalledLocation(@TempDir Path root, @TempDir Path control)
            throws Exception {
        Path deb = BuiltDeb.find();
        BuiltDeb.controlFiles(deb, control);
        String postinst = Files.readString(control.resolve("postinst"));
        assertTrue(postinst.contains("sh '" + SCRIPT + "' || true"), "postinst does not run the script:\n" + postinst);
        assertTrue(postinst.contains("xdg-desktop-menu install"), "jpackage's own postinst steps are gone:\n" + postinst);

        BuiltDeb.unpack(deb, root);
        Path script = root.resolve(SCRIPT.substring(1));
        ProcessRun.run(List.of("sh", script.toString()), Duration.ofMinutes(3)).assertSuccess("make-startup-archive.sh");

        // The launcher's own class path must match the one the archive was made for, or the JVM
        // would ignore it (-Xshare:on turns that into a failure).
        Path launcher = root.resolve(BuiltDeb.INSTALL_DIR + "/bin/free4chat");
        String dictionary = ProcessRun.run(List.of(launcher.toString(), "--version"),
                Map.of("JAVA_TOOL_OPTIONS", "-Xshare:on -XX:+PrintSharedArchiveAndExit -XX:+PrintSharedDictionary"),
                Duration.ofSeconds(60)).assertSuccess("the launcher with the archive required").output();
        assertTrue(dictionary.contains("archive is valid"), dictionary);
        for (String appClass : List.of("chat.free4.ui.MainWindow", "atlantafx.base.theme.PrimerLight",
                "com.google.gson.Gson")) {
            assertTrue(dictionary.contains(appClass + " app_loader"), appClass + " is not in the installed archive");
        }
        ProcessRun.run(List.of(launcher.toString(), "--version"), Duration.ofSeconds(60)).assertSuccess("--version");
    }
}
