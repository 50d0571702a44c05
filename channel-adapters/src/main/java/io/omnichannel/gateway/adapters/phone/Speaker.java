package io.omnichannel.gateway.adapters.phone;

/** Who speaks in a turn of a call. */
public enum Speaker {
    AGENT("Agent"), CUSTOMER("Customer");

    private final String label;

    Speaker(String label) {
        this.label = label;
    }

    /** How the turn is introduced in the message's text: "Agent", "Customer". */
    public String label() {
        return label;
    }

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
