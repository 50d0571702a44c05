package io.omnichannel.gateway.adapters.sms.twilio;

import io.omnichannel.gateway.adapters.inbound.WebhookRequest;
import io.omnichannel.gateway.adapters.inbox.Inbox;
import io.omnichannel.gateway.adapters.rest.FormBody;
import io.omnichannel.gateway.adapters.rest.WebhookRejectedException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Twilio's request signature: {@code X-Twilio-Signature = Base64(HMAC-SHA1(authToken, url +
 * name1 + value1 + name2 + value2 ...))} with the form parameters sorted by name, then value. Like
 * Twilio's own validators it accepts the URL with and without the scheme's default port, since
 * proxies add or drop it.
 */
public final class TwilioSignature {

    private TwilioSignature() {
    }

    public static String sign(String authToken, String url, List<Map.Entry<String, String>> params) {
        StringBuilder signed = new StringBuilder(url);
        params.stream()
                .sorted(Map.Entry.<String, String>comparingByKey().thenComparing(Map.Entry.comparingByValue()))
                .forEach(param -> signed.append(param.getKey()).append(param.getValue()));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(signed.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA1 unavailable", e);
        }
    }

    /**
     * Compares in constant time against the URL as given, then against its other accepted forms (with
     * or without the default port); the second form is only computed when the first does not match.
     */
    public static boolean isValid(String authToken, String url, List<Map.Entry<String, String>> params, String signature) {
        if (signature == null || signature.isEmpty()) {
            return false;
        }
        byte[] given = signature.getBytes(StandardCharsets.UTF_8);
        for (String candidate : urlVariants(url)) {
            if (MessageDigest.isEqual(sign(authToken, candidate, params).getBytes(StandardCharsets.UTF_8), given)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Checks {@code X-Twilio-Signature} of a webhook against the inbox's auth token and, when the
     * inbox names an account, that the webhook is for that account.
     */
    public static void verify(Inbox inbox, WebhookRequest request) {
        String signature = request.header("X-Twilio-Signature").orElse(null);
        FormBody form = request.form();
        if (inbox.secret() == null || !isValid(inbox.secret(), request.publicUrl(), form.pairs(), signature)) {
            throw WebhookRejectedException.badSignature(signature == null
                    ? "the X-Twilio-Signature header is missing"
                    : "X-Twilio-Signature does not match the request signed for " + request.publicUrl()
                            + "; check the inbox's auth token and adapters.public-base-url");
        }
        if (inbox.account() != null && !inbox.account().equals(form.required("AccountSid"))) {
            throw WebhookRejectedException.badSignature("the webhook is for another Twilio account");
        }
    }

    static Set<String> urlVariants(String url) {
        Set<String> variants = new LinkedHashSet<>();
        variants.add(url);
        URI uri = URI.create(url);
        int defaultPort = "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        String authority = uri.getRawAuthority();
        if (uri.getPort() == -1) {
            variants.add(url.replaceFirst(Pattern.quote(authority), authority + ":" + defaultPort));
        } else if (uri.getPort() == defaultPort) {
            variants.add(url.replaceFirst(Pattern.quote(authority), uri.getRawUserInfo() == null
                    ? uri.getHost() : uri.getRawUserInfo() + "@" + uri.getHost()));
        }
        return variants;
    }
}
