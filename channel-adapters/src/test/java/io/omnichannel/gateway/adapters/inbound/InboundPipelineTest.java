package io.omnichannel.gateway.adapters.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.gateway.adapters.support.Broker;
import io.omnichannel.gateway.adapters.support.WireMockResource;
import io.omnichannel.gateway.contract.Channel;
import io.omnichannel.gateway.contract.CustomerRef;
import io.omnichannel.gateway.contract.InboundMessage;
import io.omnichannel.gateway.contract.MessageIds;
import io.omnichannel.gateway.contract.Topics;
import io.omnichannel.gateway.localstack.InjectLocalStack;
import io.omnichannel.gateway.localstack.LocalStack;
import io.omnichannel.gateway.localstack.LocalStackResource;
import io.omnichannel.gateway.localstack.TopicProbe;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Batches (Meta sends several messages per call, sometimes the same one twice) against the real broker. */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class, initArgs = @ResourceArg(name = "databases", value = "adapters"))
@WithTestResource(WireMockResource.class)
class InboundPipelineTest {

    @InjectLocalStack
    LocalStack stack;

    @Inject
    InboundPipeline pipeline;

    @Test
    void publishesADuplicateIdInsideOneBatchOnce() {
        String run = UUID.randomUUID().toString();
        InboundMessage first = message(run + "-a");
        InboundMessage second = message(run + "-b");

        List<InboundMessage> published = pipeline.publish(List.of(first, second, first)).toCompletableFuture().join();

        assertThat(published).extracting(InboundMessage::externalId).containsExactly(run + "-a", run + "-b");
        try (TopicProbe inbound = new TopicProbe(stack.kafkaBootstrapServers(), Topics.INBOUND)) {
            inbound.await(r -> Broker.contains(r, run), 2, Duration.ofSeconds(20));
            assertThat(inbound.poll(Duration.ofSeconds(2)).stream().filter(r -> Broker.contains(r, run)))
                    .extracting(r -> r.key()).containsExactlyInAnyOrder("social:page-1:psid-1", "social:page-1:psid-1");
        }
    }

    private static InboundMessage message(String externalId) {
        return new InboundMessage(MessageIds.forProviderMessage("messenger", "page-1", externalId), Channel.SOCIAL,
                "messenger", "page-1", externalId, null, new CustomerRef("psid-1", null), null, Instant.now(), null,
                "hi", null, null, null, null);
    }
}
