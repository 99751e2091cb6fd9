package chat.free4.testlan;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives each test a fresh {@link SimulatedLan} and removes it after the test, passed or failed.
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
