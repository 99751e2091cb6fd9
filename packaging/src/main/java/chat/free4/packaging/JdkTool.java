package chat.free4.packaging;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.spi.ToolProvider;

/** Runs a JDK tool (jlink, jpackage, jdeps) in-process and fails loudly with its output. */
final class JdkTool {
    private final String name;
    private final ToolProvider tool;

    JdkTool(String name) {
        this.name = name;
        this.tool = ToolProvider.findFirst(name).orElseThrow(() -> new IllegalStateException(
                "The JDK running this build has no '" + name + "' tool; use a full JDK 17+ (not a JRE)."));
    }

    /** Runs the tool and returns its standard output; throws with all output when it fails. */
    String run(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        BuildLog.info(name + " " + String.join(" ", args));
        int rc = tool.run(new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));
        if (rc != 0) {
            throw new IllegalStateException(name + " failed with exit code " + rc + ":\n" + out + err);
        }
        return out.toString();
    }
}
