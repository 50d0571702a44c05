package io.omnichannel.gateway.adapters.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnichannel.gateway.adapters.inbound.Normalized;
import io.omnichannel.gateway.adapters.inbound.WebhookRequest;
import io.omnichannel.gateway.adapters.inbox.Inbox;
import io.omnichannel.gateway.contract.Channel;
import io.omnichannel.gateway.contract.InboundMessage;
import io.omnichannel.gateway.contract.MessageIds;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ChatFramesTest {

    private final ChatFrames frames = new ChatFrames(1024, 20);

    @Test
    void readsTheThreeClientFrames() {
        assertThat(frames.read("{\"type\":\"hello\",\"visitorId\":\"v-1234567890abcdef\",\"after\":7,\"name\":\"Dariush\"}"))
                .isEqualTo(new ClientFrame.Hello("v-1234567890abcdef", null, "Dariush", 7L, null, null));
        assertThat(frames.read("{\"type\":\"message\",\"clientMessageId\":\"m-1\",\"text\":\"سلام\"}"))
                .isEqualTo(new ClientFrame.Post("m-1", "سلام"));
        assertThat(frames.read("{\"type\":\"ack\",\"cursor\":3,\"status\":\"read\"}")).isEqualTo(new ClientFrame.Ack(3L, "read"));
    }

    @Test
    void namesTheFieldOfAMalformedFrame() {
        assertProblem(() -> frames.read("{\"type\":\"shout\"}"), 400, "type");
        assertProblem(() -> frames.read("{\"text\":\"hi\"}"), 400, "type");
        assertProblem(() -> frames.read("not json"), 400, "frame");
        assertProblem(() -> frames.read("{\"type\":\"hello\",\"after\":\"yesterday\"}"), 400, "after");
        assertProblem(() -> frames.read("{\"type\":\"message\",\"clientMessageId\":\"m\",\"text\":\"x\",\"html\":\"<b>\"}"), 400, "html");
        assertProblem(() -> frames.checked(new ClientFrame.Post(null, "hi")), 400, "clientMessageId");
        assertProblem(() -> frames.checked(new ClientFrame.Post("has space", "hi")), 400, "clientMessageId");
        assertProblem(() -> frames.checked(new ClientFrame.Post("m-1", "   ")), 400, "text");
    }

    @Test
    void refusesOversizedFramesAndTextsWith413() {
        String big = "{\"type\":\"message\",\"clientMessageId\":\"m\",\"text\":\"" + "ش".repeat(600) + "\"}";
        assertThat(big.length()).isLessThan(1024);

        assertThatThrownBy(() -> frames.read(big))
                .isInstanceOfSatisfying(ChatRefusedException.class, e -> assertThat(e.problem().status()).isEqualTo(413));
        assertProblem(() -> frames.checked(new ClientFrame.Post("m-1", "x".repeat(21))), 413, "text");
        // 20 emoji are 40 UTF-16 units but 20 characters: within the limit
        assertThat(frames.checked(new ClientFrame.Post("m-1", "😀".repeat(20))).text()).hasSize(40);
    }

    @Test
    void writesServerFramesWithTheirType() {
        assertThat(ChatFrames.write(new ServerFrame.Accepted("m-1", "abc"))).isEqualTo(
                "{\"type\":\"accepted\",\"clientMessageId\":\"m-1\",\"id\":\"abc\"}");
        assertThat(ChatFrames.write(new ServerFrame.AgentMessage("r-1", 4, "درود", Instant.parse("2026-12-01T10:00:00Z"),
                null, null, "sent"))).isEqualTo(
                "{\"type\":\"message\",\"id\":\"r-1\",\"cursor\":4,\"text\":\"درود\",\"sentAt\":\"2026-12-01T10:00:00Z\",\"status\":\"sent\"}");
    }

    @Test
    void givesTheSameMessageTheSameIdAndKeepsVisitorsApart() {
        Inbox web = new Inbox("web", Channel.CHAT, WebChat.PROVIDER, null, null, null, null, null, null, Map.of());
        ChatInboundAdapter adapter = new ChatInboundAdapter(frames);
        ChatSession.Greeting greeting = new ChatSession.Greeting(Visitor.identify(web, "k3Jq9zP0aXb4Lm2N", null), null,
                "داریوش", "fa-IR", "https://shop.test/cart");
        WebhookRequest request = ChatInbound.fromSocket(greeting, new ClientFrame.Post("m-1", "سلام"));

        adapter.verify(web, request);
        Normalized normalized = adapter.normalize(web, adapter.parse(request), Instant.parse("2026-12-01T10:00:00Z"));

        InboundMessage message = normalized.messages().get(0);
        assertThat(message.id()).isEqualTo(MessageIds.forProviderMessage("webchat", "web", "anonymous:k3Jq9zP0aXb4Lm2N/m-1"));
        assertThat(message.conversationKey()).isEqualTo("chat:web:anonymous:k3Jq9zP0aXb4Lm2N");
        assertThat(message.customer().displayName()).isEqualTo("داریوش");
        assertThat(message.language()).isEqualTo("fa-IR");
        assertThat(message.text()).isEqualTo("سلام");
        assertThat(message.metadata()).containsEntry("page-url", "https://shop.test/cart").containsEntry("visitor-signed", "false");
        Normalized other = adapter.normalize(web, adapter.parse(ChatInbound.fromSocket(new ChatSession.Greeting(
                Visitor.identify(web, "Zz3Jq9zP0aXb4Lm2", null), null, null, null, null),
                new ClientFrame.Post("m-1", "سلام"))), Instant.now());
        assertThat(other.messages().get(0).id()).isNotEqualTo(message.id());
    }

    @Test
    void limitsTheRateWithABurst() {
        AtomicLong now = new AtomicLong();
        FrameRate rate = new FrameRate(2, 3, now::get);

        assertThat(List.of(rate.tryAcquire(), rate.tryAcquire(), rate.tryAcquire(), rate.tryAcquire()))
                .containsExactly(true, true, true, false);
        now.addAndGet(500_000_000L);
        assertThat(rate.tryAcquire()).isTrue();
        assertThat(rate.tryAcquire()).isFalse();
        assertThat(rate.isIdle()).isFalse();
        now.addAndGet(2_000_000_000L);
        assertThat(rate.isIdle()).isTrue();
    }

    private static void assertProblem(Runnable call, int status, String field) {
        assertThatThrownBy(call::run).satisfies(e -> {
            var problem = ChatFrames.problemOf((RuntimeException) e);
            assertThat(problem).as(e.toString()).isNotNull();
            assertThat(problem.status()).isEqualTo(status);
            assertThat(problem.field()).isEqualTo(field);
        });
    }
}
