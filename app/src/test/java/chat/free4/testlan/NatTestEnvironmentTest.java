package chat.free4.testlan;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** A machine that cannot run the NAT tests skips them with the reason, except in CI, where they fail. */
class NatTestEnvironmentTest {
    @Test
    void missingToolsSkipOutsideCiAndFailInCi() {
        List<String> missing = List.of("the program turnserver (Debian coturn)");
        TestAbortedException skipped = assertThrows(TestAbortedException.class, () -> NatTestEnvironment.decide(missing, Map.of()));
        assertTrue(skipped.getMessage().contains("turnserver"), skipped.getMessage());
        assertThrows(TestAbortedException.class, () -> NatTestEnvironment.decide(missing, Map.of("CI", "false")));
        AssertionFailedError failed = assertThrows(AssertionFailedError.class,
                () -> NatTestEnvironment.decide(missing, Map.of("CI", "true")));
        assertTrue(failed.getMessage().contains("CI=true"), failed.getMessage());
        assertDoesNotThrow(() -> NatTestEnvironment.decide(List.of(), Map.of("CI", "true")));
    }
}
