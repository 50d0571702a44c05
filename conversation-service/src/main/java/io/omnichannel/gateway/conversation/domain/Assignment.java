package io.omnichannel.gateway.conversation.domain;

/** What an assignment by routing changed for the conversation. */
public enum Assignment {
    /** It had no agent and has one now. */
    ASSIGNED,
    /** It moved from one agent to another, or to the agent a transfer asked for. */
    TRANSFERRED,
    /** The same agent again (a redelivered or a repeated decision). */
    UNCHANGED
}
