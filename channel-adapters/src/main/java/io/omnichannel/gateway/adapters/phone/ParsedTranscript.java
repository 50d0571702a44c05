package io.omnichannel.gateway.adapters.phone;

import java.util.List;
import java.util.Map;

/**
 * A provider's transcript read, before the roles of its voices are settled.
 *
 * @param callId           the call or job id the transcript carries, if any
 * @param defaultCustomer  the voice taken for the customer when neither the provider nor the request says
 *                         (the first channel, the first speaker, the first WebVTT voice)
 * @param durationSeconds  the call's length, when the transcript tells
 * @param details          further provider details worth keeping (sentiment scores, categories, ...)
 */
public record ParsedTranscript(TranscriptFormat format, String callId, List<Turn> turns, String defaultCustomer,
        Double durationSeconds, String language, Map<String, String> details) {

    public ParsedTranscript {
        turns = List.copyOf(turns);
        details = details == null ? Map.of() : Map.copyOf(details);
    }
}
