package chat.free4.ui;

import chat.free4.AppVersion;
import chat.free4.invite.InvalidInviteLinkException;
import chat.free4.logging.CrashReporter;
import chat.free4.logging.LogDirectory;
import chat.free4.logging.LogFile;
import java.nio.file.Path;
import chat.free4.ui.settings.ConfigDirectory;
import java.util.Optional;
import javafx.application.Application;

/**
 * Starts the JavaFX app. A separate class because a main class that extends Application refuses
 * to start when JavaFX is on the class path instead of the module path.
 */
public final class DesktopLauncher {
    private DesktopLauncher() {
    }

    public static void main(String[] args) {
        diagnostics();
        AppOptions options = null;
        try {
            options = AppOptions.parse(java.util.List.of(args));
        } catch (InvalidInviteLinkException e) {
            refusedLink(args, e.getMessage());
            return; // the app starts without a room and says why
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
        if (options.invite().isPresent()) {
            // A second launch (the desktop's link handler, or free4chat LINK in a shell): the app
            // already open on this config folder takes the link, and this one ends.
            Optional<String> answer = RunningApp.handOver(options.configDir().orElseGet(ConfigDirectory::resolve),
                    options.invite().get().format());
            if (answer.isPresent()) {
                System.out.println(answer.get());
                System.exit(0);
            }
        }
        StartupWarmUp.begin();
        Application.launch(DesktopApp.class, args);
    }

    /**
     * The desktop's log file and crash reports, before anything else can fail. Here rather than in
     * DesktopApp so tests that start the app in their JVM keep their own logging and handlers
     * (the log privacy test calls this in a JVM of its own).
     */
    public static void diagnostics() {
        Path logs = LogDirectory.resolve();
        LogFile.attach(logs);
        CrashReporter.install(logs, AppVersion.get());
    }

    /**
     * Started with a link that cannot be followed (the desktop's link handler has no terminal to
     * print to): the sentence goes to the app already open, which shows it, or a new app starts,
     * joins nothing and shows it in the lobby. The shell sees it on stderr either way.
     */
    private static void refusedLink(String[] args, String sentence) {
        System.err.println(sentence);
        AppOptions rest;
        try {
            rest = AppOptions.parse(java.util.List.of(args).subList(1, args.length));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (RunningApp.handOver(rest.configDir().orElseGet(ConfigDirectory::resolve), args[0]).isPresent()) {
            System.exit(2);
        }
        StartupWarmUp.begin();
        Application.launch(DesktopApp.class, args);
    }
}
