package io.omnichannel.gateway.adapters.email;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import io.omnichannel.gateway.adapters.api.ApiSignature;
import io.omnichannel.gateway.adapters.support.Broker;
import io.omnichannel.gateway.adapters.support.GreenMailResource;
import io.omnichannel.gateway.adapters.support.InjectGreenMail;
import io.omnichannel.gateway.adapters.support.Samples;
import io.omnichannel.gateway.adapters.support.WireMockResource;
import io.omnichannel.gateway.contract.Channel;
import io.omnichannel.gateway.contract.CloudEventRecords;
import io.omnichannel.gateway.contract.DeliveryReceipt;
import io.omnichannel.gateway.contract.DeliveryStatus;
import io.omnichannel.gateway.contract.InboundMessage;
import io.omnichannel.gateway.contract.OutboundMessage;
import io.omnichannel.gateway.contract.Topics;
import io.omnichannel.gateway.localstack.InjectLocalStack;
import io.omnichannel.gateway.localstack.LocalStack;
import io.omnichannel.gateway.localstack.LocalStackResource;
import io.omnichannel.gateway.localstack.TopicProbe;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The email channel against a real broker, database and mail server (GreenMail): mail in by IMAP and
 * by the three webhooks, replies out by SMTP, threaded so the customer's answer comes back into the
 * same conversation; automated mail and our own mail are not routed, bounces become receipts.
 */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class, initArgs = @ResourceArg(name = "databases", value = "adapters"))
