package io.omnichannel.gateway.routing.core.bench;

import io.omnichannel.gateway.contract.Channel;
import io.omnichannel.gateway.routing.core.AgentProfile;
import io.omnichannel.gateway.routing.core.Decision;
import io.omnichannel.gateway.routing.core.DecisionCore;
import io.omnichannel.gateway.routing.core.ReferenceRouter;
import io.omnichannel.gateway.routing.core.Strategy;
import io.omnichannel.gateway.routing.core.WorkRequest;
import java.util.Map;
import java.util.Set;

/** The two routers measured side by side: the indexed {@link DecisionCore} and the linear-scan {@link ReferenceRouter}. */
interface Router {

    Strategy STRATEGY = Strategy.LEAST_BUSY;
    Set<Channel> EXCLUSIVE = Set.of(Channel.PHONE);

    void putAgent(AgentProfile profile, boolean online, Map<Channel, Integer> load, long lastAssignedAtMillis);

    void addWork(WorkRequest work);

    void release(String agentId, Channel channel);

    /** The next decision, applied, or null. */
    Decision next(long nowMillis);

    static Router named(String name) {
        return switch (name) {
            case "core" -> new Core(new DecisionCore(STRATEGY, EXCLUSIVE));
            case "naive" -> new Naive(new ReferenceRouter(STRATEGY, EXCLUSIVE));
            default -> throw new IllegalArgumentException("unknown router " + name + ", expected core or naive");
        };
    }

    record Core(DecisionCore core) implements Router {
        @Override
        public void putAgent(AgentProfile profile, boolean online, Map<Channel, Integer> load, long lastAssignedAtMillis) {
            core.putAgent(profile, online, load, lastAssignedAtMillis);
        }

        @Override
        public void addWork(WorkRequest work) {
            core.addWork(work);
        }

        @Override
        public void release(String agentId, Channel channel) {
            core.release(agentId, channel);
        }

        @Override
        public Decision next(long nowMillis) {
            return core.next(nowMillis).orElse(null);
        }
    }

    record Naive(ReferenceRouter reference) implements Router {
        @Override
        public void putAgent(AgentProfile profile, boolean online, Map<Channel, Integer> load, long lastAssignedAtMillis) {
            reference.putAgent(profile, online, load, lastAssignedAtMillis);
        }

        @Override
        public void addWork(WorkRequest work) {
            reference.addWork(work);
        }

        @Override
        public void release(String agentId, Channel channel) {
            reference.release(agentId, channel);
        }

        @Override
        public Decision next(long nowMillis) {
            return reference.next(nowMillis).orElse(null);
        }
    }
}
