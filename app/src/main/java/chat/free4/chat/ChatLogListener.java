package chat.free4.chat;

/** Told about each line added to a {@link ChatLog}. */
public interface ChatLogListener {

    /**
     * {@code index} is where the line now sits in {@link ChatLog#lines()}: a message sent
     * concurrently elsewhere can land before lines already shown.
     */
    void onAdded(ChatMessage message, int index);

    /** The log was full and dropped its first line (index 0), before the matching add. */
    default void onOldestRemoved() {
    }
}
