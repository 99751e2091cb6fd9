package chat.free4;

import chat.free4.ui.AppOptions;
import chat.free4.ui.DesktopLauncher;

/** Entry point of the desktop app and the headless command-line peer. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // No arguments (or only desktop options such as --relay): start the desktop app.
        if (AppOptions.isForDesktop(args)) {
            DesktopLauncher.main(args);
            return;
        }
        System.out.println("free4chat " + Main.class.getPackage().getImplementationVersion());
    }
}
