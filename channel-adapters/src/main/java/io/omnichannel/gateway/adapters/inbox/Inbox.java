package io.omnichannel.gateway.adapters.inbox;

import io.omnichannel.gateway.contract.Channel;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One provider endpoint, number or page this deployment serves. Its {@code id} is what normalized
 * messages carry as {@code inbox} and what replies name to be sent from.
 *
 * @param address    our number, page id or address at the provider
 * @param secret     the key of the provider's webhook signature
 * @param account    the provider account (Twilio AccountSid, Vonage API key)
 * @param apiToken   the credential of the provider's send API, when it is not {@code secret}
 * @param publicUrl  the exact URL the provider calls, when it differs from the public base URL + path
 * @param webhookUrl where replies are delivered (API channel)
 */
public record Inbox(String id, Channel channel, String provider, String address, String secret, String account,
        String apiToken, String publicUrl, String webhookUrl, Map<String, String> options) {

    public Inbox {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(provider, "provider");
        options = options == null ? Map.of() : Map.copyOf(options);
    }

    public Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name)).filter(value -> !value.isBlank());
    }

    /** The credential of the provider's send API: {@code apiToken}, else the signing secret (Twilio's auth token is both). */
    public String sendCredential() {
        return apiToken != null ? apiToken : secret;
    }

    /** The same inbox under another id and address (the default Twilio inbox takes the number written to). */
    Inbox at(String newId, String newAddress) {
        return new Inbox(newId, channel, provider, newAddress, secret, account, apiToken, publicUrl, webhookUrl, options);
    }
}
