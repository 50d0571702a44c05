package io.omnichannel.gateway.adapters.email.mime;

/**
 * A part of a message that is not its body text: a file, an inline image, a forwarded message.
 *
 * @param name        the decoded file name (RFC 2231 or RFC 2047), or null when the part has none
 * @param contentType the lower-case MIME type without parameters
 * @param size        the number of decoded bytes, also when {@code content} was not kept
 * @param contentId   the Content-ID without angle brackets, or null
 * @param inline      whether the part is shown inside the body (inline disposition or referenced by cid)
 * @param content     the decoded bytes, or null when the part is over {@link EmailLimits#maxAttachmentBytes()}
 */
public record EmailAttachment(String name, String contentType, long size, String contentId, boolean inline, byte[] content) {

    /** The note a message carries for an attachment kept as metadata only. */
    public static String overLimitNote(String name, String contentType, long size, long limit) {
        return "attachment " + (name == null ? "of type " + contentType : "'" + name + "'") + " (" + size
                + " bytes) is over the " + limit + "-byte limit: kept as metadata only";
    }

    @Override
    public String toString() {
        return "EmailAttachment[name=" + name + ", contentType=" + contentType + ", size=" + size + ", contentId=" + contentId
                + ", inline=" + inline + ", content=" + (content == null ? "not kept" : content.length + " bytes") + "]";
    }
}
