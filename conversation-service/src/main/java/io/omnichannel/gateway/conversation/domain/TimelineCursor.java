package io.omnichannel.gateway.conversation.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/** Where a page of a conversation's timeline ended: the last entry's time and sequence number. */
public record TimelineCursor(Instant at, long seq) {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    public String token() {
        return ENCODER.encodeToString(("t|" + at + "|" + seq).getBytes(StandardCharsets.UTF_8));
    }

    /** @throws IllegalArgumentException when {@code token} is not one {@link #token()} made */
    public static TimelineCursor fromToken(String token) {
        try {
            String[] parts = new String(DECODER.decode(token), StandardCharsets.UTF_8).split("\\|", -1);
            if (parts.length != 3 || !"t".equals(parts[0])) {
                throw new IllegalArgumentException("not a timeline cursor");
            }
            return new TimelineCursor(Instant.parse(parts[1]), Long.parseLong(parts[2]));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new IllegalArgumentException("'" + token + "' is not a cursor this service returned", e);
        }
    }
}
