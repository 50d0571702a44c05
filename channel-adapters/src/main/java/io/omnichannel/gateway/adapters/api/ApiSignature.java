package io.omnichannel.gateway.adapters.api;

import io.omnichannel.gateway.adapters.rest.WebhookRejectedException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The API channel's signature, both ways: {@code X-Gateway-Signature: sha256=<lowercase hex
 * HMAC-SHA256(inbox secret, timestamp + "." + raw body)>} with {@code X-Gateway-Timestamp} in Unix
 * seconds. A request whose timestamp is outside the replay window is refused, so a captured request
 * cannot be played again later.
 */
public final class ApiSignature {

    public static final String SIGNATURE_HEADER = "X-Gateway-Signature";
    public static final String TIMESTAMP_HEADER = "X-Gateway-Timestamp";
    private static final String PREFIX = "sha256=";

    private ApiSignature() {
    }

    /** The header value for {@code body} sent at {@code timestamp}. */
    public static String sign(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /**
     * @throws WebhookRejectedException 401 when the signature or timestamp is missing or the timestamp is
     *                                  outside the window, 403 when the signature does not match
     */
    public static void verify(String secret, String timestamp, String signature, byte[] body, Instant now, Duration window) {
        if (signature == null || timestamp == null) {
            throw WebhookRejectedException.unauthenticated("sign the request: " + TIMESTAMP_HEADER + " (Unix seconds) and "
                    + SIGNATURE_HEADER + " (sha256=hex HMAC-SHA256 of timestamp + \".\" + body) are required");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            throw WebhookRejectedException.unauthenticated(TIMESTAMP_HEADER + " must be Unix seconds, got '" + timestamp + "'");
        }
        long skew = Math.abs(now.getEpochSecond() - seconds);
        if (skew > window.toSeconds()) {
            throw WebhookRejectedException.unauthenticated(TIMESTAMP_HEADER + " is " + skew + " s away from now; requests older "
                    + "or newer than " + window.toSeconds() + " s are refused as replays (check the sender's clock)");
        }
        byte[] expected = sign(secret, seconds, body).getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(expected, signature.trim().getBytes(StandardCharsets.UTF_8))) {
            throw WebhookRejectedException.badSignature(SIGNATURE_HEADER + " does not match the body signed with the inbox's secret");
        }
    }
}
