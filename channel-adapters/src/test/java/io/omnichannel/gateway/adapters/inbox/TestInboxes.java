package io.omnichannel.gateway.adapters.inbox;

import io.omnichannel.gateway.adapters.config.AdaptersConfig.InboxConfig;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Inbox registries for unit tests of other packages, built from inboxes as they would be configured. */
public final class TestInboxes {

    private TestInboxes() {
    }

    public static InboxRegistry registry(Inbox... inboxes) {
        Map<String, InboxConfig> configs = new LinkedHashMap<>();
        Arrays.stream(inboxes).forEach(inbox -> configs.put(inbox.id(), config(inbox)));
        return new InboxRegistry(configs, null, null);
    }

    private static InboxConfig config(Inbox inbox) {
        return new InboxConfig() {
            public String channel() {
                return inbox.channel().wireName();
            }

            public String provider() {
                return inbox.provider();
            }

            public Optional<String> address() {
                return Optional.ofNullable(inbox.address());
            }

            public Optional<String> secret() {
                return Optional.ofNullable(inbox.secret());
            }

            public Optional<String> account() {
                return Optional.ofNullable(inbox.account());
            }

            public Optional<String> apiToken() {
                return Optional.ofNullable(inbox.apiToken());
            }

            public Optional<String> publicUrl() {
                return Optional.ofNullable(inbox.publicUrl());
            }

            public Optional<String> webhookUrl() {
                return Optional.ofNullable(inbox.webhookUrl());
            }

            public Map<String, String> options() {
                return inbox.options();
            }
        };
    }
}
