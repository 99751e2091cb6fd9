package chat.free4.ui.chat;

import chat.free4.ui.i18n.Texts;

import chat.free4.chat.ChatMessage;
import chat.free4.chat.MessageRefusedException;
import chat.free4.session.SessionChat;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chat as the FX thread sees it: the room's lines in order, how many arrived unread while the
 * pane was collapsed, and the last send error in words. The engine bridge makes it and gives it
 * the way onto the FX thread; lines arrive in batches ({@link PendingLines}).
 */
public final class ChatModel {
    private static final Logger LOG = LoggerFactory.getLogger(ChatModel.class);
    private final SessionChat chat;
    private final ObservableList<ChatMessage> lines = FXCollections.observableArrayList();
    private final IntegerProperty unread = new SimpleIntegerProperty();
    private final BooleanProperty collapsed = new SimpleBooleanProperty();
    private final StringProperty error = new SimpleStringProperty("");
    private final PendingLines listener;

    /**
     * Call on the FX thread.
     *
     * @param fx runs a task on the FX thread (the bridge's; tests pass a queue they run by hand)
     */
    public ChatModel(SessionChat chat, Executor fx) {
        this.chat = chat;
        listener = new PendingLines(chat, fx, lines, m -> !m.isSystem() && !m.sender().equals(chat.self().id()),
                count -> {
                    if (collapsed.get()) {
                        unread.set(unread.get() + count);
                    }
                });
        // Snapshot and subscribe as one step; the listener's first batch runs after this FX task.
        lines.setAll(chat.follow(listener));
        collapsed.addListener((obs, was, now) -> {
            if (!now) {
                unread.set(0);
            }
        });
    }

    public ObservableList<ChatMessage> lines() {
        return lines;
    }

    /** The peer that passed this line on, when its author had already left (unverifiable). */
    public Optional<String> relayedBy(ChatMessage message) {
        return chat.relayedBy(message.id());
    }

    public ReadOnlyIntegerProperty unreadProperty() {
        return unread;
    }

    /** The room view sets this when it hides or shows the chat pane. */
    public BooleanProperty collapsedProperty() {
        return collapsed;
    }

    public StringProperty errorProperty() {
        return error;
    }

    /** Writes the chat as a text file; nothing is kept otherwise. */
    public void saveTranscript(java.nio.file.Path target) throws java.io.IOException {
        chat.saveTranscript(target, java.time.ZoneId.systemDefault());
    }

    /** Sends; returns false and sets {@link #errorProperty()} when the text cannot be sent. */
    public boolean send(String text) {
        try {
            chat.send(text);
            error.set("");
            return true;
        } catch (MessageRefusedException e) {
            error.set(e.getMessage()); // written for the person
        } catch (RuntimeException e) {
            // Anything else is our bug, not something the person can act on: a sentence, not its text.
            LOG.warn("Sending a chat message failed", e);
            error.set(Texts.get("chat.sendFailed"));
        }
        return false;
    }

    /** Stops listening (leaving the room). */
    public void dispose() {
        chat.unfollow(listener);
    }
}
