package io.omnichannel.gateway.conversation.routing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Sends agents' commands to the routing service, which owns assignment and capacity. Its answers
 * become exceptions the API maps: 404 (no active work for the conversation, or no such offer) and 409 are
 * {@link RoutingConflictException}, anything else unexpected is {@link RoutingUnavailableException}.
 */
@ApplicationScoped
public class RoutingService {

    private final RoutingClient client;
    private final ObjectMapper json;

    RoutingService(@RestClient RoutingClient client, ObjectMapper json) {
        this.client = client;
        this.json = json;
    }

    public void transferToAgent(String conversationKey, String agentId) {
        call("transfer", conversationKey, false, () -> client.transfer(pathSegment(conversationKey),
                new RoutingClient.Transfer(agentId, null)));
    }

    public void transferToTeam(String conversationKey, String teamId) {
        call("transfer", conversationKey, false, () -> client.transfer(pathSegment(conversationKey),
                new RoutingClient.Transfer(null, teamId)));
    }

    /** Releases the agent's capacity and stops the SLA clocks; routing having no active work is fine. */
    public void resolve(String conversationKey) {
        call("resolve", conversationKey, true, () -> client.resolve(pathSegment(conversationKey)));
    }

    /**
     * The agent takes a resolved conversation back: routing counts it against their capacity again.
     * Routing not knowing the conversation (resolved before it routed anything) is fine.
     */
    public void reopen(String conversationKey, String agentId) {
        call("reopen", conversationKey, true, () -> client.reopen(pathSegment(conversationKey),
                new RoutingClient.Reopen(agentId)));
    }

    public void escalate(String conversationKey, String reason) {
        call("escalate", conversationKey, false, () -> client.escalate(pathSegment(conversationKey),
                new RoutingClient.Escalation(reason)));
    }

    /** Routing having no active work is fine: the priority then only matters to this service. */
    public void prioritize(String conversationKey, String priority) {
        call("priority", conversationKey, true, () -> client.priority(pathSegment(conversationKey),
                new RoutingClient.PriorityChange(priority)));
    }

    /** The agent takes the conversation offered to them; routing then assigns it (an {@code assigned} event follows). */
    public void acceptOffer(String conversationKey, String agentId, String workItemId) {
        offer("accept", conversationKey, () -> client.acceptOffer(pathSegment(agentId), pathSegment(workItemId)));
    }

    /** The agent declines the offer; routing queues the conversation again and does not offer it to them again. */
    public void rejectOffer(String conversationKey, String agentId, String workItemId) {
        offer("reject", conversationKey, () -> client.rejectOffer(pathSegment(agentId), pathSegment(workItemId)));
    }

    /** The key as one path segment: every character but unreserved ones percent-encoded ({@code :} and {@code +} too). */
    public static String pathSegment(String key) {
        return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** An offer routing no longer holds for the agent (expired, rejected, taken; 404 or 409) is a conflict. */
    private void offer(String decision, String key, Supplier<Response> request) {
        String command = decision + " offer";
        try (Response response = send(command, key, request)) {
            int status = response.getStatus();
            if (status >= 200 && status < 300) {
                return;
            }
            String detail = detailOf(response);
            if (status == 404 || status == 409) {
                throw new RoutingConflictException("the offer is no longer open (it expired, was rejected or went to "
                        + "someone else)" + (detail == null ? "" : ": " + detail));
            }
            throw unexpected(command, key, status, detail);
        }
    }

    private void call(String command, String key, boolean notFoundIsFine, Supplier<Response> request) {
        try (Response response = send(command, key, request)) {
            int status = response.getStatus();
            if (status >= 200 && status < 300 || status == 404 && notFoundIsFine) {
                return;
            }
            String detail = detailOf(response);
            if (status == 404) {
                throw new RoutingConflictException("the routing service has no waiting or assigned work for this "
                        + "conversation" + (detail == null ? "" : ": " + detail));
            }
            if (status == 409) {
                throw new RoutingConflictException("the routing service refused the " + command
                        + (detail == null ? "" : ": " + detail));
            }
            throw unexpected(command, key, status, detail);
        }
    }

    private static RoutingUnavailableException unexpected(String command, String key, int status, String detail) {
        Log.warnf("routing %s for %s: routing service answered %d %s", command, key, status, detail);
        return new RoutingUnavailableException("the routing service failed (" + status + "); try again shortly", null);
    }

    private static Response send(String command, String key, Supplier<Response> request) {
        try {
            return request.get();
        } catch (WebApplicationException e) {
            return e.getResponse();
        } catch (ProcessingException e) {
            Log.warnf("routing %s for %s: routing service unreachable: %s", command, key, e.getMessage());
            throw new RoutingUnavailableException("the routing service cannot be reached; try again shortly", e);
        }
    }

    private String detailOf(Response response) {
        try {
            if (!response.hasEntity()) {
                return null;
            }
            String body = response.readEntity(String.class);
            JsonNode node = json.readTree(body);
            return node.hasNonNull("detail") ? node.get("detail").asText() : null;
        } catch (RuntimeException | java.io.IOException e) {
            return null;
        }
    }
}
