package io.omnichannel.gateway.adapters.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void doublesTheWaitUpToTheCap() {
        Backoff backoff = new Backoff(6, Duration.ofSeconds(1), Duration.ofSeconds(5));
        assertThat(backoff.after(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.after(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.after(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(backoff.after(4)).isEqualTo(Duration.ofSeconds(5));
        assertThat(backoff.after(60)).isEqualTo(Duration.ofSeconds(5));
    }
}
