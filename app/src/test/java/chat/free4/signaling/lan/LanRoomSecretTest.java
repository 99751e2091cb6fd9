package chat.free4.signaling.lan;

import chat.free4.peer.PeerId;
import chat.free4.signaling.PasswordKdf;
import chat.free4.signaling.RoomPassword;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The blinded id and room proof of a LAN password room (decision 0020). */
class LanRoomSecretTest {
    private static final PeerId ADA = new PeerId("ada0123456789abcdef01234");
    private static final PeerId BEA = new PeerId("bea0123456789abcdef01234");
    private static final String KEY = "MCowBQYDK2VwAyEA" + "A".repeat(43) + "=";

    /** A cheap KDF cost: these tests are about what is derived, not how slowly. */
    private static LanRoomSecret cheap(String password, String room) {
        return LanRoomSecret.derive(RoomPassword.of(password.toCharArray()), room, 1024, 1);
    }

    @Test
    void theBlindedIdIsTheHmacOfItsLabelUnderThePasswordRoomsKdfOutput() throws Exception {
        RoomPassword password = RoomPassword.of("correct horse battery staple".toCharArray());
        // The app's own cost, once: the same Argon2id as relay rooms, with the LAN's own salt.
        byte[] key = PasswordKdf.derive(password, LanRoomSecret.salt("Kitchen Vault"));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        byte[] full = mac.doFinal(LanRoomSecret.ID_LABEL.getBytes(StandardCharsets.UTF_8));
        String expected = HexFormat.of().formatHex(Arrays.copyOf(full, 16));

        assertEquals(expected, LanRoomSecret.derive(password, "Kitchen Vault").blindedId());
        assertTrue(expected.matches("[0-9a-f]{32}"), expected);
    }

    @Test
    void sameRoomAndPasswordGiveTheSameIdAnythingElseAnother() {
        String id = cheap("hunter2 hunter2", "vault").blindedId();
        assertEquals(id, cheap("hunter2 hunter2", "vault").blindedId());
        assertEquals(id, cheap("hunter2 hunter2", "  vault ").blindedId(), "the room is trimmed as everywhere");
        assertNotEquals(id, cheap("hunter3 hunter3", "vault").blindedId());
        assertNotEquals(id, cheap("hunter2 hunter2", "Vault").blindedId());
        assertNotEquals(id, cheap("hunter2 hunter2", "v\u0430ult").blindedId(), "a lookalike room is another room");
    }

    @Test
    void theSaltIsTheLanContextAndTheRoomNotTheRelaysSalt() {
        String salt = new String(LanRoomSecret.salt("vault"), StandardCharsets.UTF_8);
        assertTrue(salt.contains("free4chat-lan-room-key-v1") && salt.endsWith("vault"), salt);
        assertFalse(salt.contains("free4chat-room-key-v1"));
    }

    @Test
    void theRoomProofHoldsForItsOwnHelloOnly() {
        LanRoomSecret secret = cheap("hunter2 hunter2", "vault");
        byte[] nonce = LanIdentity.nonce();
        String proof = secret.prove(nonce, ADA, KEY, BEA);

        assertTrue(cheap("hunter2 hunter2", "vault").verify(proof, nonce, ADA, KEY, BEA));
        assertFalse(cheap("hunter3 hunter3", "vault").verify(proof, nonce, ADA, KEY, BEA), "another password");
        assertFalse(secret.verify(proof, LanIdentity.nonce(), ADA, KEY, BEA), "another challenge");
        assertFalse(secret.verify(proof, nonce, BEA, KEY, ADA), "the ids swapped");
        assertFalse(secret.verify(proof, nonce, ADA, KEY.replace('A', 'B'), BEA), "another caller key");
        assertFalse(secret.verify("not base64!", nonce, ADA, KEY, BEA));
        assertFalse(secret.verify("", nonce, ADA, KEY, BEA));
    }

    @Test
    void neverPrintsWhatItHolds() {
        assertEquals("LanRoomSecret[hidden]", cheap("hunter2 hunter2", "vault").toString());
    }
}
