package chat.free4.chat;

import chat.free4.ui.chat.LinkFinder;
import chat.free4.ui.chat.TextPart;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.free4.peer.PeerId;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChatTextTest {

    @Test
    void shortcodesBecomeEmojiAndUnknownOnesStay() {
        assertEquals("hi \uD83D\uDE04 there", Shortcodes.replace("hi :smile: there"));
        assertEquals("\uD83D\uDC4D\uD83D\uDC4D", Shortcodes.replace(":+1::+1:"));
        assertEquals("at 10:30:45 :nope_not_real:", Shortcodes.replace("at 10:30:45 :nope_not_real:"));
        assertEquals(":zzqx\u2764\uFE0F", Shortcodes.replace(":zzqx:heart:"));
    }

    @Test
    void linksAreFoundWithoutTrailingPunctuation() {
        List<TextPart> parts = LinkFinder.split("see https://free4.chat/rooms?id=1, and (http://a.example/x).");
        assertEquals(List.of(
                new TextPart.Plain("see "),
                new TextPart.Link("https://free4.chat/rooms?id=1"),
                new TextPart.Plain(", and ("),
                new TextPart.Link("http://a.example/x"),
                new TextPart.Plain(").")), parts);
        assertEquals(List.of(new TextPart.Link("https://en.wikipedia.org/wiki/Java_(language)")),
                LinkFinder.split("https://en.wikipedia.org/wiki/Java_(language)"));
        assertEquals(List.of(new TextPart.Plain("file:///etc/passwd javascript:alert(1)")),
                LinkFinder.split("file:///etc/passwd javascript:alert(1)"));
        // A bidi override would show the link's end reversed ("...exe.jpg" as "...gpj.exe"):
        // the link stops before it, so what is shown as the link is what opens.
        assertEquals(List.of(new TextPart.Link("https://a.example/"), new TextPart.Plain("\u202Egpj.exe")),
                LinkFinder.split("https://a.example/\u202Egpj.exe"));
    }

    @Test
    void tooLongMessagesGetASentence() {
        MessageTooLongException e = assertThrows(MessageTooLongException.class,
                () -> MessageLimits.check("x".repeat(MessageLimits.MAX_CHARACTERS + 1)));
        assertTrue(e.getMessage().contains("limit is 4,000"), e.getMessage());
        MessageLimits.check("x".repeat(MessageLimits.MAX_CHARACTERS));
    }

    @Test
    void wireCodecRoundTripsAndRejectsGarbage() throws Exception {
        ChatMessage m = new ChatMessage("0123456789abcdef", new PeerId("peer-0001"), "Ada", 42, 1000,
                ChatMessage.Kind.TEXT, "hello \uD83D\uDE00 <b>");
        ChatWireCodec.Frame f = ChatWireCodec.decode(ChatWireCodec.encode(m, true));
        assertEquals(m, f.message());
        assertTrue(f.history());
        assertThrows(MalformedFrameException.class, () -> ChatWireCodec.decode("{".getBytes(StandardCharsets.UTF_8)));
        assertThrows(MalformedFrameException.class,
                () -> ChatWireCodec.decode("{\"v\":1,\"id\":\"short\"}".getBytes(StandardCharsets.UTF_8)));
        assertThrows(MalformedFrameException.class, () -> ChatWireCodec.decode(new byte[MessageLimits.MAX_FRAME_BYTES + 1]));
        String big = "{\"v\":1,\"id\":\"0123456789abcdef\",\"sender\":\"peer-0001\",\"name\":\"A\",\"clock\":1,\"text\":\""
                + "y".repeat(MessageLimits.MAX_CHARACTERS + 1) + "\"}";
        assertThrows(MalformedFrameException.class, () -> ChatWireCodec.decode(big.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void transcriptIsSavedOnlyWhenAskedAndWhole(@TempDir Path dir) throws Exception {
        PeerId a = new PeerId("peer-0001");
        List<ChatMessage> lines = List.of(
                new ChatMessage("sys-1234567", a, "Ada", 1, 0, ChatMessage.Kind.SYSTEM, "Bob joined the room"),
                new ChatMessage("0123456789abcdef", a, "Ada", 2, 61_000, ChatMessage.Kind.TEXT, "hi\nthere"));
        Path target = dir.resolve("room.txt");
        new TranscriptWriter(ZoneOffset.UTC).save(lines, target);
        String text = Files.readString(target);
        assertTrue(text.contains("[1970-01-01 00:00:00] * Bob joined the room"), text);
        assertTrue(text.contains("[1970-01-01 00:01:01] Ada: hi\n    there"), text);
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }
}
