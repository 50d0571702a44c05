package io.omnichannel.gateway.adapters.chat;

import io.omnichannel.gateway.adapters.config.AdaptersConfig;
import io.omnichannel.gateway.adapters.inbox.Inbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;

/** Which pages may open a chat with an inbox: see {@link WebChat#originAllowed}. */
@ApplicationScoped
public class ChatOrigins {

    private final String publicOrigin;

    ChatOrigins(AdaptersConfig config) {
        URI base = URI.create(config.publicBaseUrl());
        this.publicOrigin = base.getScheme() + "://" + base.getRawAuthority();
    }

    /**
     * @param scheme the scheme the request came in with
     * @param host   its {@code Host} header
     */
    public boolean allowed(Inbox inbox, String origin, String scheme, String host) {
        return WebChat.originAllowed(inbox, origin, scheme + "://" + host, publicOrigin);
    }
}
