package chat.free4.relay.container;

import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Takes option defaults from environment variables, the way container platforms configure a
 * service: {@code --max-peers-per-room} reads {@code RELAY_MAX_PEERS_PER_ROOM}. {@code --port}
 * also falls back to {@code PORT}, which Railway and similar platforms set. Options given on the
 * command line still win.
 */
public final class EnvironmentDefaults implements IDefaultValueProvider {
    private final Map<String, String> environment;

    public EnvironmentDefaults(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** The environment variable for an option: {@code --max-rooms} becomes {@code RELAY_MAX_ROOMS}. */
    public static String variableFor(String longOption) {
        return "RELAY_" + longOption.replaceFirst("^-+", "").replace('-', '_').toUpperCase(Locale.ROOT);
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        if (!(arg instanceof OptionSpec option) || option.usageHelp() || option.versionHelp()) {
            return null;
        }
        String value = nonBlank(environment.get(variableFor(option.longestName())));
        if (value == null && option.longestName().equals("--port")) {
            value = nonBlank(environment.get("PORT"));
        }
        return value;
    }

    private static String nonBlank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
