package io.omnichannel.gateway.adapters.email.mime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.function.Consumer;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.dom.field.ContentTypeField;
import org.apache.james.mime4j.field.LenientFieldParser;
import org.apache.james.mime4j.io.MaxHeaderLengthLimitException;
import org.apache.james.mime4j.message.DefaultBodyDescriptorBuilder;
import org.apache.james.mime4j.message.MaximalBodyDescriptor;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.MimeTokenStream;
import org.apache.james.mime4j.stream.RecursionMode;

/**
 * Reads a message into a tree of {@link Part}s with mime4j's pull parser, inside the {@link EmailLimits}.
 *
 * <p>The pull parser lets each entity's treatment be chosen when its header has been read: an entity deeper than
 * {@code maxNestingDepth}, or beyond {@code maxParts}, is read flat (mime4j does not descend into it, so a message
 * nested thousands deep costs neither stack nor memory), a forwarded {@code message/rfc822} is kept whole as an
 * attachment unless it is the message's entire body. Content is streamed: bytes past {@code maxAttachmentBytes} are
 * counted, not kept.
 */
final class PartTreeReader {

    private static final int CHUNK = 8192;

    private final EmailLimits limits;
    private final Notes notes;
    private final NotingMonitor monitor;
    private int leafParts;
    private boolean nestingCut;
    private boolean partsCut;

    PartTreeReader(EmailLimits limits, Notes notes) {
        this.limits = limits;
        this.notes = notes;
        this.monitor = new NotingMonitor(notes);
    }

    /** The root part; throws {@link MalformedEmailException} when the top-level header is unusable. */
    Part read(InputStream in) throws IOException {
        MimeConfig config = MimeConfig.custom()
                .setStrictParsing(false)
                .setMaxLineLen(-1)
                .setMaxHeaderCount(-1)
                .setMaxHeaderLen(limits.maxHeaderBytes())
                .setMaxContentLen(-1)
                .build();
        MimeTokenStream stream = new MimeTokenStream(config, monitor,
                new DefaultBodyDescriptorBuilder(null, LenientFieldParser.getParser(), monitor));
        stream.setRecursionMode(RecursionMode.M_RECURSE);
        stream.parse(in);

        Deque<Part> open = new ArrayDeque<>();
        Part root = null;
        boolean rootHeaderDone = false;
        try {
            for (EntityState state = stream.getState(); state != EntityState.T_END_OF_STREAM; state = stream.next()) {
                switch (state) {
                    case T_START_MESSAGE, T_START_BODYPART -> {
                        Part part = new Part(open.peek());
                        if (part.parent != null) {
                            part.parent.children.add(part);
                        } else if (root == null) {
                            root = part;
                        }
                        open.push(part);
                    }
                    case T_FIELD -> addField(open.peek(), stream.getField());
                    case T_END_HEADER -> {
                        Part part = open.peek();
                        if (part.isRoot()) {
                            rootHeaderDone = true;
                        }
                        stream.setRecursionMode(recursionFor(part));
                    }
                    case T_START_MULTIPART -> {
                        Part part = open.peek();
                        describe(part, (MaximalBodyDescriptor) stream.getBodyDescriptor());
                        part.multipart = true;
                    }
                    case T_PREAMBLE -> readContent(open.peek(), stream.getInputStream());
                    case T_BODY -> readBody(open.peek(), stream);
                    case T_END_MULTIPART -> endMultipart(open.peek());
                    case T_END_BODYPART, T_END_MESSAGE -> open.pop();
                    default -> {
                        // T_EPILOGUE and the rest carry nothing the gateway keeps
                    }
                }
            }
        } catch (MaxHeaderLengthLimitException e) {
            if (!rootHeaderDone) {
                throw new MalformedEmailException("a header field is over the " + limits.maxHeaderBytes() + "-byte limit");
            }
            notes.accept("a part's header field is over the " + limits.maxHeaderBytes() + "-byte limit: the rest of the message was skipped");
        } catch (MimeException e) {
            if (!rootHeaderDone) {
                throw new MalformedEmailException("the header section cannot be read: " + e.getMessage());
            }
            notes.accept("the message could not be read to its end (" + e.getMessage() + "): kept what came before");
        } finally {
            stream.stop();
        }
        return root;
    }

    private void addField(Part part, Field field) {
        int length = field.getRaw() != null ? field.getRaw().length() : field.getName().length() + field.getBody().length() + 2;
        part.headerBytes += length;
        if (part.headerBytes > limits.maxHeaderBytes()) {
            if (part.isRoot()) {
                throw new MalformedEmailException("the header section is over the " + limits.maxHeaderBytes() + "-byte limit");
            }
            cutHeader(part, "over " + limits.maxHeaderBytes() + " bytes");
            return;
        }
        if (part.fields.size() >= limits.maxHeaderCount()) {
            cutHeader(part, "over " + limits.maxHeaderCount() + " fields");
            return;
        }
        if (!part.headerCut) {
            part.fields.add(field);
        }
    }

