package io.omnichannel.gateway.adapters.phone;

/**
 * One speaker turn of a call.
 *
 * @param label     the provider's name of the voice: {@code spk_0}, {@code ch_1}, media channel {@code 2},
 *                  a participant id or a WebVTT voice
 * @param name      the speaker's name, when the transcript gives one (WebVTT voices)
 * @param speaker   agent or customer; null until roles are assigned, unless the provider said so
 * @param start     seconds from the start of the call, when known
 * @param sentiment the provider's sentiment of the turn (e.g. Contact Lens POSITIVE, NEGATIVE)
 */
public record Turn(String label, String name, Speaker speaker, String text, Double start, Double end, String sentiment) {

    Turn as(Speaker role) {
        return new Turn(label, name, role, text, start, end, sentiment);
    }

    /** This turn followed by {@code next} of the same voice, as one turn. */
    Turn join(Turn next) {
        return new Turn(label, name, speaker, text + " " + next.text, start != null ? start : next.start,
                next.end != null ? next.end : end, sentiment);
    }
}
