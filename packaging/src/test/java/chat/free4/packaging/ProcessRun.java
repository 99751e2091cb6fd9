package chat.free4.packaging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A finished child process: exit code and combined output. */
record ProcessRun(int exitCode, String output) {

    static ProcessRun run(List<String> command, Duration timeout) throws IOException, InterruptedException {
        return run(command, Map.of(), timeout);
    }

    static ProcessRun run(List<String> command, Map<String, String> env, Duration timeout)
            throws IOException, InterruptedException {
        Path log = Files.createTempFile("f4c-run", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(env);
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError(command + " did not finish within " + timeout + "; output:\n"
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
            return new ProcessRun(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    ProcessRun assertSuccess(String what) {
        if (exitCode != 0) {
            throw new AssertionError(what + " exited with " + exitCode + ":\n" + output);
        }
        return this;
    }
}
