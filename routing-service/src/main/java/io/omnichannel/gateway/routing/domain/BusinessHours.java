package io.omnichannel.gateway.routing.domain;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Weekly opening hours in a time zone, minus holidays. A response clock under a calendar only runs
 * while the business is open: {@link #plus} adds business time, so a chat arriving on Friday night
 * with a 10-minute target is due 10 minutes after Monday's opening.
 */
public final class BusinessHours {

    /** An open period of one day, {@code [start, end)}; end 00:00 means midnight. */
    record Period(LocalTime start, LocalTime end) {
        Duration length() {
            return end.equals(LocalTime.MIDNIGHT) ? Duration.between(start, LocalTime.MAX).plusNanos(1)
                    : Duration.between(start, end);
        }
    }

    private static final int MAX_DAYS_SEARCHED = 800;

    private final ZoneId zone;
    private final Map<DayOfWeek, List<Period>> week;
    private final Set<LocalDate> holidays;

    private BusinessHours(ZoneId zone, Map<DayOfWeek, List<Period>> week, Set<LocalDate> holidays) {
        this.zone = zone;
        this.week = week;
        this.holidays = holidays;
    }

    /**
     * @param weeklyHours lines or ';'-separated entries like {@code MONDAY 09:00-17:00}; a day may have several
     * @param holidays    ISO dates, comma-separated
     * @throws IllegalArgumentException naming what is wrong
     */
    public static BusinessHours parse(String timeZone, String weeklyHours, String holidays) {
        ZoneId zone;
        try {
            zone = ZoneId.of(timeZone);
        } catch (DateTimeException | NullPointerException e) {
            throw new IllegalArgumentException("unknown time zone '" + timeZone + "'");
        }
        Map<DayOfWeek, List<Period>> week = new EnumMap<>(DayOfWeek.class);
        for (String entry : (weeklyHours == null ? "" : weeklyHours).split("[;\n]")) {
            if (entry.isBlank()) {
                continue;
            }
            week.computeIfAbsent(day(entry), d -> new ArrayList<>()).add(period(entry));
        }
        if (week.isEmpty()) {
            throw new IllegalArgumentException("weekly hours are empty; give at least one period like 'MONDAY 09:00-17:00'");
        }
        week.values().forEach(periods -> periods.sort(Comparator.comparing(Period::start)));
        Set<LocalDate> days = new HashSet<>();
        for (String date : (holidays == null ? "" : holidays).split(",")) {
            if (!date.isBlank()) {
                try {
                    days.add(LocalDate.parse(date.trim()));
                } catch (DateTimeException e) {
                    throw new IllegalArgumentException("holiday '" + date.trim() + "' is not an ISO date (2026-12-25)");
                }
            }
        }
        return new BusinessHours(zone, week, days);
    }

    /** {@code start} + {@code businessTime} counted only while open. */
    public Instant plus(Instant start, Duration businessTime) {
        Duration left = businessTime;
        ZonedDateTime cursor = start.atZone(zone);
        for (int day = 0; day < MAX_DAYS_SEARCHED; day++) {
            LocalDate date = cursor.toLocalDate();
            if (!holidays.contains(date)) {
                for (Period period : week.getOrDefault(date.getDayOfWeek(), List.of())) {
                    ZonedDateTime open = date.atTime(period.start()).atZone(zone);
                    ZonedDateTime close = period.end().equals(LocalTime.MIDNIGHT)
                            ? date.plusDays(1).atStartOfDay(zone) : date.atTime(period.end()).atZone(zone);
                    ZonedDateTime from = cursor.isAfter(open) ? cursor : open;
                    if (!from.isBefore(close)) {
                        continue;
                    }
                    Duration available = Duration.between(from, close);
                    if (available.compareTo(left) >= 0) {
                        return from.plus(left).toInstant();
                    }
                    left = left.minus(available);
                }
            }
            cursor = date.plusDays(1).atStartOfDay(zone);
        }
        throw new IllegalStateException("the calendar has no open hours in the next " + MAX_DAYS_SEARCHED + " days");
    }

    /** Business time in {@code [from, to)}: how much of that span the business is open (zero when {@code to} is not after {@code from}). */
    public Duration between(Instant from, Instant to) {
        Duration open = Duration.ZERO;
        ZonedDateTime cursor = from.atZone(zone);
        ZonedDateTime end = to.atZone(zone);
        for (int day = 0; day < MAX_DAYS_SEARCHED && cursor.isBefore(end); day++) {
            LocalDate date = cursor.toLocalDate();
            if (!holidays.contains(date)) {
                for (Period period : week.getOrDefault(date.getDayOfWeek(), List.of())) {
                    ZonedDateTime opens = date.atTime(period.start()).atZone(zone);
                    ZonedDateTime closes = period.end().equals(LocalTime.MIDNIGHT)
                            ? date.plusDays(1).atStartOfDay(zone) : date.atTime(period.end()).atZone(zone);
                    ZonedDateTime spanFrom = cursor.isAfter(opens) ? cursor : opens;
                    ZonedDateTime spanTo = end.isBefore(closes) ? end : closes;
                    if (spanFrom.isBefore(spanTo)) {
                        open = open.plus(Duration.between(spanFrom, spanTo));
                    }
                }
            }
            cursor = date.plusDays(1).atStartOfDay(zone);
        }
        return open;
    }

    public boolean isOpen(Instant instant) {
        ZonedDateTime at = instant.atZone(zone);
        if (holidays.contains(at.toLocalDate())) {
            return false;
        }
        LocalTime time = at.toLocalTime();
        return week.getOrDefault(at.getDayOfWeek(), List.of()).stream().anyMatch(p -> !time.isBefore(p.start())
                && (p.end().equals(LocalTime.MIDNIGHT) || time.isBefore(p.end())));
    }

    private static DayOfWeek day(String entry) {
        String name = entry.trim().split("\\s+")[0].toUpperCase(Locale.ROOT);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().equals(name) || day.name().startsWith(name) && name.length() >= 3) {
                return day;
            }
        }
        throw new IllegalArgumentException("'" + entry.trim() + "' does not start with a day of the week");
    }

    private static Period period(String entry) {
        String[] parts = entry.trim().split("\\s+");
        String[] times = parts.length == 2 ? parts[1].split("-") : new String[0];
        try {
            if (times.length != 2) {
                throw new DateTimeException("no range");
            }
            LocalTime start = LocalTime.parse(times[0]);
            LocalTime end = times[1].equals("24:00") ? LocalTime.MIDNIGHT : LocalTime.parse(times[1]);
            if (!end.equals(LocalTime.MIDNIGHT) && !end.isAfter(start)) {
                throw new DateTimeException("empty range");
            }
            return new Period(start, end);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + entry.trim() + "' is not like 'MONDAY 09:00-17:00'");
        }
    }
}
