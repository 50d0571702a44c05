package io.omnichannel.gateway.adapters.email.mime;

import java.util.ArrayList;
import java.util.List;
import org.apache.james.mime4j.dom.field.ContentTypeField;
import org.apache.james.mime4j.stream.Field;

/** One entity of the MIME tree as {@link PartTreeReader} saw it: its header, its decoded content, its children. */
final class Part {

    /** Why the content of a part was not read. */
    enum Skipped { NO, TOO_DEEP, TOO_MANY_PARTS }

    final Part parent;
    final int depth;
    final List<Field> fields = new ArrayList<>();
    final List<Part> children = new ArrayList<>();
    int headerBytes;
    boolean headerCut;
    Skipped skipped = Skipped.NO;

    /** From the body descriptor: the effective type (a multipart without boundary reads as text/plain). */
    String mimeType;
    String charset;
    String boundary;
    String dispositionType;
    String contentId;
    String language;
    boolean multipart;

    /** The decoded content (or, for a multipart, its preamble), possibly cut at the limit. */
    byte[] content;
    long size;
    boolean overLimit;

    Part(Part parent) {
        this.parent = parent;
        this.depth = parent == null ? 0 : parent.depth + 1;
    }

    /** The first header field of that name (any case), or null. */
    Field field(String name) {
        for (Field field : fields) {
            if (field.getName().equalsIgnoreCase(name)) {
                return field;
            }
        }
        return null;
    }

    /** The Content-Type as written, or null when absent. */
    ContentTypeField declaredContentType() {
        return field("Content-Type") instanceof ContentTypeField contentType ? contentType : null;
    }

    /** The lower-case MIME type the Content-Type declares, or null when absent or unreadable. */
    String declaredMimeType() {
        ContentTypeField contentType = declaredContentType();
        String type = contentType == null ? null : contentType.getMimeType();
        return type == null || type.isBlank() ? null : type.toLowerCase(java.util.Locale.ROOT);
    }

    boolean isRoot() {
        return parent == null;
    }
}
