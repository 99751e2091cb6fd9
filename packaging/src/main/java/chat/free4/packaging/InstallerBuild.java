package chat.free4.packaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the trimmed runtime, the app image and this platform's installers.
 *
 * <p>Run by Maven (packaging module, {@code installers} profile); arguments:
 * {@code --deps DIR --main-jar NAME --version POMVERSION --jlink-conf FILE --work DIR --dest DIR
 * [--types auto|deb,rpm,msi,dmg]}. {@code auto} builds every type this machine has the tools for.
 */
public final class InstallerBuild {
    private final Map<String, String> options;
    private final JdkTool jpackage = new JdkTool("jpackage");
    private final InstallTimeArchive installTimeArchive = new InstallTimeArchive();

    private InstallerBuild(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) {
        new InstallerBuild(parse(args)).run();
    }

    private void run() {
        Path work = path("--work");
        Path dest = path("--dest");
        String version = AppIdentity.installerVersion(required("--version"));
        AppInputs inputs = AppInputs.scan(path("--deps"));

        Path input = copyClassPath(inputs.classPath(), work.resolve("input"));
        Path icon = writeIcon(work.resolve("icons"));
        Path runtime = new RuntimeImageBuilder().build(path("--jlink-conf"), inputs.javafxModules(),
                work.resolve("runtime"));
        Optional<Path> startupClasses = new StartupTrainingRun().record(runtime, input, work);
        new RuntimeClassArchive().write(runtime, startupClasses, work);
        if (Platform.current() == Platform.LINUX) {
            startupClasses.ifPresent(list -> installTimeArchive.stage(list, input));
        }
        Path appImage = buildAppImage(input, runtime, icon, version, work);
        if (Platform.current() == Platform.LINUX) {
            new LinuxLauncherScript().replaceLauncher(appImage);
        }
        Files2.deleteRecursively(dest);
        for (InstallerType type : selectedTypes()) {
            buildInstaller(type, appImage, icon, version, dest, work);
        }
    }

    private Path copyClassPath(List<Path> jars, Path input) {
        Files2.deleteRecursively(input);
        try {
            Files.createDirectories(input);
            JarTrimmer trimmer = new JarTrimmer(JarTrimmer.UNUSED);
            for (Path jar : jars) {
                trimmer.copy(jar, input.resolve(jar.getFileName()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot stage the app's jars in " + input, e);
        }
        if (!Files.isRegularFile(input.resolve(required("--main-jar")))) {
            throw new IllegalStateException("The main jar " + required("--main-jar") + " is not among the app's jars");
        }
        return input;
    }

    private Path writeIcon(Path dir) {
        IconWriter icons = new IconWriter();
        return switch (Platform.current()) {
            case LINUX -> icons.writePng(dir.resolve(AppIdentity.NAME + ".png"), 256);
            case WINDOWS -> icons.writeIco(dir.resolve(AppIdentity.NAME + ".ico"));
            case MACOS -> icons.writeIcns(dir.resolve(AppIdentity.NAME + ".icns"));
        };
    }

    private Path buildAppImage(Path input, Path runtime, Path icon, String version, Path work) {
        Path dest = work.resolve("app-image");
        Files2.deleteRecursively(dest);
        List<String> args = new ArrayList<>(identity(version, icon));
        args.addAll(List.of("--type", "app-image",
                "--input", input.toString(),
                "--main-jar", required("--main-jar"),
                "--main-class", AppIdentity.MAIN_CLASS,
                "--runtime-image", runtime.toString(),
                "--dest", dest.toString()));
        switch (Platform.current()) {
            case MACOS -> args.addAll(List.of("--mac-package-identifier", AppIdentity.MAC_BUNDLE_ID,
                    "--mac-package-name", AppIdentity.NAME));
            case WINDOWS -> args.addAll(List.of("--add-launcher",
                    AppIdentity.NAME + "-cli=" + writeConsoleLauncher(work).toString()));
            case LINUX -> { }
        }
        jpackage.run(args);
        String imageName = Platform.current() == Platform.MACOS ? AppIdentity.NAME + ".app" : AppIdentity.NAME;
        return dest.resolve(imageName);
    }

    /** Windows GUI launchers have no console; a second launcher lets `free4chat-cli --version` print. */
    private static Path writeConsoleLauncher(Path work) {
        Path file = work.resolve("console-launcher.properties");
        try {
            Files.createDirectories(work);
            Files.writeString(file, "win-console=true\n");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
        return file;
    }

    private void buildInstaller(InstallerType type, Path appImage, Path icon, String version, Path dest, Path work) {
        List<String> args = new ArrayList<>(identity(version, icon));
        args.addAll(List.of("--type", type.jpackageType(),
                "--app-image", appImage.toString(),
                "--dest", dest.toString()));
        args.addAll(type.options());
        if (type == InstallerType.DEB) {
            args.addAll(List.of("--resource-dir", installTimeArchive.debResources(work).toString()));
        }
        jpackage.run(args);
        if (type == InstallerType.DEB) {
            try (java.util.stream.Stream<Path> built = Files.list(dest)) {
                for (Path deb : built.filter(p -> p.toString().endsWith(".deb")).toList()) {
                    DebPackageFiles.addTo(deb, work);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot list the built installers in " + dest, e);
            }
        }
    }

    private static List<String> identity(String version, Path icon) {
        return List.of("--name", AppIdentity.NAME,
                "--app-version", version,
                "--vendor", AppIdentity.VENDOR,
                "--description", AppIdentity.DESCRIPTION,
                "--icon", icon.toString());
    }

    private Set<InstallerType> selectedTypes() {
        String requested = options.getOrDefault("--types", "auto");
        Platform here = Platform.current();
        Set<InstallerType> types = EnumSet.noneOf(InstallerType.class);
        if (requested.equals("auto")) {
            for (InstallerType t : InstallerType.values()) {
                if (t.buildableOn(here)) {
                    types.add(t);
                } else if (t.platform() == here) {
                    BuildLog.info("not building ." + t.jpackageType() + ": missing " + t.missingTools());
                }
            }
            return types;
        }
        for (String name : requested.split(",")) {
            InstallerType t = InstallerType.parse(name.trim());
            if (!t.buildableOn(here)) {
                throw new IllegalStateException("Cannot build ." + t.jpackageType() + " on " + here
                        + " (jpackage builds for its own OS; needs " + t.missingTools() + ")");
            }
            types.add(t);
        }
        return types;
    }

    private Path path(String name) {
        return Path.of(required(name)).toAbsolutePath();
    }

    private String required(String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Missing option " + name);
        }
        return value;
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("Expected '--option value' pairs, got: " + String.join(" ", args));
            }
            options.put(args[i], args[++i]);
        }
        return options;
    }
}
