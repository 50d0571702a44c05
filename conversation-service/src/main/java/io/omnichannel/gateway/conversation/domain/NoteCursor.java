package io.omnichannel.gateway.conversation.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.UUID;

/** Where a page of a customer's notes (newest first) ended: the last note's time and id. */
public record NoteCursor(Instant at, UUID id) {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    public static NoteCursor after(CustomerNote last) {
        return new NoteCursor(last.createdAt(), last.id());
    }

    public String token() {
        return ENCODER.encodeToString(("n|" + at + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** @throws IllegalArgumentException when {@code token} is not one {@link #token()} made */
    public static NoteCursor fromToken(String token) {
        try {
            String[] parts = new String(DECODER.decode(token), StandardCharsets.UTF_8).split("\\|", -1);
            if (parts.length != 3 || !"n".equals(parts[0])) {
                throw new IllegalArgumentException("not a notes cursor");
            }
            return new NoteCursor(Instant.parse(parts[1]), UUID.fromString(parts[2]));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new IllegalArgumentException("'" + token + "' is not a cursor this service returned", e);
        }
    }
}
