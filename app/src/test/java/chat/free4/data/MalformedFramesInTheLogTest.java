package chat.free4.data;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import chat.free4.chat.ChatService;
import chat.free4.files.FileSharingService;
import com.google.gson.JsonPrimitive;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A peer sends a thousand malformed frames to each service, each carrying kilobytes of text with
 * newlines and a bidi override. The log gets a few short, single-line WARNs per peer, not a
 * thousand lines of the attacker's text.
 */
class MalformedFramesInTheLogTest {
    private static final String NASTY = "x\nFAKE LOG LINE: admin logged in\r\n\u202E" + "A".repeat(4000);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final List<Logger> loggers = List.of(
            (Logger) LoggerFactory.getLogger(ChatService.class),
            (Logger) LoggerFactory.getLogger(FileSharingService.class),
            (Logger) LoggerFactory.getLogger(AppDataService.class));

    private final List<Level> levelsBefore = new java.util.ArrayList<>();

    /**
     * The services' own level, whatever an earlier test in this JVM left (the command line turns
     * the app's logging down to errors when it runs in-process).
     */
    @BeforeEach
    void capture() {
        appender.start();
        for (Logger l : loggers) {
            levelsBefore.add(l.getLevel());
            l.setLevel(Level.INFO);
            l.addAppender(appender);
        }
    }

    @AfterEach
    void release() {
        for (int i = 0; i < loggers.size(); i++) {
            loggers.get(i).detachAppender(appender);
            loggers.get(i).setLevel(levelsBefore.get(i));
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aFloodOfMalformedFramesLogsAFewShortLines() {
        var mallory = RtcTestRoom.newPeerInfo("Mallory");
        FakeFeatureChannel chat = FakeFeatureChannel.openTo(new ChatService(RtcTestRoom.newPeerInfo("Bob")), mallory);
        FakeFeatureChannel files = FakeFeatureChannel.openTo(new FileSharingService(), mallory);
        FakeFeatureChannel app = FakeFeatureChannel.openTo(new AppDataService(), mallory);
        String fileJson = "{\"type\":" + new JsonPrimitive(NASTY) + ",\"id\":\"00000000-0000-0000-0000-000000000001\"}";
        String badId = "{\"type\":\"accept\",\"id\":" + new JsonPrimitive(NASTY.substring(0, 3000)) + "}";
        byte[] topic = utf8(NASTY.substring(0, 200));
        byte[] appFrame = new byte[1 + topic.length + 1];
        appFrame[0] = (byte) topic.length;
        System.arraycopy(topic, 0, appFrame, 1, topic.length);
        for (int i = 0; i < 1_000; i++) {
            chat.receive(utf8("{\"v\":1,\"id\":" + new JsonPrimitive(NASTY) + "}"), false);
            files.receive(utf8(fileJson), false);
            files.receive(utf8(badId), false);
            app.receive(appFrame, true);
        }

        List<ILoggingEvent> warns = appender.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN)).toList();
        assertTrue(warns.size() <= 3 * ThrottledWarnings.PER_WINDOW, warns.size() + " WARN lines");
        assertTrue(warns.size() >= 3, "each service still says once that it dropped something");
        for (ILoggingEvent e : warns) {
            String line = e.getFormattedMessage();
            assertTrue(line.length() <= 300, () -> "a WARN of " + line.length() + " chars: " + line.substring(0, 120));
            assertTrue(line.chars().noneMatch(c -> c == '\n' || c == '\r' || c == 0x202E), "a WARN with raw control text: " + line);
            assertTrue(!line.contains("FAKE LOG LINE: admin") || line.contains("\\u000A"), line);
            assertTrue(e.getThrowableProxy() == null, "no stack trace quoting the peer");
        }
    }
}
