package chat.free4.mesh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SdpMungerTest {
    private static final String OFFER = "v=0\r\no=- 4611731400430051336 2 IN IP4 127.0.0.1\r\ns=-\r\n"
            + "m=audio 9 UDP/TLS/RTP/SAVPF 111 63\r\n"
            + "a=rtpmap:111 opus/48000/2\r\n"
            + "a=rtcp-fb:111 transport-cc\r\n"
            + "a=fmtp:111 minptime=10;useinbandfec=1\r\n"
            + "a=rtpmap:63 red/48000/2\r\n";

    @Test
    void opusBecomesMonoWithFec() {
        String munged = SdpMunger.opusMonoWithFec(OFFER);
        assertTrue(munged.contains("a=fmtp:111 minptime=10;useinbandfec=1;stereo=0;sprop-stereo=0\r\n"), munged);
        assertEquals(munged, SdpMunger.opusMonoWithFec(munged), "munging twice changes nothing");
    }

    @Test
    void fecIsAddedWhenMissing() {
        String munged = SdpMunger.opusMonoWithFec(OFFER.replace("minptime=10;useinbandfec=1", "minptime=10"));
        assertTrue(munged.contains("a=fmtp:111 minptime=10;useinbandfec=1;stereo=0;sprop-stereo=0"), munged);
    }

    @Test
    void sessionIdIsReadFromTheOriginLine() {
        assertEquals("4611731400430051336", SdpMunger.sessionId(OFFER));
    }
}
