package io.omnichannel.gateway.conversation.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.UUID;

/**
 * Where a page of conversations ended in its order: the sort, the last item's sort value (absent for a
 * conversation without a due time) and its id. Clients get it as an opaque token and pass it back
 * unchanged; a token only continues the order it was made for.
 */
public record PageCursor(ConversationSort sort, Instant at, UUID id) {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    public static PageCursor after(ConversationSort sort, Conversation last) {
        return new PageCursor(sort, sort.keyOf(last), last.id());
    }

    public String token() {
        return ENCODER.encodeToString((sort.wireName() + "|" + (at == null ? "-" : at.toString()) + "|" + id)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** @throws IllegalArgumentException when {@code token} is not one {@link #token()} made */
    public static PageCursor fromToken(String token) {
        try {
            String[] parts = new String(DECODER.decode(token), StandardCharsets.UTF_8).split("\\|", -1);
            if (parts.length != 3) {
                throw new IllegalArgumentException("not three parts");
            }
            return new PageCursor(ConversationSort.fromWireName(parts[0]),
                    "-".equals(parts[1]) ? null : Instant.parse(parts[1]), UUID.fromString(parts[2]));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new IllegalArgumentException("'" + token + "' is not a cursor this service returned", e);
        }
    }
}
