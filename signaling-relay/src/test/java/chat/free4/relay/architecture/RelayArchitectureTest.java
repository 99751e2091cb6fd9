package chat.free4.relay.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The relay's packages point one way (docs/ARCHITECTURE.md), and the relay never reaches into the app. */
@AnalyzeClasses(packages = "chat.free4.relay", importOptions = ImportOption.DoNotIncludeTests.class)
class RelayArchitectureTest {

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("chat.free4.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule theRelayStandsAlone = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("chat.free4.ui..", "chat.free4.session..", "chat.free4.engine..", "chat.free4.signaling..",
                    "javafx..", "dev.onvoid.webrtc..")
            .because("the relay is a tiny server of its own: it passes messages and knows nothing of the app");
}
