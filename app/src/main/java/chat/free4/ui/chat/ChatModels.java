package chat.free4.ui.chat;

/** One room's chat and transfers as the FX thread sees them; the engine bridge makes them per room. */
public record ChatModels(ChatModel chat, TransfersModel transfers) {

    /** Stops following the room (leaving it). */
    public void dispose() {
        chat.dispose();
        transfers.dispose();
    }
}
