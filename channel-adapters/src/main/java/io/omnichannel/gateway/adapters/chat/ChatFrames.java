package io.omnichannel.gateway.adapters.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.omnichannel.gateway.adapters.rest.WebhookRejectedException;
import io.omnichannel.gateway.contract.ProblemDetail;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads the widget's frames and writes the server's, with the limits of {@code adapters.chat.*}:
 * a frame over {@code max-frame-bytes} or a text over {@code max-text-length} is 413, anything else
 * wrong is 400 naming the field. Unknown fields are refused, so a typo does not pass silently.
 */
public final class ChatFrames {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    /** Client message ids: what {@code crypto.randomUUID()} and most id schemes produce. */
    private static final Pattern CLIENT_MESSAGE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    /** A message as the REST fallback posts it (a frame without its type). */
    record MessageBody(String clientMessageId, String text) {
    }

    private final int maxFrameBytes;
    private final int maxTextLength;

    public ChatFrames(int maxFrameBytes, int maxTextLength) {
        this.maxFrameBytes = maxFrameBytes;
        this.maxTextLength = maxTextLength;
    }

    static ChatFrames of(ChatConfig config) {
        return new ChatFrames(config.maxFrameBytes(), config.maxTextLength());
    }

    /** A socket frame, well-formed; a message is then {@link #checked(ClientFrame.Post)} (its refusal names its id). */
    public ClientFrame read(String frame) {
        checkSize(frame);
        ClientFrame parsed = readJson(frame.getBytes(StandardCharsets.UTF_8), ClientFrame.class, "frame");
        if (parsed == null) {
            throw WebhookRejectedException.malformed("type", "a frame is a JSON object with a type: hello, message or ack");
        }
        return parsed;
    }

    /** A REST body: a message without the {@code type}. */
    public ClientFrame.Post readPost(byte[] body) {
        if (body.length > maxFrameBytes) {
            throw ChatRefusedException.frameTooLarge(maxFrameBytes);
        }
        MessageBody message = readJson(body, MessageBody.class, "body");
        if (message == null) {
            throw WebhookRejectedException.malformed("body", "the body is empty; post {\"clientMessageId\": ..., \"text\": ...}");
        }
        return checked(new ClientFrame.Post(message.clientMessageId(), message.text()));
    }

    public <T> T readJson(byte[] json, Class<T> type, String what) {
        try {
            return JSON.readValue(json, type);
        } catch (InvalidTypeIdException e) {
            throw WebhookRejectedException.malformed("type", "the frame's type must be hello, message or ack");
        } catch (JsonMappingException e) {
            String field = e.getPath().stream().map(ref -> ref.getFieldName() != null ? ref.getFieldName()
                    : "[" + ref.getIndex() + "]").collect(Collectors.joining("."));
            throw WebhookRejectedException.malformed(field.isEmpty() ? what : field, (field.isEmpty() ? "the " + what
                    : "'" + field + "'") + " is not valid: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw WebhookRejectedException.malformed(what, "the " + what + " is not JSON: " + e.getMessage());
        }
    }

    /** A message with an id and a non-blank text within the length limit. */
    public ClientFrame.Post checked(ClientFrame.Post post) {
        if (post.clientMessageId() == null || post.clientMessageId().isBlank()) {
            throw WebhookRejectedException.missingField("clientMessageId");
        }
        if (!CLIENT_MESSAGE_ID.matcher(post.clientMessageId()).matches()) {
            throw WebhookRejectedException.malformed("clientMessageId",
                    "clientMessageId must be 1 to 100 letters, digits, '.', '_', ':' or '-' (a UUID will do)");
        }
        if (post.text() == null || post.text().isBlank()) {
            throw WebhookRejectedException.missingField("text");
        }
        if (post.text().length() > maxTextLength && post.text().codePointCount(0, post.text().length()) > maxTextLength) {
            throw ChatRefusedException.textTooLong(maxTextLength);
        }
        return post;
    }

    private void checkSize(String frame) {
        // a character is at most 3 UTF-8 bytes (a surrogate pair, 2 chars, is 4): count only when it may matter
        if ((long) frame.length() * 3 > maxFrameBytes && frame.getBytes(StandardCharsets.UTF_8).length > maxFrameBytes) {
            throw ChatRefusedException.frameTooLarge(maxFrameBytes);
        }
    }

    public static String write(ServerFrame frame) {
        try {
            return JSON.writeValueAsString(frame);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + frame.type() + " frame", e);
        }
    }

    public static String writeJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /** The problem of a refused frame or call. */
    public static ProblemDetail problemOf(RuntimeException refused) {
        if (refused instanceof WebhookRejectedException rejected) {
            return rejected.problem();
        }
        if (refused instanceof ChatRefusedException chat) {
            return chat.problem();
        }
        return null;
    }
}
