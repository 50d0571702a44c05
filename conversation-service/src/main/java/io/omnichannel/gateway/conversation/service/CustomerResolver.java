package io.omnichannel.gateway.conversation.service;

import io.omnichannel.gateway.conversation.domain.Conversation;
import io.omnichannel.gateway.conversation.domain.Customer;
import io.omnichannel.gateway.conversation.domain.CustomerIdentity;
import io.omnichannel.gateway.conversation.domain.Identities;
import io.omnichannel.gateway.conversation.domain.IdentityRef;
import io.omnichannel.gateway.conversation.repository.ConversationRepository;
import io.omnichannel.gateway.conversation.repository.CustomerNoteRepository;
import io.omnichannel.gateway.conversation.repository.CustomerRepository;
import io.omnichannel.gateway.conversation.repository.IdentityRepository;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds whose an address is. A new address joins the customer it provably belongs to (a verified
 * address of the same person, see {@link Identities}) or starts a new customer. Everything done to one
 * identity is serialized by a lock on its address, so two consumers meeting a new customer at the same
 * moment make one customer, not two.
 */
@ApplicationScoped
public class CustomerResolver {

    /** A customer and the identity through which they wrote. */
    public record Resolved(Customer customer, CustomerIdentity identity) {
    }

    private final CustomerRepository customers;
    private final IdentityRepository identities;
    private final ConversationRepository conversations;
    private final CustomerNoteRepository notes;
    private final Identities normalizer;

    CustomerResolver(CustomerRepository customers, IdentityRepository identities, ConversationRepository conversations,
            CustomerNoteRepository notes, Identities normalizer) {
        this.customers = customers;
        this.identities = identities;
        this.conversations = conversations;
        this.notes = notes;
        this.normalizer = normalizer;
    }

    /**
     * The customer behind {@code ref}, created on first contact.
     *
     * @param claims other addresses of the sender that a provider verified
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Resolved resolve(IdentityRef ref, String reportedName, List<IdentityRef> claims, Instant now) {
        customers.lock(ref.lockName());
        Optional<CustomerIdentity> known = identities.find(ref);
        CustomerIdentity identity;
        Customer customer;
        if (known.isPresent()) {
            identity = known.get();
            if (ref.verified() && !identity.verified()) {
                identity.proven();
            }
            customer = customers.findById(identity.customerId());
        } else {
            customer = provenOwner(ref, claims).orElseGet(() -> {
                Customer created = Customer.firstContact(now);
                customers.persist(created);
                return created;
            });
            identity = CustomerIdentity.of(ref, customer.id(), CustomerIdentity.AUTO, now);
            identities.persist(identity);
            Log.debugf("customer %s: new identity %s %s", customer.id(), ref.kind().wireName(), ref.value());
        }
        customer.seenAs(reportedName);
        for (IdentityRef claim : claims) {
            customer = claim(customer, claim, now);
        }
        return new Resolved(customer, identity);
    }

    /** The customer of a verified twin or claimed address of {@code ref}, if one exists. */
    private Optional<Customer> provenOwner(IdentityRef ref, List<IdentityRef> claims) {
        List<IdentityRef> candidates = new ArrayList<>(normalizer.twins(ref));
        candidates.addAll(claims);
        for (IdentityRef candidate : candidates) {
            Optional<CustomerIdentity> twin = identities.find(candidate);
            if (twin.isPresent() && twin.get().verified()) {
                Log.infof("identity %s %s is provably customer %s (%s %s)", ref.kind().wireName(), ref.value(),
                        twin.get().customerId(), candidate.kind().wireName(), candidate.value());
                return Optional.of(customers.findById(twin.get().customerId()));
            }
        }
        return Optional.empty();
    }

    /** A verified address the sender also owns: it joins them, and so does its customer when it had another. */
    private Customer claim(Customer customer, IdentityRef claim, Instant now) {
        Optional<CustomerIdentity> existing = identities.find(claim);
        if (existing.isEmpty()) {
            identities.persist(CustomerIdentity.of(claim, customer.id(), CustomerIdentity.AUTO, now));
            return customer;
        }
        CustomerIdentity identity = existing.get();
        identity.proven();
        if (identity.customerId().equals(customer.id())) {
            return customer;
        }
        return merge(customer, customers.findById(identity.customerId()), CustomerIdentity.AUTO);
    }

    /**
     * {@code a} and {@code b} are one person: the one known longer keeps its id, the other's identities,
     * conversations and notes move to it.
     *
     * @return the customer that remains
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Customer merge(Customer a, Customer b, String by) {
        Customer survivor = a.firstContactAt().isAfter(b.firstContactAt()) ? b : a;
        Customer absorbed = survivor == a ? b : a;
        for (CustomerIdentity identity : identities.listByCustomer(absorbed.id())) {
            identity.linkTo(survivor.id(), by);
            for (Conversation conversation : conversations.listByIdentity(identity.id())) {
                conversation.belongsTo(survivor);
            }
        }
        notes.moveAll(absorbed.id(), survivor.id());
        survivor.absorb(absorbed);
        Log.infof("customer %s merged into %s by %s", absorbed.id(), survivor.id(), by);
        return survivor;
    }
}
