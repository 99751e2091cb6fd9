package chat.free4.packaging;

import java.util.List;

/** The installer formats jpackage builds, with what each needs from its platform. */
enum InstallerType {
    DEB("deb", Platform.LINUX, List.of("dpkg-deb", "fakeroot"), List.of(
            "--linux-package-name", AppIdentity.PACKAGE_NAME,
            "--linux-deb-maintainer", AppIdentity.MAINTAINER_EMAIL,
            "--linux-menu-group", "Network;AudioVideo;Telephony",
            "--linux-app-category", "net",
            // No --linux-shortcut: its scripts run xdg-desktop-menu, which fails on a minimal
            // Debian; the menu entry and icons are package files instead (DebPackageFiles).
            // webrtc-java's native library links libpulse.so.0 even when no sound device is used;
            // pactl lists the sound devices and puts the app's streams on the chosen one (decision 0012);
            // libasound2: plain ALSA when no sound server runs; espeak-ng: the robots' voice (issue 17).
            "--linux-package-deps", "libpulse0, pulseaudio-utils, libasound2, espeak-ng")),
    RPM("rpm", Platform.LINUX, List.of("rpmbuild"), List.of(
            "--linux-package-name", AppIdentity.PACKAGE_NAME,
            "--linux-menu-group", "Network;AudioVideo;Telephony",
            "--linux-app-category", "Applications/Internet",
            "--linux-shortcut",
            "--linux-package-deps", "pulseaudio-libs, pulseaudio-utils, alsa-lib, espeak-ng")),
    MSI("msi", Platform.WINDOWS, List.of(), List.of(
            "--win-menu",
            "--win-menu-group", AppIdentity.NAME,
            "--win-shortcut",
            "--win-dir-chooser",
            "--win-per-user-install",
            // Fixed so a newer .msi upgrades an installed one instead of installing beside it.
            "--win-upgrade-uuid", "3f4c2a8e-5b1d-4e0a-9c7e-f4c4a7d0c001")),
    DMG("dmg", Platform.MACOS, List.of(), List.of(
            "--mac-package-identifier", AppIdentity.MAC_BUNDLE_ID,
            "--mac-package-name", AppIdentity.NAME));

    private final String jpackageType;
    private final Platform platform;
    private final List<String> requiredCommands;
    private final List<String> options;

    InstallerType(String jpackageType, Platform platform, List<String> requiredCommands, List<String> options) {
        this.jpackageType = jpackageType;
        this.platform = platform;
        this.requiredCommands = requiredCommands;
        this.options = options;
    }

    String jpackageType() {
        return jpackageType;
    }

    List<String> options() {
        return options;
    }

    boolean buildableOn(Platform here) {
        return platform == here && requiredCommands.stream().allMatch(Files2::onPath);
    }

    /** Why this type cannot be built here, for the build log. */
    String missingTools() {
        return requiredCommands.stream().filter(c -> !Files2.onPath(c)).toList().toString();
    }

    Platform platform() {
        return platform;
    }

    static InstallerType parse(String name) {
        for (InstallerType t : values()) {
            if (t.jpackageType.equalsIgnoreCase(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("Unknown installer type '" + name + "' (deb, rpm, msi, dmg)");
    }
}
