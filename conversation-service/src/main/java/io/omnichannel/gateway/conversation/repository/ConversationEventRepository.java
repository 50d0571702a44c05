package io.omnichannel.gateway.conversation.repository;

import io.omnichannel.gateway.conversation.domain.ConversationEvent;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class ConversationEventRepository implements PanacheRepositoryBase<ConversationEvent, UUID> {
}
