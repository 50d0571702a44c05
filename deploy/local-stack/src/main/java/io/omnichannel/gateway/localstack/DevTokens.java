package io.omnichannel.gateway.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Bearer tokens for a local gateway: an RSA key pair kept in the data folder (the conversation
 * service trusts its public key through {@code JWT_PUBLIC_KEY_LOCATION}) and RS256 JWTs signed with
 * it. For local use and tests only; production tokens come from the organisation's identity provider.
 *
 * <p>{@code ./gateway token AGENT [ROLE] [TEAM]} prints one.
 */
public final class DevTokens {

    public static final String ISSUER = "omnichannel-gateway";
    static final String PRIVATE_KEY = "private.pem";
    static final String PUBLIC_KEY = "public.pem";

    private final PrivateKey signingKey;
    private final Path publicKey;

    private DevTokens(PrivateKey signingKey, Path publicKey) {
        this.signingKey = signingKey;
        this.publicKey = publicKey;
    }

    /** The key pair in {@code dir}, created on first use. */
    public static DevTokens in(Path dir) {
        try {
            Files.createDirectories(dir);
            Path privatePem = dir.resolve(PRIVATE_KEY);
            Path publicPem = dir.resolve(PUBLIC_KEY);
            if (!Files.exists(privatePem) || !Files.exists(publicPem)) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                Files.writeString(publicPem, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
                Files.writeString(privatePem, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            }
            String base64 = Files.readString(privatePem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            return new DevTokens(key, publicPem);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the token keys in " + dir, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the token keys in " + dir, e);
        }
    }

    /** The PEM file the conversation service verifies tokens with. */
    public Path publicKey() {
        return publicKey;
    }

    /** A token for {@code agent} with {@code roles} (agent, supervisor, admin) in {@code teams}, valid for {@code ttl}. */
    public String mint(String agent, List<String> roles, List<String> teams, Duration ttl) {
        Instant now = Instant.now();
        String header = json("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
        String claims = json("{\"iss\":\"" + ISSUER + "\",\"sub\":" + quote(agent) + ",\"upn\":" + quote(agent)
                + ",\"groups\":" + array(roles) + ",\"teams\":" + array(teams)
                + ",\"iat\":" + now.getEpochSecond() + ",\"exp\":" + now.plus(ttl).getEpochSecond()
                + ",\"jti\":\"" + UUID.randomUUID() + "\"}");
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(signingKey);
            rsa.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
            return header + "." + claims + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign the token", e);
        }
    }

    /** {@code DevTokens KEY_DIR AGENT [ROLE] [TEAM]}: prints a token valid for 12 hours. */
    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: ./gateway token AGENT [ROLE (agent|supervisor|admin)] [TEAM]");
            System.exit(2);
        }
        List<String> roles = List.of(args.length > 2 ? args[2] : "agent");
        List<String> teams = args.length > 3 ? List.of(args[3]) : List.of();
        System.out.println(in(Path.of(args[0])).mint(args[1], roles, teams, Duration.ofHours(12)));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static String json(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String array(List<String> values) {
        return values.stream().map(DevTokens::quote).collect(Collectors.joining(",", "[", "]"));
    }

    private static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
