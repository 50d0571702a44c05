package io.omnichannel.gateway.adapters.phone;

import io.omnichannel.gateway.adapters.rest.WebhookRejectedException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WebVTT captions of a call: each cue's voice span ({@code <v Roger>}, {@code <v.agent Alex>})
 * names the speaker; a voice class {@code agent} or {@code customer} (or {@code caller}), or "agent"
 * in the voice's name, says the role, else the first voice is taken for the customer unless the
 * request names the agents. Other tags ({@code <i>}, {@code <lang>}, timestamps) are dropped and
 * entities decoded; cues may overlap and are kept in the file's order. A {@code Language:} header
 * line gives the language.
 */
final class WebVttTranscript {

    private static final Pattern TIMING = Pattern.compile(
            "^\\s*((?:\\d+:)?\\d{2}:\\d{2}\\.\\d{3})\\s+-->\\s+((?:\\d+:)?\\d{2}:\\d{2}\\.\\d{3})(?:\\s.*)?$");
    private static final Pattern VOICE = Pattern.compile("<v((?:\\.[^\\s.>]+)*)(?:\\s+([^>]*))?>");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern AGENT_WORD = Pattern.compile("\\bagent\\b", Pattern.CASE_INSENSITIVE);
    /** The entities WebVTT text uses; {@code &amp;} last, so that {@code &amp;lt;} stays {@code &lt;}. */
    private static final List<Map.Entry<String, String>> ENTITIES = List.of(Map.entry("&lt;", "<"), Map.entry("&gt;", ">"),
            Map.entry("&nbsp;", " "), Map.entry("&lrm;", ""), Map.entry("&rlm;", ""), Map.entry("&quot;", "\""),
            Map.entry("&#39;", "'"), Map.entry("&apos;", "'"), Map.entry("&amp;", "&"));

    private WebVttTranscript() {
    }

    static ParsedTranscript parse(String body) {
        String text = body.replace("\uFEFF", "");
        List<String> lines = Arrays.asList(text.split("\r\n|\r|\n", -1));
        if (lines.isEmpty() || !lines.get(0).startsWith("WEBVTT")) {
            throw WebhookRejectedException.malformed("body", "a WebVTT transcript starts with the line 'WEBVTT'");
        }
        String language = null;
        int i = 1;
        for (; i < lines.size() && !lines.get(i).isBlank(); i++) {
            String header = lines.get(i);
            if (header.toLowerCase(Locale.ROOT).startsWith("language:")) {
                language = header.substring("language:".length()).trim();
            }
        }
        List<Turn> turns = new ArrayList<>();
        String firstVoice = null;
        double duration = 0;
        int cue = 0;
        while (i < lines.size()) {
            List<String> block = new ArrayList<>();
            while (i < lines.size() && lines.get(i).isBlank()) {
                i++;
            }
            for (; i < lines.size() && !lines.get(i).isBlank(); i++) {
                block.add(lines.get(i));
            }
            if (block.isEmpty() || block.get(0).startsWith("NOTE") || block.get(0).equals("STYLE")
                    || block.get(0).equals("REGION")) {
                continue;
            }
            cue++;
            int timingLine = block.get(0).contains("-->") ? 0 : 1;
            Matcher timing = timingLine < block.size() ? TIMING.matcher(block.get(timingLine)) : null;
            if (timing == null || !timing.matches()) {
                throw WebhookRejectedException.malformed("cue " + cue, "WebVTT cue " + cue + " ('" + block.get(0)
                        + "') has no valid timing line 'hh:mm:ss.ttt --> hh:mm:ss.ttt'");
            }
            double start = time(timing.group(1));
            double end = time(timing.group(2));
            duration = Math.max(duration, end);
            String voice = null;
            List<String> classes = List.of();
            StringBuilder words = new StringBuilder();
            for (String line : block.subList(timingLine + 1, block.size())) {
                Matcher span = VOICE.matcher(line);
                if (span.find() && voice == null) {
                    classes = Arrays.stream(span.group(1).split("\\.")).filter(c -> !c.isEmpty())
                            .map(c -> c.toLowerCase(Locale.ROOT)).toList();
                    voice = span.group(2) == null ? "" : span.group(2).trim();
                }
                String plain = decode(TAG.matcher(line).replaceAll("")).strip();
                if (!plain.isEmpty()) {
                    words.append(words.length() == 0 ? "" : " ").append(plain);
                }
            }
            if (words.length() == 0) {
                continue;
            }
            String label = voice == null || voice.isEmpty() ? "unnamed" : voice;
            if (firstVoice == null) {
                firstVoice = label;
            }
            turns.add(new Turn(label, voice == null || voice.isEmpty() ? null : voice, role(classes, label),
                    words.toString(), start, end, null));
        }
        Map<String, String> details = new LinkedHashMap<>();
        return new ParsedTranscript(TranscriptFormat.WEBVTT, null, turns, firstVoice, duration > 0 ? duration : null,
                language, details);
    }

    private static Speaker role(List<String> classes, String voice) {
        if (classes.contains("agent")) {
            return Speaker.AGENT;
        }
        if (classes.contains("customer") || classes.contains("caller")) {
            return Speaker.CUSTOMER;
        }
        return AGENT_WORD.matcher(voice).find() ? Speaker.AGENT : null;
    }

    /** {@code 00:01:02.500} or {@code 01:02.500} in seconds. */
    private static double time(String value) {
        String[] parts = value.split(":");
        double seconds = Double.parseDouble(parts[parts.length - 1]);
        double minutes = Double.parseDouble(parts[parts.length - 2]);
        double hours = parts.length == 3 ? Double.parseDouble(parts[0]) : 0;
        return hours * 3600 + minutes * 60 + seconds;
    }

    private static String decode(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        String decoded = text;
        for (Map.Entry<String, String> entity : ENTITIES) {
            decoded = decoded.replace(entity.getKey(), entity.getValue());
        }
        return decoded;
    }
}
