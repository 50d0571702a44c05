package io.omnichannel.gateway.adapters.rest;

import io.omnichannel.gateway.adapters.config.AdaptersConfig;
import io.omnichannel.gateway.adapters.inbound.WebhookRequest;
import io.omnichannel.gateway.adapters.inbox.Inbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;

/** Builds the {@link WebhookRequest} of a JAX-RS call, with the public URL the provider signed. */
@ApplicationScoped
public class WebhookRequests {

    private final String publicBaseUrl;

    WebhookRequests(AdaptersConfig config) {
        this.publicBaseUrl = config.publicBaseUrl().replaceAll("/+$", "");
    }

    public WebhookRequest of(String method, Inbox inbox, UriInfo uri, HttpHeaders headers, byte[] body) {
        return of(method, inbox, uri, headers, body, null);
    }

    /** @param form the body already parsed as a form, or null */
    public WebhookRequest of(String method, Inbox inbox, UriInfo uri, HttpHeaders headers, byte[] body, FormBody form) {
        String query = uri.getRequestUri().getRawQuery();
        return new WebhookRequest(method, publicUrl(inbox, uri), headers::getRequestHeader, query, body, form);
    }

    /** The inbox's configured public URL, else {@code adapters.public-base-url} + the request's path and query. */
    public String publicUrl(Inbox inbox, UriInfo uri) {
        if (inbox != null && inbox.publicUrl() != null) {
            return inbox.publicUrl();
        }
        String query = uri.getRequestUri().getRawQuery();
        return publicBaseUrl + uri.getRequestUri().getRawPath() + (query == null ? "" : "?" + query);
    }
}
