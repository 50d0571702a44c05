package io.omnichannel.gateway.conversation.repository;

import io.omnichannel.gateway.conversation.domain.Message;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class MessageRepository implements PanacheRepositoryBase<Message, String> {

    /** The conversation's messages in the order they reached us. */
    public List<Message> listForConversation(UUID conversationId) {
        return list("conversationId = ?1 order by receivedAt, id", conversationId);
    }
}
