package chat.free4;

import chat.free4.cli.Cli;
import chat.free4.ui.AppOptions;
import chat.free4.ui.DesktopLauncher;
import java.io.PrintWriter;

/**
 * Entry point: without arguments (or with desktop options such as --relay) it starts the desktop
 * app; with a command (join, rooms, --version, --help) it runs the command line.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (AppOptions.isForDesktop(args)) {
            DesktopLauncher.main(args);
            return;
        }
        int code = Cli.run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        System.exit(code);
    }
}
