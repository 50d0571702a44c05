package io.omnichannel.gateway.routing.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Business hours of an inbox, stored as text; {@link BusinessHours} is the computation. */
@Entity
@Table(name = "business_calendar")
public class BusinessCalendar {

    @Id
    public String id;

    @Column(name = "time_zone")
    public String timeZone;

    /** One line per open period, e.g. {@code MONDAY 09:00-17:00}. */
    @Column(name = "weekly_hours")
    public String weeklyHours;

    /** ISO dates, comma-separated. */
    public String holidays = "";

    public BusinessHours hours() {
        return BusinessHours.parse(timeZone, weeklyHours, holidays);
    }
}
