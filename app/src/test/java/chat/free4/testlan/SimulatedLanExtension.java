package chat.free4.testlan;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives each test a fresh {@link SimulatedLan} and removes it after the test, passed or failed.
 * Without root or {@code ip} the test is skipped with the reason (failed when {@code CI=true}).
 * Use: {@code @RegisterExtension final SimulatedLanExtension lan = new SimulatedLanExtension(3);}
 */
public final class SimulatedLanExtension implements BeforeEachCallback, AfterEachCallback {
    private final int hosts;
    private SimulatedLan lan;

    public SimulatedLanExtension(int hosts) {
        this.hosts = hosts;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        // Here, per test: an abort in @BeforeAll would show as no test at all, not as skipped.
        NatTestEnvironment.requireSimulatedLan();
        lan = SimulatedLan.create(hosts);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (lan != null) {
            lan.close();
            lan = null;
        }
    }

    public SimulatedLan get() {
        return lan;
    }
}
