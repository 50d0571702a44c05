package io.omnichannel.gateway.adapters.social;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnichannel.gateway.adapters.inbound.WebhookRequest;
import io.omnichannel.gateway.adapters.inbox.Inbox;
import io.omnichannel.gateway.adapters.rest.WebhookRejectedException;
import io.omnichannel.gateway.adapters.support.Samples;
import io.omnichannel.gateway.contract.Channel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MetaSignatureTest {

    @Test
    void matchesThePublishedVectorOverTheExactCrlfBytes() {
        JsonNode vector = Samples.json("social/signature_test_vectors.json").path("published").get(0);
        byte[] body = MetaSamples.bytes("social/" + vector.path("bodyFile").asText());

        String signature = MetaSignature.sign(vector.path("appSecret").asText(), body);

        assertThat(signature).isEqualTo("sha256=" + vector.path("hmacSha256Hex").asText());
        assertThat(MetaSignature.isValid("TestAppSecret", body, vector.path("header").asText().split(": ")[1])).isTrue();
        byte[] lf = new String(body, StandardCharsets.UTF_8).replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8);
        assertThat(MetaSignature.isValid("TestAppSecret", lf, signature)).isFalse();
    }

    @Test
    void matchesTheGithubVectorOfTheSameScheme() {
        JsonNode vector = Samples.json("social/signature_test_vectors.json").path("published").get(1);

        assertThat(MetaSignature.sign(vector.path("secret").asText(), vector.path("body").asText().getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(vector.path("header").asText().split(": ")[1]);
    }

    static Stream<String[]> selfMadeVectors() {
        return Samples.text("social/self_made_vectors_secret_test_app_secret.txt").lines()
                .filter(line -> line.contains("sha256=")).map(line -> line.trim().split("\\s+"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("selfMadeVectors")
    void matchesTheVectorOfEverySample(String file, String header) {
        byte[] body = MetaSamples.bytes("social/" + file);

        assertThat(MetaSignature.isValid(MetaSamples.SECRET, body, header)).isTrue();
        byte[] tampered = Arrays.copyOf(body, body.length);
        tampered[tampered.length / 2] ^= 1;
        assertThat(MetaSignature.isValid(MetaSamples.SECRET, tampered, header)).isFalse();
        assertThat(MetaSignature.isValid("another-secret", body, header)).isFalse();
    }

    @Test
    void verifiesTheUnicodeEscapedBodyAsSentNotAsReserialized() throws Exception {
        byte[] body = MetaSamples.bytes("social/whatsapp/wa_text_unicode_escaped_CONSTRUCTED.json");
        String header = MetaSignature.sign(MetaSamples.SECRET, body);
        ObjectMapper json = new ObjectMapper();
        byte[] unescaped = json.writeValueAsBytes(json.readTree(body));
        assertThat(new String(unescaped, StandardCharsets.UTF_8)).contains("مرحبا");

        MetaSignature.verify(MetaSamples.WHATSAPP, request(body, header));
        assertThatThrownBy(() -> MetaSignature.verify(MetaSamples.WHATSAPP, request(unescaped, header)))
                .satisfies(e -> assertThat(((WebhookRejectedException) e).problem().status()).isEqualTo(403));
    }

    @Test
    void refusesMissingSignaturesWith401AndWrongOnesWith403() {
        byte[] body = MetaSamples.bytes("social/whatsapp/wa_text.json");
        Inbox noSecret = new Inbox("wa-x", Channel.SOCIAL, "whatsapp", null, null, null, null, null, null, Map.of());

        assertThatThrownBy(() -> MetaSignature.verify(MetaSamples.WHATSAPP, request(body, null)))
                .satisfies(e -> assertThat(((WebhookRejectedException) e).problem().status()).isEqualTo(401))
                .hasMessageContaining("X-Hub-Signature-256");
        assertThatThrownBy(() -> MetaSignature.verify(MetaSamples.WHATSAPP, request(body, "sha256=00")))
                .satisfies(e -> assertThat(((WebhookRejectedException) e).problem().status()).isEqualTo(403));
        assertThatThrownBy(() -> MetaSignature.verify(noSecret, request(body, MetaSignature.sign("x", body))))
                .satisfies(e -> assertThat(((WebhookRejectedException) e).problem().status()).isEqualTo(403))
                .hasMessageContaining("no app secret");
    }

    private static WebhookRequest request(byte[] body, String signature) {
        return new WebhookRequest("POST", "https://gateway.test/x", signature == null ? Map.of()
                : Map.of("x-hub-signature-256", List.of(signature)), null, body);
    }
}
