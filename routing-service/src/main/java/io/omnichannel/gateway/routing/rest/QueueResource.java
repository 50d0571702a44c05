package io.omnichannel.gateway.routing.rest;

import io.omnichannel.gateway.routing.repository.WorkItemRepository;
import io.omnichannel.gateway.routing.service.InvalidRequestException;
import io.omnichannel.gateway.routing.service.StatisticsService;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/v1")
public class QueueResource {

    private final WorkItemRepository workItems;
    private final StatisticsService statistics;

    QueueResource(WorkItemRepository workItems, StatisticsService statistics) {
        this.workItems = workItems;
        this.statistics = statistics;
    }

    @GET
    @Path("/queue")
    @Transactional
    @Operation(summary = "Waiting conversations in the order the router serves them (earliest due first), with due time and age")
    public List<WorkItemView> waiting(@QueryParam("channel") String channel, @QueryParam("limit") @DefaultValue("100") int limit) {
        Instant now = Instant.now();
        return workItems.waitingInOrder(channel == null ? null : PolicyResource.channel(channel), Math.max(1, Math.min(limit, 1000)))
                .stream().map(item -> WorkItemView.of(item, now)).toList();
    }

    @GET
    @Path("/statistics")
    @Operation(summary = "Per channel: waiting, offered, assigned, oldest age vs its target, assignments/min, SLA attainment (24 h)")
    public List<StatisticsService.ChannelStatistics> statistics() {
        return statistics.perChannel();
    }

    @GET
    @Path("/expected-wait")
    @Operation(summary = "Estimated time until an agent picks up a new conversation on a channel (and inbox)",
            description = "Conversations waiting ahead divided by the pick-up rate of the last 15 minutes; "
                    + "expectedWaitSeconds is null when nobody picked anything up recently.")
    public StatisticsService.ExpectedWait expectedWait(@QueryParam("channel") String channel, @QueryParam("inbox") String inbox) {
        if (channel == null) {
            throw new InvalidRequestException("channel", "channel is required");
        }
        return statistics.expectedWait(PolicyResource.channel(channel), inbox);
    }
}
