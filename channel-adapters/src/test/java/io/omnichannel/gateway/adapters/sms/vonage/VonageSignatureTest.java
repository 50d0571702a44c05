package io.omnichannel.gateway.adapters.sms.vonage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnichannel.gateway.adapters.support.Samples;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Against the vectors published with Vonage's SDKs (samples/sms/vonage/signature_test_vectors.json). */
class VonageSignatureTest {

    private final JsonNode vectors = Samples.json("sms/vonage/signature_test_vectors.json");
    private final String secret = vectors.get("secret").asText();
    private final Map<String, String> params = params(vectors.get("params"));

    @Test
    void buildsTheSignedStringSortedByteWise() {
        assertThat(VonageSignature.signedString(params)).isEqualTo(vectors.get("signedString").asText());
    }

    @Test
    void matchesEveryPublishedMethod() {
        vectors.get("expected").fields().forEachRemaining(method ->
                assertThat(VonageSignature.sign(method.getKey(), secret, params)).as(method.getKey())
                        .isEqualTo(method.getValue().asText()));
        JsonNode small = vectors.get("smallVector");
        assertThat(VonageSignature.sign("md5hash", small.get("secret").asText(), params(small.get("params"))))
                .isEqualTo(small.get("md5hash").asText());
    }

    @Test
    void acceptsTheSignatureInEitherCaseAndRejectsTampering() {
        String sha256 = vectors.get("expected").get("sha256").asText();
        assertThat(VonageSignature.isValid("sha256", secret, params, sha256)).isTrue();
        assertThat(VonageSignature.isValid("sha256", secret, params, sha256.toLowerCase())).isTrue();
        assertThat(VonageSignature.isValid("sha256", "other", params, sha256)).isFalse();
        assertThat(VonageSignature.isValid("sha256", secret, params, null)).isFalse();
        Map<String, String> tampered = new LinkedHashMap<>(params);
        tampered.put("text", "Test again!");
        assertThat(VonageSignature.isValid("sha256", secret, tampered, sha256)).isFalse();
    }

    @Test
    void ignoresSigAndReplacesAmpersandsAndEqualsInValues() {
        Map<String, String> withSig = new LinkedHashMap<>(params);
        withSig.put("sig", "anything");
        assertThat(VonageSignature.signedString(withSig)).isEqualTo(VonageSignature.signedString(params));
        assertThat(VonageSignature.signedString(Map.of("text", "a&b=c"))).isEqualTo("&text=a_b_c");
    }

    @Test
    void verifiesEachPartOfTheConstructedConcatenatedSample() {
        JsonNode sample = Samples.json("sms/vonage/CONSTRUCTED_inbound_concat_signed.json");
        for (JsonNode part : sample.get("parts")) {
            Map<String, String> signed = params(part);
            assertThat(VonageSignature.isValid("md5hash", sample.get("secret").asText(), signed, signed.get("sig"))).isTrue();
        }
    }

    static Map<String, String> params(JsonNode object) {
        Map<String, String> params = new LinkedHashMap<>();
        object.fields().forEachRemaining(field -> params.put(field.getKey(), field.getValue().asText()));
        return params;
    }
}
