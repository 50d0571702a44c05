package io.omnichannel.gateway.routing.domain;

/** Where a running response clock stands: OK, past the warning fraction of the target, or past the target. */
public enum SlaState {
    OK, WARNING, BREACHED
}
