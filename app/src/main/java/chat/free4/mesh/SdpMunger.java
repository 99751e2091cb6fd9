package chat.free4.mesh;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Adjusts our SDP before it is set and sent: Opus in mono with in-band FEC, so a lost packet is
 * recovered from the next one. libwebrtc already offers {@code useinbandfec=1}; we make it explicit
 * and add {@code stereo=0;sprop-stereo=0} because voice needs one channel.
 */
public final class SdpMunger {
    private static final Pattern OPUS = Pattern.compile("a=rtpmap:(\\d+) opus/48000/2", Pattern.CASE_INSENSITIVE);
    private static final Pattern SESSION = Pattern.compile("(?m)^o=\\S+ (\\d+) ");

    private SdpMunger() {
    }

    public static String opusMonoWithFec(String sdp) {
        Matcher m = OPUS.matcher(sdp);
        String result = sdp;
        while (m.find()) {
            result = ensureParams(result, m.group(1));
        }
        return result;
    }

    private static String ensureParams(String sdp, String payloadType) {
        Pattern fmtp = Pattern.compile("(?m)^a=fmtp:" + payloadType + " ([^\\r\\n]*)");
        Matcher f = fmtp.matcher(sdp);
        if (!f.find()) {
            String rtpmap = "a=rtpmap:" + payloadType + " opus/48000/2";
            int at = sdp.indexOf(rtpmap);
            int lineEnd = sdp.indexOf("\r\n", at);
            return sdp.substring(0, lineEnd + 2) + "a=fmtp:" + payloadType + " useinbandfec=1;stereo=0;sprop-stereo=0\r\n"
                    + sdp.substring(lineEnd + 2);
        }
        String params = f.group(1);
        StringBuilder extra = new StringBuilder(params);
        for (String wanted : new String[] {"useinbandfec=1", "stereo=0", "sprop-stereo=0"}) {
            String key = wanted.substring(0, wanted.indexOf('=') + 1);
            if (!(";" + params).contains(";" + key)) {
                extra.append(extra.isEmpty() ? "" : ";").append(wanted);
            }
        }
        return sdp.substring(0, f.start(1)) + extra + sdp.substring(f.end(1));
    }

    /** The session id of the {@code o=} line: a new peer connection has a new one, an ICE restart keeps it. */
    public static String sessionId(String sdp) {
        Matcher m = SESSION.matcher(sdp);
        return m.find() ? m.group(1) : "";
    }
}
