package chat.free4.relay.ice;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Short-lived TURN credentials of the kind coturn checks with {@code use-auth-secret} (the "TURN
 * REST API" draft): the username is {@code EXPIRY:PEERID} (expiry in Unix seconds), the password
 * base64(HMAC-SHA1(secret, username)). coturn recomputes the password from the username and its
 * copy of the secret, so the relay and coturn share nothing but the secret, and the secret itself
 * never goes to a client.
 */
public record TurnCredentials(String username, String credential) {

    public static TurnCredentials issue(String secret, String peerId, long expiresAtEpochSeconds) {
        String username = expiresAtEpochSeconds + ":" + peerId;
        return new TurnCredentials(username, hmacSha1Base64(secret, username));
    }

    static String hmacSha1Base64(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every Java runtime", e);
        }
    }

    @Override
    public String toString() {
        return "TurnCredentials[username=" + username + "]"; // the credential stays out of logs
    }
}
