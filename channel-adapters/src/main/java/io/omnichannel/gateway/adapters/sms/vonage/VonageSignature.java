package io.omnichannel.gateway.adapters.sms.vonage;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Vonage's signed SMS webhooks: the parameters except {@code sig}, sorted by name (byte order), as
 * {@code &name=value...} with {@code &} and {@code =} inside values replaced by {@code _}; then
 * {@code md5hash} = lowercase hex MD5(string + secret), or {@code md5}/{@code sha1}/{@code sha256}/
 * {@code sha512} = uppercase hex HMAC(secret, string). Compared in constant time, case-insensitively.
 */
public final class VonageSignature {

    private VonageSignature() {
    }

    public static String signedString(Map<String, String> params) {
        StringBuilder signed = new StringBuilder();
        new TreeMap<>(params).forEach((name, value) -> {
            if (!"sig".equals(name)) {
                signed.append('&').append(name).append('=').append(value.replace('&', '_').replace('=', '_'));
            }
        });
        return signed.toString();
    }

    public static String sign(String method, String secret, Map<String, String> params) {
        String signed = signedString(params);
        try {
            if ("md5hash".equals(method)) {
                return HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                        .digest((signed + secret).getBytes(StandardCharsets.UTF_8)));
            }
            String algorithm = switch (method) {
                case "md5" -> "HmacMD5";
                case "sha1" -> "HmacSHA1";
                case "sha256" -> "HmacSHA256";
                case "sha512" -> "HmacSHA512";
                default -> throw new IllegalArgumentException("unknown Vonage signature method '" + method
                        + "', expected md5hash, md5, sha1, sha256 or sha512");
            };
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
            return HexFormat.of().withUpperCase().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(method + " unavailable", e);
        }
    }

    public static boolean isValid(String method, String secret, Map<String, String> params, String sig) {
        if (sig == null || sig.isBlank()) {
            return false;
        }
        byte[] expected = sign(method, secret, params).toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, sig.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
    }
}
