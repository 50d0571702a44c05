package io.omnichannel.gateway.conversation.service;

import io.omnichannel.gateway.conversation.domain.Conversation;
import io.omnichannel.gateway.conversation.domain.ConversationFilter;
import io.omnichannel.gateway.conversation.domain.PageCursor;
import io.omnichannel.gateway.conversation.repository.ConversationRepository;
import io.omnichannel.gateway.conversation.repository.MessageRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What the agents' desktop reads. */
@ApplicationScoped
public class ConversationQueries {

    private final ConversationRepository conversations;
    private final MessageRepository messages;

    ConversationQueries(ConversationRepository conversations, MessageRepository messages) {
        this.conversations = conversations;
        this.messages = messages;
    }

    public Optional<ConversationThread> thread(UUID id) {
        return conversations.findWithCustomer(id)
                .map(conversation -> new ConversationThread(conversation, messages.listForConversation(id)));
    }

    /** Up to {@code limit} conversations matching {@code filter}, continuing after {@code after} when given. */
    public ConversationPage list(ConversationFilter filter, Optional<PageCursor> after, int limit) {
        List<Conversation> rows = conversations.page(filter, after, limit + 1);
        if (rows.size() <= limit) {
            return new ConversationPage(rows, Optional.empty());
        }
        List<Conversation> page = rows.subList(0, limit);
        return new ConversationPage(page, Optional.of(PageCursor.after(page.get(limit - 1))));
    }
}
