package io.omnichannel.gateway.adapters.chat;

import io.omnichannel.gateway.adapters.inbox.Inbox;
import io.omnichannel.gateway.adapters.inbox.InboxRegistry;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * CORS for the REST fallback, per inbox: a page of one of the inbox's {@code allowed-origins} may
 * call it (and read the answer). Only {@code /chat/api/*} is concerned; no other endpoint gets CORS headers.
 */
public class ChatCors {

    private static final String PREFIX = "/chat/api/";

    private final InboxRegistry inboxes;
    private final ChatOrigins origins;

    ChatCors(InboxRegistry inboxes, ChatOrigins origins) {
        this.inboxes = inboxes;
        this.origins = origins;
    }

    @ServerResponseFilter
    public void allowOrigin(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        String origin = request.getHeaderString("Origin");
        if (origin == null || !path.startsWith(PREFIX)) {
            return;
        }
        String rest = path.substring(PREFIX.length());
        String inboxId = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
        Inbox inbox = inboxes.forReply(WebChat.PROVIDER, inboxId).orElse(null);
        if (inbox != null && origins.allowed(inbox, origin, request.getUriInfo().getRequestUri().getScheme(),
                request.getHeaderString("Host"))) {
            response.getHeaders().putSingle("Access-Control-Allow-Origin", origin);
            response.getHeaders().add("Vary", "Origin");
            response.getHeaders().putSingle("Access-Control-Expose-Headers", "Retry-After");
        }
    }
}
