package io.omnichannel.gateway.adapters.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.gateway.adapters.support.Broker;
import io.omnichannel.gateway.adapters.support.WireMockResource;
import io.omnichannel.gateway.contract.Channel;
import io.omnichannel.gateway.contract.CloudEventRecords;
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
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.chrome.ChromeDriver;

/** The widget in a real (headless) Chromium against the running adapter, broker and database. */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class, initArgs = @ResourceArg(name = "databases", value = "adapters"))
@WithTestResource(WireMockResource.class)
class ChatWidgetBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @InjectLocalStack
    LocalStack stack;

    @TestHTTPResource("/chat/")
    URL page;

    private Path profile;
    private ChromeDriver browser;

    @BeforeAll
    static void installChromium() {
        Chromium.ensureInstalled();
    }

    @BeforeEach
    void openBrowser() throws IOException {
        profile = Files.createTempDirectory("chat-widget-chromium");
        browser = Chromium.start(profile);
    }

    @AfterEach
    void closeBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        try (var files = Files.walk(profile)) {
            files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void chatsThroughADroppedConnectionWithoutLosingOrDoublingMessages() {
        browser.get(page.toString());
        String visitor = visitorHandle();
        String run = UUID.randomUUID().toString().substring(0, 8);

        // a message typed in the page is on Kafka, and its bubble gets its tick
        type("Hello from the browser " + run);
        Map<?, ?> first = awaitBubble("visitor", "Hello from the browser " + run, "sent");
        assertThat(first.get("tick")).isEqualTo("✓");
        assertThat(first.get("direction")).isEqualTo("ltr");
        InboundMessage hello = inbound("Hello from the browser " + run, 1).get(0);
        assertThat(hello.customer().handle()).isEqualTo(visitor);
        assertThat(hello.provider()).isEqualTo("webchat");

        // an agent's reply appears live; shown on a visible page it is read, and reported so
        OutboundMessage reply = reply(visitor, "Hi! How can I help? " + run);
        Broker.publishReply(stack.kafkaBootstrapServers(), reply);
        Map<?, ?> agent = awaitBubble("agent", reply.text(), "read");
        assertThat(agent.get("tick")).isEqualTo("✓✓");
        assertThat(receiptStatuses(reply.id(), 3)).contains(DeliveryStatus.SENT, DeliveryStatus.DELIVERED, DeliveryStatus.READ);

        // Persian is shown right to left
        type("سلام، سفارش من کجاست؟ " + run);
        assertThat(awaitBubble("visitor", "سلام، سفارش من کجاست؟ " + run, "sent").get("direction")).isEqualTo("rtl");

        // the connection drops with a message in flight; more are written, a reply comes meanwhile
        type("In flight " + run);
        js().executeScript("OmnichannelChat.web.dropConnection()");
        type("Written offline 1 " + run);
        type("Written offline 2 " + run);
        OutboundMessage whileAway = reply(visitor, "پاسخ در زمان قطع ارتباط " + run);
        Broker.publishReply(stack.kafkaBootstrapServers(), whileAway);

        // after the reconnect every message is sent once and every reply shown once
        Awaitility.await().atMost(WAIT).until(() -> ((Number) js().executeScript("return OmnichannelChat.web.sessions()")).intValue() == 2);
        awaitBubble("visitor", "Written offline 2 " + run, "sent");
        awaitBubble("visitor", "In flight " + run, "sent");
        assertThat(awaitBubble("agent", whileAway.text(), "read").get("direction")).isEqualTo("rtl");
        List<String> sent = List.of("Hello from the browser " + run, "سلام، سفارش من کجاست؟ " + run, "In flight " + run,
                "Written offline 1 " + run, "Written offline 2 " + run);
        Map<String, Long> onKafka = inbound(run, sent.size()).stream()
                .collect(Collectors.groupingBy(InboundMessage::text, Collectors.counting()));
        assertThat(onKafka).containsOnlyKeys(sent).allSatisfy((text, count) -> assertThat(count).as(text).isEqualTo(1));
        assertThat(texts("visitor")).containsExactlyElementsOf(sent);
        assertThat(texts("agent")).containsExactly(reply.text(), whileAway.text());
        assertThat((List<?>) js().executeScript("return OmnichannelChat.web.state().outbox")).isEmpty();

        // a reload shows the same conversation, nothing twice
        browser.navigate().refresh();
        Awaitility.await().atMost(WAIT).until(() -> texts("agent").size() == 2 && texts("visitor").size() == 5);
        assertThat(texts("agent")).containsExactly(reply.text(), whileAway.text());
    }

    @Test
    void fallsBackToPlainHttpWhereThereAreNoWebSockets() {
        browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", "window.WebSocket = undefined;"));
        browser.get(page.toString());
        String visitor = visitorHandle();
        String run = UUID.randomUUID().toString().substring(0, 8);

        type("Over HTTP " + run);
        awaitBubble("visitor", "Over HTTP " + run, "sent");
        assertThat(inbound("Over HTTP " + run, 1).get(0).customer().handle()).isEqualTo(visitor);
        OutboundMessage reply = reply(visitor, "Answered over a long poll " + run);
        Broker.publishReply(stack.kafkaBootstrapServers(), reply);

        assertThat(awaitBubble("agent", reply.text(), "read").get("tick")).isEqualTo("✓✓");
        assertThat(receiptStatuses(reply.id(), 3)).contains(DeliveryStatus.SENT, DeliveryStatus.DELIVERED, DeliveryStatus.READ);
        assertThat(((Number) js().executeScript("return OmnichannelChat.web.sessions()")).intValue()).isZero();
    }

    private void type(String text) {
        WebElement textarea = widget().findElement(By.cssSelector("textarea"));
        textarea.sendKeys(text);
        widget().findElement(By.cssSelector(".compose button")).click();
    }

    private SearchContext widget() {
        return Awaitility.await().atMost(WAIT).ignoreExceptions()
                .until(() -> browser.findElement(By.cssSelector(".omnichannel-chat")).getShadowRoot(), root -> root != null);
    }

    /** The bubble's status, tick and text direction, read in one go (the widget re-renders its log). */
    private Map<?, ?> awaitBubble(String kind, String text, String status) {
        return Awaitility.await().atMost(WAIT).ignoreExceptions().until(() -> (Map<?, ?>) js().executeScript("""
                var kind = arguments[0], text = arguments[1];
                var root = document.querySelector('.omnichannel-chat').shadowRoot;
                var bubble = Array.from(root.querySelectorAll('.bubble.' + kind))
                    .filter(function (b) { return b.querySelector('.text').textContent === text; })[0];
                return bubble ? {status: bubble.dataset.status, tick: bubble.querySelector('.tick').textContent,
                    direction: getComputedStyle(bubble.querySelector('.text')).direction} : null;""",
                kind, text), bubble -> bubble != null && status.equals(bubble.get("status")));
    }

    @SuppressWarnings("unchecked")
    private List<String> texts(String kind) {
        return (List<String>) js().executeScript("""
                return Array.from(document.querySelector('.omnichannel-chat').shadowRoot
                    .querySelectorAll('.bubble.' + arguments[0] + ' .text')).map(function (t) { return t.textContent; });""",
                kind);
    }

    private String visitorHandle() {
        String id = Awaitility.await().atMost(WAIT).ignoreExceptions()
                .until(() -> (String) js().executeScript("return OmnichannelChat.web.state().visitorId"), v -> v != null);
        return Visitor.ANONYMOUS_PREFIX + id;
    }

    private JavascriptExecutor js() {
        return browser;
    }

    private List<InboundMessage> inbound(String text, int count) {
        try (TopicProbe probe = new TopicProbe(stack.kafkaBootstrapServers(), Topics.INBOUND)) {
            List<ConsumerRecord<String, byte[]>> records = probe.await(r -> Broker.contains(r, text), count, WAIT);
            // and nothing more arrives afterwards
            List<ConsumerRecord<String, byte[]>> all = probe.poll(Duration.ofSeconds(2)).stream()
                    .filter(r -> Broker.contains(r, text)).toList();
            assertThat(all).hasSameSizeAs(records);
            return all.stream().map(r -> CloudEventRecords.data(CloudEventRecords.read(r), InboundMessage.class)).toList();
        }
    }

    private List<DeliveryStatus> receiptStatuses(String replyId, int count) {
        try (TopicProbe probe = new TopicProbe(stack.kafkaBootstrapServers(), Topics.DELIVERY)) {
            return probe.await(r -> Broker.contains(r, replyId), count, WAIT).stream()
                    .map(r -> Broker.receipt(r).status()).toList();
        }
    }

    private static OutboundMessage reply(String visitor, String text) {
        return new OutboundMessage(UUID.randomUUID().toString(), "conversation-" + visitor, Channel.CHAT, "webchat", "web",
                visitor, "agent-3", null, text, null, null, null, Instant.now(), null);
    }
}
