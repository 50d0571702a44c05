package io.omnichannel.gateway.adapters.phone;

import static io.omnichannel.gateway.adapters.phone.TranscriptJson.number;
import static io.omnichannel.gateway.adapters.phone.TranscriptJson.requiredArray;
import static io.omnichannel.gateway.adapters.phone.TranscriptJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnichannel.gateway.adapters.rest.WebhookRejectedException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Twilio Voice Intelligence: a transcript's {@code sentences} (one page holding all of them), each
 * with its {@code media_channel}; the transcript sid ({@code GT…}) from the page URL is the call's
 * id when the request names none. Media channel 1 (the caller's leg of a dual-channel recording)
 * is taken for the customer unless the request names the agents.
 */
final class TwilioSentencesTranscript {

    private static final Pattern TRANSCRIPT_SID = Pattern.compile("/Transcripts/(GT[0-9a-zA-Z]+)");

    private TwilioSentencesTranscript() {
    }

    static ParsedTranscript parse(JsonNode root) {
        JsonNode meta = root.path("meta");
        if (text(meta, "next_page_url") != null) {
            throw WebhookRejectedException.malformed("meta.next_page_url", "this is one page of the transcript's sentences "
                    + "(meta.next_page_url is set); post all of them in one body");
        }
        List<JsonNode> sentences = new ArrayList<>(requiredArray(root, "sentences", "sentences"));
        sentences.sort(Comparator.comparingInt(sentence -> sentence.path("sentence_index").asInt(0)));
        List<Turn> turns = new ArrayList<>();
        TreeMap<Integer, String> channels = new TreeMap<>();
        double duration = 0;
        for (int i = 0; i < sentences.size(); i++) {
            JsonNode sentence = sentences.get(i);
            String path = "sentences[" + i + "]";
            String text = text(sentence, "transcript");
            if (text == null) {
                continue;
            }
            int channel = sentence.path("media_channel").asInt(1);
            channels.put(channel, Integer.toString(channel));
            Double end = number(sentence, "end_time", path);
            turns.add(new Turn(Integer.toString(channel), null, null, text, number(sentence, "start_time", path), end, null));
            if (end != null) {
                duration = Math.max(duration, end);
            }
        }
        String callId = text(root, "transcript_sid");
        for (String url : new String[] {text(meta, "url"), text(meta, "first_page_url")}) {
            Matcher sid = url == null ? null : TRANSCRIPT_SID.matcher(url);
            if (callId == null && sid != null && sid.find()) {
                callId = sid.group(1);
            }
        }
        return new ParsedTranscript(TranscriptFormat.TWILIO_INTELLIGENCE, callId, turns,
                channels.isEmpty() ? null : channels.firstEntry().getValue(), duration > 0 ? duration : null, null, Map.of());
    }
}
