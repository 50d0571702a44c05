package io.omnichannel.gateway.conversation.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The orders a conversation list can have; each is total (ties broken by id), so paging is stable. */
public enum ConversationSort {
    /** Most recently updated first (the default). */
    UPDATED,
    /** Newest first: new conversations arriving while a client pages never shift the pages it has not read. */
    CREATED,
    /** Earliest due first, the routing queue's order; conversations without a due time last. */
    DUE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the accepted values */
    public static ConversationSort fromWireName(String value) {
        for (ConversationSort sort : values()) {
            if (sort.wireName().equals(value)) {
                return sort;
            }
        }
        throw new IllegalArgumentException("unknown sort '" + value + "', expected one of "
                + Arrays.stream(values()).map(ConversationSort::wireName).collect(Collectors.joining(", ")));
    }

    /** The value of {@code c} this order sorts by (may be null for {@link #DUE}). */
    public java.time.Instant keyOf(Conversation c) {
        return switch (this) {
            case UPDATED -> c.updatedAt();
            case CREATED -> c.createdAt();
            case DUE -> c.dueAt();
        };
    }
}
