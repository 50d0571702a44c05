package io.omnichannel.gateway.routing.rest;

import io.omnichannel.gateway.routing.domain.WorkItem;
import io.omnichannel.gateway.routing.repository.WorkItemRepository;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/v1/queue")
public class QueueResource {

    /** A waiting conversation as the router sees it. */
    public record WaitingItem(String workItemId, String conversationKey, String channel, String inbox,
            Instant arrivedAt, Instant dueAt, long ageSeconds) {
    }

    private final WorkItemRepository workItems;

    QueueResource(WorkItemRepository workItems) {
        this.workItems = workItems;
    }

    @GET
    @Operation(summary = "Waiting conversations, in the order they will be assigned (earliest due first)")
    public List<WaitingItem> waiting(@QueryParam("limit") @DefaultValue("100") int limit) {
        Instant now = Instant.now();
        return workItems.waitingInOrder(Math.max(1, Math.min(limit, 1000))).stream()
                .map(item -> view(item, now)).toList();
    }

    private static WaitingItem view(WorkItem item, Instant now) {
        return new WaitingItem(item.id.toString(), item.conversationKey, item.channel.wireName(), item.inbox,
                item.arrivedAt, item.dueAt, Duration.between(item.arrivedAt, now).toSeconds());
    }
}