    private void cutHeader(Part part, String why) {
        if (!part.headerCut) {
            part.headerCut = true;
            notes.accept("a header section is " + why + ": the fields after the limit were ignored");
        }
    }

    /** How mime4j treats the entity whose header was just read: flat when it must not be descended into. */
    private RecursionMode recursionFor(Part part) {
        if (part.depth > limits.maxNestingDepth()) {
            part.skipped = Part.Skipped.TOO_DEEP;
            if (!nestingCut) {
                nestingCut = true;
                notes.accept("parts nested deeper than " + limits.maxNestingDepth() + " levels were skipped");
            }
            return RecursionMode.M_FLAT;
        }
        if (partsCut) {
            part.skipped = Part.Skipped.TOO_MANY_PARTS;
            return RecursionMode.M_FLAT;
        }
        if ("message/rfc822".equals(part.declaredMimeType()) && !part.isRoot()) {
            return RecursionMode.M_NO_RECURSE;
        }
        return RecursionMode.M_RECURSE;
    }

    private void readBody(Part part, MimeTokenStream stream) throws IOException {
        if (part.skipped != Part.Skipped.NO) {
            return;
        }
        describe(part, (MaximalBodyDescriptor) stream.getBodyDescriptor());
        String declared = part.declaredMimeType();
        if (declared != null && declared.startsWith("multipart/") && part.boundary == null) {
            notes.accept("missing MIME boundary: a " + declared + " part has no boundary parameter: its content was read as plain text");
        }
        leafParts++;
        if (leafParts > limits.maxParts()) {
            part.skipped = Part.Skipped.TOO_MANY_PARTS;
            if (!partsCut) {
                partsCut = true;
                notes.accept("the message has more than " + limits.maxParts() + " parts: the ones after the first "
                        + limits.maxParts() + " were skipped");
            }
            return;
        }
        readContent(part, stream.getDecodedInputStream());
    }

    /** Keeps up to {@code maxAttachmentBytes} of the stream and counts the rest. */
    private void readContent(Part part, InputStream content) throws IOException {
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        byte[] chunk = new byte[CHUNK];
        long size = 0;
        int read;
        while ((read = content.read(chunk)) != -1) {
            long room = limits.maxAttachmentBytes() - size;
            if (room > 0) {
                kept.write(chunk, 0, (int) Math.min(room, read));
            }
            size += read;
        }
        part.size = size;
        part.overLimit = size > limits.maxAttachmentBytes();
        part.content = kept.toByteArray();
    }

    private void endMultipart(Part part) {
        if (part.children.isEmpty()) {
            notes.accept("missing MIME boundary: no \"--" + part.boundary + "\" delimiter in a " + part.mimeType
                    + " part: its content was read as plain text");
        } else if (monitor.takePrematureEnd()) {
            notes.accept("missing MIME boundary: a " + part.mimeType + " part ends without its closing \"--" + part.boundary
                    + "--\" delimiter (the message may be cut short)");
        }
        monitor.takePrematureEnd();
    }

    private static void describe(Part part, MaximalBodyDescriptor descriptor) {
        part.mimeType = descriptor.getMimeType().toLowerCase(Locale.ROOT);
        part.boundary = descriptor.getBoundary();
        ContentTypeField declared = part.declaredContentType();
        part.charset = declared != null ? declared.getCharset() : null;
        part.dispositionType = descriptor.getContentDispositionType();
        part.contentId = stripBrackets(descriptor.getContentId());
        part.language = descriptor.getContentLanguage() == null || descriptor.getContentLanguage().isEmpty()
                ? null : descriptor.getContentLanguage().get(0);
    }

    private static String stripBrackets(String id) {
        if (id == null) {
            return null;
        }
        String stripped = id.strip();
        if (stripped.startsWith("<")) {
            stripped = stripped.substring(1);
        }
        if (stripped.endsWith(">")) {
            stripped = stripped.substring(0, stripped.length() - 1);
        }
        return stripped.isBlank() ? null : stripped.strip();
    }

    /**
     * mime4j's warnings as notes: a header line that is no field, broken base64 or quoted-printable. A body part
     * ending before its boundary is remembered and told about with the multipart it belongs to.
     */
    private static final class NotingMonitor extends DecodeMonitor {

        private final Consumer<String> notes;
        private boolean prematureEnd;

        NotingMonitor(Consumer<String> notes) {
            this.notes = notes;
        }

        @Override
        public boolean warn(String error, String dropDesc) {
            if (error.contains("Body part ended prematurely")) {
                prematureEnd = true;
            } else if (error.contains("Invalid header encountered")) {
                notes.accept("a header line that is not a header field was ignored");
            } else if (error.contains("base64") || error.contains("BASE64")) {
                notes.accept("invalid base64 data was skipped");
            } else if (error.contains("encoded value") || error.contains("==")) {
                notes.accept("invalid quoted-printable data was kept as it is");
            }
            return false;
        }

        @Override
        public boolean isListening() {
            return true;
        }

        boolean takePrematureEnd() {
            boolean was = prematureEnd;
            prematureEnd = false;
            return was;
        }
    }
}
