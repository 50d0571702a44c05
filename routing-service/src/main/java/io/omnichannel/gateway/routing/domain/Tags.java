package io.omnichannel.gateway.routing.domain;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Skill, team and agent lists as stored: comma-separated, trimmed, lower case, no duplicates. */
public final class Tags {

    private Tags() {
    }

    public static Set<String> parse(String stored) {
        if (stored == null || stored.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(stored.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    public static String format(Collection<String> tags) {
        return tags == null ? "" : tags.stream().map(t -> t.trim().toLowerCase(Locale.ROOT)).filter(t -> !t.isEmpty())
                .distinct().collect(Collectors.joining(","));
    }

    /** Ids keep their case (agent ids). */
    public static String formatIds(Collection<String> ids) {
        return ids == null ? "" : ids.stream().map(String::trim).filter(t -> !t.isEmpty()).distinct()
                .collect(Collectors.joining(","));
    }
}
