package chat.free4.packaging;

/** How the app presents itself to the operating system (names, ids, main class). */
final class AppIdentity {
    static final String NAME = "free4chat";
    static final String PACKAGE_NAME = "free4chat";
    static final String VENDOR = "free4chat";
    static final String DESCRIPTION = "Instant, private voice rooms for the desktop";
    static final String MAINTAINER_EMAIL = "maintainers@free4.chat";
    static final String MAC_BUNDLE_ID = "chat.free4.desktop";
    static final String MAIN_CLASS = "chat.free4.Main";

    private AppIdentity() {
    }

    /**
     * jpackage wants a purely numeric version (1-3 dot-separated numbers for .msi/.dmg), so the
     * pom's qualifier is dropped: 0.1.0-SNAPSHOT becomes 0.1.0.
     */
    static String installerVersion(String pomVersion) {
        String numeric = pomVersion.split("[-+]", 2)[0];
        if (!numeric.matches("\\d+(\\.\\d+){0,2}")) {
            throw new IllegalArgumentException("The pom version '" + pomVersion
                    + "' has no numeric MAJOR.MINOR.PATCH part that installers can use.");
        }
        return numeric;
    }
}
