package io.omnichannel.gateway.routing.rest;

import jakarta.validation.constraints.NotBlank;

/** Body of {@code PUT /api/v1/agents/{id}/presence}: {@code ONLINE}, {@code AWAY} or {@code OFFLINE}. */
public record PresenceRequest(@NotBlank String presence) {
}
