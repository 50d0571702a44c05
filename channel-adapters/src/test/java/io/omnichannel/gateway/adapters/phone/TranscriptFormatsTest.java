package io.omnichannel.gateway.adapters.phone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.omnichannel.gateway.adapters.rest.WebhookRejectedException;
import io.omnichannel.gateway.adapters.support.Samples;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every transcript sample read, its voices settled as agent and customer. */
class TranscriptFormatsTest {

    @Test
    void readsTranscribeSpeakerLabelsIntoTurns() {
        ParsedTranscript transcript = parse("aws_transcribe_batch_speaker_diarization.json", null);
        List<Turn> turns = Turns.withRoles(transcript, Set.of());

        assertThat(transcript.format()).isEqualTo(TranscriptFormat.AMAZON_TRANSCRIBE);
        assertThat(transcript.callId()).isEqualTo("my-first-transcription-job");
        assertThat(transcript.durationSeconds()).isEqualTo(9.24);
        assertThat(transcript.language()).isNull();
        assertThat(turns).extracting("speaker", "label", "text", "start", "end").containsExactly(
                tuple(Speaker.CUSTOMER, "spk_0", "I've been on hold for an hour.", 4.87, 6.88),
                tuple(Speaker.AGENT, "spk_1", "Sorry about that.", 8.49, 9.24));
        assertThat(Turns.text(turns)).isEqualTo("Customer: I've been on hold for an hour.\nAgent: Sorry about that.");
    }

    @Test
    void readsTranscribeChannelLabelsIntoTurns() {
        ParsedTranscript transcript = parse("aws_transcribe_batch_channel_identification.json", null);
        List<Turn> turns = Turns.withRoles(transcript, Set.of());

        assertThat(transcript.language()).isEqualTo("en-US");
        assertThat(transcript.durationSeconds()).isEqualTo(9.25);
        assertThat(transcript.details()).containsEntry("speaker-identification", "channel");
        assertThat(turns).extracting("speaker", "label", "text").containsExactly(
                tuple(Speaker.CUSTOMER, "ch_0", "I've been on hold for an hour."),
                tuple(Speaker.AGENT, "ch_1", "Sorry about that."));
    }

    @Test
    void letsTheRequestNameTheAgentVoice() {
        List<Turn> turns = Turns.withRoles(parse("aws_transcribe_batch_speaker_diarization.json", null), Set.of(" spk_0 "));

        assertThat(turns).extracting("speaker").containsExactly(Speaker.AGENT, Speaker.CUSTOMER);
    }

    @Test
    void readsContactLensTurnsWithRolesSentimentAndDuration() {
        ParsedTranscript transcript = parse("aws_connect_contact_lens_voice_analyzed_REPAIRED.json", null);
        List<Turn> turns = Turns.withRoles(transcript, Set.of("CUSTOMER"));

        assertThat(transcript.format()).isEqualTo(TranscriptFormat.AMAZON_CONTACT_LENS);
        assertThat(transcript.callId()).isNull();
        assertThat(transcript.language()).isEqualTo("en-US");
        assertThat(transcript.durationSeconds()).isEqualTo(32.11);
        assertThat(transcript.details()).containsEntry("sentiment-agent", "0").containsEntry("sentiment-customer", "3.1")
                .containsEntry("issues", "I need to cancel. I want to cancel my plan subscription");
        assertThat(turns).hasSize(10);
        assertThat(turns.get(0)).extracting("speaker", "text", "start", "end", "sentiment")
                .containsExactly(Speaker.AGENT, "Okay.", 0.0, 0.09, "NEUTRAL");
        assertThat(turns.get(3)).extracting("speaker", "text", "sentiment")
                .containsExactly(Speaker.CUSTOMER, "I need to cancel. I want to cancel my plan subscription.", "NEGATIVE");
        assertThat(Turns.text(turns)).startsWith("Agent: Okay.\nCustomer: Just hello. My name is Peter and help.\n")
                .endsWith("Customer: Thank you. Sir. Have a nice evening.");
    }

