package io.omnichannel.gateway.adapters.phone;

import static io.omnichannel.gateway.adapters.phone.TranscriptJson.array;
import static io.omnichannel.gateway.adapters.phone.TranscriptJson.number;
import static io.omnichannel.gateway.adapters.phone.TranscriptJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnichannel.gateway.adapters.rest.WebhookRejectedException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Amazon Transcribe batch output. Words ({@code results.items}, type {@code pronunciation}) carry a
 * {@code speaker_label} (speaker diarization, {@code spk_N}) or {@code channel_label} (channel
 * identification, {@code ch_N}); older outputs name speakers only in
 * {@code results.speaker_labels.segments}, matched by start time. Punctuation has no time and
 * belongs to the word before it. Words are put in time order and consecutive words of one voice
 * make a turn. The lowest label ({@code spk_0}, {@code ch_0}) is taken for the customer unless the
 * request names the agents: Amazon Connect records the customer on the first channel.
 */
final class AmazonTranscribeTranscript {

    private static final class Word {
        final String label;
        final double start;
        final Double end;
        final StringBuilder text;

        Word(String label, double start, Double end, String text) {
            this.label = label;
            this.start = start;
            this.end = end;
            this.text = new StringBuilder(text);
        }
    }

    private AmazonTranscribeTranscript() {
    }

    static ParsedTranscript parse(JsonNode root) {
        String status = text(root, "status");
        if (status != null && !"COMPLETED".equalsIgnoreCase(status)) {
            throw WebhookRejectedException.malformed("status", "the transcription job is " + status
                    + "; only COMPLETED transcripts can be taken in");
        }
        JsonNode results = root.path("results");
        List<JsonNode> items = array(results, "items");
        String itemsPath = "results.items";
        if (items.isEmpty()) {
            items = new ArrayList<>();
            for (JsonNode channel : array(results.path("channel_labels"), "channels")) {
                for (JsonNode item : array(channel, "items")) {
                    items.add(item);
                }
            }
            itemsPath = "results.channel_labels.channels[].items";
        }
        if (items.isEmpty() && !results.path("items").isArray()) {
            throw WebhookRejectedException.malformed("results.items", "'results.items' must be the transcript's words");
        }
        Map<String, String> speakerAt = speakersByStartTime(results);
        List<Word> words = new ArrayList<>();
        Map<String, Word> lastOf = new HashMap<>();
        Word last = null;
        String language = text(results, "language_code");
        double duration = 0;
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String path = itemsPath + "[" + i + "]";
            String content = text(item.path("alternatives").path(0), "content");
            if (content == null) {
                throw WebhookRejectedException.malformed(path + ".alternatives", "'" + path
                        + ".alternatives[0].content' is missing");
            }
            if (language == null) {
                language = text(item, "language_code");
            }
            String label = label(item, speakerAt);
            if ("punctuation".equals(text(item, "type"))) {
                Word before = label != null && lastOf.containsKey(label) ? lastOf.get(label) : last;
                if (before != null) {
                    before.text.append(content);
                }
                continue;
            }
            Double start = number(item, "start_time", path);
            Double end = number(item, "end_time", path);
            Word word = new Word(label != null ? label : "spk_0", start != null ? start : last != null ? last.start : 0,
                    end, content);
            words.add(word);
            lastOf.put(word.label, word);
            last = word;
            if (end != null) {
                duration = Math.max(duration, end);
            }
        }
        if (language == null) {
            language = channelLanguage(results);
        }
        words.sort(Comparator.comparingDouble(word -> word.start));
        List<Turn> turns = new ArrayList<>();
        TreeMap<Integer, String> labels = new TreeMap<>();
        for (Word word : words) {
            labels.put(labelNumber(word.label), word.label);
            Turn turn = new Turn(word.label, null, null, word.text.toString(), word.start, word.end, null);
            int lastIndex = turns.size() - 1;
            if (lastIndex >= 0 && turns.get(lastIndex).label().equals(word.label)) {
                turns.set(lastIndex, turns.get(lastIndex).join(turn));
            } else {
                turns.add(turn);
            }
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put("speaker-identification", results.has("channel_labels") ? "channel" : results.has("speaker_labels")
                ? "speaker" : "none");
        return new ParsedTranscript(TranscriptFormat.AMAZON_TRANSCRIBE, text(root, "jobName"), turns,
                labels.isEmpty() ? null : labels.firstEntry().getValue(), duration > 0 ? duration : null, language, details);
    }

    private static String label(JsonNode item, Map<String, String> speakerAt) {
        String label = text(item, "speaker_label");
        if (label == null) {
            label = text(item, "channel_label");
        }
        if (label == null) {
            label = speakerAt.get(text(item, "start_time"));
        }
        return label;
    }

    /** The language Transcribe noted on a word of a channel's own items, if any. */
    private static String channelLanguage(JsonNode results) {
        for (JsonNode channel : array(results.path("channel_labels"), "channels")) {
            for (JsonNode item : array(channel, "items")) {
                String language = text(item, "language_code");
                if (language != null) {
                    return language;
                }
            }
        }
        return null;
    }

    /** Older outputs: the speaker of each word by its start time, from {@code speaker_labels.segments}. */
    private static Map<String, String> speakersByStartTime(JsonNode results) {
        Map<String, String> speakers = new HashMap<>();
        for (JsonNode segment : array(results.path("speaker_labels"), "segments")) {
            for (JsonNode item : array(segment, "items")) {
                String start = text(item, "start_time");
                String label = text(item, "speaker_label");
                if (start != null && label != null) {
                    speakers.put(start, label);
                }
            }
        }
        return speakers;
    }

    /** {@code spk_1} → 1, {@code ch_0} → 0. */
    private static int labelNumber(String label) {
        String digits = label.replaceAll("\\D", "");
        try {
            return digits.isEmpty() ? Integer.MAX_VALUE : Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }
}
