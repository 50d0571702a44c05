package io.omnichannel.gateway.conversation.service;

import io.omnichannel.gateway.conversation.domain.Conversation;
import io.omnichannel.gateway.conversation.domain.ConversationEvent;
import io.omnichannel.gateway.conversation.domain.ConversationFilter;
import io.omnichannel.gateway.conversation.domain.ConversationSort;
import io.omnichannel.gateway.conversation.domain.Message;
import io.omnichannel.gateway.conversation.domain.PageCursor;
import io.omnichannel.gateway.conversation.domain.TimelineCursor;
import io.omnichannel.gateway.conversation.repository.ConversationEventRepository;
import io.omnichannel.gateway.conversation.repository.ConversationRepository;
import io.omnichannel.gateway.conversation.repository.MessageRepository;
import io.omnichannel.gateway.conversation.repository.TimelineRepository;
import io.omnichannel.gateway.conversation.security.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What the agents' desktop reads; everything is limited to what the viewer may see. */
@ApplicationScoped
public class ConversationQueries {

    /** How many of its latest messages a conversation's detail carries; the timeline pages through all. */
    public static final int DETAIL_MESSAGES = 200;

    private final ConversationRepository conversations;
    private final MessageRepository messages;
    private final ConversationEventRepository events;
    private final TimelineRepository timeline;

    ConversationQueries(ConversationRepository conversations, MessageRepository messages,
            ConversationEventRepository events, TimelineRepository timeline) {
        this.conversations = conversations;
        this.messages = messages;
        this.events = events;
        this.timeline = timeline;
    }

    @Transactional
    public Optional<ConversationThread> thread(Viewer viewer, UUID id) {
        return conversations.findWithCustomer(id).filter(viewer::sees)
                .map(conversation -> thread(conversation, Optional.empty(), DETAIL_MESSAGES));
    }

    /** The conversation's {@code limit} latest messages before {@code before} (the latest when absent). */
    @Transactional
    public ConversationThread messages(Viewer viewer, UUID id, Optional<TimelineCursor> before, int limit) {
        return thread(visible(viewer, id), before, limit);
    }

    private ConversationThread thread(Conversation conversation, Optional<TimelineCursor> before, int limit) {
        List<Message> rows = messages.latestOfConversation(conversation.id(), before, limit + 1);
        if (rows.size() <= limit) {
            return new ConversationThread(conversation, rows, Optional.empty());
        }
        List<Message> page = rows.subList(1, rows.size());
        Message oldest = page.get(0);
        return new ConversationThread(conversation, page, Optional.of(new TimelineCursor(oldest.receivedAt(), oldest.seq())));
    }

    /** Up to {@code limit} conversations matching {@code filter}, continuing after {@code after} when given. */
    @Transactional
    public ConversationPage list(Viewer viewer, ConversationFilter filter, ConversationSort sort,
            Optional<PageCursor> after, int limit) {
        if (after.isPresent() && after.get().sort() != sort) {
            throw new InvalidRequestException("cursor", "the cursor continues a list sorted by '"
                    + after.get().sort().wireName() + "', not by '" + sort.wireName() + "'");
        }
        List<Conversation> rows = conversations.page(filter, viewer, sort, after, limit + 1);
        if (rows.size() <= limit) {
            return new ConversationPage(rows, Optional.empty());
        }
        List<Conversation> page = rows.subList(0, limit);
        return new ConversationPage(page, Optional.of(PageCursor.after(sort, page.get(limit - 1))));
    }

    /** Messages, notes and system events of a conversation in time order, a page at a time. */
    @Transactional
    public TimelinePage timeline(Viewer viewer, UUID id, Optional<TimelineCursor> after, int limit) {
        conversations.findByIdOptional(id).filter(viewer::sees)
                .orElseThrow(() -> new ConversationNotFoundException(id.toString()));
        List<TimelineRepository.Entry> entries = timeline.page(id, after, limit + 1);
        boolean more = entries.size() > limit;
        List<TimelineRepository.Entry> page = more ? entries.subList(0, limit) : entries;
        List<String> messageIds = page.stream().filter(TimelineRepository.Entry::message).map(TimelineRepository.Entry::id).toList();
        List<UUID> eventIds = page.stream().filter(e -> !e.message()).map(e -> UUID.fromString(e.id())).toList();
        Map<String, Message> loadedMessages = messageIds.isEmpty() ? Map.of()
                : messages.list("id in ?1", messageIds).stream().collect(Collectors.toMap(Message::id, Function.identity()));
        Map<String, ConversationEvent> loadedEvents = eventIds.isEmpty() ? Map.of()
                : events.list("id in ?1", eventIds).stream()
                        .collect(Collectors.toMap(e -> e.id().toString(), Function.identity()));
        List<TimelinePage.Entry> result = page.stream().map(e -> e.message()
                ? new TimelinePage.Entry(loadedMessages.get(e.id()), null, e.seq())
                : new TimelinePage.Entry(null, loadedEvents.get(e.id()), e.seq())).toList();
        Optional<TimelineCursor> next = more
                ? Optional.of(new TimelineCursor(page.get(limit - 1).at(), page.get(limit - 1).seq()))
                : Optional.empty();
        return new TimelinePage(result, next);
    }

    /** The conversation if the viewer may see it, with its customer loaded. */
    @Transactional
    public Conversation visible(Viewer viewer, UUID id) {
        return conversations.findWithCustomer(id).filter(viewer::sees)
                .orElseThrow(() -> new ConversationNotFoundException(id.toString()));
    }
}
