package chat.free4.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** wss:// from a PKCS12 keystore made by keytool; the client verifies the certificate. */
class TlsRelayTest {
    private static final String PASSWORD = "relay-test-pass";

    @TempDir
    Path dir;

    private Path keystore() throws Exception {
        Path p12 = dir.resolve("relay.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "relay", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", p12.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        assertTrue(keytool.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, keytool.exitValue(), output);
        return p12;
    }

    private static KeyStore trustOnly(Path p12) throws Exception {
        KeyStore source = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(p12)) {
            source.load(in, PASSWORD.toCharArray());
        }
        Certificate certificate = source.getCertificate("relay");
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("relay", certificate);
        return trust;
    }

    private static WebSocketClient client(KeyStore trust) throws Exception {
        SslContextFactory.Client tls = new SslContextFactory.Client();
        if (trust != null) {
            tls.setTrustStore(trust);
        }
        ClientConnector connector = new ClientConnector();
        connector.setSslContextFactory(tls);
        WebSocketClient client = new WebSocketClient(new HttpClient(new HttpClientTransportOverHTTP(connector)));
        client.start();
        return client;
    }

    @Test
    void clientTrustingTheCertificateJoinsAndSignalsOverWss() throws Exception {
        Path p12 = keystore();
        RelayServer relay = RelayServer.start(RelayFixture.loopback().withTls(p12, PASSWORD));
        WebSocketClient client = client(trustOnly(p12));
        try {
            assertEquals("wss", relay.uri().getScheme());
            TestClient a = TestClient.connect(client, relay.uri());
            TestClient b = TestClient.connect(client, relay.uri());
            a.join("secure", "a", "peer-tls-a");
            b.join("secure", "b", "peer-tls-b");
            a.expect("peer-joined");
            b.send(TestClient.signal("peer-tls-a", TestClient.payload("offer", "over tls")));
            assertEquals("over tls", a.expect("signal").getAsJsonObject("payload").get("sdp").getAsString());
        } finally {
            client.stop();
            relay.stop();
        }
    }

    @Test
    void clientThatDoesNotTrustTheCertificateCannotConnect() throws Exception {
        Path p12 = keystore();
        RelayServer relay = RelayServer.start(RelayFixture.loopback().withTls(p12, PASSWORD));
        WebSocketClient client = client(null);
        try {
            // Refused for its certificate, not for some other reason (a timeout, a refused port).
            java.util.concurrent.ExecutionException refused =
                    assertThrows(java.util.concurrent.ExecutionException.class, () -> TestClient.connect(client, relay.uri()));
            boolean certificate = false;
            for (Throwable t = refused; t != null; t = t.getCause()) {
                certificate |= t instanceof javax.net.ssl.SSLHandshakeException
                        || t instanceof java.security.cert.CertificateException
                        || t instanceof java.security.cert.CertPathValidatorException;
            }
            assertTrue(certificate, "the TLS handshake refused the certificate: " + refused);
        } finally {
            client.stop();
            relay.stop();
        }
    }
}
