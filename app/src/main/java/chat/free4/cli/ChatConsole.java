package chat.free4.cli;

import chat.free4.chat.ChatLogListener;
import chat.free4.chat.ChatMessage;
import chat.free4.session.SessionChat;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * {@code join --chat}: each line of standard input goes to the room as a chat message, and the
 * lines others send are printed as {@code [time] name: text}.
 */
final class ChatConsole implements AutoCloseable {
    private final SessionChat chat;
    private final ConsoleReporter out;
    private final ChatLogListener printer = new ChatLogListener() {
        @Override
        public void onAdded(ChatMessage message, int index) {
            print(message);
        }
    };

    private ChatConsole(SessionChat chat, ConsoleReporter out) {
        this.chat = chat;
        this.out = out;
    }

    static ChatConsole start(SessionChat chat, ConsoleReporter out, InputStream in) {
        ChatConsole console = new ChatConsole(chat, out);
        chat.follow(console.printer).forEach(console::print);
        // Reading standard input blocks; a daemon thread of its own lets the command end meanwhile.
        Thread reader = new Thread(() -> console.sendLines(in), "chat-input");
        reader.setDaemon(true);
        reader.start();
        return console;
    }

    private void sendLines(InputStream in) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    chat.send(line);
                } catch (IllegalArgumentException tooLong) {
                    out.problem(tooLong.getMessage());
                }
            }
        } catch (IOException e) {
            out.problem("Standard input could not be read any more; chat lines are no longer sent.");
        }
    }

    private void print(ChatMessage message) {
        if (message.isSystem() || message.sender().equals(chat.self().id())) {
            return; // joins and leaves are printed by the room reporter; my own lines I typed
        }
        out.line(TerminalText.safe(message.senderName()) + ": " + TerminalText.safe(message.text()));
    }

    @Override
    public void close() {
        chat.unfollow(printer);
    }
}
