package io.omnichannel.gateway.routing.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Finds policy rows (response policies, inbox rules, calendars) by id and remembers the answer, found
 * or not, until the end of the transaction: a poll of hundreds of messages to one inbox reads them
 * once instead of once per message. Outside a transaction every call reads.
 */
@ApplicationScoped
class PolicyLookups {

    private static final Object CACHE = PolicyLookups.class;

    private record Key(Class<?> type, Object id) {
    }

    private final EntityManager entityManager;
    private final TransactionSynchronizationRegistry transactions;

    PolicyLookups(EntityManager entityManager, TransactionSynchronizationRegistry transactions) {
        this.entityManager = entityManager;
        this.transactions = transactions;
    }

    @SuppressWarnings("unchecked")
    <T> Optional<T> find(Class<T> type, Object id) {
        if (transactions.getTransactionKey() == null) {
            return Optional.ofNullable(entityManager.find(type, id));
        }
        Map<Key, Optional<?>> cache = (Map<Key, Optional<?>>) transactions.getResource(CACHE);
        if (cache == null) {
            cache = new HashMap<>();
            transactions.putResource(CACHE, cache);
        }
        return (Optional<T>) cache.computeIfAbsent(new Key(type, id), key -> Optional.ofNullable(entityManager.find(type, id)));
    }
}
