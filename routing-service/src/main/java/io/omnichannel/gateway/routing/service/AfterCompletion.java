package io.omnichannel.gateway.routing.service;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/** What the passes' in-memory state does once their transaction has ended: one thing on commit, another otherwise. */
final class AfterCompletion {

    private AfterCompletion() {
    }

    static void register(TransactionSynchronizationRegistry transactions, Runnable committed, Runnable otherwise) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                (status == Status.STATUS_COMMITTED ? committed : otherwise).run();
            }
        });
    }
}
