package io.omnichannel.gateway.conversation.rest;

import io.omnichannel.gateway.contract.Attachment;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The JSON bodies the conversation API accepts. */
final class Requests {

    private Requests() {
    }

    @Schema(name = "ReplyRequest")
    record Reply(
            @Schema(description = "Plain text; required unless there are attachments") @Size(max = 20_000) String text,
            @Schema(description = "HTML form, for channels that show it (email)") @Size(max = 200_000) String html,
            @Schema(description = "Email subject; by default 'Re: ' and the customer's last subject") @Size(max = 500) String subject,
            List<@Valid Attachment> attachments,
            @Schema(description = "Answer on another channel of the same customer (email, chat, social, sms, phone); "
                    + "by default the conversation's channel, SMS for a phone conversation")
            @Pattern(regexp = "email|chat|social|sms|phone", message = "must be one of email, chat, social, sms, phone")
            String channel) {
    }

    @Schema(name = "NoteRequest")
    record Note(@Schema(description = "Only agents see it") @NotBlank @Size(max = 20_000) String text) {
    }

    @Schema(name = "SnoozeRequest")
    record Snooze(@Schema(description = "When it opens again, ISO-8601, in the future") @NotNull Instant until) {
    }

    @Schema(name = "TransferRequest", description = "Exactly one of agentId and teamId")
    record Transfer(@Size(max = 200) String agentId, @Size(max = 200) String teamId) {
    }

    @Schema(name = "EscalateRequest")
    record Escalate(@Schema(description = "Why a supervisor should look at it") @NotBlank @Size(max = 2_000) String reason) {
    }

    @Schema(name = "PriorityRequest")
    record Priority(
            @Schema(enumeration = {"urgent", "high", "normal", "low"}) @NotNull
            @Pattern(regexp = "urgent|high|normal|low", message = "must be one of urgent, high, normal, low") String priority) {
    }

    @Schema(name = "TagsRequest")
    record Tags(@Schema(description = "The complete new set of tags") @NotNull @Size(max = 50) List<@NotBlank @Size(max = 100) String> tags) {
    }

    @Schema(name = "LinkIdentityRequest")
    record LinkIdentity(
            @Schema(enumeration = {"email", "phone", "whatsapp", "messenger", "instagram", "chat-visitor", "other"}) @NotNull
            @Pattern(regexp = "email|phone|whatsapp|messenger|instagram|chat-visitor|other",
                    message = "must be one of email, phone, whatsapp, messenger, instagram, chat-visitor, other") String kind,
            @Schema(description = "The address: a phone number (E.164 or national), an email address, a platform id")
            @NotBlank @Size(max = 500) String value) {
    }

    @Schema(name = "PresenceRequest")
    record Presence(
            @Schema(enumeration = {"ONLINE", "AWAY", "OFFLINE"}) @NotNull
            @Pattern(regexp = "ONLINE|AWAY|OFFLINE", message = "must be one of ONLINE, AWAY, OFFLINE") String presence) {
    }
}
