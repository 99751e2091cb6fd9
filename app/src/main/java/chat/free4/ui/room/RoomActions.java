package chat.free4.ui.room;

/** What the voice room asks of the engine. Implementations must not block the FX thread. */
public interface RoomActions {

    void setMicrophoneOpen(boolean open);

    void setParticipantVolume(String participantId, double volume);

    void setParticipantMuted(String participantId, boolean muted);

    void leave();
}
