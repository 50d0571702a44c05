package io.omnichannel.gateway.adapters.publish;

import io.micrometer.core.instrument.MeterRegistry;
import io.omnichannel.gateway.contract.CloudEventRecords;
import io.omnichannel.gateway.contract.DeliveryReceipt;
import io.omnichannel.gateway.contract.EventTypes;
import io.omnichannel.gateway.contract.Topics;
import io.omnichannel.gateway.kit.kafka.TransientFailureRetry;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;

/**
 * Publishes delivery receipts to {@link Topics#DELIVERY} keyed by the conversation key, waiting for
 * the broker's acknowledgement (retried with backoff while it is away). The CloudEvent id is derived
 * from the reply and the status, so a receipt published twice (after a restart, or a provider's
 * repeated callback) is one receipt to its consumers.
 */
@ApplicationScoped
public class ReceiptPublisher {

    private static final URI SOURCE = URI.create("/channel-adapters/delivery");

    private final Producer<String, byte[]> producer;
    private final MeterRegistry metrics;

    ReceiptPublisher(Producer<String, byte[]> producer, MeterRegistry metrics) {
        this.producer = producer;
        this.metrics = metrics;
    }

    public void publish(DeliveryReceipt receipt) {
        String id = receiptId(receipt);
        TransientFailureRetry.run("publishing receipt " + id, () -> send(id, receipt));
        published(id, receipt);
    }

    /**
     * Publishes without retrying: for a provider's status callback, which is answered 503 at once
     * when the broker is away and retried by the provider, rather than kept waiting past its timeout.
     */
    public void publishOnce(DeliveryReceipt receipt) {
        String id = receiptId(receipt);
        send(id, receipt);
        published(id, receipt);
    }

    private void published(String id, DeliveryReceipt receipt) {
        metrics.counter("gateway.delivery.receipts", "channel", String.valueOf(receipt.channel()),
                "provider", String.valueOf(receipt.provider()), "status", receipt.status().wireName()).increment();
        Log.infof("receipt %s of reply %s: %s%s", id, receipt.messageId(), receipt.status().wireName(),
                receipt.reason() == null ? "" : " (" + receipt.reason() + ")");
    }

    private void send(String id, DeliveryReceipt receipt) {
        try {
            producer.send(CloudEventRecords.record(Topics.DELIVERY, receipt.conversationKey(), id,
                    EventTypes.DELIVERY_RECEIPT, SOURCE, receipt.occurredAt(), receipt)).get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new BrokerUnavailableException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerUnavailableException(e);
        }
    }

    /** The same reply and status always give the same id. */
    public static String receiptId(DeliveryReceipt receipt) {
        return UUID.nameUUIDFromBytes(("receipt\n" + receipt.messageId() + "\n" + receipt.status().wireName())
                .getBytes(StandardCharsets.UTF_8)).toString();
    }
}
