package io.omnichannel.gateway.conversation.service;

import io.omnichannel.gateway.conversation.domain.Conversation;
import io.omnichannel.gateway.conversation.domain.ConversationFilter;
import io.omnichannel.gateway.conversation.domain.ConversationSort;
import io.omnichannel.gateway.conversation.domain.Customer;
import io.omnichannel.gateway.conversation.domain.CustomerIdentity;
import io.omnichannel.gateway.conversation.domain.CustomerNote;
import io.omnichannel.gateway.conversation.domain.Identities;
import io.omnichannel.gateway.conversation.domain.IdentityKind;
import io.omnichannel.gateway.conversation.domain.IdentityRef;
import io.omnichannel.gateway.conversation.domain.NoteCursor;
import io.omnichannel.gateway.conversation.domain.PageCursor;
import io.omnichannel.gateway.conversation.repository.ConversationRepository;
import io.omnichannel.gateway.conversation.repository.CustomerNoteRepository;
import io.omnichannel.gateway.conversation.repository.CustomerRepository;
import io.omnichannel.gateway.conversation.repository.IdentityRepository;
import io.omnichannel.gateway.conversation.security.Viewer;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Customers as agents see them, and the links agents make or undo between identities that the gateway
 * could not prove to be one person. An agent sees a customer when they may see one of the customer's
 * conversations; supervisors see all. Who sees a customer sees their whole history: every conversation on
 * every channel, as a summary, so a returning customer is recognized; opening one of those conversations
 * still needs the right to see it.
 */
@ApplicationScoped
public class CustomerService {

    static final int NOTES_SHOWN = 50;
    static final int HISTORY_SHOWN = 50;

    /** Reads a customer's history whatever the caller may open: the caller was checked to see the customer. */
    private static final Viewer WHOLE_HISTORY = new Viewer("customer-history", Set.of(), Set.of(Viewer.SUPERVISOR));

    private final CustomerRepository customers;
    private final IdentityRepository identities;
    private final ConversationRepository conversations;
    private final CustomerNoteRepository notes;
    private final CustomerResolver resolver;
    private final Identities normalizer;
    private final Clock clock;

    CustomerService(CustomerRepository customers, IdentityRepository identities, ConversationRepository conversations,
            CustomerNoteRepository notes, CustomerResolver resolver, Identities normalizer, Clock clock) {
        this.customers = customers;
        this.identities = identities;
        this.conversations = conversations;
        this.notes = notes;
        this.resolver = resolver;
        this.normalizer = normalizer;
        this.clock = clock;
    }

    @Transactional
    public CustomerProfile profile(Viewer viewer, UUID id) {
        return profile(viewer, visible(viewer, id));
    }

    /** The customer's conversations on every channel, newest first, a page at a time. */
    @Transactional
    public CustomerHistory history(Viewer viewer, UUID id, Optional<PageCursor> after, int limit) {
        if (after.isPresent() && after.get().sort() != ConversationSort.CREATED) {
            throw new InvalidRequestException("cursor", "this cursor does not continue a customer's history");
        }
        return history(viewer, visible(viewer, id), after, limit);
    }

    /** The notes about the customer, newest first, a page at a time. */
    @Transactional
    public NotePage notes(Viewer viewer, UUID id, Optional<NoteCursor> after, int limit) {
        return notes(visible(viewer, id), after, limit);
    }

    private NotePage notes(Customer customer, Optional<NoteCursor> after, int limit) {
        List<CustomerNote> rows = notes.page(customer.id(), after, limit + 1);
        if (rows.size() <= limit) {
            return new NotePage(rows, Optional.empty());
        }
        List<CustomerNote> page = rows.subList(0, limit);
        return new NotePage(page, Optional.of(NoteCursor.after(page.get(limit - 1))));
    }

    private CustomerHistory history(Viewer viewer, Customer customer, Optional<PageCursor> after, int limit) {
        List<Conversation> rows = conversations.page(ConversationFilter.none().withCustomer(customer.id()), WHOLE_HISTORY,
                ConversationSort.CREATED, after, limit + 1);
        List<Conversation> page = rows.size() <= limit ? rows : rows.subList(0, limit);
        Optional<PageCursor> next = rows.size() <= limit ? Optional.empty()
                : Optional.of(PageCursor.after(ConversationSort.CREATED, page.get(limit - 1)));
        return new CustomerHistory(page.stream().map(c -> new CustomerHistory.Entry(c, viewer.sees(c))).toList(), next);
    }

