package io.omnichannel.gateway.routing.messaging;

import io.cloudevents.CloudEvent;
import io.omnichannel.gateway.contract.AgentState;
import io.omnichannel.gateway.contract.CloudEventRecords;
import io.omnichannel.gateway.contract.MalformedEventException;
import io.omnichannel.gateway.kit.kafka.TransientFailureRetry;
import io.omnichannel.gateway.routing.domain.Presence;
import io.omnichannel.gateway.routing.service.AgentService;
import io.omnichannel.gateway.routing.service.UnknownAgentException;
import io.quarkus.logging.Log;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Reads presence set from agents' desktops on the compacted {@code gateway.agents.v1}. */
@ApplicationScoped
public class AgentStateConsumer {

    private final AgentService agents;

    AgentStateConsumer(AgentService agents) {
        this.agents = agents;
    }

    @Incoming("agent-states")
    @Blocking(ordered = true)
    public void consume(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return; // a tombstone: the agent's state was deleted from the compacted topic
        }
        CloudEvent event = CloudEventRecords.read(record);
        AgentState state = CloudEventRecords.data(event, AgentState.class);
        Presence presence;
        try {
            presence = Presence.valueOf(state.presence().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("presence must be ONLINE, AWAY or OFFLINE, got '" + state.presence() + "'");
        }
        TransientFailureRetry.run("presence of " + state.agentId(), () -> {
            try {
                agents.changePresence(state.agentId(), presence);
            } catch (UnknownAgentException e) {
                Log.warnf("presence %s for agent %s ignored: the agent is not registered", presence, state.agentId());
            }
        });
    }
}
