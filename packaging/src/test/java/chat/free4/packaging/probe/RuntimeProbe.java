package chat.free4.packaging.probe;

import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.media.audio.HeadlessAudioDeviceModule;
import java.security.KeyPairGenerator;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SSLContext;

/**
 * Started by the tests with the installed runtime and the installed app jars: proves what
 * `--version` cannot, that the runtime image has everything the engine touches at run time.
 * Prints one line per check and exits non-zero on the first failure.
 */
public final class RuntimeProbe {
    private RuntimeProbe() {
    }

    public static void main(String[] args) throws Exception {
        for (String module : List.of("javafx.controls", "javafx.graphics", "java.desktop", "jdk.crypto.ec")) {
            if (ModuleLayer.boot().findModule(module).isEmpty()) {
                fail("module " + module + " is missing from the runtime image");
            }
        }
        System.out.println("modules ok");

        KeyPairGenerator.getInstance("EC").generateKeyPair();
        String[] suites = SSLContext.getDefault().createSSLEngine().getEnabledCipherSuites();
        if (Arrays.stream(suites).noneMatch(s -> s.contains("ECDHE"))) {
            fail("no ECDHE cipher suite: wss:// to common relays would fail");
        }
        System.out.println("tls ok");

        // Loads webrtc-java's native library (needs libpulse.so.0) and creates a factory.
        HeadlessAudioDeviceModule audio = new HeadlessAudioDeviceModule();
        PeerConnectionFactory factory = new PeerConnectionFactory(audio);
        factory.dispose();
        audio.dispose();
        System.out.println("webrtc ok");

        // The chat draws emoji from the app's Twemoji sheet; Gluon's Apple sheets are left out.
        ClassLoader loader = RuntimeProbe.class.getClassLoader();
        if (loader.getResource("chat/free4/ui/chat/emoji/twemoji-32.png") == null) {
            fail("the Twemoji sheet is missing: the chat would show no emoji");
        }
        if (com.gluonhq.emoji.util.EmojiImageUtils.class.getResource("sheet_apple_32.png") != null) {
            fail("Apple's emoji sheet is still shipped");
        }
        if (loader.getResource("chat/free4/ui/about/NOTICE") == null) {
            fail("the NOTICE (third-party licences) is missing from the app");
        }
        System.out.println("emoji ok");
    }

    private static void fail(String why) {
        System.out.println("FAILED: " + why);
        System.exit(1);
    }
}
