package chat.free4.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * The package map of docs/ARCHITECTURE.md, checked on the compiled app: JavaFX stays in the UI,
 * the UI reaches the engine only through the session (and value types), and no two packages
 * depend on each other.
 */
@AnalyzeClasses(packages = "chat.free4", importOptions = {ImportOption.DoNotIncludeTests.class,
        ArchitectureTest.AppOnly.class})
class ArchitectureTest {
    /** What the UI may use of the app: itself, the one door, the ground floor (invite links are values), the entry point. */
    private static final List<String> UI_MAY_USE = List.of("chat.free4.ui", "chat.free4.session", "chat.free4.peer",
            "chat.free4.names", "chat.free4.invite", "chat.free4.logging");
    /** Libraries only the engine may touch: the UI goes through the session for all of them. */
    private static final List<String> ENGINE_LIBRARIES = List.of("dev.onvoid.webrtc", "javax.jmdns", "org.eclipse.jetty");

    @ArchTest
    static final ArchRule javaFxStaysInTheUi = noClasses().that().resideOutsideOfPackage("chat.free4.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "atlantafx..", "org.kordamp.ikonli..")
            .because("the engine runs without a screen: the command line, robots and tests drive it");

    @ArchTest
    static final ArchRule theUiReachesTheEngineOnlyThroughTheSession = classes().that().resideInAPackage("chat.free4.ui..")
            .should().onlyDependOnClassesThat(allowedForTheUi())
            .because("a new feature is added in one place (the session), and the desktop only shows it");

    @ArchTest
    static final ArchRule inviteLinksAreGroundFloorValues = classes().that().resideInAPackage("chat.free4.invite..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "chat.free4.invite..", "chat.free4.names..")
            .because("the desktop, its link handler and the command line all read invite links; they need nothing of the engine");

    @ArchTest
    static final ArchRule loggingIsGroundFloor = classes().that().resideInAPackage("chat.free4.logging..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "chat.free4.logging..", "ch.qos.logback..",
                    "org.slf4j..")
            .because("the desktop starts its log file and crash reports before anything else; they need nothing of the app");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("chat.free4.(**)").should().beFreeOfCycles();

    /** The relay is a module of its own (on the test class path for the tests' relays), not part of the app. */
    static final class AppOnly implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("/chat/free4/relay/");
        }
    }

    private static DescribedPredicate<JavaClass> allowedForTheUi() {
        return DescribedPredicate.describe("are in the UI, the session, the ground types or libraries other than the engine's,"
                + " or are value types (records, enums, interfaces, exceptions) of the engine", type -> {
                    JavaClass t = type.getBaseComponentType();
                    String pkg = t.getPackageName();
                    if (!pkg.startsWith("chat.free4")) {
                        return ENGINE_LIBRARIES.stream().noneMatch(lib -> pkg.equals(lib) || pkg.startsWith(lib + "."));
                    }
                    if (pkg.equals("chat.free4") || UI_MAY_USE.stream().anyMatch(p -> pkg.equals(p) || pkg.startsWith(p + "."))) {
                        return true;
                    }
                    return t.isRecord() || t.isEnum() || t.isInterface() || t.isAssignableTo(Throwable.class);
                });
    }
}
