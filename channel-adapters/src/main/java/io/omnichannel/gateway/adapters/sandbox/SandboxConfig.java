package io.omnichannel.gateway.adapters.sandbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The local provider sandbox ({@code adapters.sandbox.*}): on only under {@code ./gateway up}. */
@ConfigMapping(prefix = "adapters.sandbox")
public interface SandboxConfig {

    /** Serve {@code /sandbox/*}, the stand-ins for the providers' send APIs; never in production. */
    @WithDefault("false")
    boolean enabled();
}
