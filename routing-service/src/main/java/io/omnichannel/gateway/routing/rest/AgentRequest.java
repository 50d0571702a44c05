package io.omnichannel.gateway.routing.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.util.List;
import java.util.Map;

/**
 * Body of {@code PUT /api/v1/agents/{id}}.
 *
 * @param channels how many conversations the agent holds at once per channel, e.g. {@code {"sms": 5, "chat": 3}}
 * @param skills   language codes and tags, e.g. {@code ["es", "billing", "supervisor"]}
 * @param teams    ids of existing teams
 */
public record AgentRequest(
        @NotBlank String name,
        @NotEmpty Map<String, Integer> channels,
        List<String> skills,
        List<String> teams) {
}
