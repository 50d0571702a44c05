package io.omnichannel.gateway.adapters.chat;

import io.omnichannel.gateway.adapters.inbox.Inbox;
import io.omnichannel.gateway.adapters.inbox.InboxRegistry;
import io.omnichannel.gateway.adapters.inbox.UnknownInboxException;
import io.quarkus.logging.Log;
import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Refuses the chat socket's handshake for an inbox that is not a web chat inbox (404) and for pages
 * of origins the inbox does not allow (403), before any frame is read.
 */
@ApplicationScoped
public class ChatUpgradeCheck implements HttpUpgradeCheck {

    private final InboxRegistry inboxes;
    private final ChatOrigins origins;

    ChatUpgradeCheck(InboxRegistry inboxes, ChatOrigins origins) {
        this.inboxes = inboxes;
        this.origins = origins;
    }

    @Override
    public boolean appliesTo(String endpointId) {
        return ChatSocket.ENDPOINT_ID.equals(endpointId);
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        Inbox inbox;
        try {
            inbox = inboxes.require(WebChat.PROVIDER, context.pathParam("inbox"));
        } catch (UnknownInboxException e) {
            Log.infof("chat socket refused: %s", e.getMessage());
            return CheckResult.rejectUpgrade(404);
        }
        HttpServerRequest request = context.httpRequest();
        String origin = request.getHeader("Origin");
        if (!origins.allowed(inbox, origin, request.scheme(), request.getHeader("Host"))) {
            Log.infof("chat socket for inbox %s refused: origin %s is not in its allowed-origins", inbox.id(), origin);
            return CheckResult.rejectUpgrade(403);
        }
        return CheckResult.permitUpgrade();
    }
}
