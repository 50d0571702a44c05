package io.omnichannel.gateway.adapters.email.mime;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The text a person reads in an HTML mail, laid out in lines: blocks and {@code <br>} break lines, paragraphs are
 * separated by a blank line (Outlook's one-paragraph-per-line {@code MsoNormal} excepted), non-breaking spaces are
 * plain spaces, list items get a dash, table cells a tab, blockquotes a {@code "> "} prefix (so that
 * quoted replies in HTML-only mail are recognised like plain-text ones), a link keeps its text and, when the text
 * does not show it, its web address in angle brackets.
 */
final class HtmlToText {

    private static final Set<String> PARAGRAPHS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "dl",
            "pre", "blockquote", "address", "figure", "hr");
    private static final Set<String> LINES = Set.of("div", "li", "tr", "dd", "dt", "section", "article", "header", "footer",
            "main", "nav", "aside", "form", "fieldset", "legend", "caption", "thead", "tbody", "tfoot", "center", "details",
            "summary", "figcaption");
    private static final Set<String> INVISIBLE = Set.of("head", "script", "style", "title", "template", "noscript", "object",
            "iframe", "svg", "select", "button");

    private HtmlToText() {
    }

    static String convert(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        Document document = Jsoup.parse(html);
        Writer writer = new Writer();
        NodeTraversor.traverse(writer, document.body());
        return writer.text();
    }

    /** Builds the lines; whitespace inside text collapses except in {@code <pre>}. */
    private static final class Writer implements NodeVisitor {

        private final StringBuilder out = new StringBuilder();
        private int quoteDepth;
        private int preDepth;
        private int skipDepth;
        private boolean atLineStart = true;
        private boolean pendingSpace;

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode text) {
                if (skipDepth == 0) {
                    appendText(text.getWholeText());
                }
                return;
            }
            if (!(node instanceof Element element)) {
                return;
            }
            String tag = element.normalName();
            if (INVISIBLE.contains(tag)) {
                skipDepth++;
                return;
            }
            if (skipDepth > 0) {
                return;
            }
            switch (tag) {
                case "br" -> newLine();
                case "td", "th" -> {
                    if (element.elementSiblingIndex() > 0) {
                        appendRaw("\t");
                    }
                }
                case "li" -> {
                    breakLine();
                    appendRaw("- ");
                }
                case "img" -> {
                    String alt = element.attr("alt").strip();
                    if (!alt.isEmpty()) {
                        appendText("[" + alt + "]");
                    }
                }
                default -> {
                    if (isParagraph(element)) {
                        blankLine();
                    } else if (LINES.contains(tag) || tag.equals("p")) {
                        breakLine();
                    }
                }
            }
            if (tag.equals("blockquote")) {
                quoteDepth++;
            }
            if (tag.equals("pre")) {
                preDepth++;
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (!(node instanceof Element element)) {
                return;
            }
            String tag = element.normalName();
            if (INVISIBLE.contains(tag)) {
                skipDepth--;
                return;
            }
            if (skipDepth > 0) {
                return;
            }
            if (tag.equals("a")) {
                appendLinkTarget(element);
            }
            if (tag.equals("blockquote")) {
                quoteDepth--;
            }
            if (tag.equals("pre")) {
                preDepth--;
            }
            if (isParagraph(element)) {
                blankLine();
            } else if (LINES.contains(tag) || tag.equals("p")) {
                breakLine();
            }
        }

        /** Outlook writes every line as a margin-less {@code <p class="MsoNormal">}: those are lines, not paragraphs. */
        private static boolean isParagraph(Element element) {
            return PARAGRAPHS.contains(element.normalName()) && !(element.normalName().equals("p") && element.hasClass("MsoNormal"));
        }

        private void appendLinkTarget(Element link) {
            String href = link.attr("href").strip();
            if (!(href.startsWith("http://") || href.startsWith("https://"))) {
                return;
            }
            String shown = link.text();
            String bare = href.replaceFirst("^https?://", "").replaceFirst("/$", "");
            if (!shown.contains(bare)) {
                appendText(" <" + href + ">");
            }
        }

        private void appendText(String text) {
            if (preDepth > 0) {
                String[] pieces = text.split("\r?\n", -1);
                for (int i = 0; i < pieces.length; i++) {
                    if (i > 0) {
                        newLine();
                    }
                    appendRaw(pieces[i]);
                }
                return;
            }
            for (String word : text.split("[ \\t\\n\\r\\f\\u000b]+", -1)) {
                if (word.isEmpty()) {
                    pendingSpace = true;
                    continue;
                }
                if (pendingSpace && !atLineStart) {
                    out.append(' ');
                }
                pendingSpace = false;
                appendRaw(word);
                pendingSpace = true;
            }
            if (!text.isEmpty() && !Character.isWhitespace(text.charAt(text.length() - 1))) {
                pendingSpace = false;
            }
        }

        private void appendRaw(String text) {
            if (text.isEmpty()) {
                return;
            }
            if (atLineStart) {
                out.append("> ".repeat(quoteDepth));
                atLineStart = false;
            }
            out.append(text);
        }

        private void newLine() {
            if (atLineStart && quoteDepth > 0) {
                out.append(">".repeat(quoteDepth));
            }
            out.append('\n');
            atLineStart = true;
            pendingSpace = false;
        }

        private void breakLine() {
            if (!atLineStart) {
                newLine();
            }
            pendingSpace = false;
        }

        private void blankLine() {
            breakLine();
            if (out.length() > 0 && !endsWithBlankLine()) {
                newLine();
            }
        }

        private boolean endsWithBlankLine() {
            int length = out.length();
            if (length < 2 || out.charAt(length - 1) != '\n') {
                return false;
            }
            int previous = out.lastIndexOf("\n", length - 2);
            String line = out.substring(previous + 1, length - 1);
            return line.replace(">", "").isBlank();
        }

        String text() {
            // non-breaking spaces (Outlook's &nbsp; paragraphs) read as spaces
            return ReplyText.join(java.util.Arrays.asList(out.toString().replace('\u00A0', ' ').split("\n", -1)));
        }
    }
}
