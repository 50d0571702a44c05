package io.omnichannel.gateway.adapters.outbound;

import io.omnichannel.gateway.adapters.inbound.StatusReport;
import io.omnichannel.gateway.adapters.outbound.OutboundDelivery.State;
import io.omnichannel.gateway.adapters.publish.ReceiptPublisher;
import io.omnichannel.gateway.contract.Channel;
import io.omnichannel.gateway.contract.DeliveryReceipt;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Turns providers' status callbacks into delivery receipts of our replies: the provider's id is
 * mapped to the reply's id, and each (provider id, provider status) is reported once. The receipt
 * is published before the status is recorded, so a callback that fails (503 while the broker is
 * away) is retried by the provider and not lost. Blocking: it uses the database.
 */
@ApplicationScoped
public class StatusReports {

    private static final int LOOKUPS = 5;
    private static final Duration LOOKUP_PAUSE = Duration.ofMillis(200);

    private final Deliveries deliveries;
    private final ReceiptPublisher receipts;

    StatusReports(Deliveries deliveries, ReceiptPublisher receipts) {
        this.deliveries = deliveries;
        this.receipts = receipts;
    }

    public void report(List<StatusReport> reports) {
        reports.forEach(this::report);
    }

    private void report(StatusReport report) {
        if (!deliveries.isNewStatus(report.provider(), report.externalId(), report.providerStatus())) {
            Log.debugf("%s status %s of %s already reported", report.provider(), report.providerStatus(), report.externalId());
            return;
        }
        Optional<OutboundDelivery> reply = find(report);
        if (reply.isEmpty()) {
            Log.infof("%s reported %s for %s, which is not a reply of this gateway; ignored", report.provider(),
                    report.providerStatus(), report.externalId());
            return;
        }
        if (report.status() != null) {
            OutboundDelivery delivery = reply.get();
            receipts.publishOnce(new DeliveryReceipt(delivery.messageId, delivery.conversationKey,
                    Channel.fromWireName(delivery.channel), delivery.provider, report.externalId(), report.status(),
                    report.reason(), report.occurredAt()));
            deliveries.advance(delivery.messageId, State.valueOf(report.status().name()), report.reason());
        }
        deliveries.recordStatus(report.provider(), report.externalId(), report.providerStatus());
    }

    /**
     * The reply of a provider id. A callback can overtake the recording of the id it names (a number
     * the carrier refuses at once), so an unknown id is looked up again for a moment.
     */
    private Optional<OutboundDelivery> find(StatusReport report) {
        for (int attempt = 1; ; attempt++) {
            Optional<OutboundDelivery> reply = deliveries.byExternalId(report.provider(), report.externalId());
            if (reply.isPresent() || attempt == LOOKUPS) {
                return reply;
            }
            try {
                Thread.sleep(LOOKUP_PAUSE.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return reply;
            }
        }
    }
}
