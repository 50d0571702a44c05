package io.omnichannel.gateway.adapters.email.mime;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.james.mime4j.stream.Field;

/**
 * Parses raw RFC 5322 / MIME mail into a {@link ParsedEmail}, best effort: a broken structure, an unknown charset or
 * a part over the limits is repaired or cut and told about in {@link ParsedEmail#notes()}; only a message with
 * nothing usable is refused. Thread-safe: one instance serves every message.
 */
public final class EmailParser {

    /** The headers {@link ParsedEmail#headers()} keeps, when present. */
    static final List<String> KEPT_HEADERS = List.of("auto-submitted", "x-autoreply", "precedence", "list-id", "thread-index",
            "thread-topic", "x-gateway-conversation");

    private final EmailLimits limits;

    public EmailParser(EmailLimits limits) {
        this.limits = limits;
    }

    /**
     * @throws MalformedEmailException when the input is empty, has no header section, is over
     *                                 {@link EmailLimits#maxMessageBytes()} or its header section over
     *                                 {@link EmailLimits#maxHeaderBytes()}
     */
    public ParsedEmail parse(byte[] raw) {
        if (raw == null || raw.length == 0 || isBlank(raw)) {
            throw new MalformedEmailException("the message is empty");
        }
        if (raw.length > limits.maxMessageBytes()) {
            throw tooLarge(raw.length);
        }
        return parse(new ByteArrayInputStream(raw));
    }

    /**
     * As {@link #parse(byte[])}, reading the message from a stream (which is not closed); a message over
     * {@code maxMessageBytes} is refused as soon as the limit is passed.
     *
     * @throws java.io.UncheckedIOException when reading the stream fails
     */
    public ParsedEmail parse(InputStream raw) {
        Notes notes = new Notes();
        SizeLimitedStream limited = new SizeLimitedStream(raw, limits.maxMessageBytes());
        Part root;
        try {
            root = new PartTreeReader(limits, notes).read(limited);
        } catch (SizeLimitedStream.TooLarge e) {
            throw new MalformedEmailException("the message is over the " + limits.maxMessageBytes() + "-byte limit");
        } catch (IOException e) {
            throw new UncheckedIOException("reading the message failed", e);
        }
        if (limited.count == 0) {
            throw new MalformedEmailException("the message is empty");
        }
        if (root == null || root.fields.isEmpty()) {
            throw new MalformedEmailException("the message has no header section");
        }
        BodyAssembler.Assembled body = new BodyAssembler(limits, notes).assemble(root);

        EmailAddress from = HeaderValues.firstAddress(root.field("From"), notes);
        String subject = HeaderValues.text(root.field("Subject"), notes);
        String contentType = root.declaredMimeType() != null ? root.declaredMimeType() : root.mimeType;
        AutomatedKind automated = AutomatedMail.classify(name -> headerValue(root, name), from == null ? null : from.address(),
                subject, contentType, body.partTypes());
        String language = HeaderValues.text(root.field("Content-Language"), notes);

        return new ParsedEmail(
                HeaderValues.firstMessageId(root.field("Message-ID")),
                HeaderValues.firstMessageId(root.field("In-Reply-To")),
                HeaderValues.messageIds(root.field("References")),
                from,
                HeaderValues.firstAddress(root.field("Reply-To"), notes),
                HeaderValues.addresses(root.field("To"), notes),
                HeaderValues.addresses(root.field("Cc"), notes),
                subject == null || subject.isEmpty() ? null : subject,
                HeaderValues.date(root.field("Date"), notes),
                body.text(),
                EmailBodies.newText(body.text()),
                body.html() == null ? null : EmailBodies.sanitizeHtml(body.html()),
                language == null || language.isEmpty() ? body.language() : firstLanguage(language),
                body.attachments(),
                automated,
                keptHeaders(root, notes),
                notes.list());
    }

    private static Map<String, String> keptHeaders(Part root, Notes notes) {
        Map<String, String> kept = new LinkedHashMap<>();
        for (String name : KEPT_HEADERS) {
            String value = HeaderValues.text(root.field(name), notes);
            if (value != null) {
                kept.put(name, value);
            }
        }
        return kept;
    }

    private static String headerValue(Part root, String name) {
        Field field = root.field(name);
        return field == null ? null : field.getBody();
    }

    private static String firstLanguage(String languages) {
        return languages.split(",")[0].strip();
    }

    private MalformedEmailException tooLarge(long size) {
        return new MalformedEmailException("the message (" + size + " bytes) is over the " + limits.maxMessageBytes() + "-byte limit");
    }


    private static boolean isBlank(byte[] raw) {
        for (byte b : raw) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    /** Fails the read once more than the limit has come through. */
    private static final class SizeLimitedStream extends FilterInputStream {

        static final class TooLarge extends IOException {
            TooLarge() {
                super("message over the size limit");
            }
        }

        private final long limit;
        private long count;

        SizeLimitedStream(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b != -1) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, length);
            if (read > 0) {
                count(read);
            }
            return read;
        }

        @Override
        public void close() {
            // the caller owns the stream
        }

        private void count(int read) throws TooLarge {
            count += read;
            if (count > limit) {
                throw new TooLarge();
            }
        }
    }
}
