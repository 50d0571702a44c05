package io.omnichannel.gateway.routing.config;

import io.omnichannel.gateway.contract.Channel;
import io.omnichannel.gateway.routing.core.Strategy;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/** Routing policies ({@code routing.*}); targets can be refined per inbox and priority over the API. */
@ConfigMapping(prefix = "routing")
public interface RoutingConfig {

    /** Default time to an agent's response, per channel. A conversation is due at clock start + target. */
    ResponseTargets responseTargets();

    /**
     * Targets of next-response clocks (a customer message after an agent's answer), per channel, e.g.
     * {@code routing.next-response-targets.email=PT4H}; a channel without one uses its response target.
     */
    Map<Channel, Duration> nextResponseTargets();

    /** How an agent is chosen among the eligible ones: LEAST_BUSY, LONGEST_IDLE or ROUND_ROBIN. */
    @WithDefault("LEAST_BUSY")
    Strategy strategy();

    /** Channels an agent works alone on: while on a call they take nothing else, and a busy agent takes no call. */
    @WithDefault("PHONE")
    Set<Channel> exclusiveChannels();

    /** Fraction of the target at which an sla-warning is raised and eligibility widened; the warning never comes after the due time. */
    @WithDefault("0.8")
    @DecimalMin(value = "0", inclusive = false)
    @DecimalMax("1")
    double warnFraction();

    /** How long a returning customer waits for the agent who served them last, if that agent is online but busy. */
    @WithDefault("PT5M")
    Duration stickyWindow();

    /** After this wait, optional skills (e.g. the message's language) are no longer required. */
    @WithDefault("PT2M")
    Duration optionalSkillsWait();

    Offers offers();

    /** When an agent goes AWAY or OFFLINE, also return the conversations they hold but have not answered yet. */
    @WithDefault("true")
    boolean returnUnansweredOnAway();

    /** How often waiting work, offers and SLA clocks are re-examined even when nothing signalled a change. */
    @WithDefault("PT1S")
    Duration dispatchInterval();

    interface Offers {
        /** Channels whose assignments need no acceptance (asynchronous ones). */
        @WithDefault("EMAIL,SMS,SOCIAL")
        Set<Channel> autoAcceptChannels();

        /** How long an agent has to accept an offer before it goes to someone else, unless its channel says otherwise. */
        @WithDefault("PT2M")
        Duration timeout();

        /** Per-channel offer timeouts overriding {@link #timeout()}, e.g. {@code routing.offers.channel-timeouts.phone=PT30S}. */
        Map<Channel, Duration> channelTimeouts();

        default Duration timeoutFor(Channel channel) {
            return channelTimeouts().getOrDefault(channel, timeout());
        }
    }

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