@WithTestResource(WireMockResource.class)
@WithTestResource(GreenMailResource.class)
class EmailChannelTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @InjectLocalStack
    LocalStack stack;

    @InjectGreenMail
    GreenMail mail;

    @Test
    void mailRoundTripThreadsInTheCustomersMailbox() throws Exception {
        String customer = "dana." + UUID.randomUUID().toString().substring(0, 8) + "@customer.example";
        String firstId = "first-" + UUID.randomUUID() + "@customer.example";
        deliver(mail(customer, "Dana Customer", GreenMailResource.SUPPORT, "Where is my parcel?", firstId, null,
                "Hello,\r\nmy parcel has not arrived.\r\n\r\nDana\r\n"));

        InboundMessage first = awaitInbound(firstId);
        assertThat(first.channel()).isEqualTo(Channel.EMAIL);
        assertThat(first.provider()).isEqualTo("imap");
        assertThat(first.inbox()).isEqualTo("mail-imap");
        assertThat(first.customer().handle()).isEqualTo(customer);
        assertThat(first.customer().displayName()).isEqualTo("Dana Customer");
        assertThat(first.subject()).isEqualTo("Where is my parcel?");
        assertThat(first.text()).contains("my parcel has not arrived.");
        assertThat(first.threadRef()).isEqualTo(firstId);
        await().atMost(WAIT).untilAsserted(() -> assertThat(seen(GreenMailResource.SUPPORT, firstId)).isTrue());

        String conversationId = UUID.randomUUID().toString();
        OutboundMessage reply = new OutboundMessage(UUID.randomUUID().toString(), conversationId, Channel.EMAIL, "imap",
                "mail-imap", customer, "ana", "Re: Where is my parcel?", "It left our warehouse today.",
                "<p>It left our warehouse <b>today</b>.</p>", List.of(), firstId, Instant.now(), null);
        try (TopicProbe receipts = new TopicProbe(stack.kafkaBootstrapServers(), Topics.DELIVERY)) {
            Broker.publishReply(stack.kafkaBootstrapServers(), reply);
            DeliveryReceipt sent = Broker.receipt(receipts.await(r -> Broker.contains(r, reply.id()), 1, WAIT).get(0));
            assertThat(sent.status()).isEqualTo(DeliveryStatus.SENT);
        }
        MimeMessage received = awaitMail(customer, "Re: Where is my parcel?");
        String ourId = GatewayMessageIds.forReply(reply.id(), conversationId, GreenMailResource.SUPPORT);
        assertThat(received.getHeader("Message-ID")[0]).isEqualTo("<" + ourId + ">");
        assertThat(received.getHeader("In-Reply-To")[0]).isEqualTo("<" + firstId + ">");
        assertThat(received.getHeader("References")[0]).isEqualTo("<" + firstId + ">");
        assertThat(received.getHeader(SmtpReplyChannel.LOOP_HEADER)[0]).isEqualTo(GreenMailResource.SUPPORT);
        assertThat(((InternetAddress) received.getReplyTo()[0]).getAddress())
                .isEqualTo("support+conv-" + conversationId + "@gateway.test");
        assertThat(((InternetAddress) received.getFrom()[0]).getPersonal()).isEqualTo("Example Support");
        assertThat(received.getContentType()).startsWith("multipart/alternative");

        String answerId = "answer-" + UUID.randomUUID() + "@customer.example";
        deliver(mail(customer, "Dana Customer", GreenMailResource.SUPPORT, "Re: Where is my parcel?", answerId,
                List.of(firstId, ourId), "Thank you!\r\n\r\nOn Tue, Support wrote:\r\n> It left our warehouse today.\r\n"));
        InboundMessage answer = awaitInbound(answerId);
        assertThat(answer.metadata()).containsEntry("conversation-id", conversationId);
        assertThat(answer.threadRef()).isEqualTo(firstId);
        assertThat(answer.conversationKey()).isEqualTo(first.conversationKey());
        assertThat(answer.text().strip()).isEqualTo("Thank you!");
    }

    @Test
    void autoRepliesAndOurOwnMailOpenNoConversation() throws Exception {
        String outOfOffice = "ooo-" + UUID.randomUUID() + "@customer.example";
        MimeMessage autoReply = mail("away@customer.example", null, GreenMailResource.SUPPORT, "Automatic reply: Re: order",
                outOfOffice, null, "I am out of the office until Monday.");
        autoReply.setHeader("Auto-Submitted", "auto-replied");
        deliver(autoReply);
        String ownId = "own-" + UUID.randomUUID() + "@gateway.test";
        deliver(mail(GreenMailResource.SUPPORT, null, GreenMailResource.SUPPORT, "Re: looping", ownId, null, "our reply"));
        String normalId = "normal-" + UUID.randomUUID() + "@customer.example";
        deliver(mail("real@customer.example", null, GreenMailResource.SUPPORT, "A real question", normalId, null, "Hi"));

        awaitInbound(normalId);
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(seen(GreenMailResource.SUPPORT, outOfOffice)).isTrue();
            assertThat(seen(GreenMailResource.SUPPORT, ownId)).isTrue();
        });
        try (TopicProbe inbound = new TopicProbe(stack.kafkaBootstrapServers(), Topics.INBOUND)) {
            List<ConsumerRecord<String, byte[]>> all = inbound.poll(Duration.ofSeconds(2));
            assertThat(all).noneMatch(r -> Broker.contains(r, outOfOffice) || Broker.contains(r, ownId));
        }
    }

    @Test
    void aBounceOfOurReplyIsAFailedReceipt() throws Exception {
        String customer = "gone." + UUID.randomUUID().toString().substring(0, 8) + "@customer.example";
        OutboundMessage reply = new OutboundMessage(UUID.randomUUID().toString(), UUID.randomUUID().toString(), Channel.EMAIL,
                "imap", "mail-imap", customer, "ana", "Re: hello", "Hello again", null, List.of(), null, Instant.now(), null);
        String ourId = GatewayMessageIds.forReply(reply.id(), reply.conversationId(), GreenMailResource.SUPPORT);
        try (TopicProbe receipts = new TopicProbe(stack.kafkaBootstrapServers(), Topics.DELIVERY)) {
            Broker.publishReply(stack.kafkaBootstrapServers(), reply);
            receipts.await(r -> Broker.contains(r, reply.id()) && Broker.contains(r, "sent"), 1, WAIT);

            MimeMessage bounce = new MimeMessage(Session.getInstance(new Properties()));
            bounce.setFrom(new InternetAddress("MAILER-DAEMON@mx.customer.example"));
            bounce.setRecipient(Message.RecipientType.TO, new InternetAddress(GreenMailResource.SUPPORT));
            bounce.setSubject("Undelivered Mail Returned to Sender");
            bounce.setContent(new jakarta.mail.internet.MimeMultipart("report",
                    new jakarta.mail.internet.MimeBodyPart[] {
                            textPart("text/plain", "The mail to " + customer + " could not be delivered: user unknown."),
                            textPart("message/delivery-status", "Reporting-MTA: dns; mx.customer.example\r\n\r\n"
                                    + "Final-Recipient: rfc822; " + customer + "\r\nAction: failed\r\nStatus: 5.1.1\r\n"),
                            textPart("text/rfc822-headers", "Message-ID: <" + ourId + ">\r\nSubject: Re: hello\r\n")}));
            bounce.setHeader("Content-Type", "multipart/report; report-type=delivery-status; boundary=\""
                    + new jakarta.mail.internet.ContentType(bounce.getContentType()).getParameter("boundary") + "\"");
            bounce.saveChanges();
            deliver(bounce);

            List<ConsumerRecord<String, byte[]>> failed = receipts.await(
                    r -> Broker.contains(r, reply.id()) && Broker.receipt(r).status() == DeliveryStatus.FAILED, 1, WAIT);
            assertThat(failed).hasSize(1);
            assertThat(Broker.receipt(failed.get(0)).reason()).startsWith("the mail bounced");
        }
    }

    @Test
    void aMailWithoutSenderIsFlaggedAndKept() throws Exception {
        String id = "nofrom-" + UUID.randomUUID() + "@somewhere.example";
        MimeMessage anonymous = mail("x@somewhere.example", null, GreenMailResource.SUPPORT, "who am I", id, null, "text");
        anonymous.removeHeader("From");
        deliver(anonymous);

        await().atMost(WAIT).untilAsserted(() -> assertThat(flagged(GreenMailResource.SUPPORT, id)).isTrue());
        try (TopicProbe inbound = new TopicProbe(stack.kafkaBootstrapServers(), Topics.INBOUND)) {
            assertThat(inbound.poll(Duration.ofSeconds(1))).noneMatch(r -> Broker.contains(r, id));
        }
    }

    @Test
    void rawMimeWebhookIsSignedAndKeepsAttachments() {
        byte[] raw = Samples.bytes("email/mime/CONSTRUCTED_rtl_arabic_persian_windows-1256_utf8.eml");

        Response response = postRaw("mail-raw", raw, Instant.now().getEpochSecond(), "test-mime-secret");

        response.then().statusCode(200);
        InboundMessage message = awaitInbound("rtl-test-0001@example.ir");
        assertThat(message.id()).isEqualTo(response.path("id"));
        assertThat(message.provider()).isEqualTo("mime");
        assertThat(message.customer().handle()).isEqualTo("ali.rezaei@example.ir");
        assertThat(message.subject()).isEqualTo("سفارش شماره ۱۲۳۴۵ – مشکل در پرداخت (Order #12345)");
        assertThat(message.text()).contains("لم تصلني الفاتورة رقم 12345");
        assertThat(message.html()).contains("dir=\"rtl\"").doesNotContain("<script");
        assertThat(message.threadRef()).isEqualTo("ticket-12345@support.example.com");
        assertThat(message.attachments()).singleElement().satisfies(file -> {
            assertThat(file.name()).isEqualTo("فاکتور-۱۲۳۴۵.pdf");
            assertThat(file.contentType()).isEqualTo("application/pdf");
            byte[] content = given().get(file.ref().replace("https://gateway.test", "")).then().statusCode(200)
                    .extract().asByteArray();
            assertThat((long) content.length).isEqualTo(file.size());
        });
        postRaw("mail-raw", raw, Instant.now().getEpochSecond(), "test-mime-secret").then().statusCode(200)
                .body("id", org.hamcrest.Matchers.equalTo(message.id()));
    }

    @Test
    void rawMimeWebhookRefusesBadRequestsWithProblems() {
        byte[] raw = Samples.bytes("email/mime/mime4j_german-qp.eml");
        long now = Instant.now().getEpochSecond();

        given().contentType("message/rfc822").body(raw).post("/webhooks/email/mime/mail-raw")
                .then().statusCode(401).contentType("application/problem+json");
        postRaw("mail-raw", raw, now, "wrong-secret").then().statusCode(403).contentType("application/problem+json");
        postRaw("mail-raw", raw, now - 3600, "test-mime-secret").then().statusCode(401);
        postRaw("nobody", raw, now, "test-mime-secret").then().statusCode(404).contentType("application/problem+json");
        postRaw("mail-raw", new byte[0], now, "test-mime-secret").then().statusCode(400)
                .contentType("application/problem+json").body("field", org.hamcrest.Matchers.equalTo("body"));
        byte[] huge = new byte[2 * 1024 * 1024 + 1];
        java.util.Arrays.fill(huge, (byte) 'a');
        postRaw("mail-raw", huge, now, "test-mime-secret").then().statusCode(413).contentType("application/problem+json");
        given().get("/email/attachments/" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void sendGridAndMailgunWebhooksPublishTheMail() {
        String basic = "Basic " + Base64.getEncoder().encodeToString("sendgrid:test-sendgrid-secret".getBytes(StandardCharsets.UTF_8));
        given().header("Authorization", basic).contentType("multipart/form-data; boundary=xYzZY")
                .body(Samples.bytes("email/webhooks/sendgrid_inbound_parse_default.multipart"))
                .post("/webhooks/email/sendgrid/mail-sendgrid").then().statusCode(200);
        given().contentType("multipart/form-data; boundary=xYzZY")
                .body(Samples.bytes("email/webhooks/sendgrid_inbound_parse_default.multipart"))
                .post("/webhooks/email/sendgrid/mail-sendgrid").then().statusCode(401);

        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        String token = UUID.randomUUID().toString().replace("-", "");
        String form = Samples.text("email/webhooks/CONSTRUCTED_mailgun_route_forward.form")
                .replaceAll("timestamp=\\d+", "timestamp=" + timestamp)
                .replaceAll("token=[0-9a-f]+", "token=" + token)
                .replaceAll("signature=[0-9a-f]+", "signature="
                        + MailgunRoute.signature("key-CONSTRUCTED-test-signing-key", timestamp, token));
        String id = given().contentType("application/x-www-form-urlencoded").body(form)
                .post("/webhooks/email/mailgun/mail-mailgun").then().statusCode(200).extract().path("id");

        InboundMessage mailgun = awaitInbound("CAF=abc123@mail.example.com");
        assertThat(mailgun.id()).isEqualTo(id);
        assertThat(mailgun.text()).isEqualTo("Thanks, it works now.");
        try (TopicProbe inbound = new TopicProbe(stack.kafkaBootstrapServers(), Topics.INBOUND)) {
            assertThat(inbound.await(r -> Broker.contains(r, "Hello Twilio SendGrid!"), 1, WAIT)).hasSize(1);
        }
        given().contentType("application/x-www-form-urlencoded").body(form.replaceAll("signature=[0-9a-f]+", "signature=00"))
                .post("/webhooks/email/mailgun/mail-mailgun").then().statusCode(403);
    }

    private Response postRaw(String inbox, byte[] raw, long timestamp, String secret) {
        return given().contentType("message/rfc822")
                .header(ApiSignature.TIMESTAMP_HEADER, String.valueOf(timestamp))
                .header(ApiSignature.SIGNATURE_HEADER, ApiSignature.sign(secret, timestamp, raw))
                .body(raw).post("/webhooks/email/mime/" + inbox);
    }

    private InboundMessage awaitInbound(String externalId) {
        try (TopicProbe inbound = new TopicProbe(stack.kafkaBootstrapServers(), Topics.INBOUND)) {
            List<ConsumerRecord<String, byte[]>> records = inbound.await(r -> Broker.contains(r, externalId), 1, WAIT);
            assertThat(records).as("inbound message " + externalId).isNotEmpty();
            return CloudEventRecords.data(CloudEventRecords.read(records.get(0)), InboundMessage.class);
        }
    }

    private void deliver(MimeMessage message) throws Exception {
        message.saveChanges();
        String messageId = message.getHeader("Message-ID")[0];
        mail.getUserManager().getUser(GreenMailResource.SUPPORT).deliver(message);
        assertThat(messageId).isNotBlank();
    }

    private MimeMessage mail(String from, String name, String to, String subject, String messageId, List<String> references,
            String text) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties())) {
            @Override
            protected void updateMessageID() throws jakarta.mail.MessagingException {
                setHeader("Message-ID", "<" + messageId + ">");
            }
        };
        message.setFrom(new InternetAddress(from, name, "UTF-8"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject, "UTF-8");
        message.setText(text, "UTF-8");
        if (references != null) {
            message.setHeader("In-Reply-To", "<" + references.get(references.size() - 1) + ">");
            message.setHeader("References", String.join(" ", references.stream().map(id -> "<" + id + ">").toList()));
        }
        return message;
    }

    private static jakarta.mail.internet.MimeBodyPart textPart(String type, String content) throws Exception {
        jakarta.mail.internet.MimeBodyPart part = new jakarta.mail.internet.MimeBodyPart();
        part.setContent(content, type);
        part.setHeader("Content-Type", type);
        return part;
    }

    private MimeMessage awaitMail(String user, String subject) {
        return await().atMost(WAIT).until(() -> {
            for (MimeMessage message : mail.getReceivedMessages()) {
                if (message.getAllRecipients() != null && user.equalsIgnoreCase(((InternetAddress) message.getAllRecipients()[0]).getAddress())
                        && subject.equals(message.getSubject())) {
                    return message;
                }
            }
            return null;
        }, java.util.Objects::nonNull);
    }

    private boolean seen(String user, String messageId) throws Exception {
        return hasFlag(user, messageId, Flags.Flag.SEEN);
    }

    private boolean flagged(String user, String messageId) throws Exception {
        return hasFlag(user, messageId, Flags.Flag.FLAGGED);
    }

    private boolean hasFlag(String user, String messageId, Flags.Flag flag) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.imap.peek", "true");
        Store store = Session.getInstance(properties).getStore("imap");
        store.connect("127.0.0.1", mail.getImap().getPort(), user, GreenMailResource.SUPPORT_PASSWORD);
        try (store; Folder inbox = store.getFolder("INBOX")) {
            inbox.open(Folder.READ_ONLY);
            for (Message message : inbox.getMessages()) {
                String[] ids = message.getHeader("Message-ID");
                if (ids != null && ids[0].contains(messageId)) {
                    return message.isSet(flag);
                }
            }
            return false;
        }
    }
}
