package chat.free4.ui.room;

/** What the voice room asks of the engine. Implementations must not block the FX thread. */
public interface RoomActions {

    void setMicrophoneOpen(boolean open);

    /** Deafened: hear nobody and send nothing. */
    default void setDeafened(boolean deafened) {
    }

    void setParticipantVolume(String participantId, double volume);

    void setParticipantMuted(String participantId, boolean muted);

    void leave();

    /** Adds a robot hosting {@code game} (words, interview, guess, draw) to this room; one at a time. */
    default void addRobot(String game) {
    }

    /** Removes the robot I added. */
    default void removeRobot() {
    }
}
