package io.omnichannel.gateway.adapters.chat;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** What the widget sends over its socket: JSON objects told apart by {@code type}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ClientFrame.Hello.class, name = "hello"),
        @JsonSubTypes.Type(value = ClientFrame.Post.class, name = "message"),
        @JsonSubTypes.Type(value = ClientFrame.Ack.class, name = "ack")})
public sealed interface ClientFrame {

    /**
     * The first frame of a session.
     *
     * @param signature the site's signature of a logged-in customer's id; absent for an anonymous visitor
     * @param after     the cursor of the last agent message the widget has; later ones are sent
     * @param page      the page the visitor is on, for the agent
     */
    record Hello(String visitorId, String signature, String name, Long after, String language, String page)
            implements ClientFrame {
    }

    /** A visitor's message; {@code clientMessageId} is its idempotency key (the same id is one message). */
    record Post(String clientMessageId, String text) implements ClientFrame {
    }

    /**
     * The widget received ({@code delivered}) or showed on a visible page ({@code read}) the agent
     * messages up to {@code cursor}.
     */
    record Ack(Long cursor, String status) implements ClientFrame {
    }
}
