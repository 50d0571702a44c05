package io.omnichannel.gateway.adapters.social;

import io.omnichannel.gateway.adapters.inbound.WebhookRequest;
import io.omnichannel.gateway.adapters.inbox.Inbox;
import io.omnichannel.gateway.adapters.rest.WebhookRejectedException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Meta's webhook signature: {@code X-Hub-Signature-256: sha256=<lowercase hex HMAC-SHA256(app
 * secret, raw body)>}. Computed over the bytes exactly as received: Meta escapes non-ASCII characters
 * (backslash-u and four hex digits) and signs that form, so a re-serialized body would not match.
 */
public final class MetaSignature {

    public static final String HEADER = "X-Hub-Signature-256";
    private static final String PREFIX = "sha256=";

    private MetaSignature() {
    }

    /** The header value Meta sends for {@code body}. */
    public static String sign(String appSecret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return PREFIX + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** Constant-time comparison of {@code header} with the signature of {@code body}. */
    public static boolean isValid(String appSecret, byte[] body, String header) {
        if (header == null) {
            return false;
        }
        byte[] given = header.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(sign(appSecret, body).getBytes(StandardCharsets.UTF_8), given);
    }

    /**
     * @throws WebhookRejectedException 401 when the header is missing, 403 when it does not match the
     *                                  inbox's app secret (or the inbox has none)
     */
    public static void verify(Inbox inbox, WebhookRequest request) {
        String header = request.header(HEADER).orElse(null);
        if (header == null) {
            throw WebhookRejectedException.unauthenticated(HEADER + " is missing: Meta signs every webhook with the app "
                    + "secret (sha256=hex HMAC-SHA256 of the raw body)");
        }
        if (inbox.secret() == null) {
            throw WebhookRejectedException.badSignature("the inbox '" + inbox.id() + "' has no app secret configured; "
                    + "set adapters.inboxes.\"" + inbox.id() + "\".secret");
        }
        if (!isValid(inbox.secret(), request.body(), header)) {
            throw WebhookRejectedException.badSignature(HEADER + " does not match the body signed with the app secret of "
                    + "inbox '" + inbox.id() + "'");
        }
    }
}
