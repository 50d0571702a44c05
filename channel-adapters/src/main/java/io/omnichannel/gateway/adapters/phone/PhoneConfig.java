package io.omnichannel.gateway.adapters.phone;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Configuration of the phone channel ({@code adapters.phone.*}); its inboxes are {@code adapters.inboxes.*}. */
@ConfigMapping(prefix = "adapters.phone")
public interface PhoneConfig {

    /**
     * Largest transcript accepted (413 above). Word-level transcripts (Amazon Transcribe) of a long
     * call are megabytes; {@code quarkus.http.limits.max-body-size} must not be lower.
     */
    @WithDefault("4194304")
    int maxTranscriptBytes();
}
