package io.omnichannel.gateway.adapters.rest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.dom.field.ContentDispositionField;
import org.apache.james.mime4j.field.DefaultFieldParser;
import org.apache.james.mime4j.parser.AbstractContentHandler;
import org.apache.james.mime4j.parser.MimeStreamParser;
import org.apache.james.mime4j.stream.BodyDescriptor;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;

/**
 * A {@code multipart/form-data} body (SendGrid Inbound Parse, Mailgun routes with attachments),
 * read with mime4j: form data is MIME multipart (RFC 7578). A file larger than the limit keeps its
 * name, type and size but not its bytes.
 */
public final class MultipartForm {

    /** One field or file; {@code content} is null when the file was over the limit. */
    public record Part(String name, String filename, String contentType, long size, byte[] content) {

        public String text(Charset charset) {
            return content == null ? "" : new String(content, charset);
        }

        public boolean isFile() {
            return filename != null;
        }
    }

    private final List<Part> parts;

    private MultipartForm(List<Part> parts) {
        this.parts = List.copyOf(parts);
    }

    public static boolean isMultipart(String contentType) {
        return contentType != null && contentType.toLowerCase().startsWith("multipart/form-data");
    }

    /** @throws WebhookRejectedException 400 when the body is not a multipart form of that content type */
    public static MultipartForm parse(String contentType, byte[] body, long maxFileBytes) {
        if (!isMultipart(contentType) || !contentType.toLowerCase().contains("boundary=")) {
            throw WebhookRejectedException.malformed("Content-Type",
                    "expected multipart/form-data with a boundary, got '" + contentType + "'");
        }
        List<Part> parts = new ArrayList<>();
        MimeStreamParser parser = new MimeStreamParser(MimeConfig.custom().setMaxHeaderLen(-1).setMaxLineLen(-1)
                .setMaxHeaderCount(1000).build());
        parser.setContentDecoding(true);
        parser.setContentHandler(new AbstractContentHandler() {
            private ContentDispositionField disposition;

            @Override
            public void startHeader() {
                disposition = null;
            }

            @Override
            public void field(Field field) throws MimeException {
                if ("content-disposition".equalsIgnoreCase(field.getName())
                        && DefaultFieldParser.parse(field.getRaw(), null) instanceof ContentDispositionField parsed) {
                    disposition = parsed;
                }
            }

            @Override
            public void body(BodyDescriptor descriptor, InputStream stream) throws IOException {
                if (disposition == null || disposition.getParameter("name") == null) {
                    return;
                }
                long[] size = new long[1];
                byte[] content = read(stream, maxFileBytes, size);
                parts.add(new Part(disposition.getParameter("name"), disposition.getFilename(), descriptor.getMimeType(),
                        size[0], content));
            }
        });
        byte[] header = ("Content-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        try {
            parser.parse(new SequenceInputStream(new ByteArrayInputStream(header), new ByteArrayInputStream(body)));
        } catch (MimeException | IOException e) {
            throw WebhookRejectedException.malformed("body", "the multipart form could not be read: " + e.getMessage());
        }
        return new MultipartForm(parts);
    }

    public Optional<Part> part(String name) {
        return parts.stream().filter(part -> part.name().equals(name)).findFirst();
    }

    /** The text of field {@code name} in {@code charset}, if present. */
    public Optional<String> text(String name, Charset charset) {
        return part(name).map(part -> part.text(charset));
    }

    public List<Part> files() {
        return parts.stream().filter(Part::isFile).toList();
    }

    /** Reads the whole stream, keeping at most {@code limit} bytes: over it, null (the size is still counted). */
    private static byte[] read(InputStream stream, long limit, long[] size) throws IOException {
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        boolean over = false;
        for (int n; (n = stream.read(buffer)) > 0; ) {
            size[0] += n;
            if (!over && size[0] <= limit) {
                kept.write(buffer, 0, n);
            } else {
                over = true;
            }
        }
        return over ? null : kept.toByteArray();
    }
}
