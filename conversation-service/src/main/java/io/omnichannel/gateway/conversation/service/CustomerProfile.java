package io.omnichannel.gateway.conversation.service;

import io.omnichannel.gateway.conversation.domain.Customer;
import io.omnichannel.gateway.conversation.domain.CustomerIdentity;
import io.omnichannel.gateway.conversation.domain.CustomerNote;
import java.util.List;
import java.util.Optional;

/**
 * A customer with what an agent needs to recognize them: identities, their conversations on every channel
 * (the first page of {@code history}, {@code conversationCount} in all), satisfaction, notes.
 */
public record CustomerProfile(Customer customer, List<CustomerIdentity> identities, long conversationCount,
        CustomerHistory history, Optional<Integer> lastSatisfactionScore, NotePage notes) {
}
