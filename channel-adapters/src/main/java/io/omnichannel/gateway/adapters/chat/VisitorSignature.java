package io.omnichannel.gateway.adapters.chat;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signed visitor identity: the company's site signs its logged-in customer's id with the inbox
 * secret, {@code lowercase hex HMAC-SHA256(secret, visitorId)}, and hands both to the widget.
 */
public final class VisitorSignature {

    private VisitorSignature() {
    }

    public static String sign(String secret, String visitorId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(visitorId.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** Constant-time comparison; hex digits in either case. */
    public static boolean matches(String secret, String visitorId, String signature) {
        byte[] expected = sign(secret, visitorId).getBytes(StandardCharsets.UTF_8);
        byte[] given = signature.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, given);
    }
}
