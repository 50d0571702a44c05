package io.omnichannel.gateway.routing.config;

import io.omnichannel.gateway.contract.Channel;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Routing policies ({@code routing.*}). */
@ConfigMapping(prefix = "routing")
public interface RoutingConfig {

    /** Time to the first agent response, per channel. A conversation is due at arrival + its channel's target. */
    ResponseTargets responseTargets();

    /** How often waiting work is re-examined even when nothing signalled a change (e.g. another instance's). */
    @WithDefault("PT1S")
    Duration dispatchInterval();

    interface ResponseTargets {
        @WithDefault("PT10M")
        Duration chat();

        @WithDefault("PT1H")
        Duration sms();

        @WithDefault("PT4H")
        Duration phone();

        @WithDefault("PT24H")
        Duration email();

        @WithDefault("P2D")
        Duration social();

        default Duration of(Channel channel) {
            return switch (channel) {
                case CHAT -> chat();
                case SMS -> sms();
                case PHONE -> phone();
                case EMAIL -> email();
                case SOCIAL -> social();
            };
        }
    }
}
