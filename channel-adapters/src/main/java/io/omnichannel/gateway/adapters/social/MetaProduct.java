package io.omnichannel.gateway.adapters.social;

import java.util.Optional;

/**
 * The Meta products the social channel serves. Each is a provider of its own (inboxes, replies and
 * receipts name it) and posts webhooks whose {@code object} names it.
 */
public enum MetaProduct {
    WHATSAPP("whatsapp", "whatsapp_business_account", "WhatsApp"),
    MESSENGER("messenger", "page", "Messenger"),
    INSTAGRAM("instagram", "instagram", "Instagram");

    private final String provider;
    private final String object;
    private final String label;

    MetaProduct(String provider, String object, String label) {
        this.provider = provider;
        this.object = object;
        this.label = label;
    }

    /** The provider name inboxes, messages and replies carry, e.g. {@code whatsapp}. */
    public String provider() {
        return provider;
    }

    /** The webhook's {@code object}, e.g. {@code whatsapp_business_account}. */
    public String object() {
        return object;
    }

    public String label() {
        return label;
    }

    public static Optional<MetaProduct> ofProvider(String provider) {
        for (MetaProduct product : values()) {
            if (product.provider.equals(provider)) {
                return Optional.of(product);
            }
        }
        return Optional.empty();
    }
}
