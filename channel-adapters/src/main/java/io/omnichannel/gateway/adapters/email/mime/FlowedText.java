package io.omnichannel.gateway.adapters.email.mime;

/**
 * RFC 3676 {@code format=flowed} text (what Apple Mail, Thunderbird and many phones send) turned back into the
 * paragraphs the sender typed: a line ending in a space continues on the next line of the same quote depth, the
 * space-stuffing of lines is removed, and with {@code delsp=yes} the soft break's space is not part of the text.
 * The signature separator "-- " stays a line of its own.
 */
final class FlowedText {

    private FlowedText() {
    }

    static String unflow(String text, boolean delSp) {
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        StringBuilder out = new StringBuilder(text.length());
        StringBuilder paragraph = null;
        int paragraphDepth = 0;
        for (String raw : lines) {
            int depth = 0;
            while (depth < raw.length() && raw.charAt(depth) == '>') {
                depth++;
            }
            String line = raw.substring(depth);
            if (line.startsWith(" ")) {
                line = line.substring(1);
            }
            if (paragraph != null && depth != paragraphDepth) {
                // a quote depth change ends a flowed paragraph (RFC 3676 section 4.5)
                out.append(paragraph).append('\n');
                paragraph = null;
            }
            boolean soft = line.endsWith(" ") && !line.equals("-- ");
            if (paragraph == null) {
                paragraph = new StringBuilder(">".repeat(depth)).append(depth > 0 ? " " : "");
                paragraphDepth = depth;
            }
            if (soft) {
                paragraph.append(delSp ? line.substring(0, line.length() - 1) : line);
            } else {
                paragraph.append(line);
                out.append(paragraph).append('\n');
                paragraph = null;
            }
        }
        if (paragraph != null) {
            out.append(paragraph);
        } else if (out.length() > 0) {
            // every line was given its line end; the last line's is one too many
            out.setLength(out.length() - 1);
        }
        return out.toString();
    }
}
