package io.omnichannel.gateway.conversation.service;

import io.omnichannel.gateway.contract.ConversationKey;
import io.omnichannel.gateway.contract.InboundMessage;
import io.omnichannel.gateway.conversation.config.ConversationConfig;
import io.omnichannel.gateway.conversation.domain.Conversation;
import io.omnichannel.gateway.conversation.domain.Customer;
import io.omnichannel.gateway.conversation.domain.CustomerIdentity;
import io.omnichannel.gateway.conversation.domain.Identities;
import io.omnichannel.gateway.conversation.domain.IdentityRef;
import io.omnichannel.gateway.conversation.repository.InboundBatchRepository;
import io.omnichannel.gateway.conversation.repository.InboundBatchRepository.FirstContact;
import io.omnichannel.gateway.conversation.repository.InboundBatchRepository.NewMessage;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Opens the conversations of first-time customers a poll at a time: for a message from an address
 * nobody has written from before (nor from a provably same address), on a key with no conversation
 * live or resolved within the reopen window, the customer, identity, conversation and message are
 * written set-based, a few statements for the whole poll. Everything else (a known address, a claim of
 * a verified address, a reopen, a satisfaction score) is left to the one-by-one path, which knows
 * every rule. The identities are locked as that path locks them, so the two never make two customers
 * of one address.
 */
@ApplicationScoped
public class NewConversations {

    private final InboundBatchRepository batches;
    private final Identities normalizer;
    private final ConversationConfig config;
    private final EntityManager entityManager;

    NewConversations(InboundBatchRepository batches, Identities normalizer, ConversationConfig config,
            EntityManager entityManager) {
        this.batches = batches;
        this.normalizer = normalizer;
        this.config = config;
        this.entityManager = entityManager;
    }

    /**
     * Opens a conversation for each message it can; the messages must be the first of their key in the
     * poll and have no live conversation.
     *
     * @return the messages filed (each with its new conversation); the others are the caller's to file
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<InboundMessage> open(List<InboundMessage> firsts, Instant now) {
        List<Candidate> candidates = new ArrayList<>();
        for (InboundMessage message : firsts) {
            if (InboundMessageService.plainMetadata(message)) {
                IdentityRef identity = normalizer.ofHandle(message.channel(), message.customer().handle(), message.metadata());
                candidates.add(new Candidate(message, identity, normalizer.twins(identity)));
            }
        }
        if (candidates.isEmpty()) {
            return Set.of();
        }
        batches.lockIdentities(candidates.stream().map(c -> c.identity().lockName()).toList());
        List<IdentityRef> addresses = new ArrayList<>();
        candidates.forEach(c -> {
            addresses.add(c.identity());
            addresses.addAll(c.twins());
        });
        Set<String> known = batches.knownIdentities(addresses);
        Set<String> keysInUse = batches.keysInUse(candidates.stream().map(c -> c.message().conversationKey()).toList(),
                now.minus(config.reopenWindow()));
        Set<String> openedIdentities = new HashSet<>();
        List<FirstContact> opened = new ArrayList<>();
        for (Candidate candidate : candidates) {
            boolean knownAddress = known.contains(InboundBatchRepository.identityKey(candidate.identity()))
                    || candidate.twins().stream().anyMatch(t -> known.contains(InboundBatchRepository.identityKey(t)));
            // one new identity per poll here: a second conversation of the same new address (another inbox) finds it
            // one by one
            if (knownAddress || keysInUse.contains(candidate.message().conversationKey())
                    || !openedIdentities.add(InboundBatchRepository.identityKey(candidate.identity()))) {
                continue;
            }
            opened.add(firstContact(candidate, now));
        }
        if (opened.isEmpty()) {
            return Set.of();
        }
        // written in table order (customers, identities, conversations) so that each goes out as one JDBC batch
        opened.forEach(contact -> entityManager.persist(contact.customer()));
        opened.forEach(contact -> entityManager.persist(contact.identity()));
        opened.forEach(contact -> entityManager.persist(contact.conversation()));
        entityManager.flush();
        batches.usedFirst(opened);
        batches.insert(opened.stream().map(c -> new NewMessage(c.message(), c.conversation().id())).toList());
        opened.forEach(contact -> Log.infof("opened conversation %s for %s", contact.conversation().id(),
                contact.conversation().conversationKey()));
        Set<InboundMessage> filed = new HashSet<>();
        opened.forEach(contact -> filed.add(contact.message()));
        return filed;
    }

    private FirstContact firstContact(Candidate candidate, Instant now) {
        InboundMessage message = candidate.message();
        ConversationKey key = new ConversationKey(message.channel(), message.inbox(), message.customer().handle());
        Customer customer = Customer.firstContact(now);
        customer.seenAs(message.customer().displayName());
        CustomerIdentity identity = CustomerIdentity.of(candidate.identity(), customer.id(), CustomerIdentity.AUTO, now);
        Conversation conversation = Conversation.open(key, customer, identity, config.inboxTeams().get(key.inbox()), now);
        conversation.messageReceived(message.receivedAt(), message.provider(), now);
        return new FirstContact(message, customer, identity, conversation);
    }

    /** A first message, the address it came from, and the addresses provably of the same person. */
    private record Candidate(InboundMessage message, IdentityRef identity, List<IdentityRef> twins) {
    }
}
