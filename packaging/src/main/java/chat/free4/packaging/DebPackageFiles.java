package chat.free4.packaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Adds the menu entry, the icons and a {@code free4chat} command on the PATH to the .deb as files
 * the package owns, instead of jpackage's {@code --linux-shortcut}, whose maintainer scripts run
 * {@code xdg-desktop-menu}: on a minimal Debian that exits 3 ("No writable system menu directory
 * found"), which left the package half-configured and impossible to remove (issue 19). Package files
 * need no script: dpkg installs and removes them, and Debian's desktop-file-utils and
 * hicolor-icon-theme triggers refresh the menu and icon caches where those are installed.
 */
final class DebPackageFiles {
    static final String DESKTOP_FILE = "usr/share/applications/" + AppIdentity.NAME + ".desktop";
    static final String COMMAND_LINK = "usr/bin/" + AppIdentity.NAME;
    static final int[] ICON_SIZES = {48, 128, 256};

    private DebPackageFiles() {
    }

    /** Rewrites {@code deb} in place with the files added. */
    static void addTo(Path deb, Path work) {
        Path tree = work.resolve("deb-tree");
        Files2.deleteRecursively(tree);
        run(List.of("dpkg-deb", "-R", deb.toString(), tree.toString()));
        try {
            Path desktop = tree.resolve(DESKTOP_FILE);
            Files.createDirectories(desktop.getParent());
            Files.writeString(desktop, BuildResources.text("deb/free4chat.desktop")
                    .replace("APPLICATION_LAUNCHER", InstallTimeArchive.DEB_APP_DIR + "/bin/" + AppIdentity.NAME)
                    .replace("APPLICATION_NAME", AppIdentity.NAME)
                    .replace("APPLICATION_DESCRIPTION", AppIdentity.DESCRIPTION)
                    .replace("APPLICATION_ICON", AppIdentity.NAME)
                    .replace("DEPLOY_BUNDLE_CATEGORY", "Network;AudioVideo;Telephony;"));
            IconWriter icons = new IconWriter();
            for (int size : ICON_SIZES) {
                icons.writePng(tree.resolve(iconPath(size)), size);
            }
            Path link = tree.resolve(COMMAND_LINK);
            Files.createDirectories(link.getParent());
            Files.deleteIfExists(link);
            Files.createSymbolicLink(link, Path.of(InstallTimeArchive.DEB_APP_DIR, "bin", AppIdentity.NAME));
            // jpackage integrates with the desktop whenever the app has an icon: a .desktop file in
            // lib/ and xdg-desktop-menu in postinst and prerm. Those lines, the file and the
            // xdg-utils dependency go; the package's own files above replace them.
            Files.deleteIfExists(tree.resolve(InstallTimeArchive.DEB_APP_DIR.substring(1) + "/lib/"
                    + AppIdentity.NAME + "-" + AppIdentity.NAME + ".desktop"));
            for (String script : List.of("preinst", "postinst", "prerm", "postrm")) {
                withoutXdgCalls(tree.resolve("DEBIAN").resolve(script));
            }
            rewriteControl(tree.resolve("DEBIAN/control"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot add the menu entry and icons to " + deb, e);
        }
        // dpkg-deb warns when the tree's owner is not root; --root-owner-group makes every file root's.
        run(List.of("fakeroot", "dpkg-deb", "--root-owner-group", "-Zxz", "--build", tree.toString(), deb.toString()));
        Files2.deleteRecursively(tree);
    }

    static String iconPath(int size) {
        return "usr/share/icons/hicolor/" + size + "x" + size + "/apps/" + AppIdentity.NAME + ".png";
    }

    /** Drops every line that runs an xdg tool; the script keeps its mode. */
    static void withoutXdgCalls(Path script) throws IOException {
        if (!Files.exists(script)) {
            return;
        }
        StringBuilder out = new StringBuilder();
        for (String line : Files.readAllLines(script)) {
            if (!line.strip().startsWith("xdg-")) {
                out.append(line).append('\n');
            }
        }
        Files.writeString(script, out.toString());
    }

    /** No xdg-utils in Depends; Installed-Size (KiB) grows by a rounded-up 64 for the added files. */
    private static void rewriteControl(Path control) throws IOException {
        StringBuilder out = new StringBuilder();
        for (String line : Files.readAllLines(control)) {
            if (line.startsWith("Installed-Size:")) {
                long kib = Long.parseLong(line.substring("Installed-Size:".length()).trim());
                line = "Installed-Size: " + (kib + 64);
            } else if (line.startsWith("Depends:")) {
                List<String> kept = java.util.Arrays.stream(line.substring("Depends:".length()).split(","))
                        .map(String::strip).filter(d -> !d.isEmpty() && !d.startsWith("xdg-utils")).distinct().toList();
                line = "Depends: " + String.join(", ", kept);
            }
            out.append(line).append('\n');
        }
        Files.writeString(control, out.toString());
    }

    private static void run(List<String> command) {
        BuildLog.info(String.join(" ", command));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + new String(output));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + command.get(0), e);
        }
    }
}
