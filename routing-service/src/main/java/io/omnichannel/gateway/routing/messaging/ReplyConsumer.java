package io.omnichannel.gateway.routing.messaging;

import io.cloudevents.CloudEvent;
import io.omnichannel.gateway.contract.CloudEventRecords;
import io.omnichannel.gateway.contract.OutboundMessage;
import io.omnichannel.gateway.kit.kafka.TransientFailureRetry;
import io.omnichannel.gateway.routing.service.ConversationRoutingService;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Reads agents' replies from {@code gateway.outbound.v1}: an answer stops the conversation's response clock. */
@ApplicationScoped
public class ReplyConsumer {

    private final ConversationRoutingService conversations;

    ReplyConsumer(ConversationRoutingService conversations) {
        this.conversations = conversations;
    }

    @Incoming("replies")
    @Blocking(ordered = true)
    public void consume(ConsumerRecord<String, byte[]> record) {
        CloudEvent event = CloudEventRecords.read(record);
        OutboundMessage reply = CloudEventRecords.data(event, OutboundMessage.class);
        TransientFailureRetry.run("noting reply " + reply.id(), () -> conversations.replied(event.getId(), reply));
    }
}
