package io.omnichannel.gateway.conversation.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.UUID;

/**
 * Where a page of conversations ended, in their order (most recently updated first, then by id).
 * Clients get it as an opaque token and pass it back unchanged.
 */
public record PageCursor(Instant updatedAt, UUID id) {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    public static PageCursor after(Conversation last) {
        return new PageCursor(last.updatedAt(), last.id());
    }

    public String token() {
        return ENCODER.encodeToString((updatedAt + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** @throws IllegalArgumentException when {@code token} is not one {@link #token()} made */
    public static PageCursor fromToken(String token) {
        try {
            String decoded = new String(DECODER.decode(token), StandardCharsets.UTF_8);
            int bar = decoded.indexOf('|');
            if (bar < 0) {
                throw new IllegalArgumentException("no separator");
            }
            return new PageCursor(Instant.parse(decoded.substring(0, bar)), UUID.fromString(decoded.substring(bar + 1)));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new IllegalArgumentException("'" + token + "' is not a cursor this service returned", e);
        }
    }
}
