package io.omnichannel.gateway.adapters.email.mime;

import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.owasp.html.CssSchema;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * The OWASP policy for customers' HTML: what a mail client shows (formatting, blocks, lists, tables, links, images,
 * harmless inline styles, {@code dir} and {@code lang} everywhere for right-to-left text) and nothing that runs or
 * calls out on its own (scripts, event handlers, {@code javascript:} URLs, forms, frames, {@code <style>} sheets,
 * CSS {@code url()}).
 */
final class SafeHtml {

    private static final Pattern DIRECTION = Pattern.compile("(?i)ltr|rtl|auto");
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*");
    private static final Pattern LENGTH = Pattern.compile("\\d{1,4}(\\.\\d+)?(%|px)?");
    private static final Pattern ALIGN = Pattern.compile("(?i)left|right|center|justify");
    private static final Pattern VALIGN = Pattern.compile("(?i)top|middle|bottom|baseline");
    private static final Pattern COLOR = Pattern.compile("#[0-9A-Fa-f]{3,8}|[A-Za-z]{1,20}");
    private static final Pattern SMALL_NUMBER = Pattern.compile("[+-]?\\d{1,3}");

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowCommonInlineFormattingElements()
            .allowCommonBlockElements()
            .allowElements("span", "div", "bdi", "bdo", "center", "font", "mark", "small", "big", "abbr", "cite", "q", "code",
                    "kbd", "samp", "var", "tt", "pre", "address", "dl", "dt", "dd", "hr", "br")
            .allowElements("table", "caption", "thead", "tbody", "tfoot", "tr", "td", "th", "colgroup", "col")
            .allowElements("a", "img")
            .allowAttributes("dir").matching(DIRECTION).globally()
            .allowAttributes("lang").matching(LANGUAGE).globally()
            .allowAttributes("title").globally()
            .allowAttributes("href").onElements("a")
            .allowAttributes("src").onElements("img")
            .allowAttributes("alt").onElements("img")
            .allowAttributes("width", "height").matching(LENGTH).onElements("img", "table", "td", "th", "col", "colgroup")
            .allowAttributes("align").matching(ALIGN).onElements("p", "div", "table", "tr", "td", "th", "img", "h1", "h2", "h3",
                    "h4", "h5", "h6", "col", "colgroup")
            .allowAttributes("valign").matching(VALIGN).onElements("tr", "td", "th", "col", "colgroup")
            .allowAttributes("colspan", "rowspan").matching(SMALL_NUMBER).onElements("td", "th")
            .allowAttributes("border", "cellpadding", "cellspacing").matching(SMALL_NUMBER).onElements("table")
            .allowAttributes("bgcolor").matching(COLOR).onElements("table", "tr", "td", "th")
            .allowAttributes("color").matching(COLOR).onElements("font")
            .allowAttributes("face").onElements("font")
            .allowAttributes("size").matching(SMALL_NUMBER).onElements("font")
            .allowUrlProtocols("http", "https", "mailto", "tel", "cid")
            .requireRelsOnLinks("nofollow", "noopener", "noreferrer")
            .allowStyling(CssSchema.DEFAULT)
            .toFactory();

    private SafeHtml() {
    }

    /**
     * The sanitized body. A document's {@code <body>} (or {@code <html>}) {@code dir} and {@code lang} move to a
     * wrapping {@code <div>}: the sanitized result is a fragment, and right-to-left mail must stay right-to-left.
     */
    static String sanitize(String html) {
        if (html == null) {
            return null;
        }
        Document document = Jsoup.parse(html);
        String dir = firstNonBlank(document.body().attr("dir"), document.selectFirst("html").attr("dir"));
        String lang = firstNonBlank(document.body().attr("lang"), document.selectFirst("html").attr("lang"));
        String body = document.body().html();
        if (!dir.isEmpty() || !lang.isEmpty()) {
            Document wrapper = Document.createShell("");
            var div = wrapper.body().appendElement("div");
            if (!dir.isEmpty()) {
                div.attr("dir", dir);
            }
            if (!lang.isEmpty()) {
                div.attr("lang", lang);
            }
            div.html(body);
            body = div.outerHtml();
        }
        return POLICY.sanitize(body).strip();
    }

    private static String firstNonBlank(String first, String second) {
        return !first.isBlank() ? first.strip() : second.strip();
    }
}
