package chat.free4.invite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Invite links: written and read back unchanged, and every hostile link refused with a sentence. */
class InviteLinksTest {
    private static final URI RELAY = URI.create("wss://relay.example.org/v1");

    @Test
    void aRelayRoomRoundTrips() {
        InviteLink invite = InviteLink.relay(RELAY, "kitchen");
        String link = invite.format();
        assertEquals("free4chat://join?relay=wss%3A%2F%2Frelay.example.org%2Fv1&room=kitchen", link);
        assertEquals(invite, InviteLinks.parse(link));
    }

    @Test
    void aLanRoomRoundTrips() {
        InviteLink invite = InviteLink.lan("Book club");
        assertEquals("free4chat://lan?room=Book%20club", invite.format());
        InviteLink back = InviteLinks.parse(invite.format());
        assertEquals(invite, back);
        assertTrue(back.onThisNetwork());
    }

    @Test
    void theSecretRidesInTheFragmentOnly() {
        InviteLink invite = InviteLink.relay(URI.create("ws://127.0.0.1:8443/v1"), "Küche 2").withSecret("p&ss #wörd=1");
        String link = invite.format();
        int hash = link.indexOf('#');
        assertTrue(hash > 0, link);
        assertFalse(link.substring(0, hash).contains("p%26ss"), "the secret is only after #: " + link);
        InviteLink back = InviteLinks.parse(link);
        assertEquals(invite, back);
        assertEquals(Optional.of("p&ss #wörd=1"), back.secret());
        assertEquals("Küche 2", back.room());
        assertFalse(back.toString().contains("p&ss"), "never in logs: " + back);
    }

    @Test
    void readsWhatOthersMayWriteToo() {
        InviteLink read = InviteLinks.parse("FREE4CHAT://join/?room=kitchen&relay=ws://host:1/v1&later=ignored");
        assertEquals(InviteLink.relay(URI.create("ws://host:1/v1"), "kitchen"), read);
        assertEquals(Optional.empty(), InviteLinks.parse("free4chat://lan?room=a#").secret(), "an empty fragment is no secret");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "https://join?relay=wss%3A%2F%2Fh%2Fv1&room=kitchen",           // wrong scheme
        "free4chat:join?relay=wss%3A%2F%2Fh%2Fv1&room=kitchen",         // no //
        "free4chat://open?room=kitchen",                                // not an invite
        "free4chat://join?room=kitchen",                                // no relay
        "free4chat://join?relay=wss%3A%2F%2Fh%2Fv1",                    // no room
        "free4chat://join?relay=http%3A%2F%2Fh%2Fv1&room=kitchen",      // relay not ws/wss
        "free4chat://join?relay=file%3A%2F%2F%2Fetc%2Fpasswd&room=a",   // relay not ws/wss
        "free4chat://join?relay=wss%3A%2F%2Fu%3Ap%40h%2Fv1&room=a",     // credentials in the relay
        "free4chat://join?relay=wss%3A%2F%2F%2Fv1&room=a",              // no host
        "free4chat://join?relay=wss%3A%2F%2Fh%2Fv1%3Fx%3D1&room=a",     // relay with a query
        "free4chat://join?relay=wss%3A%2F%2Fh%2Fv1&room=%2E%2E%2Fetc",  // room name breaks the rules
        "free4chat://join?relay=wss%3A%2F%2Fh%2Fv1&room=a%0Ab",         // control character, encoded
        "free4chat://join?relay=wss%3A%2F%2Fh%2Fv1&room=a%E2%80%AEb",   // bidi override, encoded
        "free4chat://join?relay=wss%3A%2F%2Fh%2Fv1&room=%20kitchen",    // not the trimmed name
        "free4chat://join?relay=wss%3A%2F%2Fh%2Fv1&room=a%ZZ",          // broken escape
        "free4chat://join?relay=wss%3A%2F%2Fh%2Fv1&room=a%C3",          // not UTF-8
        "free4chat://join?relay=wss%3A%2F%2Fh%2Fv1&room=a&room=b",      // twice
        "free4chat://lan?room=a&relay=wss%3A%2F%2Fh%2Fv1",              // both
        "free4chat://lan?room=a#%07bell",                               // control character in the secret
        "free4chat://lan?room=kit chen",                                // raw space
        "free4chat://lan?room=kitchen\n",                               // raw control character at the end is trimmed,
        "free4chat://lan?room=kit\u0000chen",                           // ... inside it is not
        "free4chat://lan?room=k\u00fcche",                              // raw non-ASCII
        "",
        "   ",
    })
    void hostileLinksAreRefusedWithASentence(String link) {
        if (link.equals("free4chat://lan?room=kitchen\n")) {
            assertEquals("kitchen", InviteLinks.parse(link).room(), "surrounding white space is not part of a link");
            return;
        }
        InvalidInviteLinkException e = assertThrows(InvalidInviteLinkException.class, () -> InviteLinks.parse(link));
        assertTrue(e.getMessage().endsWith(".") || e.getMessage().endsWith(")") || e.getMessage().endsWith("'."),
                e.getMessage());
        assertFalse(e.getMessage().contains("Exception"), e.getMessage());
    }

    @Test
    void aHugeLinkIsRefusedBeforeItIsRead() {
        String huge = "free4chat://lan?room=a#" + "x".repeat(1_000_000);
        InvalidInviteLinkException e = assertThrows(InvalidInviteLinkException.class, () -> InviteLinks.parse(huge));
        assertTrue(e.getMessage().contains("too long"), e.getMessage());
        String longSecret = "free4chat://lan?room=a#" + "x".repeat(InviteLinks.MAX_SECRET_LENGTH + 1);
        assertThrows(InvalidInviteLinkException.class, () -> InviteLinks.parse(longSecret));
        assertThrows(InvalidInviteLinkException.class,
                () -> InviteLinks.parse("free4chat://lan?room=" + "a".repeat(65)));
    }

    @Test
    void looksLikeALinkOnlyByItsScheme() {
        assertTrue(InviteLinks.looksLikeLink("free4chat://lan?room=a"));
        assertTrue(InviteLinks.looksLikeLink("Free4Chat:garbage"));
        assertFalse(InviteLinks.looksLikeLink("--room"));
        assertFalse(InviteLinks.looksLikeLink("join"));
    }
}
