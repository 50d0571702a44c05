package io.omnichannel.gateway.conversation.service;

import io.omnichannel.gateway.conversation.domain.Conversation;
import io.omnichannel.gateway.conversation.domain.ConversationKeyParts;
import io.omnichannel.gateway.conversation.domain.Customer;
import io.omnichannel.gateway.conversation.repository.ConversationRepository;
import io.omnichannel.gateway.conversation.repository.CustomerRepository;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;

/**
 * Finds the open conversation of a key, or opens it together with its customer. Whichever event
 * comes first (the customer's message or a routing decision) opens it; the other one finds it.
 */
@ApplicationScoped
public class ConversationOpener {

    private final CustomerRepository customers;
    private final ConversationRepository conversations;

    ConversationOpener(CustomerRepository customers, ConversationRepository conversations) {
        this.customers = customers;
        this.conversations = conversations;
    }

    /** @param customerName the name the channel reported for the customer, if any */
    @Transactional(Transactional.TxType.MANDATORY)
    public Conversation open(ConversationKeyParts key, String customerName, Instant now) {
        Customer customer = customers.findOrCreate(key.channel(), key.customerHandle(), now);
        customer.seenAs(customerName);
        Optional<Conversation> open = conversations.findOpen(key.key());
        if (open.isPresent()) {
            return open.get();
        }
        boolean opened = conversations.openIfNoneOpen(key, customer, now);
        Conversation conversation = conversations.findOpen(key.key()).orElseThrow();
        if (opened) {
            Log.infof("opened conversation %s for %s", conversation.id(), key.key());
        }
        return conversation;
    }
}
