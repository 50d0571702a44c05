package io.omnichannel.gateway.adapters.publish;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.omnichannel.gateway.contract.Channel;
import io.omnichannel.gateway.contract.CloudEventRecords;
import io.omnichannel.gateway.contract.EventTypes;
import io.omnichannel.gateway.contract.InboundMessage;
import io.omnichannel.gateway.contract.Topics;
import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Identifier;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Puts normalized inbound messages on {@link Topics#INBOUND}. The returned stage completes only
 * once the broker has the message (acks=all), so a webhook can be answered 2xx safely; it fails
 * with {@link BrokerUnavailableException} when the broker does not take it in time. A message whose
 * id was already published (a provider retry) completes at once without being published again.
 */
@ApplicationScoped
public class InboundPublisher {

    private final Producer<String, byte[]> producer;
    private final RecentMessageIds recentIds;
    private final MeterRegistry metrics;
    private final Map<CounterKey, Counter> counters = new ConcurrentHashMap<>();

    private record CounterKey(Channel channel, String provider, String outcome) {
    }

    InboundPublisher(@Identifier("inbound") Producer<String, byte[]> producer, RecentMessageIds recentIds, MeterRegistry metrics) {
        this.producer = producer;
        this.recentIds = recentIds;
        this.metrics = metrics;
    }

    public CompletionStage<Outcome> publish(InboundMessage message) {
        CompletableFuture<Void> ack = new CompletableFuture<>();
        // the rest of the request runs on its event loop, not on the producer's one I/O thread
        Context eventLoop = Context.isOnEventLoopThread() ? Vertx.currentContext() : null;
        CompletableFuture<Void> earlier = recentIds.claim(message.id(), ack);
        if (earlier != null) {
            count(message, "duplicate");
            Log.debugf("message %s (%s %s) already published, dropping the provider's retry",
                    message.id(), message.provider(), message.externalId());
            return earlier.thenApply(done -> Outcome.DUPLICATE);
        }
        ProducerRecord<String, byte[]> record = CloudEventRecords.record(Topics.INBOUND, message.conversationKey(),
                message.id(), EventTypes.INBOUND_MESSAGE,
                URI.create("/channel-adapters/" + message.channel().wireName() + "/" + message.provider()),
                message.receivedAt(), message);
        try {
            producer.send(record, (metadata, error) -> {
                if (eventLoop == null) {
                    complete(ack, error);
                } else {
                    eventLoop.runOnContext(nothing -> complete(ack, error));
                }
            });
        } catch (RuntimeException error) {
            ack.completeExceptionally(new BrokerUnavailableException(error));
        }
        return ack.handle((done, error) -> {
            if (error != null) {
                recentIds.release(message.id(), ack);
                count(message, "failed");
                Log.warnf("message %s (%s %s) not published: %s", message.id(), message.provider(),
                        message.externalId(), error.getMessage());
                throw error instanceof RuntimeException runtime ? runtime : new BrokerUnavailableException(error);
            }
            count(message, "published");
            Log.debugf("message %s published for %s", message.id(), message.conversationKey());
            return Outcome.PUBLISHED;
        });
    }

    private static void complete(CompletableFuture<Void> ack, Exception error) {
        if (error == null) {
            ack.complete(null);
        } else {
            ack.completeExceptionally(new BrokerUnavailableException(error));
        }
    }

    private void count(InboundMessage message, String outcome) {
        counters.computeIfAbsent(new CounterKey(message.channel(), message.provider(), outcome),
                key -> metrics.counter("gateway.inbound.messages", "channel", message.channel().wireName(),
                        "provider", message.provider(), "outcome", outcome)).increment();
    }

    public enum Outcome {
        PUBLISHED, DUPLICATE
    }
}
