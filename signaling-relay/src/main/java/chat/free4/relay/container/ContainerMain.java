package chat.free4.relay.container;

import chat.free4.relay.RelayMain;
import picocli.CommandLine;

/**
 * Entry point of the relay's container image: {@link RelayMain} with its options defaulted from
 * {@code RELAY_*} environment variables (see {@link EnvironmentDefaults}). With
 * {@code --healthcheck} as the only argument it instead asks the running relay's {@code /healthz}
 * and exits 0 (healthy) or 1, for a container runtime's health-check command; the image itself
 * cannot declare one (OCI images have no health check, so Jib does not write one).
 */
public final class ContainerMain {
    private ContainerMain() {
    }

    public static void main(String[] args) {
        if (args.length == 1 && args[0].equals("--healthcheck")) {
            System.exit(HealthProbe.fromEnvironment(System.getenv()).check(System.out) ? 0 : 1);
        }
        CommandLine command = new CommandLine(new RelayMain())
                .setDefaultValueProvider(new EnvironmentDefaults(System.getenv()));
        int exit = command.execute(args);
        if (exit != 0) {
            System.exit(exit);
        }
    }
}
