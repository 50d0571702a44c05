package io.omnichannel.gateway.adapters.sandbox;

import java.time.Instant;

/** One message a provider would have sent, as the sandbox took it. */
public record SentMessage(String provider, String id, String from, String to, String text, Instant at) {
}
