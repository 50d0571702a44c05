package io.omnichannel.gateway.adapters.email.mime;

/**
 * The body treatments of {@link EmailParser}, for the webhook formats that hand over text and HTML as separate fields
 * (SendGrid Inbound Parse, Mailgun routes): use these and such mail reads exactly like parsed MIME.
 */
public final class EmailBodies {

    private EmailBodies() {
    }

    /**
     * The HTML made safe to show: formatting, links (http, https, mailto, tel), images (also {@code cid:}), tables,
     * harmless inline styles and {@code dir}/{@code lang} are kept; scripts, event handlers, {@code javascript:} URLs,
     * forms, frames, style sheets and CSS {@code url()} are removed. Null stays null.
     */
    public static String sanitizeHtml(String html) {
        return SafeHtml.sanitize(html);
    }

    /** The text of HTML in lines: blocks and {@code <br>} break lines, links keep their text. Null gives "". */
    public static String textFromHtml(String html) {
        return HtmlToText.convert(html);
    }

    /** The text without quoted earlier messages and without the signature; see {@link ReplyText}. Null gives "". */
    public static String newText(String text) {
        return ReplyText.strip(text);
    }
}
