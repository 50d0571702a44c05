package io.omnichannel.gateway.adapters.chat;

import io.omnichannel.gateway.adapters.inbox.Inbox;
import io.omnichannel.gateway.adapters.rest.WebhookRejectedException;
import io.omnichannel.gateway.contract.Channel;
import io.omnichannel.gateway.contract.ConversationKey;
import java.util.regex.Pattern;

/**
 * Who is chatting. A signed visitor (the site's logged-in customer) is known by the id the site
 * signed; an anonymous one by the random id its widget keeps, under {@code anonymous:} so an
 * unsigned visitor can never speak as a signed one.
 *
 * @param handle the customer handle of the conversation: {@code visitorId} when signed, else {@code anonymous:<id>}
 */
public record Visitor(String inbox, String id, String handle, boolean signed) {

    public static final String ANONYMOUS_PREFIX = "anonymous:";
    /** What the widget generates: 16 to 64 URL-safe characters. */
    private static final Pattern ANONYMOUS_ID = Pattern.compile("[A-Za-z0-9_-]{16,64}");
    private static final int MAX_SIGNED_ID = 200;

    /**
     * @param signature the site's signature of {@code visitorId}, or null for an anonymous visitor
     * @throws WebhookRejectedException 400 for a missing or malformed id, 401 when the inbox only serves
     *                                  signed visitors and there is no signature, 403 when it does not match
     */
    public static Visitor identify(Inbox inbox, String visitorId, String signature) {
        if (visitorId == null || visitorId.isBlank()) {
            throw WebhookRejectedException.missingField("visitorId");
        }
        if (signature == null || signature.isBlank()) {
            if (!WebChat.allowsAnonymous(inbox)) {
                throw WebhookRejectedException.unauthenticated("the inbox '" + inbox.id()
                        + "' serves signed visitors only: send the visitor id with its signature");
            }
            if (!ANONYMOUS_ID.matcher(visitorId).matches()) {
                throw WebhookRejectedException.malformed("visitorId",
                        "an unsigned visitorId must be 16 to 64 letters, digits, '-' or '_' (the widget makes a random one)");
            }
            return new Visitor(inbox.id(), visitorId, ANONYMOUS_PREFIX + visitorId, false);
        }
        if (visitorId.length() > MAX_SIGNED_ID || visitorId.startsWith(ANONYMOUS_PREFIX)
                || visitorId.chars().anyMatch(Character::isISOControl)) {
            throw WebhookRejectedException.malformed("visitorId", "a signed visitorId must be at most " + MAX_SIGNED_ID
                    + " characters, without control characters, and not start with '" + ANONYMOUS_PREFIX + "'");
        }
        if (inbox.secret() == null) {
            throw WebhookRejectedException.badSignature("the inbox '" + inbox.id()
                    + "' has no secret configured, so it cannot check signed visitors");
        }
        if (!VisitorSignature.matches(inbox.secret(), visitorId, signature)) {
            throw WebhookRejectedException.badSignature(
                    "signature does not match the visitorId (expected hex HMAC-SHA256 of it with the inbox secret)");
        }
        return new Visitor(inbox.id(), visitorId, visitorId, true);
    }

    public String conversationKey() {
        return ConversationKey.of(Channel.CHAT, inbox, handle);
    }
}
