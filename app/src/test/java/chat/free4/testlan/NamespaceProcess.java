package chat.free4.testlan;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts a program, or a JVM with the test class path, inside a network namespace, its output collected. */
final class NamespaceProcess {
    private NamespaceProcess() {
    }

    /** Starts {@code mainClass} of the test classpath in a JVM in {@code namespace}. */
    static ChildPeer java(String namespace, String label, String mainClass, List<String> args) throws IOException {
        return program(namespace, label, javaCommand(mainClass, args));
    }

    /** The same, with {@code environment} added to the JVM's (what a command line reads from there). */
    static ChildPeer java(String namespace, String label, String mainClass, List<String> args,
                          java.util.Map<String, String> environment) throws IOException {
        return program(namespace, label, javaCommand(mainClass, args), environment);
    }

    /** Starts {@code mainClass} in a JVM in the test's own namespace (the child inherits it). */
    static ChildPeer javaHere(String label, String mainClass, List<String> args) throws IOException {
        return javaHere(label, mainClass, args, java.util.Map.of());
    }

    static ChildPeer javaHere(String label, String mainClass, List<String> args, java.util.Map<String, String> environment)
            throws IOException {
        long started = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(javaCommand(mainClass, args)).redirectErrorStream(true);
        builder.environment().putAll(environment);
        return new ChildPeer(label, builder.start(), started);
    }

    private static List<String> javaCommand(String mainClass, List<String> args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                "-Dlogback.configurationFile=" + logConfig(),
                "-Dfree4chat.log.level=" + System.getProperty("free4chat.log.level", "INFO"),
                "-cp", classpath(), mainClass));
        command.addAll(args);
        return command;
    }

    /** Starts any program in {@code namespace} ({@code ip netns exec} execs it, so the process is the program). */
    static ChildPeer program(String namespace, String label, List<String> command) throws IOException {
        return program(namespace, label, command, java.util.Map.of());
    }

    private static ChildPeer program(String namespace, String label, List<String> command,
                                     java.util.Map<String, String> environment) throws IOException {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        full.addAll(command);
        long started = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true);
        builder.environment().putAll(environment);
        return new ChildPeer(label, builder.start(), started);
    }

    private static String logConfig() {
        try {
            return Path.of(NamespaceProcess.class.getResource("/lan-peers-logback.xml").toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static String classpath() {
        String cp = System.getProperty("surefire.test.class.path");
        if (cp == null || cp.isBlank()) {
            cp = System.getProperty("java.class.path");
        }
        return String.join(File.pathSeparator, cp.split(File.pathSeparator));
    }
}