    @Test
    void readsTwilioSentencesWithTheTranscriptSidAsCallId() {
        ParsedTranscript transcript = parse("twilio_intelligence_v2_sentences_docs.json", null);
        List<Turn> turns = Turns.withRoles(transcript, Set.of());

        assertThat(transcript.format()).isEqualTo(TranscriptFormat.TWILIO_INTELLIGENCE);
        assertThat(transcript.callId()).isEqualTo("GTaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
        assertThat(transcript.durationSeconds()).isNull();
        assertThat(turns).extracting("speaker", "label", "text", "start")
                .containsExactly(tuple(Speaker.CUSTOMER, "1", "test test", null));
    }

    @Test
    void refusesOnePageOfAPagedTwilioTranscript() {
        String page = "{\"sentences\":[{\"media_channel\":1,\"sentence_index\":0,\"transcript\":\"hi\"}],"
                + "\"meta\":{\"next_page_url\":\"https://intelligence.twilio.com/v2/Transcripts/GT1/Sentences?Page=1\"}}";

        assertThatThrownBy(() -> TranscriptFormat.parse(page.getBytes(StandardCharsets.UTF_8), "application/json", null))
                .satisfies(e -> assertThat(((WebhookRejectedException) e).problem().field()).isEqualTo("meta.next_page_url"));
    }

    @Test
    void readsGoogleCcaiEntriesWithTheirRoles() {
        ParsedTranscript transcript = parse("google_ccai_insights_conversation_docs.json", null);

        assertThat(transcript.format()).isEqualTo(TranscriptFormat.GOOGLE_CCAI);
        assertThat(transcript.details()).containsEntry("categories", "Category 1");
        assertThat(Turns.withRoles(transcript, Set.of())).extracting("speaker", "label", "text", "start").containsExactly(
                tuple(Speaker.CUSTOMER, "1", "Hello, I'm calling in regards to ...", 1.0),
                tuple(Speaker.AGENT, "2", "Yes, I can answer your question ...", 5.0));
    }

    @Test
    void readsWebVttVoiceClassesTagsAndOverlaps() {
        ParsedTranscript transcript = parse("CONSTRUCTED_call_transcript_webvtt_agent_customer.vtt", "text/vtt");
        List<Turn> turns = Turns.withRoles(transcript, Set.of());

        assertThat(transcript.format()).isEqualTo(TranscriptFormat.WEBVTT);
        assertThat(transcript.language()).isEqualTo("en");
        assertThat(transcript.durationSeconds()).isEqualTo(9.0);
        assertThat(turns).extracting("speaker", "name", "text", "start", "end").containsExactly(
                tuple(Speaker.AGENT, "Alex (Agent)", "Thanks for calling Example Corp, this is Alex.", 0.0, 2.45),
                tuple(Speaker.CUSTOMER, "Maria López", "Hi, my order #12345 never arrived — can you check?", 2.9, 6.12),
                tuple(Speaker.AGENT, "Alex (Agent)", "Sure, one moment.", 5.8, 7.0),
                tuple(Speaker.CUSTOMER, "Maria López", "شكراً — thanks!", 7.5, 9.0));
    }

    @Test
    void readsTheW3cWebVttExampleTakingTheFirstVoiceForTheCustomerUnlessTold() {
        ParsedTranscript transcript = parse("webvtt_voice_tags_w3c_example.vtt", null);

        List<Turn> byDefault = Turns.withRoles(transcript, Set.of());
        List<Turn> told = Turns.withRoles(transcript, Set.of("roger bingham"));

        assertThat(transcript.durationSeconds()).isEqualTo(38.0);
        assertThat(byDefault.get(0).text()).isEqualTo("We are in New York City We’re actually at the Lucern Hotel, just down "
                + "the street from the American Museum of Natural History And with me is Neil deGrasse Tyson Astrophysicist, "
                + "Director of the Hayden Planetarium at the AMNH. Thank you for walking down here. And I want to do a "
                + "follow-up on the last conversation we did. When we e-mailed—");
        assertThat(byDefault).extracting("speaker", "name").containsExactly(
                tuple(Speaker.CUSTOMER, "Roger Bingham"), tuple(Speaker.AGENT, "Neil deGrasse Tyson"),
                tuple(Speaker.CUSTOMER, "Roger Bingham"), tuple(Speaker.AGENT, "Neil deGrasse Tyson"),
                tuple(Speaker.CUSTOMER, "Roger Bingham"));
        assertThat(byDefault.get(3).text()).isEqualTo("Laughs");
        assertThat(told).extracting("speaker").containsExactly(Speaker.AGENT, Speaker.CUSTOMER, Speaker.AGENT,
                Speaker.CUSTOMER, Speaker.AGENT);
    }

    @Test
    void namesWhatIsWrongWithABodyThatIsNoTranscript() {
        assertField("{\"hello\":\"world\"}", null, "body");
        assertField("not a transcript", null, "body");
        assertField("WEBVTT\n\n00:01.000 -> 00:02.000\n<v A>hi", null, "cue 1");
        assertField("{\"results\":{\"items\":[]},\"status\":\"FAILED\"}", null, "status");
        assertField("{\"results\":{\"items\":[{\"type\":\"pronunciation\",\"start_time\":\"x\",\"alternatives\":[{\"content\":\"a\"}]}]}}",
                null, "results.items[0].start_time");
        assertField("{\"Transcript\":{}}", "amazon-contact-lens", "Transcript");
        assertField("{}", "fax", "format");
    }

    private static void assertField(String body, String format, String field) {
        assertThatThrownBy(() -> TranscriptFormat.parse(body.getBytes(StandardCharsets.UTF_8), null, format))
                .isInstanceOf(WebhookRejectedException.class)
                .satisfies(e -> {
                    assertThat(((WebhookRejectedException) e).problem().status()).isEqualTo(400);
                    assertThat(((WebhookRejectedException) e).problem().field()).isEqualTo(field);
                });
    }

    private static ParsedTranscript parse(String sample, String contentType) {
        return TranscriptFormat.parse(Samples.text("transcripts/" + sample).getBytes(StandardCharsets.UTF_8), contentType, null);
    }
}
