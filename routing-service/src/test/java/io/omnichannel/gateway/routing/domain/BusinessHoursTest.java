package io.omnichannel.gateway.routing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BusinessHoursTest {

    private final BusinessHours weekdays = BusinessHours.parse("Europe/Berlin",
            "MONDAY 09:00-17:00;TUESDAY 09:00-17:00;WEDNESDAY 09:00-12:00;WEDNESDAY 13:00-17:00;THURSDAY 09:00-17:00;FRIDAY 09:00-17:00",
            "2026-12-25");

    @Test
    void addsTimeInsideOpeningHoursOnly() {
        // Monday 2026-11-23 10:00 Berlin (09:00 UTC) + 10 min
        assertThat(weekdays.plus(Instant.parse("2026-11-23T09:00:00Z"), Duration.ofMinutes(10)))
                .isEqualTo(Instant.parse("2026-11-23T09:10:00Z"));
        // Monday 16:55 + 10 min → Tuesday 09:05
        assertThat(weekdays.plus(Instant.parse("2026-11-23T15:55:00Z"), Duration.ofMinutes(10)))
                .isEqualTo(Instant.parse("2026-11-24T08:05:00Z"));
    }

    @Test
    void waitsForTheOpeningWhenClosed() {
        // Saturday night → Monday 09:10
        assertThat(weekdays.plus(Instant.parse("2026-11-28T22:00:00Z"), Duration.ofMinutes(10)))
                .isEqualTo(Instant.parse("2026-11-30T08:10:00Z"));
        // Wednesday lunch break
        assertThat(weekdays.plus(Instant.parse("2026-11-25T10:55:00Z"), Duration.ofMinutes(10)))
                .isEqualTo(Instant.parse("2026-11-25T12:05:00Z"));
    }

    @Test
    void skipsHolidaysAndSpansDays() {
        // Thursday 2026-12-24 16:00 Berlin + 2 h: 1 h on Thursday, Friday 25th is a holiday, then Monday 28th 10:00
        assertThat(weekdays.plus(Instant.parse("2026-12-24T15:00:00Z"), Duration.ofHours(2)))
                .isEqualTo(Instant.parse("2026-12-28T09:00:00Z"));
        assertThat(weekdays.isOpen(Instant.parse("2026-12-25T10:00:00Z"))).isFalse();
        assertThat(weekdays.isOpen(Instant.parse("2026-12-24T10:00:00Z"))).isTrue();
    }

    @Test
    void namesWhatIsWrong() {
        assertThatThrownBy(() -> BusinessHours.parse("Mars/Olympus", "MONDAY 09:00-17:00", ""))
                .hasMessageContaining("time zone");
        assertThatThrownBy(() -> BusinessHours.parse("UTC", "FUNDAY 09:00-17:00", "")).hasMessageContaining("day of the week");
        assertThatThrownBy(() -> BusinessHours.parse("UTC", "MONDAY 17:00-09:00", "")).hasMessageContaining("MONDAY 09:00-17:00");
        assertThatThrownBy(() -> BusinessHours.parse("UTC", "", "")).hasMessageContaining("empty");
        assertThatThrownBy(() -> BusinessHours.parse("UTC", "MONDAY 09:00-17:00", "25.12.2026")).hasMessageContaining("ISO date");
    }
}
