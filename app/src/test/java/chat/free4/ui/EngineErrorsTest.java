package chat.free4.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A refused join goes back to the lobby; a notice (a failed password proof among them) keeps the room. */
class EngineErrorsTest {
    @Test
    void aRefusalBeforeTheRoomEndsTheJoin() {
        assertTrue(EngineErrors.endsTheJoin("wrong_password", false));
        assertTrue(EngineErrors.endsTheJoin("room_full", false));
        assertFalse(EngineErrors.endsTheJoin("room_full", true), "in the room, an error is told there");
    }

    @Test
    void aPeerThatFailedThePasswordProofIsANoticeEvenBeforeTheRoomSaysSo() {
        // A proof can fail while the relay connection is being repaired (status not "In the room").
        assertFalse(EngineErrors.endsTheJoin("peer_unverified", false));
        assertFalse(EngineErrors.endsTheJoin("peer_unverified", true));
        assertFalse(EngineErrors.endsTheJoin("unreachable", false));
        assertFalse(EngineErrors.endsTheJoin("bad_ice_server", false));
    }
}
