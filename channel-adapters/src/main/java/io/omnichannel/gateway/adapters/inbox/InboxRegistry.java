package io.omnichannel.gateway.adapters.inbox;

import io.omnichannel.gateway.adapters.config.AdaptersConfig;
import io.omnichannel.gateway.adapters.config.AdaptersConfig.InboxConfig;
import io.omnichannel.gateway.contract.Channel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The inboxes of {@code adapters.inboxes.*}, found by id or by provider and address. Read once at
 * start: the webhooks' hot path only looks them up in memory.
 *
 * <p>Besides the configured ones there is the default Twilio inbox, built from
 * {@code adapters.twilio.auth-token}: a Twilio number no inbox names is served by it, under the
 * number itself as inbox id, so a single-number deployment needs no inbox configuration.
 */
@ApplicationScoped
public class InboxRegistry {

    public static final String TWILIO = "twilio";

    private final Map<String, Inbox> byId = new LinkedHashMap<>();
    private final Map<String, Inbox> byAddress = new HashMap<>();
    private final Inbox defaultTwilio;

    @Inject
    InboxRegistry(AdaptersConfig config) {
        this(config.inboxes(), config.twilio().authToken().orElse(null), config.twilio().accountSid().orElse(null));
    }

    InboxRegistry(Map<String, InboxConfig> inboxes, String twilioAuthToken, String twilioAccountSid) {
        inboxes.forEach((id, inbox) -> add(toInbox(id, inbox)));
        defaultTwilio = twilioAuthToken == null ? null
                : new Inbox("twilio-default", Channel.SMS, TWILIO, null, twilioAuthToken, twilioAccountSid,
                        null, null, null, Map.of());
    }

    private void add(Inbox inbox) {
        byId.put(inbox.id(), inbox);
        if (inbox.address() != null) {
            Inbox clash = byAddress.put(key(inbox.provider(), inbox.address()), inbox);
            if (clash != null) {
                throw new IllegalStateException("inboxes '" + clash.id() + "' and '" + inbox.id() + "' both have "
                        + inbox.provider() + " address " + inbox.address());
            }
        }
    }

    private static Inbox toInbox(String id, InboxConfig config) {
        Channel channel;
        try {
            channel = Channel.fromWireName(config.channel());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("adapters.inboxes.\"" + id + "\".channel: " + e.getMessage(), e);
        }
        return new Inbox(id, channel, config.provider(), config.address().orElse(null), config.secret().orElse(null),
                config.account().orElse(null), config.apiToken().orElse(null), config.publicUrl().orElse(null),
                config.webhookUrl().orElse(null), config.options());
    }

    /** Every configured inbox of {@code provider} (the mailboxes to poll, say). */
    public java.util.List<Inbox> ofProvider(String provider) {
        return byId.values().stream().filter(inbox -> inbox.provider().equals(provider)).toList();
    }

    /** The inbox {@code id} of {@code provider}; 404 when there is none. */
    public Inbox require(String provider, String id) {
        Inbox inbox = byId.get(id);
        if (inbox == null || !inbox.provider().equals(provider)) {
            throw new UnknownInboxException("there is no " + provider + " inbox '" + id + "'; configure adapters.inboxes.\""
                    + id + "\" with provider " + provider);
        }
        return inbox;
    }

    /** The configured inbox of {@code provider} at {@code address}. */
    public Optional<Inbox> byAddress(String provider, String address) {
        return address == null ? Optional.empty() : Optional.ofNullable(byAddress.get(key(provider, address)));
    }

    /**
     * The inbox a Twilio webhook for number {@code to} belongs to: the configured one, else the default
     * Twilio inbox under the number's name; 404 when neither exists.
     */
    public Inbox twilioFor(String to) {
        return byAddress(TWILIO, to).orElseGet(() -> {
            if (defaultTwilio == null) {
                throw new UnknownInboxException("no Twilio inbox has the number " + to
                        + "; configure an inbox with provider twilio and that address");
            }
            return to == null ? defaultTwilio : defaultTwilio.at(to, to);
        });
    }

    /**
     * The inbox a reply names: by id, else by address (messages of the default Twilio inbox name their
     * number), else the default Twilio inbox for that number.
     */
    public Optional<Inbox> forReply(String provider, String inbox) {
        Inbox byName = byId.get(inbox);
        if (byName != null && byName.provider().equals(provider)) {
            return Optional.of(byName);
        }
        Optional<Inbox> atAddress = byAddress(provider, inbox);
        if (atAddress.isPresent() || !TWILIO.equals(provider) || defaultTwilio == null) {
            return atAddress;
        }
        return Optional.of(defaultTwilio.at(inbox, inbox));
    }

    private static String key(String provider, String address) {
        return provider + "\n" + address;
    }
}
