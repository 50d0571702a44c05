package io.omnichannel.gateway.adapters.sms.vonage;

import io.omnichannel.gateway.adapters.config.AdaptersConfig;
import io.omnichannel.gateway.adapters.inbound.InboundPipeline;
import io.omnichannel.gateway.adapters.inbox.Inbox;
import io.omnichannel.gateway.adapters.inbox.InboxRegistry;
import io.omnichannel.gateway.contract.InboundMessage;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A concatenated SMS whose parts stop arriving is not dropped: after {@code adapters.vonage.concat-timeout}
 * it is published with what arrived, the missing parts marked in the text. Published groups are
 * forgotten after the de-duplication window.
 */
@ApplicationScoped
public class ConcatTimeout {

    private final ConcatBuffer buffer;
    private final InboxRegistry inboxes;
    private final InboundPipeline pipeline;
    private final VonageInboundAdapter adapter;
    private final Duration timeout;
    private final Duration keep;

    ConcatTimeout(ConcatBuffer buffer, InboxRegistry inboxes, InboundPipeline pipeline, VonageInboundAdapter adapter,
            AdaptersConfig config) {
        this.buffer = buffer;
        this.inboxes = inboxes;
        this.pipeline = pipeline;
        this.adapter = adapter;
        this.timeout = config.vonage().concatTimeout();
        this.keep = config.dedup().window();
    }

    @Scheduled(every = "${adapters.vonage.concat-check-every:60s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void publishOverdue() {
        Instant now = Instant.now();
        for (List<ConcatBuffer.Part> parts : buffer.overdue(now.minus(timeout))) {
            ConcatBuffer.Part first = parts.get(0);
            try {
                Inbox inbox = inboxes.require(VonageInboundAdapter.PROVIDER, first.inbox());
                InboundMessage message = VonageInboundAdapter.assemble(inbox, parts, now, null);
                List<InboundMessage> published = InboundPipeline.await(pipeline.publish(List.of(message)));
                adapter.published(published);
                Log.warnf("published SMS %s from %s with %d of %d parts after %s", message.id(), first.sender(), parts.size(),
                        first.total(), timeout);
            } catch (RuntimeException e) {
                Log.warnf("incomplete SMS from %s (ref %s) not published yet: %s", first.sender(), first.ref(), e.getMessage());
            }
        }
        buffer.purge(now.minus(keep));
    }
}
