package chat.free4.ui.chat;

import chat.free4.session.SessionChat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import chat.free4.chat.ChatLogListener;
import chat.free4.chat.ChatMessage;
import chat.free4.chat.ChatService;
import chat.free4.peer.PeerId;
import chat.free4.peer.PeerInfo;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Whatever goes wrong inside a send, the person reads a sentence written for them. */
class ChatSendErrorsAreSentencesTest {
    private final List<Runnable> fxQueue = new ArrayList<>();

    @Test
    void anInternalFailureIsNotShownAsItsDeveloperText() {
        ChatService chat = new ChatService(new PeerInfo(new PeerId("ada-peer-0001"), "Ada"));
        ChatModel model = new ChatModel(new SessionChat(chat), fxQueue::add);
        // The message a poisoned clock used to produce on every send.
        chat.log().addListener(new ChatLogListener() {
            @Override
            public void onAdded(ChatMessage message, int index) {
                throw new IllegalArgumentException("clock must not be negative");
            }
        });
        assertFalse(model.send("hello"));
        assertEquals("The message could not be sent. Try again; if it keeps failing, leave the room and join again.",
                model.errorProperty().get());
    }

    @Test
    void sentencesWrittenForPeopleAreShownAsTheyAre() {
        ChatService chat = new ChatService(new PeerInfo(new PeerId("ada-peer-0001"), "Ada"));
        ChatModel model = new ChatModel(new SessionChat(chat), fxQueue::add);
        assertFalse(model.send("   "));
        assertEquals("Type a message first.", model.errorProperty().get());
        assertFalse(model.send("x".repeat(4_001)));
        assertEquals("This message is 4,001 characters long; the limit is 4,000. Split it, or share it as a file.",
                model.errorProperty().get());
    }
}
