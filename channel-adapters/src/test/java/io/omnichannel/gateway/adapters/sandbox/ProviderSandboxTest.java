package io.omnichannel.gateway.adapters.sandbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import io.omnichannel.gateway.adapters.http.ProviderHttp;
import io.omnichannel.gateway.adapters.support.WireMockResource;
import io.omnichannel.gateway.localstack.LocalStackResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.ws.rs.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The local stand-ins of the providers' send APIs answer as the providers do (tests run with the sandbox on). */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class, initArgs = @ResourceArg(name = "databases", value = "adapters"))
@WithTestResource(WireMockResource.class)
class ProviderSandboxTest {

    @Test
    void takesATwilioMessageAndAnswersWithItsResource() {
        String customer = "+1415555" + (1000 + (int) (Math.random() * 8999));
        // as TwilioOutboundChannel posts it: form-encoded in UTF-8
        String form = ProviderHttp.form(List.of(Map.entry("To", customer), Map.entry("From", "+15550001111"),
                Map.entry("Body", "Your parcel ships today — 你好"), Map.entry("MediaUrl", "https://example.com/label.pdf")));
        given().contentType("application/x-www-form-urlencoded").body(form)
                .post("/sandbox/twilio/2010-04-01/Accounts/AClocal/Messages.json")
                .then().statusCode(201)
                .body("sid", matchesPattern("SM[0-9a-f]{32}"), "status", equalTo("queued"), "to", equalTo(customer),
                        "account_sid", equalTo("AClocal"), "num_media", equalTo("1"));

        SentMessage sent = lastSent();
        assertThat(sent.provider()).isEqualTo("twilio");
        assertThat(sent.to()).isEqualTo(customer);
        assertThat(sent.text()).startsWith("Your parcel ships today — 你好").contains("label.pdf");
    }

    @Test
    void takesWhatsAppAndMessengerMessagesAndAnswersWithTheirIds() {
        String wa = "97298" + (1_000_000 + (int) (Math.random() * 8_999_999));
        given().contentType("application/json")
                .body("{\"messaging_product\":\"whatsapp\",\"to\":\"" + wa + "\",\"type\":\"text\",\"text\":{\"body\":\"Hello\"}}")
                .post("/sandbox/graph/1122334455667/messages")
                .then().statusCode(200)
                .body("messaging_product", equalTo("whatsapp"), "contacts[0].wa_id", equalTo(wa),
                        "messages[0].id", matchesPattern("wamid\\.[0-9a-f]{32}"));
        assertThat(lastSent().text()).isEqualTo("Hello");

        given().contentType("application/json")
                .body("{\"recipient\":{\"id\":\"PSID-1\"},\"messaging_type\":\"RESPONSE\",\"message\":{\"text\":\"Hi there\"}}")
                .post("/sandbox/graph/me/messages")
                .then().statusCode(200)
                .body("recipient_id", equalTo("PSID-1"), "message_id", matchesPattern("m_[0-9a-f]{32}"));
        SentMessage sent = lastSent();
        assertThat(sent.to()).isEqualTo("PSID-1");
        assertThat(sent.text()).isEqualTo("Hi there");
    }

    @Test
    void takesAnApiChannelReply() {
        String delivery = UUID.randomUUID().toString();
        given().contentType("application/json").header("X-Gateway-Delivery", delivery)
                .body("{\"id\":\"" + delivery + "\",\"inbox\":\"api-local\",\"to\":\"user-42\",\"text\":\"It ships tomorrow.\"}")
                .post("/sandbox/api/replies")
                .then().statusCode(200);

        SentMessage sent = lastSent();
        assertThat(sent.id()).isEqualTo(delivery);
        assertThat(sent.to()).isEqualTo("user-42");
        assertThat(sent.text()).isEqualTo("It ships tomorrow.");
    }

    @Test
    void isNotThereUnlessEnabled() {
        ProviderSandbox off = new ProviderSandbox(() -> false);
        assertThatThrownBy(() -> off.twilioMessage("AClocal", "To=%2B1&Body=x".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("adapters.sandbox.enabled");
        assertThatThrownBy(off::sent).isInstanceOf(NotFoundException.class);
    }

    private static SentMessage lastSent() {
        List<SentMessage> sent = List.of(given().get("/sandbox/sent").then().statusCode(200).extract().as(SentMessage[].class));
        assertThat(sent).isNotEmpty();
        return sent.get(0);
    }
}
