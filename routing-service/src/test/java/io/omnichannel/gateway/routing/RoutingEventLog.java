package io.omnichannel.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.gateway.contract.CloudEventRecords;
import io.omnichannel.gateway.contract.RoutingEvent;
import io.omnichannel.gateway.contract.RoutingEventType;
import io.omnichannel.gateway.contract.Topics;
import io.omnichannel.gateway.localstack.TopicProbe;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** What the routing service published on gateway.routing.v1, read back for assertions. */
final class RoutingEventLog implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private final TopicProbe probe;

    RoutingEventLog(String bootstrapServers) {
        probe = new TopicProbe(bootstrapServers, Topics.ROUTING);
    }

    /** The {@code n}-th (1-based) event of that type for the conversation, waiting for it. */
    RoutingEvent await(String conversationKey, RoutingEventType type, int n) {
        return await(conversationKey, type, n, WAIT);
    }

    /** The first event of that type for the conversation, waiting up to {@code wait} (for events due later). */
    RoutingEvent await(String conversationKey, RoutingEventType type, Duration wait) {
        return await(conversationKey, type, 1, wait);
    }

    private RoutingEvent await(String conversationKey, RoutingEventType type, int n, Duration wait) {
        List<RoutingEvent> found = probe.await(r -> matches(r, conversationKey, type), n, wait).stream()
                .map(RoutingEventLog::event).toList();
        assertThat(found).as("%d %s event(s) for %s", n, type.wireName(), conversationKey).hasSizeGreaterThanOrEqualTo(n);
        return found.get(n - 1);
    }

    RoutingEvent await(String conversationKey, RoutingEventType type) {
        return await(conversationKey, type, 1);
    }

    /** Every event of the conversation seen within {@code wait}. */
    List<RoutingEvent> all(String conversationKey, Duration wait) {
        return probe.poll(wait).stream().map(RoutingEventLog::event)
                .filter(e -> e.conversationKey().equals(conversationKey)).toList();
    }

    private static boolean matches(ConsumerRecord<String, byte[]> record, String key, RoutingEventType type) {
        RoutingEvent event = event(record);
        return event.type() == type && event.conversationKey().equals(key);
    }

    static RoutingEvent event(ConsumerRecord<String, byte[]> record) {
        return CloudEventRecords.data(CloudEventRecords.read(record), RoutingEvent.class);
    }

    @Override
    public void close() {
        probe.close();
    }
}
