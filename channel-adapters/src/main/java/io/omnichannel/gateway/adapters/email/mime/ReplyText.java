package io.omnichannel.gateway.adapters.email.mime;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What the sender wrote this time: the text without the earlier messages it quotes and without the signature.
 *
 * <p>Three shapes of quoting are recognised:
 * <ul>
 * <li>an attribution line ("On ... wrote:", "Am ... schrieb ...:", "Le ... a écrit :", ...), possibly wrapped over
 * up to three lines, followed by {@code >} lines: both are removed, and an answer written between quoted blocks
 * (bottom or inline posting) is kept. A dated attribution followed by unmarked text cuts the rest (clients that
 * quote without {@code >});</li>
 * <li>Outlook's top posting: "-----Original Message-----" (and its translations), or a "From:" line followed
 * within a few lines by "Sent:" or "Date:" (and their translations), cuts everything from there;</li>
 * <li>any other {@code >} line is removed.</li>
 * </ul>
 * The signature starts at a "-- " line (RFC 3676; "--" too, as clients trim it) or at a mobile client's line such
 * as "Sent from my iPhone" standing at the end.
 */
final class ReplyText {

    /** A client's attribution line: "On <date>, <name> wrote:" and its translations. */
    private static final Pattern ATTRIBUTION = Pattern.compile(
            "^\\s*(On\\s.+\\swrote"
                    + "|Am\\s.+\\sschrieb.*"
                    + "|Le\\s.+\\sa\\s+écrit"
                    + "|El\\s.+\\sescribió"
                    + "|Em\\s.+\\sescreveu"
                    + "|Il\\s.+\\sha\\s+scritto"
                    + "|Op\\s.+\\sschreef.*"
                    + "|Den\\s.+\\sskrev.*)"
                    + "\\s*:\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** "<name> wrote:" without a date: taken as an attribution only when quoted lines follow. */
    private static final Pattern LOOSE_ATTRIBUTION = Pattern.compile(
            "^.*\\S\\s+(wrote|schrieb|a écrit|escribió|escreveu|ha scritto|schreef|skrev|napisał|написал\\(а\\)|написал|kirjoitti)"
                    + "\\s*:\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern DIGIT = Pattern.compile("\\d");
    private static final Pattern ORIGINAL_MESSAGE = Pattern.compile(
            "^\\s*-{2,}\\s*(Original Message|Ursprüngliche Nachricht|Originalnachricht|Message d'origine|Mensaje original"
                    + "|Messaggio originale|Oorspronkelijk bericht|Mensagem original|Ursprungligt meddelande"
                    + "|Forwarded message|Weitergeleitete Nachricht)\\s*-{2,}\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern HEADER_FROM = Pattern.compile(
            "^\\s*\\*?(From|Von|De|Van|Da|Från|Od|От)\\s*:\\*?\\s+\\S.*$", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern HEADER_SENT = Pattern.compile(
            "^\\s*\\*?(Sent|Date|Gesendet|Datum|Envoyé|Date d'envoi|Enviado|Enviada|Fecha|Inviato|Data|Verzonden|Skickat"
                    + "|Wysłano|Отправлено)\\s*:\\*?\\s+\\S.*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern OUTLOOK_RULE = Pattern.compile("^\\s*_{10,}\\s*$");
    private static final Pattern SIGNATURE_DELIMITER = Pattern.compile("^--\\s?$");
    private static final Pattern MOBILE_SIGNATURE = Pattern.compile(
            "^\\s*(Sent from my \\S.*|Sent from (Mail|Outlook|Yahoo Mail|Gmail|Samsung|my mobile).*|Get Outlook for \\S.*"
                    + "|Sent with \\S.*|Von meinem \\S.* gesendet|Gesendet von meinem \\S.*|Envoyé de mon \\S.*"
                    + "|Enviado desde mi \\S.*|Enviado do meu \\S.*|Inviato da(l mio)? \\S.*|Verzonden vanaf mijn \\S.*"
                    + "|Skickat från min \\S.*)\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final int HEADER_BLOCK_LINES = 4;
    private static final int ATTRIBUTION_LINES = 3;
    /** Attributions are short; longer lines are not tried (and cannot make the patterns backtrack for long). */
    private static final int ATTRIBUTION_MAX_CHARS = 400;

    private ReplyText() {
    }

    static String strip(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        List<String> lines = List.of(text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1));
        lines = lines.subList(0, outlookQuoteStart(lines));
        lines = withoutQuotes(lines);
        lines = lines.subList(0, signatureStart(lines));
        return join(lines);
    }

    /** Where Outlook's unmarked copy of the earlier message begins, or the end. */
    private static int outlookQuoteStart(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (ORIGINAL_MESSAGE.matcher(line).matches()) {
                return i;
            }
            if (HEADER_FROM.matcher(line).matches() && sentFollows(lines, i)) {
                return i > 0 && OUTLOOK_RULE.matcher(lines.get(i - 1)).matches() ? i - 1 : i;
            }
        }
        return lines.size();
    }

    private static boolean sentFollows(List<String> lines, int from) {
        for (int i = from + 1; i < Math.min(lines.size(), from + 1 + HEADER_BLOCK_LINES); i++) {
            if (HEADER_SENT.matcher(lines.get(i)).matches()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Drops attribution lines with the quoted blocks they introduce, and every other quoted line. A dated attribution
     * followed by unmarked text ends the new text there: the client quoted without markers.
     */
    private static List<String> withoutQuotes(List<String> lines) {
        List<String> kept = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            Attribution attribution = attributionAt(lines, i);
            if (attribution != null) {
                int next = nextNonBlank(lines, i + attribution.lines());
                boolean quoteFollows = next < lines.size() && isQuoted(lines.get(next));
                if (quoteFollows) {
                    i += attribution.lines();
                    continue;
                }
                if (attribution.dated()) {
                    break;
                }
            }
            if (!isQuoted(lines.get(i))) {
                kept.add(lines.get(i));
            }
            i++;
        }
        return kept;
    }

    /** The attribution (wrapped over up to three lines) starting at {@code start}, or null. */
    private static Attribution attributionAt(List<String> lines, int start) {
        if (isQuoted(lines.get(start)) || lines.get(start).isBlank()) {
            return null;
        }
        StringBuilder joined = new StringBuilder();
        for (int length = 1; length <= ATTRIBUTION_LINES && start + length <= lines.size(); length++) {
            String line = lines.get(start + length - 1);
            if (length > 1 && (line.isBlank() || isQuoted(line))) {
                return null;
            }
            joined.append(length > 1 ? " " : "").append(line.strip());
            if (joined.length() > ATTRIBUTION_MAX_CHARS) {
                return null;
            }
            if (ATTRIBUTION.matcher(joined).matches()) {
                return new Attribution(length, DIGIT.matcher(joined).find());
            }
            if (length == 1 && LOOSE_ATTRIBUTION.matcher(joined).matches()) {
                return new Attribution(1, false);
            }
        }
        return null;
    }

    private record Attribution(int lines, boolean dated) {
    }

    private static int signatureStart(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (SIGNATURE_DELIMITER.matcher(lines.get(i)).matches()) {
                return i;
            }
        }
        int last = lines.size() - 1;
        while (last >= 0 && lines.get(last).isBlank()) {
            last--;
        }
        if (last >= 0 && MOBILE_SIGNATURE.matcher(lines.get(last)).matches()) {
            return last;
        }
        return lines.size();
    }

    private static int nextNonBlank(List<String> lines, int from) {
        int i = from;
        while (i < lines.size() && lines.get(i).isBlank()) {
            i++;
        }
        return i;
    }

    private static boolean isQuoted(String line) {
        return line.stripLeading().startsWith(">");
    }

    /** The lines without trailing blanks, runs of blank lines folded into one empty line. */
    static String join(List<String> lines) {
        StringBuilder out = new StringBuilder();
        int blank = 0;
        for (String line : lines) {
            String trimmed = line.stripTrailing();
            if (trimmed.isEmpty()) {
                blank++;
                continue;
            }
            if (out.length() > 0) {
                out.append(blank > 0 ? "\n\n" : "\n");
            }
            blank = 0;
            out.append(trimmed);
        }
        return out.toString();
    }
}
