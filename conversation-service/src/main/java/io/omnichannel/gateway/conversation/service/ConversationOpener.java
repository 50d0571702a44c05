package io.omnichannel.gateway.conversation.service;

import io.omnichannel.gateway.contract.ConversationKey;
import io.omnichannel.gateway.conversation.config.ConversationConfig;
import io.omnichannel.gateway.conversation.domain.Conversation;
import io.omnichannel.gateway.conversation.domain.ConversationEvent;
import io.omnichannel.gateway.conversation.domain.IdentityRef;
import io.omnichannel.gateway.conversation.domain.TimelineKind;
import io.omnichannel.gateway.conversation.repository.ConversationRepository;
import io.omnichannel.gateway.conversation.repository.CustomerRepository;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the live conversation of a key, or starts it: a customer writing within the reopen window after
 * their conversation was resolved reopens it, later a new one opens. Whichever event comes first (the
 * customer's message or a routing decision) does it; the other one finds it. The identity's lock, taken
 * by {@link CustomerResolver}, serializes both.
 */
@ApplicationScoped
public class ConversationOpener {

    /** The live conversation, and whether this call opened or reopened it. */
    public record Opened(Conversation conversation, boolean started) {
    }

    private final CustomerResolver resolver;
    private final CustomerRepository customers;
    private final ConversationRepository conversations;
    private final Timeline timeline;
    private final ConversationConfig config;

    ConversationOpener(CustomerResolver resolver, CustomerRepository customers, ConversationRepository conversations,
            Timeline timeline, ConversationConfig config) {
        this.resolver = resolver;
        this.customers = customers;
        this.conversations = conversations;
        this.timeline = timeline;
        this.config = config;
    }

    /**
     * @param customerName the name the channel reported for the customer, if any
     * @param claims       other addresses of the customer that a provider verified
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Opened open(ConversationKey key, IdentityRef identity, String customerName, List<IdentityRef> claims,
            Instant now) {
        CustomerResolver.Resolved resolved = resolver.resolve(identity, customerName, claims, now);
        Optional<Conversation> live = conversations.findLive(key.toString());
        if (live.isPresent()) {
            return new Opened(live.get(), false);
        }
        Optional<Conversation> recent = conversations.findResolvedSince(key.toString(), now.minus(config.reopenWindow()));
        if (recent.isPresent()) {
            Conversation conversation = recent.get();
            conversation.reopenedByCustomer(now);
            timeline.record(conversation, TimelineKind.REOPENED, ConversationEvent.CUSTOMER, null,
                    Map.of("reason", "the customer wrote again within " + config.reopenWindow()), now);
            Log.infof("reopened conversation %s of %s: the customer wrote again", conversation.id(), key);
            return new Opened(conversation, true);
        }
        Conversation conversation = Conversation.open(key, resolved.customer(), resolved.identity(),
                config.inboxTeams().get(key.inbox()), now);
        conversations.persist(conversation);
        Log.infof("opened conversation %s for %s", conversation.id(), key);
        return new Opened(conversation, true);
    }

    /** The live conversation of {@code key}, locked, without opening one. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Conversation> live(ConversationKey key, IdentityRef identity) {
        customers.lock(identity.lockName());
        return conversations.findLive(key.toString());
    }
}