    /**
     * Links the address to the customer: an unknown address becomes theirs, an address of another
     * customer moves here with its conversations (and when that customer has nothing left, it is merged
     * in, notes included).
     */
    @Transactional
    public CustomerProfile link(Viewer viewer, UUID id, IdentityKind kind, String value) {
        IdentityRef ref;
        try {
            ref = normalizer.typed(kind, value);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("value", e.getMessage());
        }
        Customer customer = visible(viewer, id);
        customers.lock(ref.lockName());
        Instant now = clock.instant();
        Optional<CustomerIdentity> existing = identities.find(ref);
        if (existing.isEmpty()) {
            identities.persist(CustomerIdentity.of(ref, customer.id(), viewer.agentId(), now));
            Log.infof("customer %s: %s linked %s %s", customer.id(), viewer.agentId(), kind.wireName(), ref.value());
            return profile(viewer, customer);
        }
        CustomerIdentity identity = existing.get();
        if (identity.customerId().equals(customer.id())) {
            return profile(viewer, customer);
        }
        Customer previous = customers.findById(identity.customerId());
        if (identities.listByCustomer(previous.id()).size() == 1) {
            return profile(viewer, resolver.merge(customer, previous, viewer.agentId()));
        }
        move(identity, customer, viewer.agentId());
        customer.contactedAt(identity.createdAt());
        return profile(viewer, customer);
    }

    /** Splits the identity off into a customer of its own, with its conversations. */
    @Transactional
    public CustomerProfile unlink(Viewer viewer, UUID id, UUID identityId) {
        Customer customer = visible(viewer, id);
        CustomerIdentity identity = identities.findByIdOptional(identityId)
                .filter(i -> i.customerId().equals(customer.id()))
                .orElseThrow(() -> new IdentityNotFoundException(identityId.toString(), id.toString()));
        customers.lock(identity.ref().lockName());
        if (identities.listByCustomer(customer.id()).size() == 1) {
            throw new ConflictException("identity " + identityId + " is the customer's only one; link another first");
        }
        List<Conversation> moved = conversations.listByIdentity(identity.id());
        Instant firstContact = moved.stream().map(Conversation::createdAt).min(Instant::compareTo)
                .orElse(identity.createdAt());
        Customer split = Customer.firstContact(firstContact);
        split.seenAs(customer.displayName());
        customers.persist(split);
        move(identity, split, viewer.agentId());
        Log.infof("customer %s: %s unlinked %s %s into customer %s", customer.id(), viewer.agentId(),
                identity.kind().wireName(), identity.value(), split.id());
        return profile(viewer, split);
    }

    @Transactional
    public CustomerNote note(Viewer viewer, UUID id, String text) {
        Customer customer = visible(viewer, id);
        CustomerNote note = CustomerNote.by(viewer.agentId(), customer.id(), text, clock.instant());
        notes.persist(note);
        return note;
    }

    private void move(CustomerIdentity identity, Customer to, String by) {
        identity.linkTo(to.id(), by);
        for (Conversation conversation : conversations.listByIdentity(identity.id())) {
            conversation.belongsTo(to);
        }
    }

    private CustomerProfile profile(Viewer viewer, Customer customer) {
        conversations.flush(); // the history is a native query: conversations just moved by a link must be written
        return new CustomerProfile(customer, identities.listByCustomer(customer.id()),
                conversations.countByCustomer(customer.id()),
                history(viewer, customer, Optional.empty(), HISTORY_SHOWN), conversations.lastSatisfaction(customer.id()),
                notes(customer, Optional.empty(), NOTES_SHOWN));
    }

    private Customer visible(Viewer viewer, UUID id) {
        Customer customer = customers.findCurrent(id).orElseThrow(() -> new CustomerNotFoundException(id.toString()));
        if (viewer.seesAll()) {
            return customer;
        }
        boolean sees = viewer.teams().isEmpty()
                ? conversations.count("customer.id = ?1 and (assigneeAgentId = ?2 or offeredAgentId = ?2)", customer.id(),
                        viewer.agentId()) > 0
                : conversations.count("customer.id = ?1 and (assigneeAgentId = ?2 or offeredAgentId = ?2 or teamId in ?3)",
                        customer.id(),
                        viewer.agentId(), List.copyOf(viewer.teams())) > 0;
        if (!sees) {
            throw new CustomerNotFoundException(id.toString());
        }
        return customer;
    }
}
