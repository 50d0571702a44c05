package io.omnichannel.gateway.adapters.sms.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnichannel.gateway.adapters.rest.FormBody;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Against the vectors published with Twilio's own libraries (samples/sms/twilio/signature_test_vectors.json). */
class TwilioSignatureTest {

    private final JsonNode vectors = load();
    private final String token = vectors.get("authToken").asText();

    @Test
    void matchesThePublishedSignature() {
        assertThat(TwilioSignature.sign(token, vectors.get("url").asText(), params(vectors.get("params"))))
                .isEqualTo(vectors.get("expectedSignature").asText());
    }

    @Test
    void acceptsTheSignatureMadeWithOrWithoutTheDefaultPort() {
        List<Map.Entry<String, String>> params = params(vectors.get("params"));
        for (JsonNode variant : vectors.get("portVariants")) {
            String url = variant.get("url").asText();
            assertThat(TwilioSignature.sign(token, url, params)).isEqualTo(variant.get("signature").asText());
        }
        String signedWith443 = vectors.get("portVariants").get(0).get("signature").asText();
        assertThat(TwilioSignature.isValid(token, vectors.get("url").asText(), params, signedWith443)).isTrue();
        String signedWithout = vectors.get("expectedSignature").asText();
        assertThat(TwilioSignature.isValid(token, "https://mycompany.com:443/myapp.php?foo=1&bar=2", params, signedWithout))
                .isTrue();
    }

    @Test
    void sortsTheValuesOfARepeatedName() {
        JsonNode duplicate = vectors.get("duplicateKeys");
        List<Map.Entry<String, String>> params = new ArrayList<>();
        duplicate.get("paramsInOrder").forEach(pair -> params.add(new SimpleImmutableEntry<>(pair.get(0).asText(), pair.get(1).asText())));
        assertThat(TwilioSignature.sign(token, duplicate.get("url").asText(), params))
                .isEqualTo(duplicate.get("expectedSignature").asText());
    }

    /**
     * The real inbound SMS of the samples, signed with token "12345" for https://example.com/twilio/sms
     * by the reference channel's independent implementation (verify_twilio.py, SOURCES.md).
     */
    @Test
    void matchesTheSignatureComputedIndependentlyForTheRealInboundSmsSample() throws IOException {
        List<Map.Entry<String, String>> params;
        try (InputStream in = TwilioSignatureTest.class.getResourceAsStream("/samples/sms/twilio/inbound_sms.form")) {
            params = FormBody.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)).pairs();
        }
        assertThat(params).extracting(Map.Entry::getKey).contains("MessageSid", "Body", "From", "To", "ApiVersion");
        assertThat(TwilioSignature.sign("12345", "https://example.com/twilio/sms", params))
                .isEqualTo("5k0YAiT3Klu8KHBmfk4dm0+kqFU=");
        assertThat(TwilioSignature.isValid("12345", "https://example.com/twilio/sms", params, "5k0YAiT3Klu8KHBmfk4dm0+kqFU="))
                .isTrue();
        assertThat(TwilioSignature.isValid("12345", "https://example.com/twilio/sms/", params, "5k0YAiT3Klu8KHBmfk4dm0+kqFU="))
                .isFalse();
    }

    @Test
    void rejectsAWrongMissingOrTamperedSignature() {
        List<Map.Entry<String, String>> params = params(vectors.get("params"));
        String url = vectors.get("url").asText();
        String good = vectors.get("expectedSignature").asText();
        assertThat(TwilioSignature.isValid(token, url, params, good)).isTrue();
        assertThat(TwilioSignature.isValid("other-token", url, params, good)).isFalse();
        assertThat(TwilioSignature.isValid(token, url, params, null)).isFalse();
        assertThat(TwilioSignature.isValid(token, url, params, "")).isFalse();
        List<Map.Entry<String, String>> tampered = new ArrayList<>(params);
        tampered.set(0, new SimpleImmutableEntry<>(tampered.get(0).getKey(), "changed"));
        assertThat(TwilioSignature.isValid(token, url, tampered, good)).isFalse();
    }

    private static List<Map.Entry<String, String>> params(JsonNode object) {
        List<Map.Entry<String, String>> params = new ArrayList<>();
        object.fields().forEachRemaining(field -> params.add(new SimpleImmutableEntry<>(field.getKey(), field.getValue().asText())));
        return params;
    }

    private static JsonNode load() {
        try (InputStream in = TwilioSignatureTest.class.getResourceAsStream("/samples/sms/twilio/signature_test_vectors.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
