package io.omnichannel.gateway.adapters.phone;

/**
 * What the request says about the call besides the transcript (query parameters), since most
 * transcript formats do not carry it.
 *
 * @param callId    the call's id (required when the transcript has none: WebVTT, Google CCAI, Contact Lens without ContactId)
 * @param from      the caller's number, E.164: the customer, and where an SMS reply goes
 * @param to        the number called
 * @param agent     the voices that are agents, comma-separated ({@code spk_1}, {@code ch_1}, {@code 2}, a WebVTT name)
 * @param language  the call's language when the transcript does not say
 * @param startedAt when the call started, ISO-8601
 * @param format    the transcript format, when it should not be detected
 */
public record CallDetails(String callId, String from, String to, String agent, String language, String startedAt,
        String format) {
}
