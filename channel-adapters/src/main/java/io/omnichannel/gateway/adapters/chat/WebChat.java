package io.omnichannel.gateway.adapters.chat;

import io.omnichannel.gateway.adapters.inbox.Inbox;
import java.util.Arrays;
import java.util.Locale;

/** The web chat's provider name and the options of its inboxes ({@code adapters.inboxes."<id>".options.*}). */
public final class WebChat {

    public static final String PROVIDER = "webchat";
    /** Comma-separated origins of the sites that embed the widget, e.g. {@code https://shop.example.com}. */
    static final String ALLOWED_ORIGINS = "allowed-origins";
    /** {@code false}: only signed visitors (the inbox needs a {@code secret}). */
    static final String ANONYMOUS = "anonymous";

    private WebChat() {
    }

    static boolean allowsAnonymous(Inbox inbox) {
        return inbox.option(ANONYMOUS).map(value -> !"false".equalsIgnoreCase(value.trim())).orElse(true);
    }

    /**
     * A browser may talk to the inbox from its own pages (the demo page), from the origins the inbox
     * lists, and from no page at all (no {@code Origin}: not a browser, so no visitor's cookies or
     * identity at stake).
     *
     * @param ownOrigins this service's origins ({@code scheme://host[:port]}): as the request reached it and
     *                   as the public base URL says
     */
    static boolean originAllowed(Inbox inbox, String origin, String... ownOrigins) {
        if (origin == null || origin.isBlank()) {
            return true;
        }
        String normalized = normalize(origin);
        if (Arrays.stream(ownOrigins).map(WebChat::normalize).anyMatch(normalized::equals)) {
            return true;
        }
        return inbox.option(ALLOWED_ORIGINS)
                .map(list -> Arrays.stream(list.split(",")).map(WebChat::normalize).anyMatch(normalized::equals))
                .orElse(false);
    }

    private static String normalize(String origin) {
        String value = origin == null ? "" : origin.trim().toLowerCase(Locale.ROOT);
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }
}
