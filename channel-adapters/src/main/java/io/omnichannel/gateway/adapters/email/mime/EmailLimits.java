package io.omnichannel.gateway.adapters.email.mime;

/**
 * What the parser accepts from one message; past these it stops keeping things and says so in the notes, or, for the
 * message and header sizes, refuses the message.
 *
 * @param maxMessageBytes    the raw message; larger ones are refused
 * @param maxHeaderBytes     the top-level header section; a larger one is refused (a part's is cut with a note)
 * @param maxHeaderCount     header fields kept per header section; the rest are dropped with a note
 * @param maxNestingDepth    levels of nested parts parsed; deeper parts are skipped with a note
 * @param maxParts           parts (bodies and attachments) kept; later ones are skipped with a note
 * @param maxAttachmentBytes decoded bytes kept of one part; a larger attachment keeps its metadata only, a larger body
 *                           text is cut
 */
public record EmailLimits(long maxMessageBytes, int maxHeaderBytes, int maxHeaderCount, int maxNestingDepth, int maxParts,
        long maxAttachmentBytes) {

    private static final int MIB = 1024 * 1024;

    public EmailLimits {
        if (maxMessageBytes <= 0 || maxHeaderBytes <= 0 || maxHeaderCount <= 0 || maxNestingDepth <= 0 || maxParts <= 0
                || maxAttachmentBytes < 0) {
            throw new IllegalArgumentException("email limits must be positive: " + maxMessageBytes + ", " + maxHeaderBytes
                    + ", " + maxHeaderCount + ", " + maxNestingDepth + ", " + maxParts + ", " + maxAttachmentBytes);
        }
    }

    /** 25 MiB per message, 64 KiB and 1000 fields of header, 20 levels, 200 parts, 10 MiB per attachment. */
    public static EmailLimits defaults() {
        return new EmailLimits(25L * MIB, 64 * 1024, 1000, 20, 200, 10L * MIB);
    }
}
